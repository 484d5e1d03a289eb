/** The imported trials completed as the history stores them (the import page saves them). */
import type { ImportedTrial } from '../formats/trial-import';
import { isoWithOffset } from '../session/local-time';
import { DURATION_CAPS_S, type TrialRecord, type TrialSetup } from '../session/types';

/**
 * The completed records: the files' own id, set-up and date where they have them, the form's
 * elsewhere. A 2-D sway trial is always on a force plate, its cap the smallest that holds the
 * recording, and it takes the form's unit (trimmed; empty: none) when its file gave none.
 */
export function completeRecords(
  trials: readonly ImportedTrial[],
  setup: TrialSetup,
  now: Date,
  newId: () => string,
  swayUnit = '',
): TrialRecord[] {
  const unit = swayUnit.trim() === '' ? null : swayUnit.trim();
  return trials.map(({ record }) => {
    const completed: TrialRecord = {
      ...record,
      id: record.id ?? newId(),
      setup: (record.setup as TrialSetup | null) ?? setup,
      startedAt: record.startedAt ?? isoWithOffset(now),
    };
    if (record.sway === undefined) return completed;
    // A recording has no time limit of its own: the smallest cap that holds it (else the largest),
    // so its result does not say "held for the full 45 s" of a 60 s recording.
    const capS =
      DURATION_CAPS_S.find((cap) => cap >= record.holdTimeS) ?? DURATION_CAPS_S[DURATION_CAPS_S.length - 1]!;
    return {
      ...completed,
      setup: { ...completed.setup, placement: 'force-plate', capS: record.setup?.capS ?? capS },
      sway: { ...record.sway, unit: record.sway.unit ?? unit },
    };
  });
}

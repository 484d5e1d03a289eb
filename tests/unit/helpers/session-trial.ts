/**
 * A trial as the guided session's rules read it (src/session/protocol.ts): its leg, hold time,
 * how it ended and its conditions. The rest of a record does not matter to them.
 */
import type { Side } from '../../../src/session/protocol';
import { DEFAULT_SETUP, type EndReason, type TrialRecord, type TrialSetup } from '../../../src/session/types';

let id = 0;

export function sessionTrial(
  side: Side,
  holdTimeS: number,
  endReason: EndReason = 'touchdown',
  setup: Partial<TrialSetup> = {},
): TrialRecord {
  return {
    id: `t${++id}`,
    setup: { ...DEFAULT_SETUP, ...setup, stanceSide: side },
    endReason,
    interrupted: endReason === 'hidden' || endReason === 'sensor-silent',
    holdTimeS,
  } as unknown as TrialRecord;
}

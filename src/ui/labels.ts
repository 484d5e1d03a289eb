/**
 * The words the pages use for the trial's vocabulary (src/session/types.ts), in one place so
 * the set-up form, the result page and the announcements say the same thing.
 */
import type {
  EndReason,
  EyesCondition,
  PhonePlacement,
  Placement,
  StanceSide,
  Surface,
  TrialSetup,
} from '../session/types';

export const STANCE_SIDE_LABELS: Record<StanceSide, string> = { left: 'Left leg', right: 'Right leg' };
export const EYES_LABELS: Record<EyesCondition, string> = { open: 'Eyes open', closed: 'Eyes closed' };
export const SURFACE_LABELS: Record<Surface, string> = { firm: 'Firm floor', foam: 'Foam pad' };
/** The placements a live trial offers (a force plate is only for imported 2-D sway trials). */
export const PHONE_PLACEMENT_LABELS: Record<PhonePlacement, string> = {
  chest: 'Chest',
  lumbar: 'Lower back',
};
export const PLACEMENT_LABELS: Record<Placement, string> = {
  ...PHONE_PLACEMENT_LABELS,
  'force-plate': 'Force plate',
};

/** How to hold the phone for each placement (SPEC section 1). */
export const PLACEMENT_HOW_TO: Record<PhonePlacement, readonly string[]> = {
  chest: [
    'Hold the phone upright and flat against your breastbone, top edge up, screen facing out.',
    'Cross your arms over it and keep it still against your chest.',
  ],
  lumbar: [
    'Put the phone upright in a belt at the small of your back, top edge up, screen facing out.',
    'Cross your arms over your chest.',
  ],
};

/** One-line headline of how a trial ended. */
export function endReasonHeadline(reason: EndReason, capS: number): string {
  switch (reason) {
    case 'completed':
      return `Completed: held for the full ${capS} s`;
    case 'touchdown':
      return 'Ended by foot touch-down';
    case 'stopped':
      return 'Stopped with the Stop button';
    case 'hidden':
      return 'Interrupted: the page was hidden';
    case 'sensor-silent':
      return 'Interrupted: the motion sensor stopped sending data';
  }
}

/** What to do after an interruption, in plain words. */
export function interruptionAdvice(reason: EndReason): string {
  return reason === 'hidden'
    ? 'The screen turned off or another app came to the front, so the test could not follow you. Keep this page open and the screen on, then repeat the trial.'
    : 'No motion data arrived for a second, so the test could not follow you. Repeat the trial; if it happens again, reload the page.';
}

/** "Eyes open" as it reads inside a sentence or a list: "eyes open". */
function inLine(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/**
 * The set-up in one line, as the set-up page shows it for a known person instead of its six
 * choice groups: "Left leg · eyes open · firm floor · chest · 45 s" (and "· demo recording").
 * `limitNote` says after the limit what it leaves out: "10 s (too short for centroid frequency)"
 * (result-meaning.ts limitTooShort).
 */
export function setupLine(
  setup: TrialSetup,
  source: 'sensor' | 'demo',
  limitNote: string | null = null,
): string {
  const parts = [
    STANCE_SIDE_LABELS[setup.stanceSide],
    inLine(EYES_LABELS[setup.eyes]),
    inLine(SURFACE_LABELS[setup.surface]),
    inLine(PLACEMENT_LABELS[setup.placement]),
    limitNote === null ? `${setup.capS} s` : `${setup.capS} s (${limitNote})`,
  ];
  if (source === 'demo') parts.push('demo recording');
  return parts.join(' · ');
}

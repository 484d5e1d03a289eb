/**
 * The left/right symmetry in words (pure): one figure leads, the LSI of each leg's best of 3
 * (SPEC section 6; the norms and the protocol are best of 3), said in one sentence; a
 * difference with LSI at or above LSI_FLAG_BELOW_PERCENT is not called "weaker" (one trial to
 * the next varies that much); and when the best and the mean point different ways, the page
 * says why instead of showing two verdicts side by side.
 */
import type { Side } from '../core/compare';
import { LSI_FLAG_BELOW_PERCENT, type Symmetry } from '../core/symmetry';
import { formatPercent } from './history-format';

/** What a symmetry says: a weaker leg, about even, or nothing (no LSI). */
export type Verdict = Side | 'even' | null;

export function verdictOf(symmetry: Symmetry, hasDirection: boolean): Verdict {
  if (!hasDirection || symmetry.lsiPercent === null) return null;
  if (symmetry.weakerSide === null || !symmetry.lsiFlagged) return 'even';
  return symmetry.weakerSide;
}

const other = (side: Side): Side => (side === 'left' ? 'right' : 'left');

const THRESHOLD = `100 % is even; under ${LSI_FLAG_BELOW_PERCENT} % one leg is called weaker`;

/**
 * The one sentence under the leading figure, e.g. "The left leg's best hold time is 82.5 % of
 * the right leg's (100 % is even; under 90 % one leg is called weaker)."
 */
export function leadSentence(best: Symmetry, hasDirection: boolean, holdTime: boolean): string {
  if (!hasDirection) return 'No LSI: for a frequency neither value is better.';
  if (best.lsiPercent === null) return 'No LSI: a leg has no value.';
  if (best.weakerSide === null) return 'Both legs’ best values are equal: 100 %, even.';
  const lsi = formatPercent(best.lsiPercent);
  const weaker = best.weakerSide;
  return holdTime
    ? `The ${weaker} leg’s best hold time is ${lsi} of the ${other(weaker)} leg’s (${THRESHOLD}).`
    : `The ${other(weaker)} leg’s least sway is ${lsi} of the ${weaker} leg’s (${THRESHOLD}).`;
}

const VERDICT_WORDS: Record<Side | 'even', string> = {
  left: 'left leg weaker',
  right: 'right leg weaker',
  even: 'about even',
};

/**
 * Why the best of 3 and the mean disagree, or null when they agree (or one has no LSI): the
 * mean also counts a leg's weaker trials, so it differs from the best when trials vary.
 */
export function bestMeanWords(best: Verdict, mean: Verdict): string | null {
  if (best === null || mean === null || best === mean) return null;
  return `The mean says otherwise (best of 3: ${VERDICT_WORDS[best]}; mean: ${VERDICT_WORDS[mean]}): the mean also counts each leg’s weaker trials, so the trials vary. The best of 3 is the figure the norms use.`;
}

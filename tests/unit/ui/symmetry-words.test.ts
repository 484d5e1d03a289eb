/**
 * The symmetry in words (src/ui/symmetry-words.ts): the LSI of the best of 3 leads with one
 * sentence, a difference at LSI 90 % or more calls no leg weaker, and a best and a mean that
 * point different ways are explained. LSI = min / max x 100 % (SPEC section 6).
 */
import { describe, expect, it } from 'vitest';
import { symmetryOf } from '../../../src/core/symmetry';
import { bestMeanWords, leadSentence, verdictOf } from '../../../src/ui/symmetry-words';

describe('the symmetry in words', () => {
  it('calls no leg weaker for a 0.8 % difference, and names the weaker leg under 90 %', () => {
    // 12.0 against 12.1 s: LSI 99.2 %, a 0.8 % difference.
    const close = symmetryOf(12.0, 12.1, 'larger-is-better');
    expect(verdictOf(close, true)).toBe('even');
    expect(leadSentence(close, true, true)).toBe(
      'The left leg’s best hold time is 99.2 % of the right leg’s (100 % is even; under 90 % one leg is called weaker).',
    );
    // 30 against 40 s: 75 %, the left leg weaker.
    expect(verdictOf(symmetryOf(30, 40, 'larger-is-better'), true)).toBe('left');
    // Sway, smaller is better: 0.3 against 0.4 m/s², the right leg sways more (75 %).
    const sway = symmetryOf(0.3, 0.4, 'larger-is-worse');
    expect(verdictOf(sway, true)).toBe('right');
    expect(leadSentence(sway, true, false)).toBe(
      'The left leg’s least sway is 75.0 % of the right leg’s (100 % is even; under 90 % one leg is called weaker).',
    );
  });

  it('says when there is no LSI, and when the legs are equal', () => {
    expect(leadSentence(symmetryOf(2, 3, 'no-direction'), false, false)).toBe(
      'No LSI: for a frequency neither value is better.',
    );
    expect(verdictOf(symmetryOf(2, 3, 'no-direction'), false)).toBeNull();
    expect(leadSentence(symmetryOf(null, 3, 'larger-is-better'), true, true)).toBe(
      'No LSI: a leg has no value.',
    );
    expect(leadSentence(symmetryOf(20, 20, 'larger-is-better'), true, true)).toBe(
      'Both legs’ best values are equal: 100 %, even.',
    );
  });

  it('explains a best and a mean that disagree, and says nothing when they agree', () => {
    expect(bestMeanWords('left', 'right')).toBe(
      'The mean says otherwise (best of 3: left leg weaker; mean: right leg weaker): the mean also counts each leg’s weaker trials, so the trials vary. The best of 3 is the figure the norms use.',
    );
    expect(bestMeanWords('even', 'even')).toBeNull();
    expect(bestMeanWords('left', null)).toBeNull();
  });
});

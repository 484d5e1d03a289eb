/**
 * Like with like, said plainly (pure): when a person's trials differ in conditions (time limit,
 * eyes, surface, placement), how they differ in words ("left leg with a 45 s limit, right leg
 * with 10 s"), and the tests that would make the legs comparable, each a complete set-up the
 * test page can open (routes.ts). The compare and progress pages show these; only trials under
 * the same conditions are compared (src/core/compare.ts, SPEC section 6).
 */
import type { LikeConditions, Side } from '../core/compare';
import { DURATION_CAPS_S, type TrialSetup } from '../session/types';

/** Conditions with each leg's number of trials under them (compare-model.ts ConditionOption). */
export interface LegCounts {
  key: string;
  conditions: LikeConditions;
  left: number;
  right: number;
}

type Aspect = 'eyes' | 'surface' | 'placement' | 'capS' | 'swayUnit';

/** In the order they are said. */
const ASPECTS: readonly Aspect[] = ['eyes', 'surface', 'placement', 'capS', 'swayUnit'];

const PLACEMENT_WORDS: Record<LikeConditions['placement'], string> = {
  chest: 'the phone at the chest',
  lumbar: 'the phone at the lower back',
  'force-plate': 'a force plate',
};

/**
 * One condition as a phrase, its preposition apart so "with eyes open and a 45 s limit" reads
 * as one; null for no sway unit (a phone's trials: nothing to say).
 */
function phrase(aspect: Aspect, conditions: LikeConditions, firstLimit: boolean): [string, string] | null {
  switch (aspect) {
    case 'eyes':
      return ['with', `eyes ${conditions.eyes}`];
    case 'surface':
      return ['on', conditions.surface === 'firm' ? 'the firm floor' : 'the foam pad'];
    case 'placement':
      return ['with', PLACEMENT_WORDS[conditions.placement]];
    case 'capS':
      // The first limit named says what the number is; the next ones are understood.
      return ['with', firstLimit ? `a ${conditions.capS} s limit` : `${conditions.capS} s`];
    case 'swayUnit':
      return conditions.swayUnit == null ? null : ['in', conditions.swayUnit];
  }
}

/** "with eyes closed and a 10 s limit", "on the foam pad and with 10 s". */
function conditionsWords(
  conditions: LikeConditions,
  aspects: readonly Aspect[],
  firstLimit: boolean,
): string {
  const parts: string[] = [];
  let previous: string | null = null;
  for (const aspect of aspects) {
    const said = phrase(aspect, conditions, firstLimit);
    if (said === null) continue;
    const [preposition, words] = said;
    parts.push(preposition === previous ? words : `${preposition} ${words}`);
    previous = preposition;
  }
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** The conditions in which the options differ, in the order they are said. */
export function differingAspects(options: readonly Pick<LegCounts, 'conditions'>[]): Aspect[] {
  const first = options[0]?.conditions;
  if (first === undefined) return [];
  return ASPECTS.filter((aspect) =>
    options.some((option) => (option.conditions[aspect] ?? null) !== (first[aspect] ?? null)),
  );
}

const legsOf = (option: LegCounts): Side[] =>
  [option.left > 0 ? ('left' as const) : null, option.right > 0 ? ('right' as const) : null].filter(
    (side): side is Side => side !== null,
  );

/** Both legs first, then the left leg's, then the right leg's: the sentence reads left to right. */
const rank = (option: LegCounts): number => (option.left > 0 ? (option.right > 0 ? 0 : 1) : 2);

/**
 * Each option's legs with how its conditions differ from the others' ("left leg with a 45 s
 * limit", "right leg with 10 s"); a leg named before is "also" under the next conditions.
 */
export function legsUnder(options: readonly LegCounts[], aspects = differingAspects(options)): string[] {
  const named = new Set<Side>();
  const ordered = [...options].sort((a, b) => rank(a) - rank(b));
  return ordered.map((option, k) => {
    const legs = legsOf(option);
    const who = legs.length === 2 ? 'both legs' : `${legs[0] ?? 'no'} leg`;
    const also = legs.length > 0 && legs.every((side) => named.has(side)) ? ' also' : '';
    for (const side of legs) named.add(side);
    return `${who}${also} ${conditionsWords(option.conditions, aspects, k === 0)}`;
  });
}

/** A test that makes the legs comparable: its complete set-up and its button's words. */
export interface ComparableTest {
  setup: TrialSetup;
  /** "Test the left leg with a 10 s limit" */
  label: string;
}

export interface LikeAdvice {
  /** "left leg with a 45 s limit, right leg with 10 s": every option of the day (or the history). */
  differ: string;
  /** The other options alone ("right leg with a 10 s limit"), for a page that compares the chosen ones. */
  others: string;
  /** The leg with no trial under the chosen conditions, or null when both have some. */
  missing: Side | null;
  /**
   * The missing leg under the chosen conditions first, then the tested leg under other
   * conditions the missing one has; none when both legs have trials under the chosen ones, or
   * the conditions cannot be set up on the phone (force plate, a limit not offered).
   */
  tests: ComparableTest[];
}

/** The set-up of `side` under `conditions`, when the phone's set-up offers them. */
export function setupFor(side: Side, conditions: LikeConditions): TrialSetup | null {
  const capS = DURATION_CAPS_S.find((cap) => cap === conditions.capS);
  if (conditions.placement === 'force-plate' || capS === undefined || (conditions.swayUnit ?? null) !== null)
    return null;
  const { eyes, surface, placement } = conditions;
  return { stanceSide: side, eyes, surface, placement, capS };
}

function testOf(side: Side, conditions: LikeConditions, aspects: readonly Aspect[]): ComparableTest | null {
  const setup = setupFor(side, conditions);
  return setup === null
    ? null
    : { setup, label: `Test the ${side} leg ${conditionsWords(conditions, aspects, true)}` };
}

/**
 * What to say when the trials at hand (a day's, or all of a person's) are under more than one
 * set of conditions; null when they all share one, or the chosen conditions are not among them.
 */
export function likeAdvice(options: readonly LegCounts[], chosenKey: string): LikeAdvice | null {
  const chosen = options.find((option) => option.key === chosenKey);
  if (options.length < 2 || chosen === undefined) return null;
  const aspects = differingAspects(options);
  const others = options.filter((option) => option !== chosen);
  const tested = legsOf(chosen);
  const missing = tested.length === 1 ? (tested[0] === 'left' ? 'right' : 'left') : null;
  const tests: ComparableTest[] = [];
  if (missing !== null) {
    const here = testOf(missing, chosen.conditions, aspects);
    if (here) tests.push(here);
    const there = others.find((option) => option[missing] > 0 && option[tested[0] as Side] === 0);
    const other = there && testOf(tested[0] as Side, there.conditions, aspects);
    if (other) tests.push(other);
  }
  return {
    differ: legsUnder(options, aspects).join(', '),
    others: legsUnder(others, aspects).join(', '),
    missing,
    tests,
  };
}

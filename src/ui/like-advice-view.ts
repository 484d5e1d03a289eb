/**
 * The compare and progress pages' words when trials differ in conditions (like-with-like.ts):
 * what differs, and a button per test that would make the legs comparable, each opening the
 * test page with exactly that set-up (routes.ts).
 */
import { h } from './dom';
import type { ComparableTest, LikeAdvice } from './like-with-like';
import { routeHash } from './routes';

/** The tests as button links, the first one the main action; null when there is none. */
export function comparableTests(tests: readonly ComparableTest[]): HTMLElement | null {
  if (tests.length === 0) return null;
  return h(
    'p',
    { className: 'comparable-tests', data: { field: 'comparable-tests' } },
    ...tests.map((test, k) =>
      h(
        'a',
        {
          className: k === 0 ? 'button-link primary' : 'button-link',
          attrs: { href: routeHash({ name: 'test', setup: test.setup }) },
          data: { leg: test.setup.stanceSide, capS: String(test.setup.capS) },
        },
        test.label,
      ),
    ),
  );
}

/** "left leg with a 45 s limit, right leg with 10 s.", said after a colon. */
export function differSentence(advice: LikeAdvice): string {
  return `${advice.differ}.`;
}

/**
 * What to do when one leg has trials under the chosen conditions and the other only under
 * others: the same conditions for both, or the other leg's conditions for this one.
 */
export function adviceWords(advice: LikeAdvice): string {
  if (advice.missing === null) return '';
  return advice.tests.length < 2
    ? `To compare the legs, test the ${advice.missing} leg under the same conditions.`
    : 'To compare the legs, test one of them under the other’s conditions:';
}

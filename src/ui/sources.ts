/**
 * Where the page's reference values come from, for the scientists among the readers: a
 * "Sources" disclosure in plain words under what it backs up. The notes kept for the people
 * who check the values (src/core/norms.ts) stay in the code; the page says what the norm is.
 */
import { NORM_CAP_S, SPRINGER_2007_CITATION } from '../core/norms';
import { h } from './dom';

/** What the hold-time norm is, in words: how it was measured, so a reader can tell if it fits. */
export const NORM_IN_WORDS = `The norm is the average of healthy adults of the same age group: each stood 3 times on one leg and their best time counted, with a ${NORM_CAP_S} s limit on a firm floor.`;

/** A closed "Sources" disclosure with each source as one line of text. */
export function sourcesDisclosure(lines: readonly string[], field = 'sources'): HTMLElement {
  return h(
    'details',
    { className: 'sources', data: { field } },
    h('summary', {}, 'Sources'),
    ...lines.map((line) => h('p', { className: 'citation' }, line)),
  );
}

/** The sources of the hold-time norm: what it is, and the paper. */
export function normSources(): HTMLElement {
  return sourcesDisclosure([NORM_IN_WORDS, SPRINGER_2007_CITATION], 'norm-sources');
}

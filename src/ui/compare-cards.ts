/**
 * The left vs right page's cards (compare-view.ts): per measure, the legs' best and mean,
 * the LSI of the best of 3 leading with its one sentence (symmetry-words.ts), why the best
 * and the mean disagree when they do, and the other symmetry figures under a disclosure; and
 * how the legs are compared, with both indices under their names (SPEC section 6).
 */
import { LAST_TRIALS } from '../core/compare';
import { LSI_FLAG_BELOW_PERCENT, LSI_NAME, SI_NAME } from '../core/symmetry';
import type { MetricCard, SymmetryLine } from './compare-model';
import { h } from './dom';

function lsiRow(title: string, line: SymmetryLine, field: string): HTMLElement {
  return h(
    'tr',
    { className: line.flagged ? 'lsi flagged' : 'lsi', data: { field: `lsi-${field}` } },
    h('th', { attrs: { scope: 'row' } }, title),
    h(
      'td',
      {
        attrs: { colspan: '2' },
        data: { value: line.lsiValue === null ? '' : String(line.lsiValue), flagged: String(line.flagged) },
      },
      line.flagged ? h('span', { className: 'flag', attrs: { 'aria-hidden': 'true' } }, '⚠ ') : null,
      h('strong', {}, line.lsi),
      h('span', { className: 'lsi-note' }, ` ${line.note}`),
    ),
  );
}

function siRow(title: string, line: SymmetryLine, field: string): HTMLElement {
  return h(
    'tr',
    { className: 'si', data: { field: `si-${field}` } },
    h('th', { attrs: { scope: 'row' } }, title),
    h(
      'td',
      { attrs: { colspan: '2' }, data: { value: line.siValue === null ? '' : String(line.siValue) } },
      line.si,
    ),
  );
}

/** The figures after the leading one: the SI of the best, the LSI and SI of the means. */
function otherFigures(card: MetricCard): HTMLElement {
  return h(
    'details',
    { className: 'other-figures', data: { field: 'other-figures' } },
    h('summary', {}, 'Other symmetry figures'),
    h(
      'table',
      { className: 'compare-table' },
      h('caption', { className: 'visually-hidden' }, `${card.label}: other symmetry figures`),
      h(
        'tbody',
        {},
        siRow('SI of best', card.ofBest, 'best'),
        lsiRow('LSI of mean', card.ofMean, 'mean'),
        siRow('SI of mean', card.ofMean, 'mean'),
      ),
    ),
  );
}

export function metricCard(card: MetricCard): { element: HTMLElement; canvas: HTMLCanvasElement } {
  const canvas = h('canvas', {
    attrs: { role: 'img', 'aria-label': `${card.label}: best and mean of the left and the right leg` },
  });
  const cell = (text: string, value: number | null) =>
    h('td', { data: { value: value === null ? '' : String(value) } }, text);
  const table = h(
    'table',
    { className: 'compare-table' },
    h('caption', { className: 'visually-hidden' }, `${card.label}, ${card.unit}: left and right leg`),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('td', {}),
        h('th', { attrs: { scope: 'col' } }, 'Left leg'),
        h('th', { attrs: { scope: 'col' } }, 'Right leg'),
      ),
    ),
    h(
      'tbody',
      {},
      h(
        'tr',
        { data: { field: 'best' } },
        h('th', { attrs: { scope: 'row' } }, 'Best'),
        cell(card.left.best, card.left.bestValue),
        cell(card.right.best, card.right.bestValue),
      ),
      h(
        'tr',
        { data: { field: 'mean' } },
        h('th', { attrs: { scope: 'row' } }, 'Mean'),
        cell(card.left.mean, card.left.meanValue),
        cell(card.right.mean, card.right.meanValue),
      ),
      h(
        'tr',
        { className: 'trial-counts' },
        h('th', { attrs: { scope: 'row' } }, 'Of'),
        h('td', {}, card.left.trials),
        h('td', {}, card.right.trials),
      ),
      lsiRow('LSI, best of 3', card.ofBest, 'best'),
    ),
  );
  const element = h(
    'article',
    { className: 'compare-card', data: { metric: card.metric, flagged: String(card.ofBest.flagged) } },
    h('h2', {}, `${card.label}`, h('span', { className: 'unit' }, ` (${card.unit})`)),
    h('div', { className: 'compare-chart' }, canvas),
    table,
    h('p', { className: 'symmetry-lead', data: { field: 'symmetry-lead' } }, card.lead),
    card.bestMean === null
      ? null
      : h('p', { className: 'best-mean', data: { field: 'best-mean' } }, card.bestMean),
    otherFigures(card),
  );
  return { element, canvas };
}

export function definitions(): HTMLElement {
  return h(
    'details',
    { className: 'definitions' },
    h('summary', {}, 'How the legs are compared'),
    h(
      'p',
      {},
      `Each leg’s numbers come from its last ${LAST_TRIALS} trials in the session under the same conditions. Best = longest hold time or least sway.`,
    ),
    h(
      'dl',
      {},
      h('dt', {}, LSI_NAME),
      h(
        'dd',
        {},
        `LSI = weaker ÷ stronger × 100 %: 100 % is symmetric; below ${LSI_FLAG_BELOW_PERCENT} % is flagged.`,
      ),
      h('dt', {}, SI_NAME),
      h(
        'dd',
        {},
        'SI = (R − L) ÷ (½ (R + L)) × 100 %: 0 % is symmetric; positive when the right leg’s value is larger. Herzog W, Nigg BM, Read LJ, Olsson E (1989) Med Sci Sports Exerc 21(1):110-114.',
      ),
    ),
  );
}

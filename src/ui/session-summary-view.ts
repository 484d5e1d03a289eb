/**
 * The end of a guided session (src/session/session-summary.ts): each leg's best of 3 with its
 * trials, the age norm where the session's protocol is the norm's, the symmetry of the two
 * bests, and one plain sentence of what it means. Then a new session, or the Compare page.
 */
import type { GuidedSession, Side } from '../session/protocol';
import { TRIALS_PER_LEG } from '../session/protocol';
import type { LegSummary, SessionSummary } from '../session/session-summary';
import { h } from './dom';
import { formatSeconds } from './format';
import { againstBand, NORM_SOURCE, normRange } from './result-meaning';
import { EYES_LABELS, PLACEMENT_LABELS, STANCE_SIDE_LABELS, SURFACE_LABELS } from './labels';

export interface SessionSummaryViewOptions {
  session: GuidedSession;
  summary: SessionSummary;
  /** Who was tested, e.g. "Anna", or null when nobody is chosen. */
  personName: string | null;
  onNewSession(): void;
  /** Opens the Compare page; absent without a history. */
  onCompare?(): void;
}

function conditionsLine(session: GuidedSession): string {
  const { eyes, surface, placement, capS } = session.setup;
  return [
    EYES_LABELS[eyes],
    SURFACE_LABELS[surface].toLowerCase(),
    `phone on ${PLACEMENT_LABELS[placement].toLowerCase()}`,
    `${capS} s limit`,
  ].join(' · ');
}

/** Where a best lies against the norm band, as the result page words it (result-meaning.ts). */
function againstNorm(bestS: number, summary: SessionSummary): string | null {
  const { norm } = summary;
  if (!norm.applies) return null;
  const where = againstBand(bestS, norm.lowS, norm.highS);
  if (where !== 'within') return `${where} the age norm`;
  return norm.lowS === norm.highS ? 'at the age norm' : 'within the age norm';
}

function legCard(leg: LegSummary, summary: SessionSummary): HTMLElement {
  const trials =
    leg.holdTimesS.length === 0
      ? 'No trial counted.'
      : `Trials: ${leg.holdTimesS.map(formatSeconds).join(', ')}` +
        (leg.holdTimesS.length < TRIALS_PER_LEG ? ` (${leg.holdTimesS.length} of ${TRIALS_PER_LEG})` : '');
  const where = leg.bestS === null ? null : againstNorm(leg.bestS, summary);
  return h(
    'section',
    {
      className: 'session-leg',
      data: { side: leg.side, best: leg.bestS === null ? '' : String(leg.bestS) },
      attrs: { 'aria-label': STANCE_SIDE_LABELS[leg.side] },
    },
    h('h2', {}, STANCE_SIDE_LABELS[leg.side]),
    h(
      'p',
      { className: 'session-best' },
      h('span', { className: 'hold-time-label' }, `Best of ${TRIALS_PER_LEG}`),
      ' ',
      h('strong', { className: 'session-best-value' }, leg.bestS === null ? '–' : formatSeconds(leg.bestS)),
      where === null ? null : h('span', { data: { field: 'against-norm' } }, `, ${where}`),
    ),
    h('p', { className: 'session-trials', data: { field: 'trials' } }, trials),
  );
}

function normLine(summary: SessionSummary): string {
  const { norm } = summary;
  if (!norm.applies) return `No age norm: ${norm.reason}.`;
  const band = normRange(norm.lowS, norm.highS);
  return `Age norm (${NORM_SOURCE}, age ${norm.ageGroups.join(' / ')}): ${band}, the average best of ${TRIALS_PER_LEG} trials of healthy people of that age.`;
}

function symmetryLine(summary: SessionSummary): string | null {
  if (summary.lsiPercent === null) return null;
  return `Symmetry of the two bests (limb symmetry index, the shorter best as a percentage of the longer): ${Math.round(summary.lsiPercent)} %.`;
}

export function sessionSummaryView(options: SessionSummaryViewOptions): HTMLElement {
  const { session, summary } = options;
  const sides: Side[] = [session.setup.stanceSide, session.setup.stanceSide === 'left' ? 'right' : 'left'];
  const symmetry = symmetryLine(summary);
  return h(
    'section',
    {
      className: 'screen session-summary',
      data: {
        screen: 'session-summary',
        lsi: summary.lsiPercent === null ? '' : String(summary.lsiPercent),
        weaker: summary.weakerSide ?? '',
      },
    },
    h('h1', { attrs: { tabindex: '-1' } }, 'Session summary'),
    h(
      'p',
      { className: 'setup-summary', data: { field: 'session-conditions' } },
      [options.personName, conditionsLine(session)].filter((part) => part !== null).join(' · '),
    ),
    h('p', { className: 'session-sentence', data: { field: 'session-sentence' } }, summary.sentence),
    ...sides.map((side) => legCard(side === 'left' ? summary.left : summary.right, summary)),
    symmetry === null ? null : h('p', { data: { field: 'session-symmetry' } }, symmetry),
    h('p', { className: 'hold-norm', data: { field: 'session-norm' } }, normLine(summary)),
    h(
      'div',
      { className: 'actions' },
      h(
        'button',
        { className: 'primary', attrs: { type: 'button' }, on: { click: () => options.onNewSession() } },
        'New session',
      ),
      options.onCompare === undefined
        ? null
        : h(
            'button',
            { className: 'secondary', attrs: { type: 'button' }, on: { click: () => options.onCompare?.() } },
            'Compare the legs',
          ),
    ),
  );
}

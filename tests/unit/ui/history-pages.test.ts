/**
 * The history pages' pure parts: routes, the list's filters and rows, the comparison's choices
 * and wording, the progress chart's states and norm band, the person form, the save status.
 * Expected numbers are worked out by hand in the comments from SPEC sections 1 and 6.
 */
import { describe, expect, it } from 'vitest';
import type { ComparableTrial, LikeConditions } from '../../../src/core/compare';
import type { SwayMetrics } from '../../../src/core/types';
import type { PersonRecord } from '../../../src/storage';
import { STORAGE_MESSAGES, StorageError } from '../../../src/storage/errors';
import type { TrialSummary } from '../../../src/storage/summaries';
import {
  compareForPage,
  compareState,
  conditionOptions,
  dayOptionLabel,
  dayOptions,
  defaultCompareChoice,
} from '../../../src/ui/compare-model';
import {
  conditionsShortLabel,
  formatDateTime,
  formatDay,
  formatMeasure,
  formatPercent,
} from '../../../src/ui/history-format';
import { DEFAULT_HISTORY_FILTER, filterHistory, historyRow } from '../../../src/ui/history-model';
import { parsePersonFields, personLabel } from '../../../src/ui/person-form';
import { progressModel } from '../../../src/ui/progress-model';
import { parseRoute, routeHash } from '../../../src/ui/routes';
import { NO_PERSON_NOT_SAVED, saveStatusOf } from '../../../src/ui/save-status';

const OPEN_FIRM: LikeConditions = { eyes: 'open', surface: 'firm', placement: 'chest', capS: 45 };

function trial(
  id: string,
  side: 'left' | 'right',
  startedAt: string,
  holdTimeS: number,
  rms: number | null,
  extra: { interrupted?: boolean; setup?: Partial<LikeConditions> } = {},
): ComparableTrial {
  return {
    id,
    startedAt,
    setup: { stanceSide: side, ...OPEN_FIRM, ...extra.setup },
    interrupted: extra.interrupted ?? false,
    holdTimeS,
    analysis:
      rms === null
        ? null
        : { metrics: { rms, meanVelocity: rms * 4, ellipseArea: rms * rms * 6 } as SwayMetrics },
  };
}

function summary(t: ComparableTrial, endReason: TrialSummary['endReason'] = 'completed'): TrialSummary {
  return {
    id: t.id,
    personId: 'p1',
    startedAt: t.startedAt,
    startedAtMs: Date.parse(t.startedAt),
    setup: { ...t.setup, capS: t.setup.capS as 45 },
    endReason,
    interrupted: t.interrupted,
    holdTimeS: t.holdTimeS,
    touchdownS: null,
    source: 'sensor',
    eventsReceived: 100,
    inputRateHz: 60,
    analysisVersion: 1,
    analysis: t.analysis,
    analysisError: null,
    sampleCount: 100,
    sampleBytes: 1000,
  };
}

describe('routes', () => {
  it('reads and writes the hash of every place; anything unknown is the test', () => {
    expect(parseRoute('')).toEqual({ name: 'test' });
    expect(parseRoute('#/')).toEqual({ name: 'test' });
    expect(parseRoute('#/history')).toEqual({ name: 'history' });
    expect(parseRoute('#/compare/')).toEqual({ name: 'compare' });
    expect(parseRoute('#/progress')).toEqual({ name: 'progress' });
    expect(parseRoute('#/report')).toEqual({ name: 'report' });
    expect(parseRoute('#/nowhere')).toEqual({ name: 'test' });
    expect(parseRoute('#/trial/a%2Fb c')).toEqual({ name: 'trial', trialId: 'a/b c' });
    expect(parseRoute('#/trial/%E0%A4%A')).toEqual({ name: 'test' });
    expect(parseRoute('#/?leg=right&eyes=closed&surface=foam&placement=lumbar&cap=10')).toEqual({
      name: 'test',
      setup: { stanceSide: 'right', eyes: 'closed', surface: 'foam', placement: 'lumbar', capS: 10 },
    });
    // A set-up with a field missing or not offered is no set-up: the test page as it was.
    expect(parseRoute('#/?leg=right&eyes=closed&surface=foam&placement=lumbar')).toEqual({ name: 'test' });
    expect(parseRoute('#/?leg=right&eyes=closed&surface=foam&placement=lumbar&cap=15')).toEqual({
      name: 'test',
    });
    expect(parseRoute('#/?leg=up&eyes=open&surface=firm&placement=chest&cap=45')).toEqual({ name: 'test' });
    expect(parseRoute('#/?leg=left&eyes=open&surface=firm&placement=force-plate&cap=45')).toEqual({
      name: 'test',
    });
    expect(parseRoute('#/history?leg=left&eyes=open&surface=firm&placement=chest&cap=45')).toEqual({
      name: 'history',
    });
    for (const route of [
      { name: 'test' },
      { name: 'history' },
      { name: 'compare' },
      { name: 'progress' },
      { name: 'report' },
      { name: 'trial', trialId: 'x/y?z#1' },
      {
        name: 'test',
        setup: { stanceSide: 'left', eyes: 'open', surface: 'firm', placement: 'chest', capS: 45 },
      },
    ] as const) {
      expect(parseRoute(routeHash(route))).toEqual(route);
    }
  });
});

describe('how dates and measures read', () => {
  it('gives force-plate measures the units of their sway signal, phone measures m/s²', () => {
    // SPEC section 4 in the signal's unit u = cm (powers in src/formats/metric-units.ts, the
    // column names stork analyze prints: rms_u, mean_velocity_u_s, ellipse_area_u2, jerk_u2_s).
    const plate: LikeConditions = { ...OPEN_FIRM, placement: 'force-plate', capS: 60, swayUnit: 'cm' };
    expect(formatMeasure('rms', 0.41234, plate)).toBe('0.412 cm');
    expect(formatMeasure('meanVelocity', 2.531, plate)).toBe('2.53 cm/s');
    expect(formatMeasure('ellipseArea', 8.3431, plate)).toBe('8.34 cm²');
    expect(formatMeasure('jerk', 322.04, plate)).toBe('322 cm²/s');
    expect(formatMeasure('centroidFrequency', 0.59644, plate)).toBe('0.596 Hz');
    expect(formatMeasure('holdTimeS', 60, plate)).toBe('60.0 s');
    // No unit given with the file: the words "input unit", in brackets where raised to a power.
    const unitless: LikeConditions = { ...OPEN_FIRM, placement: 'force-plate', capS: 60 };
    expect(formatMeasure('rms', 0.41234, unitless)).toBe('0.412 input unit');
    expect(formatMeasure('ellipseArea', 8.3431, unitless)).toBe('8.34 (input unit)²');
    // Phone conditions keep the phone's units.
    expect(formatMeasure('rms', 0.41234, OPEN_FIRM)).toBe('0.412 m/s²');
    expect(formatMeasure('jerk', 1.234, OPEN_FIRM)).toBe('1.23 m²/s⁵');
  });

  it('writes the day and clock time where the test was done, whatever the viewer’s time zone', () => {
    // 23:30 at +09:00 is 14:30 UTC the same day; the page shows the local day and time.
    expect(formatDateTime('2026-05-03T23:30:00.000+09:00')).toBe('3 May 2026, 23:30');
    expect(formatDay('2026-12-31')).toBe('31 Dec 2026');
  });

  it('gives every value its unit, hold time like a stopwatch', () => {
    expect(formatMeasure('holdTimeS', 32.89)).toBe('32.9 s');
    expect(formatMeasure('rms', 0.41234)).toBe('0.412 m/s²');
    expect(formatMeasure('ellipseArea', null)).toBe('–');
    expect(formatPercent(85)).toBe('85.0 %');
    expect(formatPercent(12.345, true)).toBe('+12.3 %');
    expect(formatPercent(-0.04, true)).toBe('0.0 %');
    expect(conditionsShortLabel({ ...OPEN_FIRM, placement: 'lumbar', capS: 30 })).toBe(
      'Eyes open, firm, lower back, 30 s',
    );
  });
});

describe('the history list', () => {
  const trials = [
    summary(trial('c', 'right', '2026-05-04T09:02:00+02:00', 12.34, 0.4), 'touchdown'),
    summary(trial('b', 'left', '2026-05-04T09:01:00+02:00', 3, null, { interrupted: true }), 'hidden'),
    summary(trial('a', 'left', '2026-05-04T09:00:00+02:00', 45, 0.2, { setup: { eyes: 'closed' } })),
  ];

  it('leaves interrupted trials out unless asked, and says how many', () => {
    const shown = filterHistory(trials, DEFAULT_HISTORY_FILTER);
    expect(shown.trials.map((t) => t.id)).toEqual(['c', 'a']);
    expect(shown.hiddenInterrupted).toBe(1);
    const all = filterHistory(trials, { ...DEFAULT_HISTORY_FILTER, showInterrupted: true });
    expect(all.trials.map((t) => t.id)).toEqual(['c', 'b', 'a']);
    expect(all.hiddenInterrupted).toBe(0);
  });

  it('filters by leg, eyes and surface', () => {
    expect(
      filterHistory(trials, { ...DEFAULT_HISTORY_FILTER, side: 'left' }).trials.map((t) => t.id),
    ).toEqual(['a']);
    // The interrupted left trial is eyes open: not counted as hidden by the eyes filter.
    const closed = filterHistory(trials, { ...DEFAULT_HISTORY_FILTER, eyes: 'closed' });
    expect(closed.trials.map((t) => t.id)).toEqual(['a']);
    expect(closed.hiddenInterrupted).toBe(0);
    expect(filterHistory(trials, { ...DEFAULT_HISTORY_FILTER, surface: 'foam' }).trials).toEqual([]);
  });

  it('writes each row with date, side, condition, hold time, end reason and RMS', () => {
    expect(historyRow(trials[0] as TrialSummary)).toEqual({
      id: 'c',
      dateTime: '4 May 2026, 09:02',
      side: 'Right leg',
      condition: 'Eyes open · Firm floor · 45 s',
      holdTime: '12.3 s',
      holdTimeS: 12.34,
      endReason: 'Touch-down',
      interrupted: false,
      keyMetric: 'RMS 0.4 m/s²',
    });
    expect(historyRow(trials[1] as TrialSummary).keyMetric).toBe('RMS –');
    expect(historyRow(trials[1] as TrialSummary).endReason).toBe('Interrupted (page hidden)');
  });
});

describe('left vs right', () => {
  // Monday: both legs eyes open; left also eyes closed. Tuesday: left only.
  const trials = [
    trial('L1', 'left', '2026-05-04T09:00:00+02:00', 30, 0.5),
    trial('R1', 'right', '2026-05-04T09:01:00+02:00', 40, 0.4),
    trial('L2', 'left', '2026-05-04T09:02:00+02:00', 36, 0.3),
    trial('Lc', 'left', '2026-05-04T09:03:00+02:00', 8, 0.9, { setup: { eyes: 'closed' } }),
    trial('Rh', 'right', '2026-05-04T09:04:00+02:00', 2, 1.5, { interrupted: true }),
    trial('L3', 'left', '2026-05-05T09:00:00+02:00', 41, 0.35),
  ];

  it('offers the days newest first, with each leg’s trials, interrupted ones only when asked', () => {
    // Monday's trials are under two conditions (eyes open, eyes closed): the session says so.
    expect(dayOptions(trials)).toEqual([
      { date: '2026-05-05', left: 1, right: 0, conditions: 1 },
      { date: '2026-05-04', left: 3, right: 1, conditions: 2 },
    ]);
    expect(dayOptions(trials, true)[1]).toEqual({ date: '2026-05-04', left: 3, right: 2, conditions: 2 });
    const [tuesday, monday] = dayOptions(trials);
    expect(dayOptionLabel(tuesday!, '5 May 2026')).toBe('5 May 2026 (left 1, right 0)');
    expect(dayOptionLabel(monday!, '4 May 2026')).toBe(
      '4 May 2026 (left 3, right 1, under different conditions)',
    );
  });

  it('offers conditions with both legs first', () => {
    const options = conditionOptions(trials, { date: '2026-05-04' });
    expect(options.map((o) => [o.conditions.eyes, o.left, o.right])).toEqual([
      ['open', 2, 1],
      ['closed', 1, 0],
    ]);
  });

  it('opens on the latest day with both legs under the same conditions', () => {
    expect(defaultCompareChoice(trials)).toEqual({ span: { date: '2026-05-04' }, conditions: OPEN_FIRM });
    expect(defaultCompareChoice([])).toBeNull();
  });

  it('compares over a range of days: every day in it counts', () => {
    const range = { fromDate: '2026-05-04', toDate: '2026-05-05' };
    expect(conditionOptions(trials, range)[0]).toMatchObject({ left: 3, right: 1 });
    const { comparison } = compareForPage(trials, { span: range, conditions: OPEN_FIRM });
    // The last 3 left trials of the range: L1, L2 and L3 (41 s, the best); right R1 (40 s).
    expect(comparison.trialIds).toEqual({ left: ['L1', 'L2', 'L3'], right: ['R1'] });
    expect(comparison.metrics[0]?.ofBest.lsiPercent).toBeCloseTo((40 / 41) * 100, 12);
  });

  it('says what is missing: no trials, one leg only, no like-for-like trials', () => {
    const onlyInterrupted = [trial('x', 'left', '2026-05-04T09:00:00+02:00', 3, null, { interrupted: true })];
    expect(compareState(onlyInterrupted, null)).toEqual({ kind: 'no-trials' });
    expect(compareState(trials, { span: { date: '2026-05-05' }, conditions: OPEN_FIRM })).toEqual({
      kind: 'one-side',
      tested: 'left',
      missing: 'right',
    });
    expect(
      compareState(trials, { span: { date: '2026-05-05' }, conditions: { ...OPEN_FIRM, surface: 'foam' } }),
    ).toEqual({ kind: 'no-like' });
    expect(compareState(trials, { span: { date: '2026-05-04' }, conditions: OPEN_FIRM })).toEqual({
      kind: 'ready',
    });
  });

  it('words best, mean, LSI (flagged under 90 %) and SI with units', () => {
    const { cards } = compareForPage(trials, { span: { date: '2026-05-04' }, conditions: OPEN_FIRM });
    const hold = cards.find((card) => card.metric === 'holdTimeS');
    // Left 30 and 36 s: best 36, mean 33; right 40 s (its interrupted trial left out).
    expect(hold?.left).toMatchObject({ best: '36.0 s', mean: '33.0 s', trials: '2 trials' });
    expect(hold?.right).toMatchObject({ best: '40.0 s', mean: '40.0 s', trials: '1 trial' });
    // LSI = shorter / longer = 36 / 40 = 90.0 %: not below 90, not flagged, no leg called weaker.
    // SI = (40 - 36) / 38 = +10.5 %.
    expect(hold?.ofBest).toMatchObject({
      lsi: '90.0 %',
      flagged: false,
      si: '+10.5 %',
      note: '90 % or more: about even.',
    });
    expect(hold?.lead).toBe(
      'The left leg’s best hold time is 90.0 % of the right leg’s (100 % is even; under 90 % one leg is called weaker).',
    );
    // Means: 33 / 40 = 82.5 %, flagged; SI = 7 / 36.5 = +19.2 %.
    expect(hold?.ofMean).toMatchObject({
      lsi: '82.5 %',
      flagged: true,
      si: '+19.2 %',
      note: 'Below 90 %: asymmetric. Left leg weaker.',
    });
    // The best says even, the mean the left leg: the page says why.
    expect(hold?.bestMean).toBe(
      'The mean says otherwise (best of 3: about even; mean: left leg weaker): the mean also counts each leg’s weaker trials, so the trials vary. The best of 3 is the figure the norms use.',
    );
    // Sway: smaller is better. Left best (least) 0.3, right 0.4: LSI = 0.3 / 0.4 = 75 %, right weaker.
    const rms = cards.find((card) => card.metric === 'rms');
    expect(rms?.unit).toBe('m/s²');
    expect(rms?.ofBest).toMatchObject({
      lsi: '75.0 %',
      flagged: true,
      note: 'Below 90 %: asymmetric. Right leg weaker.',
    });
  });
});

describe('progress over time', () => {
  const person = { birthYear: 1951, sex: null };

  it('says what is missing before drawing: no trials, no like trials, one trial', () => {
    expect(progressModel([], OPEN_FIRM, 'holdTimeS', person).state).toEqual({ kind: 'no-trials' });
    const one = [trial('L1', 'left', '2026-05-04T09:00:00+02:00', 30, 0.5)];
    expect(progressModel(one, null, 'holdTimeS', person).state).toEqual({ kind: 'no-like' });
    expect(progressModel(one, OPEN_FIRM, 'holdTimeS', person).state).toEqual({ kind: 'one-trial' });
    // A measure none of the trials has (no analysis) is 'no-like' too.
    const unanalysed = [
      trial('L1', 'left', '2026-05-04T09:00:00+02:00', 30, null),
      trial('L2', 'left', '2026-05-05T09:00:00+02:00', 31, null),
    ];
    expect(progressModel(unanalysed, OPEN_FIRM, 'rms', person).state).toEqual({ kind: 'no-like' });
  });

  it('draws one leg alone and says which is missing', () => {
    const left = [
      trial('L1', 'left', '2026-05-04T09:00:00+02:00', 30, 0.5),
      trial('L2', 'left', '2026-05-06T09:00:00+02:00', 33, 0.4),
    ];
    const model = progressModel(left, OPEN_FIRM, 'holdTimeS', person);
    expect(model.state).toEqual({ kind: 'ready', missingSide: 'right' });
    expect(model.points).toEqual({ left: 2, right: 0 });
  });

  it('draws the Springer 2007 band for the age group of each session (SPEC section 1)', () => {
    // Born 1951: on 2020-06-01 aged 68 or 69 (60-69: 32.1 s); on 2021-06-01 69 or 70 (both groups:
    // 21.5-32.1 s); on 2022-06-01 70 or 71 (70-79: 21.5 s).
    const trials = [
      trial('a', 'left', '2020-06-01T10:00:00+02:00', 30, 0.5),
      trial('b', 'right', '2021-06-01T10:00:00+02:00', 28, 0.5),
      trial('c', 'left', '2022-06-01T10:00:00+02:00', 25, 0.5),
    ];
    const model = progressModel(trials, OPEN_FIRM, 'holdTimeS', person);
    expect(model.norm).toMatchObject({
      applies: true,
      steps: [
        { fromMs: Date.parse('2020-06-01T10:00:00+02:00'), lowS: 32.1, highS: 32.1 },
        { fromMs: Date.parse('2021-06-01T10:00:00+02:00'), lowS: 21.5, highS: 32.1 },
        { fromMs: Date.parse('2022-06-01T10:00:00+02:00'), lowS: 21.5, highS: 21.5 },
      ],
      label: 'Springer et al. 2007, age 70-79, eyes open: 21.5 s on 1 Jun 2022',
    });
    // Eyes closed without a known sex: the band spans women 3.7 and men 2.6 s (70-79).
    const closed = { ...OPEN_FIRM, eyes: 'closed' as const };
    const closedModel = progressModel(
      trials.map((t) => ({ ...t, setup: { ...t.setup, eyes: 'closed' as const } })),
      closed,
      'holdTimeS',
      person,
    );
    expect(closedModel.norm).toMatchObject({
      applies: true,
      label: 'Springer et al. 2007, age 70-79, eyes closed, women and men: 2.6–3.7 s on 1 Jun 2022',
    });
  });

  it('moves the band on the first session of a year: the age group changes with the year only', () => {
    // Born 1951, several sessions a year: the band is 32.1 s all 2020 and 21.5-32.1 s all 2021,
    // from the year's first session (the norm of each session, asked one by one, is the same).
    const trials = [
      trial('a', 'left', '2020-03-01T10:00:00+01:00', 30, 0.5),
      trial('b', 'right', '2020-09-01T10:00:00+02:00', 30, 0.5),
      trial('c', 'left', '2021-02-01T10:00:00+01:00', 28, 0.5),
      trial('d', 'right', '2021-02-01T09:00:00+01:00', 28, 0.5),
      trial('e', 'left', '2021-11-01T10:00:00+01:00', 25, 0.5),
    ];
    const model = progressModel(trials, OPEN_FIRM, 'holdTimeS', person);
    expect(model.norm).toMatchObject({
      applies: true,
      steps: [
        { fromMs: Date.parse('2020-03-01T10:00:00+01:00'), lowS: 32.1, highS: 32.1 },
        { fromMs: Date.parse('2021-02-01T09:00:00+01:00'), lowS: 21.5, highS: 32.1 },
      ],
      label: 'Springer et al. 2007, age 60-69 / 70-79, eyes open: 21.5–32.1 s on 1 Nov 2021',
    });
  });

  it('says why there is no band: cap, surface, birth year; and draws none for sway', () => {
    const two = [
      trial('a', 'left', '2026-05-04T09:00:00+02:00', 10, 0.5, { setup: { capS: 10 } }),
      trial('b', 'right', '2026-05-04T09:01:00+02:00', 10, 0.5, { setup: { capS: 10 } }),
    ];
    expect(progressModel(two, { ...OPEN_FIRM, capS: 10 }, 'holdTimeS', person).norm).toEqual({
      applies: false,
      reason: 'the norms are for a 45 s cap (this test: 10 s)',
    });
    const open = two.map((t) => ({ ...t, setup: { ...t.setup, capS: 45 } }));
    expect(progressModel(open, OPEN_FIRM, 'holdTimeS', { birthYear: null, sex: null }).norm).toEqual({
      applies: false,
      reason: 'no birth year: the norms depend on age',
    });
    expect(progressModel(open, OPEN_FIRM, 'rms', person).norm).toBeNull();
  });
});

describe('the person form', () => {
  it('needs a name or code; birth year and sex are optional and checked', () => {
    const fields = { name: '  Anna  ', birthYear: '', sex: '', notes: ' knee ' };
    expect(parsePersonFields(fields, 2026)).toEqual({
      ok: true,
      input: { name: 'Anna', birthYear: null, sex: null, notes: 'knee' },
    });
    expect(parsePersonFields({ ...fields, birthYear: '1951', sex: 'female' }, 2026)).toMatchObject({
      ok: true,
      input: { birthYear: 1951, sex: 'female' },
    });
    expect(parsePersonFields({ ...fields, name: ' ' }, 2026)).toMatchObject({ ok: false, field: 'name' });
    for (const year of ['51', '1899', '2027', '19x1']) {
      expect(parsePersonFields({ ...fields, birthYear: year }, 2026)).toEqual({
        ok: false,
        field: 'birthYear',
        message: 'Birth year: a year from 1900 to 2026, or leave it empty.',
      });
    }
    expect(personLabel({ name: 'P-017', birthYear: 1950 })).toBe('P-017 (born 1950)');
  });
});

describe('what a live result says about keeping it', () => {
  const anna = { id: 'p', name: 'Anna' } as PersonRecord;
  it('saved, no person, or the store’s own message', () => {
    expect(saveStatusOf(anna, null)).toEqual(['saved', 'Saved in Anna’s history.']);
    expect(saveStatusOf(null, null)).toEqual(['not-saved', NO_PERSON_NOT_SAVED]);
    expect(saveStatusOf(anna, new StorageError('full'))).toEqual(['not-saved', STORAGE_MESSAGES.full]);
  });
});

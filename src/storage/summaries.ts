/**
 * Each person's history as one compact record (object store `summaries`, schema v4): what the
 * history list and the progress charts need of every live trial, in columns.
 *
 * Why: reading N trial records costs N structured-clone deserialisations; in Chromium that is
 * about 20-35 us per record, so 5,000 trials of one person took 150-300 ms before any chart
 * was drawn. One columnar record of the same 5,000 trials (about 1.3 MB) reads in about 10 ms.
 *
 * The summary is a cache of the `trials` store, never the source of truth. Each person record
 * carries `trialsGeneration`, raised in the same transaction as every change to that person's
 * trials; a summary is used only when it was made at the person's current generation.
 * Writers patch a current summary in that transaction (so it stays current); a stale or
 * missing one is rebuilt from `trials` when next read.
 */
import type { SwayMetrics } from '../core/types';
import type { EndReason, Placement, StanceSide, Surface, EyesCondition, TrialSetup } from '../session/types';
import type { TrainingSetInfo } from '../training/types';
import type { PersonRecord, StoredTrial } from './schema';
import type { HistoryTransaction } from './transaction';

/** What the history list and the charts get of a trial (the whole record: trials.get). */
export interface TrialSummary {
  id: string;
  personId: string;
  startedAt: string;
  startedAtMs: number;
  setup: TrialSetup;
  endReason: EndReason;
  interrupted: boolean;
  holdTimeS: number;
  touchdownS: number | null;
  source: 'sensor' | 'demo';
  eventsReceived: number;
  inputRateHz: number;
  analysisVersion: number;
  /** The metrics of the stored analysis (its other parts: trials.get), or null without one. */
  analysis: { metrics: SwayMetrics } | null;
  analysisError: string | null;
  sampleCount: number;
  sampleBytes: number;
  /** A 2-D sway trial's unit (`sway.unit`); null for a phone trial and for the signal's own unit. */
  swayUnit?: string | null;
  /** A training set's information (absent on a test trial): src/training/types.ts. */
  training?: TrainingSetInfo;
}

const SIDES: readonly StanceSide[] = ['left', 'right'];
const EYES: readonly EyesCondition[] = ['open', 'closed'];
const SURFACES: readonly Surface[] = ['firm', 'foam'];
// Appended only: a stored code is an index into this list.
const PLACEMENTS: readonly Placement[] = ['chest', 'lumbar', 'force-plate'];
const FORCE_PLATE_CODE = PLACEMENTS.indexOf('force-plate');
const END_REASONS: readonly EndReason[] = ['completed', 'touchdown', 'stopped', 'hidden', 'sensor-silent'];
const SOURCES: readonly TrialSummary['source'][] = ['sensor', 'demo'];
/** 0: no analysis. */
const SIGNALS: readonly (SwayMetrics['signal'] | null)[] = [null, 'motion', 'sway'];

/** The numeric metric keys, in the order of the metric columns. */
const METRIC_KEYS = [
  'samples',
  'durationS',
  'rateHz',
  'inputRateHz',
  'rmsAp',
  'rmsMl',
  'rms',
  'meanDistance',
  'rangeAp',
  'rangeMl',
  'pathLength',
  'meanVelocity',
  'jerk',
  'ellipseArea',
  'ellipseMajor',
  'ellipseMinor',
  'ellipseAngleDeg',
  'swayAreaRate',
  'meanFrequency',
  'totalPower',
  'f50',
  'f95',
  'centroidFrequency',
  'frequencyDispersion',
  'gyroRmsAp',
  'gyroRmsMl',
] as const satisfies readonly Exclude<keyof SwayMetrics, 'signal'>[];

const NUMBER_COLUMNS = [
  'startedAtMs',
  'capS',
  'holdTimeS',
  'touchdownS',
  'eventsReceived',
  'inputRateHz',
  'analysisVersion',
  'sampleCount',
  'sampleBytes',
] as const;
const CODE_COLUMNS = [
  'stanceSide',
  'eyes',
  'surface',
  'placement',
  'endReason',
  'source',
  'interrupted',
  'signal',
] as const;

/** A person's summary as stored: newest trial first, one entry per column. */
export interface SummariesRecord {
  personId: string;
  /** The person's trialsGeneration this summary was made at. */
  generation: number;
  ids: string[];
  startedAt: string[];
  analysisErrors: (string | null)[];
  numbers: Record<(typeof NUMBER_COLUMNS)[number], Float64Array>;
  /** Whether touchdownS is null (NaN is not used as a marker: every double comes back as it was). */
  touchdownNull: Uint8Array;
  codes: Record<(typeof CODE_COLUMNS)[number], Uint8Array>;
  /** rows x METRIC_KEYS.length, row-major; `metricNull` marks the nulls. */
  metrics: Float64Array;
  metricNull: Uint8Array;
  /**
   * Each trial's `swayUnit` (null but for a 2-D sway trial with a unit). Optional: summaries
   * stored before it lack it, and one of those with a force-plate trial is not current
   * (`isCurrentSummary`), so it is rebuilt once: no migration.
   */
  swayUnits?: (string | null)[];
  /**
   * Each trial's `training` (null for a test trial). Optional: summaries stored before training
   * sets existed lack it, and list no training set, so they need no migration.
   */
  trainings?: (TrainingSetInfo | null)[];
}

/** The summary of one stored trial. */
export function summaryOf(trial: StoredTrial): TrialSummary {
  return {
    id: trial.id,
    personId: trial.personId,
    startedAt: trial.startedAt,
    startedAtMs: trial.startedAtMs,
    setup: { ...trial.setup },
    endReason: trial.endReason,
    interrupted: trial.interrupted,
    holdTimeS: trial.holdTimeS,
    touchdownS: trial.touchdownS,
    source: trial.source,
    eventsReceived: trial.eventsReceived,
    inputRateHz: trial.inputRateHz,
    analysisVersion: trial.analysisVersion,
    analysis: trial.analysis ? { metrics: { ...trial.analysis.metrics } } : null,
    analysisError: trial.analysisError,
    sampleCount: trial.sampleCount,
    sampleBytes: trial.sampleBytes,
    swayUnit: trial.sway?.unit ?? null,
    ...(trial.training ? { training: { ...trial.training } } : {}),
  };
}

/**
 * Whether a stored summary can be used for the person: made at their current trialsGeneration,
 * and, when it lists a force-plate trial, with the sway units (a summary stored before they were
 * kept is rebuilt from the trials).
 */
export function isCurrentSummary(summary: SummariesRecord, person: PersonRecord): boolean {
  return (
    summary.generation === generationOf(person) &&
    (summary.swayUnits !== undefined || !summary.codes.placement.includes(FORCE_PLATE_CODE))
  );
}

/** Newest first; trials at the same instant by id, so the order never depends on history. */
export function newestFirst(a: TrialSummary, b: TrialSummary): number {
  return b.startedAtMs - a.startedAtMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const codeOf = <T>(values: readonly T[], value: T): number => Math.max(0, values.indexOf(value));

export function encodeSummaries(
  personId: string,
  generation: number,
  rows: readonly TrialSummary[],
): SummariesRecord {
  const n = rows.length;
  const numbers = Object.fromEntries(
    NUMBER_COLUMNS.map((name) => [name, new Float64Array(n)]),
  ) as SummariesRecord['numbers'];
  const codes = Object.fromEntries(
    CODE_COLUMNS.map((name) => [name, new Uint8Array(n)]),
  ) as SummariesRecord['codes'];
  const touchdownNull = new Uint8Array(n);
  const width = METRIC_KEYS.length;
  const metrics = new Float64Array(n * width);
  const metricNull = new Uint8Array(n * width);
  rows.forEach((row, k) => {
    numbers.startedAtMs[k] = row.startedAtMs;
    numbers.capS[k] = row.setup.capS;
    numbers.holdTimeS[k] = row.holdTimeS;
    numbers.touchdownS[k] = row.touchdownS ?? 0;
    touchdownNull[k] = row.touchdownS === null ? 1 : 0;
    numbers.eventsReceived[k] = row.eventsReceived;
    numbers.inputRateHz[k] = row.inputRateHz;
    numbers.analysisVersion[k] = row.analysisVersion;
    numbers.sampleCount[k] = row.sampleCount;
    numbers.sampleBytes[k] = row.sampleBytes;
    codes.stanceSide[k] = codeOf(SIDES, row.setup.stanceSide);
    codes.eyes[k] = codeOf(EYES, row.setup.eyes);
    codes.surface[k] = codeOf(SURFACES, row.setup.surface);
    codes.placement[k] = codeOf(PLACEMENTS, row.setup.placement);
    codes.endReason[k] = codeOf(END_REASONS, row.endReason);
    codes.source[k] = codeOf(SOURCES, row.source);
    codes.interrupted[k] = row.interrupted ? 1 : 0;
    codes.signal[k] = row.analysis ? codeOf(SIGNALS, row.analysis.metrics.signal) : 0;
    if (row.analysis) {
      const values = row.analysis.metrics;
      METRIC_KEYS.forEach((key, j) => {
        const value = values[key];
        if (value === null) metricNull[k * width + j] = 1;
        else metrics[k * width + j] = value;
      });
    }
  });
  return {
    personId,
    generation,
    ids: rows.map((row) => row.id),
    startedAt: rows.map((row) => row.startedAt),
    analysisErrors: rows.map((row) => row.analysisError),
    numbers,
    touchdownNull,
    codes,
    metrics,
    metricNull,
    swayUnits: rows.map((row) => row.swayUnit ?? null),
    trainings: rows.map((row) => row.training ?? null),
  };
}

/**
 * One row's metrics as an object literal of fixed shape (keys in METRIC_KEYS order): objects
 * built key by key in a loop become slow dictionaries in V8, and charts read them 5,000 times.
 * Read straight from the columns (no helper call per value): a history opens with cold code.
 */
function metricsAt(
  signal: SwayMetrics['signal'],
  values: Float64Array,
  isNull: Uint8Array,
  at: number,
): SwayMetrics {
  return {
    signal,
    samples: values[at] as number,
    durationS: values[at + 1] as number,
    rateHz: values[at + 2] as number,
    inputRateHz: values[at + 3] as number,
    rmsAp: values[at + 4] as number,
    rmsMl: values[at + 5] as number,
    rms: values[at + 6] as number,
    meanDistance: values[at + 7] as number,
    rangeAp: values[at + 8] as number,
    rangeMl: values[at + 9] as number,
    pathLength: values[at + 10] as number,
    meanVelocity: values[at + 11] as number,
    jerk: values[at + 12] as number,
    ellipseArea: values[at + 13] as number,
    ellipseMajor: values[at + 14] as number,
    ellipseMinor: values[at + 15] as number,
    ellipseAngleDeg: values[at + 16] as number,
    swayAreaRate: values[at + 17] as number,
    meanFrequency: values[at + 18] as number,
    totalPower: isNull[at + 19] ? null : (values[at + 19] as number),
    f50: isNull[at + 20] ? null : (values[at + 20] as number),
    f95: isNull[at + 21] ? null : (values[at + 21] as number),
    centroidFrequency: isNull[at + 22] ? null : (values[at + 22] as number),
    frequencyDispersion: isNull[at + 23] ? null : (values[at + 23] as number),
    gyroRmsAp: isNull[at + 24] ? null : (values[at + 24] as number),
    gyroRmsMl: isNull[at + 25] ? null : (values[at + 25] as number),
  };
}

export function decodeSummaries(record: SummariesRecord): TrialSummary[] {
  const { numbers, codes, metrics, metricNull } = record;
  const width = METRIC_KEYS.length;
  return record.ids.map((id, k) => {
    const signal = SIGNALS[codes.signal[k] as number] ?? null;
    let analysis: TrialSummary['analysis'] = null;
    if (signal) {
      analysis = { metrics: metricsAt(signal, metrics, metricNull, k * width) };
    }
    return {
      id,
      personId: record.personId,
      startedAt: record.startedAt[k] as string,
      startedAtMs: numbers.startedAtMs[k] as number,
      setup: {
        stanceSide: SIDES[codes.stanceSide[k] as number] as StanceSide,
        eyes: EYES[codes.eyes[k] as number] as EyesCondition,
        surface: SURFACES[codes.surface[k] as number] as Surface,
        placement: PLACEMENTS[codes.placement[k] as number] as Placement,
        capS: numbers.capS[k] as TrialSetup['capS'],
      },
      endReason: END_REASONS[codes.endReason[k] as number] as EndReason,
      interrupted: codes.interrupted[k] === 1,
      holdTimeS: numbers.holdTimeS[k] as number,
      touchdownS: record.touchdownNull[k] ? null : (numbers.touchdownS[k] as number),
      source: SOURCES[codes.source[k] as number] as TrialSummary['source'],
      eventsReceived: numbers.eventsReceived[k] as number,
      inputRateHz: numbers.inputRateHz[k] as number,
      analysisVersion: numbers.analysisVersion[k] as number,
      analysis,
      analysisError: record.analysisErrors[k] ?? null,
      sampleCount: numbers.sampleCount[k] as number,
      sampleBytes: numbers.sampleBytes[k] as number,
      swayUnit: record.swayUnits?.[k] ?? null,
      ...(record.trainings?.[k] ? { training: record.trainings[k] } : {}),
    };
  });
}

type SummaryTransaction = HistoryTransaction<'readwrite'>;

/**
 * Records a change to a person's trials inside the writer's transaction (which must cover
 * `people` and `summaries`): raises the person's trialsGeneration and, when their summary was
 * current, applies `change` to it so it stays current. Does nothing for a purged person.
 */
export async function patchSummaries(
  tx: SummaryTransaction,
  personId: string,
  change: (rows: TrialSummary[]) => TrialSummary[],
): Promise<void> {
  const people = tx.objectStore('people');
  const summaries = tx.objectStore('summaries');
  const [person, summary] = await Promise.all([people.get(personId), summaries.get(personId)]);
  if (!person) return;
  const generation = generationOf(person);
  const next = generation + 1;
  const writes: Promise<unknown>[] = [people.put({ ...person, trialsGeneration: next })];
  if (summary && isCurrentSummary(summary, person)) {
    writes.push(
      summaries.put(encodeSummaries(personId, next, change(decodeSummaries(summary)).sort(newestFirst))),
    );
  }
  await Promise.all(writes);
}

/** A person's trialsGeneration (0 for records made before it existed). */
export function generationOf(person: PersonRecord): number {
  return person.trialsGeneration ?? 0;
}

/** `change` for patchSummaries: puts a trial's summary in place of any with its id. */
export const upsertRow =
  (trial: StoredTrial) =>
  (rows: TrialSummary[]): TrialSummary[] => [...rows.filter((row) => row.id !== trial.id), summaryOf(trial)];

/** `change` for patchSummaries: takes a trial out. */
export const removeRow =
  (id: string) =>
  (rows: TrialSummary[]): TrialSummary[] =>
    rows.filter((row) => row.id !== id);

/**
 * The storage benchmark's workload, shared by Node (fake-indexeddb) and the browser page
 * (real IndexedDB): fill a history with 45 s trials at 60 Hz, then time what opening one
 * person's history and progress chart costs. Runner and figures: scripts/bench-storage.ts.
 *
 * The trials look like Chromium's: all three DeviceMotion vectors, rounded to 0.1 (SPEC
 * section 2), event times jittered around the 60 Hz grid; dates spread over two years, both
 * sides, mostly eyes open on a firm floor, some eyes closed. The analysis of every trial is a
 * real result of the pipeline (run once) with its numbers varied per trial, so the stored
 * metadata has its real size.
 */
import { analyze } from '../src/core/analyze';
import { compareSides, localDateOf, progressSeriesOf, type LikeConditions } from '../src/core/compare';
import { MAIN_METRICS } from '../src/core/metric-direction';
import type { AnalysisResult } from '../src/core/types';
import { recordingOf } from '../src/session/trial-run';
import type { TrialRecord, TrialSamples } from '../src/session/types';
import type { TrialStore } from '../src/storage';

/** 45 s at 60 Hz (Chromium's DeviceMotion rate). */
export const ROWS_PER_TRIAL = 45 * 60;
export const TOTAL_TRIALS = 5000;

export interface Scenario {
  name: 'spread' | 'heavy';
  people: number;
  trialsPerPerson: number;
}

/**
 * `total` trials (5,000): over 100 people (50 each), or all of them for one person (the worst
 * case for opening one person's history).
 */
export function scenarios(total = TOTAL_TRIALS): Scenario[] {
  return [
    { name: 'spread', people: 100, trialsPerPerson: Math.max(1, Math.round(total / 100)) },
    { name: 'heavy', people: 1, trialsPerPerson: total },
  ];
}

/** The conditions the progress chart shows (the default protocol). */
export const CHART_CONDITIONS: LikeConditions = {
  eyes: 'open',
  surface: 'firm',
  placement: 'chest',
  capS: 45,
};

function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const tenths = (x: number): number => Math.round(x * 10) / 10;

/** Samples of a quiet 45 s stance as Chromium delivers them. */
export function benchSamples(seed: number): TrialSamples {
  const random = seededRandom(seed);
  const n = ROWS_PER_TRIAL;
  const column = (): Float64Array => new Float64Array(n);
  const s: TrialSamples = {
    tS: column(),
    ax: column(),
    ay: column(),
    az: column(),
    gx: column(),
    gy: column(),
    gz: column(),
    lx: column(),
    ly: column(),
    lz: column(),
  };
  const phase = random() * 6;
  for (let k = 0; k < n; k++) {
    s.tS[k] = k / 60 + (random() - 0.5) * 0.002;
    const swayMl = 0.25 * Math.sin(k / 45 + phase) + (random() - 0.5) * 0.3;
    const swayAp = 0.3 * Math.cos(k / 60 + phase) + (random() - 0.5) * 0.3;
    s.ax[k] = tenths(swayMl);
    s.ay[k] = tenths(9.81 + (random() - 0.5) * 0.2);
    s.az[k] = tenths(swayAp);
    s.lx[k] = tenths(swayMl);
    s.ly[k] = tenths((random() - 0.5) * 0.2);
    s.lz[k] = tenths(swayAp);
    s.gx[k] = tenths((random() - 0.5) * 6);
    s.gy[k] = tenths((random() - 0.5) * 6);
    s.gz[k] = tenths((random() - 0.5) * 6);
  }
  return s;
}

let template: AnalysisResult | null = null;

/** A real analysis result (computed once) with its metrics scaled for trial `index`. */
function analysisFor(index: number, samples: TrialSamples, random: () => number): AnalysisResult {
  template ??= analyze(recordingOf(samples));
  const factor = 0.6 + 0.8 * random();
  const metrics = { ...template.metrics };
  for (const key of ['rms', 'rmsAp', 'rmsMl', 'meanVelocity', 'ellipseArea', 'jerk', 'pathLength'] as const) {
    metrics[key] = template.metrics[key] * factor;
  }
  return {
    ...template,
    metrics,
    warnings: [...template.warnings],
    window: { ...template.window, toS: 44 + (index % 2) * 0.5 },
  };
}

const pad = (value: number): string => String(value).padStart(2, '0');

/** Trial `index` (0-based) of a person's `count`: two years of tests, a few trials a day. */
export function benchRecord(personIndex: number, index: number, count: number): TrialRecord {
  const random = seededRandom(personIndex * 100_003 + index);
  const samples = benchSamples(personIndex * 100_003 + index);
  const spanDays = 730;
  const dayIndex = Math.floor((index / count) * spanDays);
  const date = new Date(Date.UTC(2024, 0, 1) + dayIndex * 86_400_000);
  const minute = 9 * 60 + (index % 12) * 2;
  const startedAt =
    `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}` +
    `T${pad(Math.floor(minute / 60))}:${pad(minute % 60)}:00.000+01:00`;
  const eyesClosed = index % 10 === 9;
  const touchdown = random() < 0.3;
  const holdTimeS = touchdown ? 5 + random() * 39 : 45;
  return {
    id: `trial-${personIndex}-${index}`,
    setup: {
      stanceSide: index % 2 === 0 ? 'left' : 'right',
      eyes: eyesClosed ? 'closed' : 'open',
      surface: 'firm',
      placement: 'chest',
      capS: 45,
    },
    startedAt,
    endReason: touchdown ? 'touchdown' : 'completed',
    interrupted: false,
    holdTimeS,
    touchdownS: touchdown ? holdTimeS : null,
    source: 'sensor',
    eventsReceived: ROWS_PER_TRIAL,
    inputRateHz: 60,
    samples,
    analysis: analysisFor(index, samples, random),
    analysisError: null,
    sign: { flipped: false, upright: true, basis: 'countdown', meanRawAyMS2: 9.81, samples: 300 },
  };
}

/** Fills the store: people first, then each trial saved the way the live test saves it. */
export async function populate(
  store: TrialStore,
  scenario: Scenario,
  onProgress?: (saved: number) => void,
): Promise<{ personIds: string[]; saveMs: number[] }> {
  const personIds: string[] = [];
  for (let p = 0; p < scenario.people; p++) {
    personIds.push(
      (await store.people.add({ name: `P-${String(p).padStart(3, '0')}`, birthYear: 1940 + (p % 60) })).id,
    );
  }
  const saveMs: number[] = [];
  let saved = 0;
  for (let k = 0; k < scenario.trialsPerPerson; k++) {
    for (let p = 0; p < scenario.people; p++) {
      const record = benchRecord(p, k, scenario.trialsPerPerson);
      const start = performance.now();
      await store.trials.save(record, personIds[p] as string);
      saveMs.push(performance.now() - start);
      saved++;
      if (onProgress && saved % 500 === 0) onProgress(saved);
    }
  }
  return { personIds, saveMs };
}

export interface OpenTiming {
  /** openStore: connection, schema check, purge of old deletions. */
  openMs: number;
  /** listByPerson: the person's whole history, without samples. */
  listMs: number;
  /** progressSeries for every main metric, plus the left/right comparison of the last session. */
  chartMs: number;
  trialsListed: number;
  sessions: number;
}

/** Opens the history and computes one person's progress chart, timing each step. */
export async function openHistoryAndChart(
  open: () => Promise<TrialStore>,
  personId: string,
): Promise<OpenTiming> {
  const t0 = performance.now();
  const store = await open();
  const t1 = performance.now();
  const trials = await store.trials.listByPerson(personId);
  const t2 = performance.now();
  const series = progressSeriesOf(trials, CHART_CONDITIONS, MAIN_METRICS);
  const sessions = Math.max(...series.map((one) => one.sides.left.sessions.length));
  const newest = trials[0];
  if (newest)
    compareSides(trials, CHART_CONDITIONS, MAIN_METRICS, { span: { date: localDateOf(newest.startedAt) } });
  const t3 = performance.now();
  store.close();
  return { openMs: t1 - t0, listMs: t2 - t1, chartMs: t3 - t2, trialsListed: trials.length, sessions };
}

/** Bytes of stored samples per trial, and the number of trials, read from the metadata. */
export async function storedSampleBytes(
  store: TrialStore,
  personIds: readonly string[],
): Promise<{ trials: number; sampleBytes: number }> {
  let trials = 0;
  let sampleBytes = 0;
  for (const personId of personIds) {
    for (const trial of await store.trials.listByPerson(personId)) {
      trials++;
      sampleBytes += trial.sampleBytes;
    }
  }
  return { trials, sampleBytes };
}

/**
 * Saves `count` more trials for a person whose history was just listed (so their summary is
 * current and each save patches it, as in daily use); the time of each save, ms.
 */
export async function saveIntoListedHistory(
  open: () => Promise<TrialStore>,
  personId: string,
  count: number,
): Promise<number[]> {
  const store = await open();
  await store.trials.listByPerson(personId);
  const saveMs: number[] = [];
  for (let k = 0; k < count; k++) {
    const record = { ...benchRecord(999, k, count), id: `extra-${k}` };
    const start = performance.now();
    await store.trials.save(record, personId);
    saveMs.push(performance.now() - start);
  }
  for (let k = 0; k < count; k++) await store.trials.remove(`extra-${k}`);
  await store.purgeDeleted();
  store.close();
  return saveMs;
}

/**
 * Trials for the storage tests: samples shaped like Chromium's (60 Hz, accelerations and
 * rotation rates rounded to 0.1, no `acceleration` vector) or like iOS (unrounded doubles),
 * and a complete AnalysisResult whose numbers say which trial it belongs to.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { ANALYSIS_VERSION } from '../../../src/core/options';
import type { AnalysisResult, SwayMetrics } from '../../../src/core/types';
import { openStore, type OpenStoreOptions, type TrialStore } from '../../../src/storage';
import type {
  EndReason,
  StanceSide,
  TrialRecord,
  TrialSamples,
  TrialSetup,
} from '../../../src/session/types';

/** A deterministic pseudo-random sequence in [0, 1) (mulberry32), so every run stores the same numbers. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `rows` samples at `rateHz`: gravity along y plus a small sway, rounded as Chromium does when `rounded`. */
export function makeSamples(
  rows: number,
  options: { seed?: number; rateHz?: number; rounded?: boolean } = {},
): TrialSamples {
  const random = seededRandom(options.seed ?? 1);
  const rateHz = options.rateHz ?? 60;
  const rounded = options.rounded ?? true;
  // Chromium's 0.1 rounding as the nearest double to k/10 (the form `Math.round(x * 10) / 10` gives).
  const q = (x: number): number => (rounded ? Math.round(x * 10) / 10 : x);
  const column = (): Float64Array => new Float64Array(rows);
  const s: TrialSamples = {
    tS: column(),
    ax: column(),
    ay: column(),
    az: column(),
    gx: column(),
    gy: column(),
    gz: column(),
    lx: column().fill(NaN),
    ly: column().fill(NaN),
    lz: column().fill(NaN),
  };
  for (let k = 0; k < rows; k++) {
    // Event times jitter by up to 2 ms around the 60 Hz grid: not round numbers of seconds.
    s.tS[k] = k / rateHz + (random() - 0.5) * 0.002;
    s.ax[k] = q(0.3 * Math.sin(k / 40) + (random() - 0.5) * 0.2);
    s.ay[k] = q(9.81 + (random() - 0.5) * 0.2);
    s.az[k] = q(0.4 * Math.cos(k / 55) + (random() - 0.5) * 0.2);
    s.gx[k] = q((random() - 0.5) * 8);
    s.gy[k] = q((random() - 0.5) * 8);
    s.gz[k] = q((random() - 0.5) * 8);
  }
  return s;
}

/** A complete AnalysisResult; rms and meanVelocity carry the values given. */
export function makeAnalysis(options: {
  version?: number;
  holdTimeS?: number;
  rms?: number;
  meanVelocity?: number;
}): AnalysisResult {
  const metrics: SwayMetrics = {
    signal: 'motion',
    samples: 2200,
    durationS: 44,
    rateHz: 50,
    inputRateHz: 60,
    rmsAp: 0.1,
    rmsMl: 0.1,
    rms: options.rms ?? 0.14,
    meanDistance: 0.12,
    rangeAp: 0.5,
    rangeMl: 0.5,
    pathLength: 10,
    meanVelocity: options.meanVelocity ?? 0.23,
    jerk: 1.5,
    ellipseArea: 0.2,
    ellipseMajor: 0.3,
    ellipseMinor: 0.2,
    ellipseAngleDeg: 12,
    swayAreaRate: 0.05,
    meanFrequency: 0.4,
    totalPower: 0.02,
    f50: 0.5,
    f95: 1.8,
    centroidFrequency: 0.9,
    frequencyDispersion: 0.6,
    gyroRmsAp: 1.2,
    gyroRmsMl: 1.1,
  };
  return {
    analysisVersion: options.version ?? ANALYSIS_VERSION,
    signal: 'motion',
    window: { fromS: 1, toS: 45 },
    touchdownS: null,
    holdTimeS: options.holdTimeS ?? 45,
    dropped: { nonFiniteTime: 0, nonFiniteValue: 0, nonIncreasingTime: 0, nonFiniteGyro: 0 },
    warnings: ['input quantized to 0.1 m/s^2: small sway is measured coarsely'],
    metrics,
    options: { rateHz: 50, cutoffHz: 3.5, filterOrder: 4 },
  };
}

export interface RecordOptions {
  id: string;
  startedAt?: string;
  stanceSide?: StanceSide;
  setup?: Partial<TrialSetup>;
  endReason?: EndReason;
  holdTimeS?: number;
  rows?: number;
  seed?: number;
  rounded?: boolean;
  analysisVersion?: number;
  rms?: number;
}

export function makeRecord(options: RecordOptions): TrialRecord {
  const endReason = options.endReason ?? 'completed';
  const holdTimeS = options.holdTimeS ?? 45;
  const rows = options.rows ?? 120;
  return {
    id: options.id,
    setup: {
      stanceSide: options.stanceSide ?? 'left',
      eyes: 'open',
      surface: 'firm',
      placement: 'chest',
      capS: 45,
      ...options.setup,
    },
    startedAt: options.startedAt ?? '2026-03-05T14:07:09.250+01:00',
    endReason,
    interrupted: endReason === 'hidden' || endReason === 'sensor-silent',
    holdTimeS,
    touchdownS: endReason === 'touchdown' ? holdTimeS : null,
    source: 'sensor',
    eventsReceived: rows,
    inputRateHz: 60,
    samples: makeSamples(rows, { seed: options.seed ?? 1, rounded: options.rounded ?? true }),
    analysis: makeAnalysis({ version: options.analysisVersion, holdTimeS, rms: options.rms }),
    analysisError: null,
    sign: { flipped: false, upright: true, basis: 'countdown', meanRawAyMS2: 9.81, samples: 60 },
  };
}

let databaseCount = 0;

/** A store on a fresh in-memory IndexedDB (fake-indexeddb), with a clock the test moves. */
export async function freshStore(
  options: OpenStoreOptions & { startMs?: number } = {},
): Promise<{ store: TrialStore; factory: IDBFactory; name: string; clock: { ms: number } }> {
  const factory = options.factory ?? new IDBFactory();
  const name = options.name ?? `stork-test-${++databaseCount}`;
  const clock = { ms: options.startMs ?? Date.parse('2026-03-05T15:00:00Z') };
  let ids = 0;
  const store = await openStore({
    storageManager: null,
    newId: () => `person-${++ids}`,
    nowMs: () => clock.ms,
    ...options,
    factory,
    name,
  });
  return { store, factory: factory as IDBFactory, name, clock };
}

/** True when two sample sets hold the same doubles bit for bit (NaN matches NaN). */
export function sameSamples(a: TrialSamples, b: TrialSamples): boolean {
  for (const name of Object.keys(a) as (keyof TrialSamples)[]) {
    const x = a[name];
    const y = b[name];
    if (x.length !== y.length) return false;
    for (let k = 0; k < x.length; k++) if (!Object.is(x[k], y[k])) return false;
  }
  return true;
}

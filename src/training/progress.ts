/**
 * Progress of training, as data (pure): for one exercise (and leg, eyes, surface) the sets over
 * time, each set a point, the mean of each day a line, with the sets heard with feedback and
 * the control sets without it (`feedback: 'off'`) in two series, so that the two can be told
 * apart. Three measures: the hold time per set, the sway RMS per set (SPEC section 4 `rms`)
 * and the time in zone (%, ./time-in-zone.ts).
 *
 * Interrupted sets (page hidden, sensor silent) are no training done and are left out; a set
 * that ended early (a touch-down, Stop) is kept, as it is in the history. A day is the local
 * date of `startedAt`, as for the test's progress (src/core/compare.ts).
 */
import type { Exercise, FeedbackMode } from './types';

/** What the chart needs of a stored trial (a stored trial's summary fits). */
export interface ProgressSet {
  id: string;
  /** ISO 8601 with offset, of "go". */
  startedAt: string;
  startedAtMs?: number;
  setup: { eyes: 'open' | 'closed'; surface: 'firm' | 'foam' };
  interrupted: boolean;
  holdTimeS: number;
  analysis: { metrics: { rms: number } } | null;
  /** Absent or null: a test trial, never charted here. */
  training?: {
    exercise: Exercise;
    leg: 'left' | 'right' | null;
    feedback: FeedbackMode;
    timeInZone: number | null;
    endedEarly: boolean;
  } | null;
}

export const TRAINING_MEASURES = ['holdTimeS', 'rms', 'timeInZonePct'] as const;
export type TrainingMeasure = (typeof TRAINING_MEASURES)[number];

/** One exercise as trained: the sets of one choice are charted together. */
export interface ExerciseChoice {
  /** e.g. `single-leg/left/open/firm` */
  key: string;
  exercise: Exercise;
  leg: 'left' | 'right' | null;
  eyes: 'open' | 'closed';
  surface: 'firm' | 'foam';
  /** Sets stored of it (interrupted ones not counted). */
  sets: number;
}

export interface SetPoint {
  trialId: string;
  timeMs: number;
  date: string;
  value: number;
  endedEarly: boolean;
}

export interface DayMean {
  date: string;
  /** Noon of the day's first set's date, epoch ms, for placing the day on a time axis. */
  timeMs: number;
  mean: number;
  sets: number;
}

export interface FeedbackSeries {
  points: SetPoint[];
  days: DayMean[];
}

export interface TrainingSeries {
  measure: TrainingMeasure;
  /** Sets with feedback (continuous or a tone outside the zone), and the control sets without. */
  on: FeedbackSeries;
  off: FeedbackSeries;
}

const EXERCISE_ORDER: readonly Exercise[] = ['single-leg', 'tandem', 'feet-together'];

function choiceOf(set: ProgressSet): Omit<ExerciseChoice, 'sets'> | null {
  const training = set.training;
  if (training === undefined || training === null || set.interrupted) return null;
  const { exercise, leg } = training;
  const { eyes, surface } = set.setup;
  return { key: `${exercise}/${leg ?? 'both'}/${eyes}/${surface}`, exercise, leg, eyes, surface };
}

/** The exercises trained, each with its number of sets: in the order of EXERCISES, left before right. */
export function exerciseChoices(sets: readonly ProgressSet[]): ExerciseChoice[] {
  const byKey = new Map<string, ExerciseChoice>();
  for (const set of sets) {
    const choice = choiceOf(set);
    if (choice === null) continue;
    const known = byKey.get(choice.key);
    if (known) known.sets++;
    else byKey.set(choice.key, { ...choice, sets: 1 });
  }
  const rank = (c: ExerciseChoice) => [
    EXERCISE_ORDER.indexOf(c.exercise),
    c.leg === 'right' ? 1 : 0,
    c.eyes === 'closed' ? 1 : 0,
    c.surface === 'foam' ? 1 : 0,
  ];
  return [...byKey.values()].sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    for (let k = 0; k < ra.length; k++) if (ra[k] !== rb[k]) return (ra[k] as number) - (rb[k] as number);
    return 0;
  });
}

/** A set's value of the measure, or null when it has none (no analysis, no time in zone). */
export function measureOf(set: ProgressSet, measure: TrainingMeasure): number | null {
  let value: number | null;
  if (measure === 'holdTimeS') value = set.holdTimeS;
  else if (measure === 'rms') value = set.analysis?.metrics.rms ?? null;
  else value = set.training?.timeInZone == null ? null : set.training.timeInZone * 100;
  return value !== null && Number.isFinite(value) ? value : null;
}

/** Noon (UTC) of a local date: a day's place on the time axis, whatever the offset of its sets. */
function dayMs(date: string): number {
  return Date.parse(`${date}T12:00:00Z`);
}

function seriesOf(points: SetPoint[]): FeedbackSeries {
  points.sort((a, b) => a.timeMs - b.timeMs || (a.trialId < b.trialId ? -1 : 1));
  const byDate = new Map<string, { sum: number; sets: number }>();
  for (const point of points) {
    const day = byDate.get(point.date) ?? { sum: 0, sets: 0 };
    day.sum += point.value;
    day.sets++;
    byDate.set(point.date, day);
  }
  const days = [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, day]): DayMean => ({ date, timeMs: dayMs(date), mean: day.sum / day.sets, sets: day.sets }));
  return { points, days };
}

/**
 * The sets of one exercise choice as points and day means of `measure`, with feedback and
 * without; points in time order, days in date order.
 */
export function trainingSeries(
  sets: readonly ProgressSet[],
  choice: Pick<ExerciseChoice, 'key'>,
  measure: TrainingMeasure,
): TrainingSeries {
  const on: SetPoint[] = [];
  const off: SetPoint[] = [];
  for (const set of sets) {
    if (choiceOf(set)?.key !== choice.key) continue;
    const value = measureOf(set, measure);
    if (value === null) continue;
    const point: SetPoint = {
      trialId: set.id,
      timeMs: set.startedAtMs ?? Date.parse(set.startedAt),
      date: set.startedAt.slice(0, 10),
      value,
      endedEarly: set.training?.endedEarly ?? false,
    };
    (set.training?.feedback === 'off' ? off : on).push(point);
  }
  return { measure, on: seriesOf(on), off: seriesOf(off) };
}

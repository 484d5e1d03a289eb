/**
 * The home programme of one person: which exercises (each a session's settings), and how many
 * days a week; and from the sets stored, today's plan (done and left) and the week's adherence.
 * Pure: the programme is kept per person by src/ui/training-prefs.ts.
 */
import { DURATION_CAPS_S } from '../session/types';
import { DEFAULT_SESSION, normalisedSettings, planSets, type SessionSettings } from './plan';
import { DIFFICULTIES, EXERCISES, FEEDBACK_MODES, LEG_CHOICES, type Exercise } from './types';

export interface HomeProgramme {
  exercises: SessionSettings[];
  /** Training days a week the programme asks for, 1..7. */
  daysPerWeek: number;
}

/** Most exercises a programme holds. */
export const MAX_PROGRAMME_EXERCISES = 8;
export const DEFAULT_DAYS_PER_WEEK = 5;
export const DEFAULT_PROGRAMME: HomeProgramme = {
  exercises: [DEFAULT_SESSION],
  daysPerWeek: DEFAULT_DAYS_PER_WEEK,
};

function pick<T>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

function parseSettings(value: unknown): SessionSettings {
  const v = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const d = DEFAULT_SESSION;
  return normalisedSettings({
    exercise: pick(v['exercise'], EXERCISES, d.exercise),
    leg: pick(v['leg'], LEG_CHOICES, d.leg),
    eyes: pick(v['eyes'], ['open', 'closed'] as const, d.eyes),
    surface: pick(v['surface'], ['firm', 'foam'] as const, d.surface),
    setsPerLeg: typeof v['setsPerLeg'] === 'number' ? v['setsPerLeg'] : d.setsPerLeg,
    holdS: pick(v['holdS'], DURATION_CAPS_S, d.holdS),
    restS: typeof v['restS'] === 'number' ? v['restS'] : d.restS,
    feedback: pick(v['feedback'], FEEDBACK_MODES, d.feedback),
    difficulty: pick(v['difficulty'], DIFFICULTIES, d.difficulty),
  });
}

/**
 * A stored programme (JSON text). Damage never blocks the page: a field that is missing or
 * wrong takes its default, an entry that is not JSON gives DEFAULT_PROGRAMME.
 */
export function parseProgramme(json: string | null): HomeProgramme {
  let stored: Record<string, unknown> = {};
  try {
    const parsed: unknown = json === null ? null : JSON.parse(json);
    if (parsed !== null && typeof parsed === 'object') stored = parsed as Record<string, unknown>;
  } catch {
    return DEFAULT_PROGRAMME;
  }
  const list = Array.isArray(stored['exercises'])
    ? stored['exercises'].slice(0, MAX_PROGRAMME_EXERCISES)
    : [];
  const days = stored['daysPerWeek'];
  return {
    exercises: list.length > 0 ? list.map(parseSettings) : DEFAULT_PROGRAMME.exercises,
    daysPerWeek:
      typeof days === 'number' && Number.isInteger(days) && days >= 1 && days <= 7
        ? days
        : DEFAULT_DAYS_PER_WEEK,
  };
}

/** What today's plan and the week need of a stored training set. */
export interface DoneSet {
  /** Local date of the set, "YYYY-MM-DD" (the first 10 characters of its ISO `startedAt`). */
  localDate: string;
  exercise: Exercise;
  leg: 'left' | 'right' | null;
  eyes: SessionSettings['eyes'];
  surface: SessionSettings['surface'];
  /** Interrupted sets (page hidden, sensor silent) do not count as done. */
  interrupted: boolean;
}

export interface TodayItem {
  /** Index of the exercise in the programme. */
  index: number;
  settings: SessionSettings;
  planned: number;
  done: number;
}

function matches(settings: SessionSettings, set: DoneSet): boolean {
  if (set.exercise !== settings.exercise || set.eyes !== settings.eyes || set.surface !== settings.surface)
    return false;
  if (settings.exercise !== 'single-leg') return true;
  return settings.leg === 'alternating' || settings.leg === set.leg;
}

/**
 * Today's plan: per exercise of the programme, the sets planned and those done today (sets of
 * `today` that were not interrupted and match the exercise, its eyes and surface, and its leg;
 * each set counts for the first exercise it matches that still has sets left).
 */
export function todayPlan(programme: HomeProgramme, sets: readonly DoneSet[], today: string): TodayItem[] {
  const items = programme.exercises.map((settings, index) => ({
    index,
    settings,
    planned: planSets(settings).length,
    done: 0,
  }));
  for (const set of sets) {
    if (set.localDate !== today || set.interrupted) continue;
    const item = items.find(
      (candidate) => candidate.done < candidate.planned && matches(candidate.settings, set),
    );
    if (item) item.done++;
  }
  return items;
}

/** The first exercise of today's plan with sets left, or null when the day's plan is done. */
export function nextExercise(items: readonly TodayItem[]): TodayItem | null {
  return items.find((item) => item.done < item.planned) ?? null;
}

/** "YYYY-MM-DD" of the day `days` after `date` (negative: before), in the calendar. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const shifted = new Date(Date.UTC(y, m - 1, d + days));
  return shifted.toISOString().slice(0, 10);
}

export interface WeekDay {
  date: string;
  /** Sets done that day (not interrupted). */
  sets: number;
}

/** The seven days ending `today`, oldest first, with the sets done on each (adherence). */
export function weekAdherence(sets: readonly DoneSet[], today: string): WeekDay[] {
  const days = Array.from({ length: 7 }, (_, k) => ({ date: addDays(today, k - 6), sets: 0 }));
  for (const set of sets) {
    if (set.interrupted) continue;
    const day = days.find((candidate) => candidate.date === set.localDate);
    if (day) day.sets++;
  }
  return days;
}

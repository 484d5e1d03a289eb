/**
 * The week's adherence: the last seven days, each marked trained or not, and how many days
 * were trained against the days a week the plan asks for.
 */
import type { WeekDay } from '../training/programme';
import './training.css';
import { h } from './dom';
import { lazily } from './lazily';

const weekday = lazily(() => new Intl.DateTimeFormat(undefined, { weekday: 'short', timeZone: 'UTC' }));
const dayName = (date: string): string => weekday().format(new Date(`${date}T12:00:00Z`));

export function weekView(days: readonly WeekDay[], daysPerWeek: number): HTMLElement {
  const trained = days.filter((day) => day.sets > 0).length;
  return h(
    'section',
    { className: 'training-week', data: { field: 'week' }, attrs: { 'aria-labelledby': 'week-title' } },
    h('h2', { id: 'week-title' }, 'This week'),
    h(
      'p',
      { data: { field: 'week-summary' } },
      `Trained on ${trained} of the last 7 days (the plan asks for ${daysPerWeek}).`,
    ),
    h(
      'ol',
      { className: 'week-days' },
      ...days.map((day) =>
        h(
          'li',
          {
            className: day.sets > 0 ? 'trained' : 'rest-day',
            data: { date: day.date, sets: String(day.sets) },
          },
          h('span', { className: 'week-day-name' }, dayName(day.date)),
          h(
            'span',
            { className: 'week-day-mark' },
            day.sets > 0 ? `${day.sets} ${day.sets === 1 ? 'set' : 'sets'}` : '–',
          ),
        ),
      ),
    ),
  );
}

/**
 * The report's period: a range of local days, inclusive. By default the last 4 weeks (28 days
 * ending today), the span a therapist reviews between two appointments; any range can be asked.
 */

export interface Period {
  /** 'YYYY-MM-DD', inclusive. */
  fromDate: string;
  toDate: string;
}

/** Days in the default period: 4 weeks. */
export const DEFAULT_PERIOD_DAYS = 28;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function toUtc(date: string): number | null {
  const match = DATE.exec(date);
  if (!match) return null;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  // 2026-02-30 is not a day: Date.UTC would roll it over to March.
  return new Date(ms).toISOString().slice(0, 10) === date ? ms : null;
}

const fromUtc = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The date `days` days after (or before, negative) a 'YYYY-MM-DD' date. */
export function addDays(date: string, days: number): string {
  const ms = toUtc(date);
  if (ms === null) throw new Error(`not a date: ${date}`);
  return fromUtc(ms + days * 86_400_000);
}

/** The last 4 weeks up to `today` ('YYYY-MM-DD', the local date): 2026-12-06 -> 2026-11-09..2026-12-06. */
export function defaultPeriod(today: string): Period {
  return { fromDate: addDays(today, -(DEFAULT_PERIOD_DAYS - 1)), toDate: today };
}

/** A period from two typed dates, or what is wrong with them in words. */
export function parsePeriod(fromDate: string, toDate: string): Period | { error: string } {
  if (toUtc(fromDate) === null) return { error: `"${fromDate}" is not a date (YYYY-MM-DD)` };
  if (toUtc(toDate) === null) return { error: `"${toDate}" is not a date (YYYY-MM-DD)` };
  if (fromDate > toDate) return { error: 'the period starts after it ends' };
  return { fromDate, toDate };
}

export function inPeriod(date: string, period: Period): boolean {
  return date >= period.fromDate && date <= period.toDate;
}

/** Days in a period, both ends counted. */
export function periodDays(period: Period): number {
  const from = toUtc(period.fromDate);
  const to = toUtc(period.toDate);
  return from === null || to === null ? 0 : Math.round((to - from) / 86_400_000) + 1;
}

const pad = (value: number, width = 2): string => String(Math.trunc(value)).padStart(width, '0');

/**
 * A date-time as ISO 8601 with the local UTC offset and milliseconds, e.g.
 * "2026-03-05T14:07:09.250+01:00" (SPEC section 7: "ISO 8601 with offset"). `toISOString`
 * gives UTC ("Z") only, which loses the local time of day a clinician reads.
 */
export function isoWithOffset(date: Date): string {
  const offsetMin = -date.getTimezoneOffset();
  const sign = offsetMin >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMin);
  return (
    `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}` +
    `${sign}${pad(abs / 60)}:${pad(abs % 60)}`
  );
}

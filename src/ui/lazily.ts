/**
 * A value made at its first use, then kept. For Intl formatters above all: the first one a
 * page constructs loads the locale's data, which cost about 175 ms (NumberFormat) and 70 ms
 * (DateTimeFormat) of a 4x-slowed CPU in Chromium 156 when done at module load, inside the
 * page's first long task (Lighthouse's Total Blocking Time), though the set-up page shows
 * neither a metric nor a date.
 */
export function lazily<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

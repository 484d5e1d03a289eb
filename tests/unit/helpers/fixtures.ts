import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { MotionRecording } from '../../../src/core/types';

/** The absolute path of a file under fixtures/. */
export function fixturePath(relative: string): string {
  return fileURLToPath(new URL(`../../../fixtures/${relative}`, import.meta.url));
}

export function readFixtureJson<T>(relative: string): T {
  return JSON.parse(readFileSync(fixturePath(relative), 'utf8')) as T;
}

/**
 * A plain unquoted samples CSV (t_ms, ax, ay, az[, gx, gy, gz]) as a MotionRecording, for
 * the analysis tests; the product's reader lives in src/formats and has its own tests.
 */
export function readSamplesFixture(relative: string): MotionRecording {
  const lines = readFileSync(fixturePath(relative), 'utf8').trim().split(/\r?\n/);
  const header = (lines[0] as string).split(',');
  const rows = lines
    .slice(1)
    .map((line) => line.split(',').map((cell) => (cell === '' ? NaN : Number(cell))));
  const column = (name: string): Float64Array | undefined => {
    const index = header.indexOf(name);
    return index < 0 ? undefined : Float64Array.from(rows, (row) => row[index] as number);
  };
  const tMs = column('t_ms') as Float64Array;
  return {
    kind: 'motion',
    tS: tMs.map((t) => t / 1000),
    ax: column('ax') as Float64Array,
    ay: column('ay') as Float64Array,
    az: column('az') as Float64Array,
    gx: column('gx'),
    gy: column('gy'),
    gz: column('gz'),
  };
}

/** A large Stork samples file for the import tests and scripts/bench-import-page.ts. */
import { closeSync, openSync, writeSync } from 'node:fs';

/**
 * Writes a Stork samples CSV of at least `bytes` bytes: every column, 100 Hz, each value a full
 * double (a quiet stance: gravity on y with small sways and a deterministic noise), in the
 * shortest text that reads back to the same double (~17 digits, as the export writes them).
 */
export function writeLargeSamplesFile(path: string, bytes: number): { path: string; rows: number } {
  const fd = openSync(path, 'w');
  let written = writeSync(fd, 't_ms,ax,ay,az,gx,gy,gz,lx,ly,lz\n');
  let seed = 12345;
  const noise = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648 - 0.5;
  };
  let rows = 0;
  while (written < bytes) {
    const parts: string[] = [];
    for (let k = 0; k < 2000; k++, rows++) {
      const t = rows / 100;
      const sway = Math.sin(2 * Math.PI * 0.3 * t);
      const cells = [
        rows * 10,
        0.3 * sway + 0.05 * noise(),
        9.79 + 0.02 * Math.cos(2 * Math.PI * 0.2 * t) + 0.05 * noise(),
        0.4 + 0.2 * sway + 0.05 * noise(),
        0.5 * noise(),
        0.5 * noise(),
        0.5 * noise(),
        0.3 * sway + 0.05 * noise(),
        0.05 * noise(),
        0.2 * sway + 0.05 * noise(),
      ];
      parts.push(`${cells.map(String).join(',')}\n`);
    }
    written += writeSync(fd, parts.join(''));
  }
  closeSync(fd);
  return { path, rows };
}

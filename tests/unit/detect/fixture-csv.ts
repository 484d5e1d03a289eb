/**
 * Read the samples CSV fixtures of this folder's tests (fixtures/sim, fixtures/imu-standing):
 * header `t_ms,ax,ay,az,gx,gy,gz`, plain numbers, no quoting. A tiny reader on purpose: the
 * detector's tests must not depend on the formats module.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { MotionRecording } from '../../../src/core/types';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/', import.meta.url));

export function readFixtureText(path: string): string {
  return readFileSync(FIXTURES + path, 'utf8');
}

export function readSamplesCsv(path: string): MotionRecording {
  const lines = readFixtureText(path).trim().split('\n');
  const header = (lines[0] ?? '').split(',');
  const columns = header.map(() => new Float64Array(lines.length - 1));
  lines.slice(1).forEach((line, row) => {
    line.split(',').forEach((cell, col) => {
      columns[col]![row] = cell === '' ? Number.NaN : Number(cell);
    });
  });
  const column = (name: string): Float64Array => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`${path}: no column ${name}`);
    return columns[i]!;
  };
  return {
    kind: 'motion',
    tS: column('t_ms').map((ms) => ms / 1000),
    ax: column('ax'),
    ay: column('ay'),
    az: column('az'),
    gx: column('gx'),
    gy: column('gy'),
    gz: column('gz'),
  };
}

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSwayCsv } from '../../../src/formats/sway-csv';

describe('readSwayCsv', () => {
  it('reads a force-plate recording (fixtures/cop/BDS00008.csv: t_s, ap, ml in cm, 100 Hz, 6000 rows)', () => {
    const text = readFileSync(new URL('../../../fixtures/cop/BDS00008.csv', import.meta.url), 'utf8');
    const [trial, ...rest] = readSwayCsv(text);
    expect(rest).toHaveLength(0);
    expect(trial?.recording.kind).toBe('sway');
    expect(trial?.recording.tS).toHaveLength(6000);
    // First and last data rows of the file: `0.010,-7.166399,0.273727`, `60.000,-6.671547,-0.423856`.
    expect([trial?.recording.tS[0], trial?.recording.ap[0], trial?.recording.ml[0]]).toEqual([
      0.01, -7.166399, 0.273727,
    ]);
    expect([trial?.recording.tS[5999], trial?.recording.ap[5999], trial?.recording.ml[5999]]).toEqual([
      60, -6.671547, -0.423856,
    ]);
    expect([trial?.lines[0], trial?.lines[5999]]).toEqual([2, 6001]);
  });

  it('reads t_ms as seconds, columns in any order, with trial ids', () => {
    const trials = readSwayCsv('ML,trial_id,AP,t_ms\n1,x,2,0\n3,x,4,10\n5,y,6,0\n');
    expect(trials.map((trial) => trial.trialId)).toEqual(['x', 'y']);
    expect(Array.from(trials[0]?.recording.tS ?? [])).toEqual([0, 0.01]);
    expect(Array.from(trials[0]?.recording.ap ?? [])).toEqual([2, 4]);
    expect(Array.from(trials[0]?.recording.ml ?? [])).toEqual([1, 3]);
  });

  it.each([
    ['ap,ml\n1,2\n', 'line 1: missing column t_ms or t_s'],
    ['t_s,t_ms,ap,ml\n0,0,1,2\n', 'line 1: both t_ms and t_s: keep one'],
    ['t_s,ap\n0,1\n', 'line 1: missing column ml'],
    ['t_s,ap,ml\n0.5,1,2\n0.4,1,2\n', 'line 3: t_s goes backwards (0.4 after 0.5)'],
    ['t_s,ap,ml\n0,1,two\n', 'line 2: ml is not a number ("two")'],
  ])('rejects %j with "%s"', (text, message) => {
    expect(() => readSwayCsv(text)).toThrow(message);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readSamplesCsv } from '../../../src/formats/samples-csv';
import { writeSamplesCsv, type SamplesCsvTrial } from '../../../src/formats/samples-csv-writer';
import {
  MAX_ABS_ACCELERATION_M_S2,
  MAX_ABS_ROTATION_RATE_DEG_S,
  MAX_RECORDING_SPAN_S,
} from '../../../src/core/limits';

/** The largest magnitude every sample column may hold (src/core/limits.ts). */
const SAMPLE_LIMIT = Math.min(MAX_ABS_ACCELERATION_M_S2, MAX_ABS_ROTATION_RATE_DEG_S);

describe('writeSamplesCsv', () => {
  it('writes the header, milliseconds, shortest numbers, empty cells for NaN, CRLF', () => {
    const text = writeSamplesCsv([
      {
        recording: {
          kind: 'motion',
          tS: [0, 0.013873, 0.1],
          ax: [0.1 + 0.2, -0, 1e-7],
          ay: [9.8, NaN, Infinity],
          az: [-1, 2, 3],
          gx: [1, 2, 3],
          gy: [4, 5, 6],
          gz: [NaN, 0, 0],
        },
      },
    ]);
    expect(text).toBe(
      't_ms,ax,ay,az,gx,gy,gz\r\n' +
        '0,0.30000000000000004,9.8,-1,1,4,\r\n' +
        '13.873,-0,,2,2,5,0\r\n' +
        '100,1e-7,,3,3,6,0\r\n',
    );
  });

  it('writes lx, ly, lz and trial_id columns, quoting ids per RFC 4180', () => {
    const trial = (trialId: string, t: number): SamplesCsvTrial => ({
      trialId,
      recording: { kind: 'motion', tS: [t], ax: [1], ay: [2], az: [3] },
      linear: { lx: [0.5], ly: [0.25], lz: [0] },
    });
    expect(writeSamplesCsv([trial('a', 0), trial('b, "2"', 1)])).toBe(
      't_ms,ax,ay,az,lx,ly,lz,trial_id\r\n0,1,2,3,0.5,0.25,0,a\r\n1000,1,2,3,0.5,0.25,0,"b, ""2"""\r\n',
    );
  });

  it('leaves gyro cells empty for a trial without gyro when another has it', () => {
    const text = writeSamplesCsv([
      {
        trialId: '1',
        recording: { kind: 'motion', tS: [0], ax: [1], ay: [2], az: [3], gx: [4], gy: [5], gz: [6] },
      },
      { trialId: '2', recording: { kind: 'motion', tS: [0], ax: [1], ay: [2], az: [3] } },
    ]);
    expect(text.split('\r\n')[2]).toBe('0,1,2,3,,,,2');
  });

  it('refuses what could not be read back as written', () => {
    const motion = { kind: 'motion' as const, tS: [0, 1], ax: [1, 2], ay: [1, 2], az: [1] };
    expect(() => writeSamplesCsv([{ recording: motion }])).toThrow(RangeError);
    const ok = { kind: 'motion' as const, tS: [0], ax: [1], ay: [1], az: [1] };
    expect(() => writeSamplesCsv([{ recording: ok }, { recording: ok }])).toThrow('trial 1 has no id');
    expect(() =>
      writeSamplesCsv([
        { trialId: 'x', recording: ok },
        { trialId: 'x', recording: ok },
      ]),
    ).toThrow('used twice');
  });

  /**
   * Any finite double (-0 included) reads back bit for bit; NaN and +-Infinity read back as NaN
   * (a missing value). Trials with any ids (commas, quotes, line breaks, non-ASCII) come back
   * in order with their ids.
   */
  it('round-trips through readSamplesCsv bit for bit', () => {
    const value = fc.oneof(
      // Within the limits the reader applies (the narrower of the acceleration's and the rotation rate's: src/core/limits.ts).
      {
        weight: 8,
        arbitrary: fc.double({ min: -SAMPLE_LIMIT, max: SAMPLE_LIMIT }),
      },
      { weight: 1, arbitrary: fc.constantFrom(-0, NaN, Infinity, -Infinity) },
    );
    const trialArbitrary = (withGyro: boolean, withLinear: boolean) =>
      fc.integer({ min: 1, max: 6 }).chain((n) => {
        const series = fc.array(value, { minLength: n, maxLength: n });
        const times = fc
          // Times within a day of each other (MAX_RECORDING_SPAN_S).
          .array(fc.double({ min: -MAX_RECORDING_SPAN_S / 2, max: MAX_RECORDING_SPAN_S / 2, noNaN: true }), {
            minLength: n,
            maxLength: n,
          })
          .map((t) => t.sort((a, b) => a - b));
        return fc.record({
          tS: times,
          ax: series,
          ay: series,
          az: series,
          gyro: withGyro ? fc.tuple(series, series, series) : fc.constant(null),
          linear: withLinear ? fc.tuple(series, series, series) : fc.constant(null),
        });
      });
    const fileArbitrary = fc
      .tuple(fc.boolean(), fc.boolean())
      .chain(([withGyro, withLinear]) =>
        fc.uniqueArray(
          fc.record({ id: fc.string({ unit: 'binary' }), data: trialArbitrary(withGyro, withLinear) }),
          { minLength: 1, maxLength: 3, selector: (trial) => trial.id },
        ),
      );
    fc.assert(
      fc.property(fileArbitrary, fc.boolean(), (file, withIds) => {
        const trials: SamplesCsvTrial[] = file.map(({ id, data }) => ({
          trialId: withIds || file.length > 1 ? id : null,
          recording: {
            kind: 'motion',
            tS: data.tS,
            ax: data.ax,
            ay: data.ay,
            az: data.az,
            ...(data.gyro ? { gx: data.gyro[0], gy: data.gyro[1], gz: data.gyro[2] } : {}),
          },
          linear: data.linear ? { lx: data.linear[0], ly: data.linear[1], lz: data.linear[2] } : null,
        }));
        const read = readSamplesCsv(writeSamplesCsv(trials));
        expect(read.map((trial) => trial.trialId)).toEqual(trials.map((trial) => trial.trialId ?? null));
        read.forEach((back, index) => {
          const original = trials[index] as SamplesCsvTrial;
          const pairs: [ArrayLike<number> | undefined, ArrayLike<number> | undefined][] = [
            [back.recording.tS, original.recording.tS],
            [back.recording.ax, original.recording.ax],
            [back.recording.ay, original.recording.ay],
            [back.recording.az, original.recording.az],
            [back.recording.gx, original.recording.gx],
            [back.recording.gy, original.recording.gy],
            [back.recording.gz, original.recording.gz],
            [back.linear?.lx, original.linear?.lx],
            [back.linear?.ly, original.linear?.ly],
            [back.linear?.lz, original.linear?.lz],
          ];
          for (const [got, wrote] of pairs) {
            expect(got === undefined).toBe(wrote === undefined);
            if (got === undefined || wrote === undefined) continue;
            const expected = Array.from(wrote, (x) => (Number.isFinite(x) ? x : NaN));
            expect(Array.from(got).every((x, i) => Object.is(x, expected[i]))).toBe(true);
            expect(got.length).toBe(expected.length);
          }
        });
      }),
      { numRuns: 100 },
    );
  });
});

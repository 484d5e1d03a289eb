/**
 * A trial fed from a recording through the demo replay (the same pipeline as the sensor) ends
 * with the record `analyze()` gives for the same recording cut at the trial's end, and the
 * same as `stork analyze` prints for that cut. Recordings: the bundled demo (fixtures/demo,
 * a copy of sim/case01: flipped sign, touch-down at 32.89 s) and sim/case00 (30 s, no
 * touch-down); provenance in fixtures/PROVENANCE.md.
 */
import { readFileSync } from 'node:fs';
import { NEVER } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze';
import { roundHoldTimeS } from '../../../src/core/hold-time';
import { withW3cSign } from '../../../src/core/sign';
import type { MotionRecording } from '../../../src/core/types';
import { run } from '../../../src/cli/main';
import { readSamplesCsv } from '../../../src/formats/samples-csv';
import { silentCues } from '../../../src/sensors/cues';
import { demoMotion$ } from '../../../src/sensors/demo';
import { COUNTDOWN_S, runTrial, type TrialState } from '../../../src/session/trial';
import type { TrialRecord } from '../../../src/session/types';
import { fixturePath } from '../helpers/fixtures';
import { recordOf, setupWithCap, testScheduler } from './trial-harness';

const fixtureText = (relative: string): string => readFileSync(fixturePath(relative), 'utf8');

function recordingFrom(relative: string): MotionRecording {
  const trial = readSamplesCsv(fixtureText(relative))[0];
  if (!trial) throw new Error(`${relative}: no trial`);
  return trial.recording;
}

/** Plays `recording` as the demo does (lead-in = the countdown) and returns the finished record. */
function demoTrial(recording: MotionRecording, capS: 20 | 45, speed: number): TrialRecord {
  const scheduler = testScheduler();
  const states: TrialState[] = [];
  scheduler.run(() => {
    runTrial(setupWithCap(capS), {
      motion$: demoMotion$(recording, { speed, leadInS: COUNTDOWN_S, scheduler }),
      visibility$: NEVER,
      cues: silentCues,
      wakeLock$: NEVER,
      stop$: NEVER,
      source: 'demo',
      scheduler,
    }).subscribe((state) => states.push(state));
  });
  return recordOf(states);
}

/** The first `rows` rows of a recording. */
function firstRows(recording: MotionRecording, rows: number): MotionRecording {
  const cut = (column: ArrayLike<number> | undefined) =>
    column ? Float64Array.from(column).subarray(0, rows) : undefined;
  return {
    kind: 'motion',
    tS: cut(recording.tS)!,
    ax: cut(recording.ax)!,
    ay: cut(recording.ay)!,
    az: cut(recording.az)!,
    gx: cut(recording.gx),
    gy: cut(recording.gy),
    gz: cut(recording.gz),
  };
}

/** `stork analyze` on `text`, in-process, as parsed JSON. */
async function cliJson(
  text: string,
): Promise<{ holdTimeS: number; touchdownS: number | null; metrics: Record<string, unknown> }[]> {
  let out = '';
  const status = await run(['analyze', 'cut.csv'], {
    readFile: () => Promise.resolve(text),
    stdout: (chunk) => (out += chunk),
    stderr: (chunk) => {
      throw new Error(chunk);
    },
  });
  expect(status).toBe(0);
  return JSON.parse(out) as {
    holdTimeS: number;
    touchdownS: number | null;
    metrics: Record<string, unknown>;
  }[];
}

describe('a trial fed from a fixture', () => {
  const demo = recordingFrom('demo/case01.csv');
  const truth = (JSON.parse(fixtureText('demo/case01.json')) as { truth: { touchdown: number } }).truth;

  it('ends at the touch-down of the bundled demo and stores its rows, in the W3C sign', () => {
    const record = demoTrial(demo, 45, 1);
    expect(record.endReason).toBe('touchdown');
    // SPEC section 5's target: within 0.25 s of the true moment (truth.json: 32.8908 s)
    expect(Math.abs(record.touchdownS! - truth.touchdown)).toBeLessThan(0.25);
    // the hold time is the touch-down to the nanosecond (core/hold-time.ts)
    expect(record.holdTimeS).toBe(roundHoldTimeS(record.touchdownS!));
    expect(Math.abs(record.holdTimeS - record.touchdownS!)).toBeLessThanOrEqual(5e-10);
    expect(record.sign).toMatchObject({ flipped: true, basis: 'after-go' });
    const rows = record.samples.tS.length;
    expect(record.eventsReceived).toBe(rows);
    // the detector confirms within 0.5 s of the event, so the trial stops within 0.5 s after it
    expect(record.samples.tS[rows - 1]! - record.touchdownS!).toBeLessThanOrEqual(0.5);
    expect(Array.from(record.samples.tS)).toEqual(Array.from(demo.tS).slice(0, rows));
    expect(Array.from(record.samples.ay)).toEqual(Array.from(demo.ay, (ay) => -ay).slice(0, rows));
    expect(Array.from(record.samples.gz)).toEqual(Array.from(demo.gz!).slice(0, rows));
  });

  it('gives record.analysis equal to analyze() of the same recording cut at the end (in the W3C sign)', () => {
    const record = demoTrial(demo, 45, 1);
    const cut = withW3cSign(firstRows(demo, record.samples.tS.length));
    expect(cut.flipped).toBe(true);
    expect(record.analysisError).toBeNull();
    expect(record.analysis).toEqual(analyze(cut.recording));
    expect(record.analysis?.touchdownS).toBe(record.touchdownS);
  });

  it('stores the same rows and analysis when the demo plays four times faster', () => {
    const atSpeed1 = demoTrial(demo, 45, 1);
    const atSpeed4 = demoTrial(demo, 45, 4);
    expect(atSpeed4.samples).toEqual(atSpeed1.samples);
    expect(atSpeed4.analysis).toEqual(atSpeed1.analysis);
    expect(atSpeed4.holdTimeS).toBe(atSpeed1.holdTimeS);
  });

  const case00 = recordingFrom('sim/case00.csv');

  it('completes at the cap (20 s) with the rows up to 20 s, analysed as analyze() and `stork analyze` do', async () => {
    const record = demoTrial(case00, 20, 1);
    expect(record).toMatchObject({
      endReason: 'completed',
      holdTimeS: 20,
      interrupted: false,
      touchdownS: null,
    });
    const rows = record.samples.tS.length;
    expect(Array.from(case00.tS).filter((t) => t <= 20)).toHaveLength(rows);
    expect(record.analysis).toEqual(analyze(firstRows(case00, rows)));

    // The CLI on the same rows: the fixture's text cut after the last stored row.
    const lines = fixtureText('sim/case00.csv').trimEnd().split('\n');
    const [cli] = await cliJson(lines.slice(0, rows + 1).join('\n') + '\n');
    expect(cli!.touchdownS).toBeNull();
    for (const [key, value] of Object.entries(record.analysis!.metrics)) {
      if (typeof value === 'number') expect(cli!.metrics[key], key).toBeCloseTo(value, 9);
      else expect(cli!.metrics[key], key).toBe(value);
    }
  });

  it('ends stopped at the last row when the recording (30 s) runs out before the cap (45 s)', () => {
    const record = demoTrial(case00, 45, 2);
    expect(record).toMatchObject({ endReason: 'stopped', interrupted: false });
    expect(record.samples.tS.length).toBe(case00.tS.length);
    expect(record.holdTimeS).toBe(roundHoldTimeS(case00.tS[case00.tS.length - 1]!));
    expect(record.analysis).toEqual(analyze(case00));
  });
});

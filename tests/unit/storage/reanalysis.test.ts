import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze';
import { ANALYSIS_VERSION } from '../../../src/core/options';
import { AnalysisError } from '../../../src/core/errors';
import type { AnalysisResult } from '../../../src/core/types';
import { recordingOf } from '../../../src/session/trial-run';
import type { TrialRecord, TrialSamples } from '../../../src/session/types';
import { freshStore, makeAnalysis, makeRecord, sameSamples } from './trial-factory';

/** The version after the current one: what the stored trials are re-analysed to. */
const NEXT = ANALYSIS_VERSION + 1;

/** An analysis "of the next version" whose rms is the number of rows: shows which samples it saw. */
const nextVersion = (samples: TrialSamples): AnalysisResult =>
  makeAnalysis({ version: NEXT, rms: samples.tS.length });

async function storeWith(records: TrialRecord[]) {
  const made = await freshStore();
  const person = await made.store.people.add({ name: 'A' });
  for (const record of records) await made.store.trials.save(record, person.id);
  return { ...made, personId: person.id };
}

describe('re-analysis when the analysis version changes', () => {
  it('re-analyses every outdated trial from its raw samples, once', async () => {
    const records = [1, 2, 3, 4, 5].map((k) =>
      makeRecord({ id: `t${k}`, rows: 100 + k, seed: k, startedAt: `2026-03-0${k}T10:00:00.000+01:00` }),
    );
    const { store, personId } = await storeWith(records);
    const seen: TrialSamples[] = [];
    const progress: number[] = [];
    const report = await store.reanalyzeOutdated({
      version: NEXT,
      batchSize: 2,
      analyzeSamples: (samples) => {
        seen.push(samples);
        return nextVersion(samples);
      },
      onProgress: (done) => progress.push(done),
    });
    expect(report).toEqual({ reanalysed: 5, failed: 0, complete: true });
    expect(progress).toEqual([2, 4, 5]); // batches of 2, each its own pair of transactions
    // the samples handed to the analysis are the recorded ones, bit for bit
    expect(seen).toHaveLength(5);
    for (const record of records)
      expect(seen.some((samples) => sameSamples(samples, record.samples))).toBe(true);
    const listed = await store.trials.listByPerson(personId);
    expect(listed.map((t) => [t.id, t.analysisVersion, t.analysis!.metrics.rms])).toEqual([
      ['t5', NEXT, 105],
      ['t4', NEXT, 104],
      ['t3', NEXT, 103],
      ['t2', NEXT, 102],
      ['t1', NEXT, 101],
    ]);
    // what the live test measured stays: hold time and end reason are the session's, not the analysis'
    expect(listed.every((t) => t.holdTimeS === 45 && t.endReason === 'completed')).toBe(true);

    let calls = 0;
    const again = await store.reanalyzeOutdated({
      version: NEXT,
      analyzeSamples: (samples) => {
        calls++;
        return nextVersion(samples);
      },
    });
    expect(again).toEqual({ reanalysed: 0, failed: 0, complete: true });
    expect(calls).toBe(0);
  });

  it('resumes where an interrupted run stopped', async () => {
    const records = [1, 2, 3, 4, 5].map((k) => makeRecord({ id: `t${k}`, rows: 50 + k, seed: k }));
    const { store, personId } = await storeWith(records);
    let batches = 0;
    const first = await store.reanalyzeOutdated({
      version: NEXT,
      batchSize: 2,
      analyzeSamples: nextVersion,
      onProgress: () => batches++,
      shouldStop: () => batches >= 1, // e.g. the page is closing
    });
    expect(first).toEqual({ reanalysed: 2, failed: 0, complete: false });
    const versions = (await store.trials.listByPerson(personId)).map((t) => t.analysisVersion).sort();
    expect(versions).toEqual([ANALYSIS_VERSION, ANALYSIS_VERSION, ANALYSIS_VERSION, NEXT, NEXT]);

    const rest = await store.reanalyzeOutdated({ version: NEXT, batchSize: 2, analyzeSamples: nextVersion });
    expect(rest).toEqual({ reanalysed: 3, failed: 0, complete: true });
    expect((await store.trials.listByPerson(personId)).every((t) => t.analysisVersion === NEXT)).toBe(true);
  });

  it('keeps the message when the new analysis cannot analyse a trial, and does not retry it', async () => {
    const notStarted: TrialRecord = {
      ...makeRecord({ id: 'not-started', rows: 0 }),
      endReason: 'stopped',
      interrupted: true,
      holdTimeS: 0,
      analysis: null,
      analysisError: 'the trial ended before "go": nothing was measured',
    };
    const { store } = await storeWith([
      makeRecord({ id: 'ok', rows: 40 }),
      makeRecord({ id: 'bad', rows: 41 }),
      notStarted,
    ]);
    // the record without analysis was judged by this code: its version is the current one
    expect((await store.trials.get('not-started'))!.analysisVersion).toBe(ANALYSIS_VERSION);
    const report = await store.reanalyzeOutdated({
      version: NEXT,
      analyzeSamples: (samples) => {
        if (samples.tS.length === 41)
          throw new AnalysisError('window shorter than 2 s (0.68 s, from 1.00 to 1.68 s)');
        return nextVersion(samples);
      },
    });
    expect(report).toEqual({ reanalysed: 3, failed: 2, complete: true });
    expect(await store.trials.get('bad')).toMatchObject({
      analysis: null,
      analysisError: 'window shorter than 2 s (0.68 s, from 1.00 to 1.68 s)',
      analysisVersion: NEXT,
    });
    expect(await store.trials.get('not-started')).toMatchObject({
      analysis: null,
      analysisError: 'the trial ended before "go": nothing was measured',
      analysisVersion: NEXT,
    });
    expect((await store.trials.get('ok'))!.analysis!.metrics.rms).toBe(40);
  });

  it('uses the real pipeline by default: the stored result equals analyze() of the samples', async () => {
    // 12 s at 60 Hz: long enough for a 2 s window after the 1 s settle (SPEC sections 3 and 5)
    const record = makeRecord({ id: 'real', rows: 720, analysisVersion: ANALYSIS_VERSION - 1 });
    const { store } = await storeWith([record]);
    const report = await store.reanalyzeOutdated();
    expect(report).toEqual({ reanalysed: 1, failed: 0, complete: true });
    const stored = await store.trials.get('real');
    expect(stored!.analysisVersion).toBe(ANALYSIS_VERSION);
    expect(stored!.analysis).toEqual(analyze(recordingOf(record.samples)));
  });
});

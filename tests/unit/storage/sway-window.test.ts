/**
 * A 2-D sway recording has no "go": since SWAY_ANALYSIS_VERSION 2 its automatic window is the
 * whole recording. Sway trials stored by the version before (window from 1 s) are analysed
 * again, once, the way any trial of an older analysis version is; phone trials, whose analysis
 * did not change, and everything else stored stay as they were.
 */
import { readFileSync } from 'node:fs';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze';
import { ANALYSIS_VERSION, SWAY_ANALYSIS_VERSION } from '../../../src/core/options';
import { readSwayCsv } from '../../../src/formats/sway-csv';
import { timesOnly } from '../../../src/formats/sway-import';
import {
  upgradeSchema,
  type UpgradeDatabase,
  type UpgradeTransaction,
} from '../../../src/storage/migrations';
import { toStoredForm } from '../../../src/storage/trials';
import type { TrialRecord } from '../../../src/session/types';
import { freshStore, makeRecord } from './trial-factory';

/** BDS00008 of the Santos & Duarte data set (fixtures/cop, see fixtures/PROVENANCE.md: s, cm, 100 Hz, 60 s). */
function forcePlateTrial(id: string, analysedFromS: number | undefined): TrialRecord {
  const [trial] = readSwayCsv(
    readFileSync(new URL('../../../fixtures/cop/BDS00008.csv', import.meta.url), 'utf8'),
  );
  const { tS, ap, ml } = trial!.recording;
  const analysis = analyze(
    { kind: 'sway', tS, ap, ml },
    analysedFromS === undefined ? {} : { fromS: analysedFromS },
  );
  return {
    id,
    setup: { stanceSide: 'right', eyes: 'open', surface: 'firm', placement: 'force-plate', capS: 60 },
    startedAt: '2026-03-05T14:07:09.250+01:00',
    endReason: 'completed',
    interrupted: false,
    holdTimeS: analysis.holdTimeS,
    touchdownS: null,
    source: 'sensor',
    importedFrom: 'force plate / 2-D sway CSV',
    eventsReceived: tS.length,
    inputRateHz: analysis.metrics.inputRateHz,
    samples: timesOnly(tS.slice()),
    analysis,
    analysisError: null,
    sway: { ap: ap.slice(), ml: ml.slice(), unit: 'cm' },
  };
}

/** What version 1 of the sway analysis stored: the window from SETTLE_S = 1 s, version 1. */
function storedByVersion1(id: string): TrialRecord {
  const record = forcePlateTrial(id, 1);
  record.analysis = { ...record.analysis!, analysisVersion: 1 };
  return record;
}

const whole = forcePlateTrial('expected', undefined).analysis!;

describe('a force plate recording is analysed whole', () => {
  it('analyses a sway recording from its first sample by default (version 2); a phone recording still from 1 s', () => {
    expect(whole.window).toEqual({ fromS: 0.01, toS: 60 });
    expect(whole.analysisVersion).toBe(SWAY_ANALYSIS_VERSION);
    expect(SWAY_ANALYSIS_VERSION).toBeGreaterThanOrEqual(ANALYSIS_VERSION);
    const phone = makeRecord({ id: 'p', rows: 720 });
    const result = analyze({ kind: 'motion', ...phone.samples });
    expect(result.window.fromS).toBe(1);
    expect(result.analysisVersion).toBe(ANALYSIS_VERSION);
  });

  it('re-analyses the sway trials of a version 4 database once, and changes nothing else', async () => {
    const name = 'stork-sway-window';
    const db = await openDB(name, 4, {
      upgrade: (raw, oldVersion, _newVersion, tx) => {
        void upgradeSchema(raw as UpgradeDatabase, tx as unknown as UpgradeTransaction, oldVersion, 4);
      },
    });
    const person = {
      id: 'p1',
      name: 'Ada',
      birthYear: 1950,
      sex: null,
      notes: '',
      createdAt: '2026-01-02T10:00:00.000Z',
    };
    await db.put('people', person);
    const records = [
      storedByVersion1('plate'),
      makeRecord({ id: 'phone-a', rows: 720, seed: 2 }),
      makeRecord({ id: 'phone-b', rows: 600, seed: 3, startedAt: '2026-03-06T10:00:00.000+01:00' }),
    ];
    for (const record of records) {
      const { trial, samples } = toStoredForm(record, 'p1');
      // As version 4 stored it: the analysis's own version (toStoredForm now marks an old sway one 0).
      await db.put('trials', { ...trial, analysisVersion: record.analysis!.analysisVersion });
      await db.put('samples', { trialId: record.id, ...samples });
    }
    db.close();
    const { store } = await freshStore({ factory: indexedDB, name });
    const raw = await openDB(name);
    const phoneBefore = await Promise.all(['phone-a', 'phone-b'].map((id) => raw.get('trials', id)));
    const phoneSamplesBefore = await Promise.all(['phone-a', 'phone-b'].map((id) => raw.get('samples', id)));
    const plateSamplesBefore = await raw.get('samples', 'plate');
    expect((await raw.get('trials', 'plate')).analysisVersion).toBe(0); // marked by migration v5
    raw.close();

    const report = await store.reanalyzeOutdated();
    expect(report).toEqual({ reanalysed: 1, failed: 0, complete: true });
    const plate = await store.trials.get('plate');
    expect(plate!.analysisVersion).toBe(SWAY_ANALYSIS_VERSION);
    expect(plate!.analysis).toEqual(whole);
    // What it was before: the window from 1 s, 2951 grid samples at 50 Hz, now 3000 (59.99 s).
    expect(records[0]!.analysis!.metrics.samples).toBe(2951);
    expect(plate!.analysis!.metrics.samples).toBe(3000);
    // The history list (the summaries) shows the new numbers.
    const listed = await store.trials.listByPerson('p1');
    expect(listed.find((row) => row.id === 'plate')!.analysis!.metrics).toEqual(whole.metrics);

    // Nothing else changed: the phone trials and every sample, bit for bit.
    const after = await openDB(name);
    expect(await Promise.all(['phone-a', 'phone-b'].map((id) => after.get('trials', id)))).toEqual(
      phoneBefore,
    );
    expect(await Promise.all(['phone-a', 'phone-b'].map((id) => after.get('samples', id)))).toEqual(
      phoneSamplesBefore,
    );
    expect(await after.get('samples', 'plate')).toEqual(plateSamplesBefore);
    const { analysis: _a, analysisVersion: _v, ...plateRest } = await after.get('trials', 'plate');
    const { analysis: _b, analysisVersion: _w, ...plateWas } = toStoredForm(records[0]!, 'p1').trial;
    expect(plateRest).toEqual(plateWas);
    // The person's record only counts the change to its trials (summaries.ts's generation).
    const { trialsGeneration, ...personAfter } = await after.get('people', 'p1');
    expect(personAfter).toEqual(person);
    expect(trialsGeneration).toBeGreaterThan(0);
    after.close();

    // Once: a second run finds nothing.
    expect(await store.reanalyzeOutdated()).toEqual({ reanalysed: 0, failed: 0, complete: true });
    store.close();
  });

  it('re-analyses a sway trial saved later with a version 1 analysis (an older export imported)', async () => {
    const { store } = await freshStore();
    const person = await store.people.add({ name: 'A' });
    await store.trials.saveMany(
      [storedByVersion1('old-export'), makeRecord({ id: 'phone', rows: 720 })],
      person.id,
    );
    expect((await store.trials.get('old-export'))!.analysisVersion).toBe(0);
    expect((await store.trials.get('phone'))!.analysisVersion).toBe(ANALYSIS_VERSION);
    const report = await store.reanalyzeOutdated();
    expect(report).toEqual({ reanalysed: 1, failed: 0, complete: true });
    const back = await store.trials.get('old-export');
    expect(back!.analysis).toEqual(whole);
    expect(back!.analysisVersion).toBe(SWAY_ANALYSIS_VERSION);
    // A sway trial analysed by this version is stored as it is, and not analysed again.
    await store.trials.save(forcePlateTrial('new', undefined), person.id);
    expect((await store.trials.get('new'))!.analysisVersion).toBe(SWAY_ANALYSIS_VERSION);
    expect(await store.reanalyzeOutdated()).toEqual({ reanalysed: 0, failed: 0, complete: true });
  });
});

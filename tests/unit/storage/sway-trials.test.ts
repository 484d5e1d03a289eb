/**
 * A 2-D sway trial (a force plate's centre of pressure, imported from a sway CSV) in the
 * history: its AP and ML signal is stored with the samples, comes back bit for bit with its
 * unit, is listed with its placement and sway metrics, and is re-analysed as a sway recording.
 */
import { readFileSync } from 'node:fs';
import { IDBIndex as FakeIndex } from 'fake-indexeddb';
import { openDB } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import { analyze } from '../../../src/core/analyze';
import { readSwayCsv } from '../../../src/formats/sway-csv';
import { timesOnly } from '../../../src/formats/sway-import';
import { encodedByteLength, encodeSamples } from '../../../src/storage/sample-codec';
import type { SummariesRecord } from '../../../src/storage/summaries';
import type { TrialRecord, TrialSamples } from '../../../src/session/types';
import { freshStore, makeAnalysis, makeRecord } from './trial-factory';

/** The first trial of a real force-plate file (fixtures/cop, see fixtures/PROVENANCE.md: s and cm, 100 Hz). */
function swayRecord(id: string, file: string, unit: string | null): TrialRecord {
  const [trial] = readSwayCsv(
    readFileSync(new URL(`../../../fixtures/cop/${file}`, import.meta.url), 'utf8'),
  );
  const { tS, ap, ml } = trial!.recording;
  const samples: TrialSamples = timesOnly(tS.slice());
  const analysis = analyze({ kind: 'sway', tS, ap, ml });
  return {
    id,
    setup: { stanceSide: 'right', eyes: 'closed', surface: 'firm', placement: 'force-plate', capS: 60 },
    startedAt: '2026-03-05T14:07:09.250+01:00',
    endReason: 'completed',
    interrupted: false,
    holdTimeS: analysis.holdTimeS,
    touchdownS: null,
    source: 'sensor',
    importedFrom: 'force plate / 2-D sway CSV',
    eventsReceived: tS.length,
    inputRateHz: analysis.metrics.inputRateHz,
    samples,
    analysis,
    analysisError: null,
    sway: { ap: ap.slice(), ml: ml.slice(), unit },
  };
}

const sameBits = (a: Float64Array, b: Float64Array): boolean =>
  a.length === b.length && a.every((value, k) => Object.is(value, b[k]));

describe('2-D sway trials in the history', () => {
  it('stores the AP and ML signal with the samples and gives it back bit for bit, with its unit', async () => {
    const { store } = await freshStore();
    const person = await store.people.add({ name: 'A' });
    const record = swayRecord('s1', 'BDS00008.csv', 'cm');
    const stored = await store.trials.save(record, person.id);
    // The unit is metadata; the columns are with the samples (never in the trials store).
    expect(stored.sway).toEqual({ unit: 'cm' });
    expect('ap' in (stored.sway ?? {})).toBe(false);
    // Phone columns all NaN take no bytes: the bytes are tS, ap and ml.
    expect(stored.sampleBytes).toBe(encodedByteLength(encodeSamples(record.samples, record.sway)));
    expect(stored.sampleBytes).toBeGreaterThan(encodedByteLength(encodeSamples(record.samples)));

    const back = await store.trials.get('s1');
    expect(back!.sway!.unit).toBe('cm');
    expect(sameBits(back!.sway!.ap, record.sway!.ap)).toBe(true);
    expect(sameBits(back!.sway!.ml, record.sway!.ml)).toBe(true);
    expect(sameBits(back!.samples.tS, record.samples.tS)).toBe(true);
    expect(back!.analysis).toEqual(record.analysis);
    expect(back!.setup.placement).toBe('force-plate');
    expect(back!.importedFrom).toBe('force plate / 2-D sway CSV');
  });

  it('keeps a sway trial without a unit as null, and a phone trial without a sway field', async () => {
    const { store } = await freshStore();
    const person = await store.people.add({ name: 'A' });
    await store.trials.saveMany(
      [swayRecord('s1', 'BDS00015.csv', null), makeRecord({ id: 'p1' })],
      person.id,
    );
    expect((await store.trials.get('s1'))!.sway!.unit).toBeNull();
    expect('sway' in (await store.trials.get('p1'))!).toBe(false);
  });

  it('lists a sway trial with its placement and sway metrics', async () => {
    const { store } = await freshStore();
    const person = await store.people.add({ name: 'A' });
    const record = swayRecord('s1', 'BDS00008.csv', 'cm');
    await store.trials.saveMany([record, makeRecord({ id: 'p1' })], person.id);
    const listed = await store.trials.listByPerson(person.id);
    const sway = listed.find((row) => row.id === 's1')!;
    expect(sway.setup.placement).toBe('force-plate');
    expect(sway.analysis!.metrics).toEqual(record.analysis!.metrics);
    expect(listed.find((row) => row.id === 'p1')!.setup.placement).toBe('chest');
  });

  it('re-analyses a sway trial as a sway recording after a version change', async () => {
    const { store } = await freshStore();
    const person = await store.people.add({ name: 'A' });
    const record = swayRecord('s1', 'BDS00008.csv', 'cm');
    // Stored as if analysed by an older version, with numbers that are not the file's.
    record.analysis = { ...makeAnalysis({ version: 0 }), signal: 'sway' };
    await store.trials.saveMany([record, makeRecord({ id: 'p1', analysisVersion: 0 })], person.id);
    const phoneSeen: number[] = [];
    const report = await store.reanalyzeOutdated({
      version: 1,
      analyzeSamples: (samples) => {
        phoneSeen.push(samples.tS.length);
        return makeAnalysis({ version: 1, rms: samples.tS.length });
      },
    });
    expect(report).toEqual({ reanalysed: 2, failed: 0, complete: true });
    // Only the phone trial goes to the phone analysis (makeRecord's 120 rows).
    expect(phoneSeen).toEqual([120]);
    const back = await store.trials.get('s1');
    // The expected analysis is the core's on the file's own signal (what `stork analyze` prints).
    const [trial] = readSwayCsv(
      readFileSync(new URL('../../../fixtures/cop/BDS00008.csv', import.meta.url), 'utf8'),
    );
    const expected = analyze(trial!.recording);
    expect(back!.analysis!.signal).toBe('sway');
    expect(back!.analysis!.metrics).toEqual(expected.metrics);
    expect(back!.analysis!.touchdownS).toBeNull();
    const listed = await store.trials.listByPerson(person.id);
    expect(listed.find((row) => row.id === 's1')!.analysis!.metrics.rms).toBe(expected.metrics.rms);
  });

  it("keeps a sway trial's unit in the stored summary; one stored before units were kept is rebuilt once", async () => {
    const { store, name } = await freshStore({ factory: indexedDB });
    const plate = await store.people.add({ name: 'A' });
    const phoneOnly = await store.people.add({ name: 'B' });
    await store.trials.saveMany(
      [
        swayRecord('s-cm', 'BDS00008.csv', 'cm'),
        swayRecord('s-u', 'BDS00015.csv', null),
        makeRecord({ id: 'p1' }),
      ],
      plate.id,
    );
    await store.trials.saveMany([makeRecord({ id: 'p2' })], phoneOnly.id);
    const unitsOf = async (personId: string) =>
      Object.fromEntries((await store.trials.listByPerson(personId)).map((row) => [row.id, row.swayUnit]));
    expect(await unitsOf(plate.id)).toEqual({ 's-cm': 'cm', 's-u': null, p1: null });
    expect(await unitsOf(phoneOnly.id)).toEqual({ p2: null });

    // The summaries as the version before stored them: no swayUnits column, generation current.
    const raw = await openDB(name);
    for (const personId of [plate.id, phoneOnly.id]) {
      const { swayUnits: _units, ...earlier } = (await raw.get('summaries', personId)) as SummariesRecord;
      await raw.put('summaries', earlier);
    }
    raw.close();
    const indexReads = vi.spyOn(FakeIndex.prototype, 'getAll');
    // A phone-only summary lacks nothing: still read as one record.
    expect(await unitsOf(phoneOnly.id)).toEqual({ p2: null });
    expect(indexReads).not.toHaveBeenCalled();
    // One with a force-plate trial is rebuilt from the trials (their units), and stored again.
    expect(await unitsOf(plate.id)).toEqual({ 's-cm': 'cm', 's-u': null, p1: null });
    expect(indexReads).toHaveBeenCalledTimes(1);
    expect(await unitsOf(plate.id)).toEqual({ 's-cm': 'cm', 's-u': null, p1: null });
    expect(indexReads).toHaveBeenCalledTimes(1);
    indexReads.mockRestore();
  });
});

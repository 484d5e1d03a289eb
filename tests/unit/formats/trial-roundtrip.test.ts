import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { analyze } from '../../../src/core/analyze';
import { AnalysisError } from '../../../src/core/errors';
import { roundHoldTimeS } from '../../../src/core/hold-time';
import type { AnalysisResult, SwayMetrics } from '../../../src/core/types';
import { FormatError } from '../../../src/formats/format-error';
import { METRIC_KEYS, metricColumnName } from '../../../src/formats/metric-units';
import { summaryColumns, WARNINGS_SEPARATOR } from '../../../src/formats/summary-csv';
import { readSummaryCsv, SUMMARY_COLUMN_TYPES } from '../../../src/formats/summary-reader';
import {
  exportTrialsCsv,
  trialSamplesCsvParts,
  trialSummaryColumns,
  trialSwayCsvParts,
} from '../../../src/formats/trial-export';
import { importFiles } from '../../../src/formats/import-files';
import { readSamplesCsv } from '../../../src/formats/samples-csv';
import { timesOnly } from '../../../src/formats/sway-import';
import { importStorkFiles, isCompleteRecord } from '../../../src/formats/trial-import';
import { SWAY_IMPORTED_FROM, type StorkTrialRecord } from '../../../src/formats/trial-record';
import { recordingOf } from '../../../src/session/trial-run';
import type { TrialRecord } from '../../../src/session/types';
import { MAX_ABS_ACCELERATION_M_S2, MAX_ABS_ROTATION_RATE_DEG_S } from '../../../src/core/limits';
import { trainingArbitrary } from '../helpers/training-arbitrary';

/** The largest magnitude every sample column may hold (src/core/limits.ts). */
const SAMPLE_LIMIT = Math.min(MAX_ABS_ACCELERATION_M_S2, MAX_ABS_ROTATION_RATE_DEG_S);

const META = { appVersion: '0.1.0' };

/** Bits of a double; NaN as one value (a missing sample is NaN, whichever NaN). */
function bitsOf(values: Float64Array): string[] {
  const bits = new BigUint64Array(Float64Array.from(values).buffer);
  return Array.from(values, (value, i) => (Number.isNaN(value) ? 'NaN' : (bits[i] as bigint).toString(16)));
}

/** Every sample column equal bit for bit (toEqual alone would also pass for another NaN, which is fine, and fail on -0 vs 0). */
function expectSameSamples(actual: StorkTrialRecord['samples'], expected: StorkTrialRecord['samples']): void {
  for (const key of Object.keys(expected) as (keyof StorkTrialRecord['samples'])[]) {
    expect(bitsOf(actual[key]), key).toEqual(bitsOf(expected[key]));
  }
}

/**
 * Any double a sensor could deliver, within the limits the reader applies to every sample
 * column (the narrower of the acceleration's and the rotation rate's: src/core/limits.ts), but not +-Infinity (written
 * as an empty cell, read as NaN). Values beyond the limits are refused: hostile-files.test.ts.
 */
const sampleValue = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.double({ min: -SAMPLE_LIMIT, max: SAMPLE_LIMIT }),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(NaN, -0, 0, 5e-324, -SAMPLE_LIMIT, 0.1, 9.8),
  },
);

/**
 * A number of the summary (times, rates, metrics): any finite double or NaN, but not -0, which
 * the summary writes as 0 (a number cell; summary-csv.ts says so).
 */
const summaryNumber = fc.double({ noDefaultInfinity: true }).filter((x) => !Object.is(x, -0));
const finiteSummaryNumber = summaryNumber.filter(Number.isFinite);

/** Text as people and browsers write it, with the cells that need care: separators, quotes, line breaks, formulas. */
const text = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
  fc.constantFrom(
    '=1+1',
    '+41 79',
    '-2',
    '@SUM(A1)',
    "'=1",
    "''+x",
    '\t=1',
    '\r=1',
    '  =cmd',
    'a,"b"\r\nc',
    ' x ',
    '\uFF1D1',
  ),
);

/** Non-decreasing sample times: cumulative positive steps (the live trial's event timestamps never go back). */
function samplesArbitrary() {
  return fc.integer({ min: 0, max: 40 }).chain((n) =>
    fc
      .record({
        start: fc.double({ min: -2, max: 2, noNaN: true }),
        steps: fc.array(fc.double({ min: 0, max: 0.5, noNaN: true }), { minLength: n, maxLength: n }),
        columns: fc.array(fc.array(sampleValue, { minLength: n, maxLength: n }), {
          minLength: 9,
          maxLength: 9,
        }),
      })
      .map(({ start, steps, columns }) => {
        const tS = new Float64Array(n);
        let t = start;
        steps.forEach((step, k) => {
          t += step;
          tS[k] = t;
        });
        const [ax, ay, az, gx, gy, gz, lx, ly, lz] = columns.map((column) =>
          Float64Array.from(column),
        ) as Float64Array[];
        return { tS, ax, ay, az, gx, gy, gz, lx, ly, lz } as StorkTrialRecord['samples'];
      }),
  );
}

const nullableMetric = new Set([
  'totalPower',
  'f50',
  'f95',
  'centroidFrequency',
  'frequencyDispersion',
  'gyroRmsAp',
  'gyroRmsMl',
]);

const analysisArbitrary: fc.Arbitrary<AnalysisResult> = fc
  .record({
    analysisVersion: fc.integer({ min: 0, max: 1000 }),
    window: fc.record({ fromS: finiteSummaryNumber, toS: finiteSummaryNumber }),
    touchdownS: fc.option(finiteSummaryNumber, { nil: null }),
    holdTimeS: finiteSummaryNumber,
    dropped: fc.record({
      nonFiniteTime: fc.nat(),
      nonFiniteValue: fc.nat(),
      nonIncreasingTime: fc.nat(),
      nonFiniteGyro: fc.nat(),
    }),
    // A warning of the analysis never contains the separator (src/core/analyze.ts wordings).
    warnings: fc.array(
      text.filter((w) => !w.includes(WARNINGS_SEPARATOR.trim())),
      { maxLength: 3 },
    ),
    metricValues: fc.array(summaryNumber, { minLength: METRIC_KEYS.length, maxLength: METRIC_KEYS.length }),
    nulls: fc.array(fc.boolean(), { minLength: METRIC_KEYS.length, maxLength: METRIC_KEYS.length }),
    options: fc.record({
      rateHz: finiteSummaryNumber,
      cutoffHz: finiteSummaryNumber,
      filterOrder: fc.integer({ min: 1, max: 8 }),
    }),
  })
  .map(({ metricValues, nulls, ...rest }) => {
    const metrics = { signal: 'motion' } as Record<string, unknown>;
    METRIC_KEYS.forEach((key, i) => {
      metrics[key] = nullableMetric.has(key) && nulls[i] ? null : metricValues[i];
    });
    // `samples` is a count: a whole number.
    metrics['samples'] = Math.round(Math.abs(metrics['samples'] as number) % 1e6) || 0;
    return { ...rest, signal: 'motion' as const, metrics: metrics as unknown as SwayMetrics };
  });

const signArbitrary = fc.record({
  flipped: fc.boolean(),
  upright: fc.boolean(),
  basis: fc.constantFrom('countdown' as const, 'after-go' as const, 'none' as const),
  meanRawAyMS2: summaryNumber,
  samples: fc.nat(),
});

/** An ISO 8601 date-time with an offset, as the page writes `startedAt`. */
const startedAtArbitrary = fc
  .record({
    date: fc.date({
      min: new Date('2000-01-01T00:00:00Z'),
      max: new Date('2100-01-01T00:00:00Z'),
      noInvalidDate: true,
    }),
    offsetQuarters: fc.integer({ min: -48, max: 56 }),
  })
  .map(({ date, offsetQuarters }) => {
    const minutes = offsetQuarters * 15;
    const local = new Date(date.getTime() + minutes * 60_000).toISOString().slice(0, 23);
    const sign = minutes < 0 ? '-' : '+';
    const abs = Math.abs(minutes);
    return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  });

function recordArbitrary(id: string): fc.Arbitrary<StorkTrialRecord> {
  return fc
    .record({
      setup: fc.record({
        stanceSide: fc.constantFrom('left' as const, 'right' as const),
        eyes: fc.constantFrom('open' as const, 'closed' as const),
        surface: fc.constantFrom('firm' as const, 'foam' as const),
        placement: fc.constantFrom('chest' as const, 'lumbar' as const),
        capS: fc.constantFrom(10 as const, 20 as const, 30 as const, 45 as const, 60 as const),
      }),
      startedAt: startedAtArbitrary,
      endReason: fc.constantFrom(
        'completed' as const,
        'touchdown' as const,
        'stopped' as const,
        'hidden' as const,
        'sensor-silent' as const,
      ),
      interrupted: fc.boolean(),
      // A trial's hold time is a whole number of nanoseconds (trial-run.ts rounds it, core/hold-time.ts).
      holdTimeS: finiteSummaryNumber.map(roundHoldTimeS),
      touchdownS: fc.option(finiteSummaryNumber, { nil: null }),
      source: fc.constantFrom('sensor' as const, 'demo' as const),
      inputRateHz: summaryNumber,
      samples: samplesArbitrary(),
      analysis: fc.option(analysisArbitrary, { nil: null }),
      analysisError: fc.option(text, { nil: null }),
      sign: fc.option(signArbitrary, { nil: undefined }),
      // A set of a training session, or a test trial.
      training: fc.option(trainingArbitrary, { nil: undefined }),
    })
    .map(({ sign, training, ...fields }) => {
      const record: StorkTrialRecord = { id, ...fields, eventsReceived: fields.samples.tS.length };
      if (sign !== undefined) record.sign = sign;
      if (training !== undefined) record.training = training;
      return record;
    });
}

/**
 * A 2-D sway trial as the import page stores it (sway-import.ts, import-records.ts): a force
 * plate's AP and ML (any doubles) at the sample times, the phone columns all NaN, the analysis
 * of a sway signal, no sign decision, a unit or none (null: the signal's own unit).
 */
function swayRecordArbitrary(id: string): fc.Arbitrary<StorkTrialRecord> {
  return fc
    .record({
      record: recordArbitrary(id),
      columns: fc.array(fc.array(sampleValue, { minLength: 40, maxLength: 40 }), {
        minLength: 2,
        maxLength: 2,
      }),
      analysis: fc.option(analysisArbitrary, { nil: null }),
      unit: fc.option(fc.oneof(fc.constantFrom('cm', 'mm', 'N·m/N'), text), { nil: null }),
    })
    .map(({ record, columns, analysis, unit }) => {
      const n = record.samples.tS.length;
      const [ap, ml] = columns.map((column) => Float64Array.from(column.slice(0, n))) as [
        Float64Array,
        Float64Array,
      ];
      const { sign: _sign, ...rest } = record;
      return {
        ...rest,
        setup: { ...record.setup, placement: 'force-plate' as const },
        importedFrom: SWAY_IMPORTED_FROM,
        samples: timesOnly(record.samples.tS),
        analysis:
          analysis === null
            ? null
            : {
                ...analysis,
                signal: 'sway' as const,
                metrics: { ...analysis.metrics, signal: 'sway' as const },
              },
        sway: { ap, ml, unit },
      };
    });
}

/** 0 to 4 phone trials with distinct, non-empty ids (any text: commas, quotes, line breaks, formulas). */
const phoneRecordsArbitrary = fc
  .uniqueArray(text, { maxLength: 4 })
  .chain((ids): fc.Arbitrary<StorkTrialRecord[]> =>
    ids.length === 0 ? fc.constant([]) : fc.tuple(...ids.map(recordArbitrary)),
  );

/** 0 to 4 trials with distinct ids, each a phone trial or a 2-D sway trial (with or without a unit). */
const recordsArbitrary = fc
  .uniqueArray(text, { maxLength: 4 })
  .chain((ids): fc.Arbitrary<StorkTrialRecord[]> =>
    ids.length === 0
      ? fc.constant([])
      : fc.tuple(...ids.map((id) => fc.oneof(recordArbitrary(id), swayRecordArbitrary(id)))),
  );

describe('trial export and import (SPEC section 7)', () => {
  it("has the shape of the page's TrialRecord (src/session/types.ts), field for field", () => {
    expectTypeOf<StorkTrialRecord>().toEqualTypeOf<TrialRecord>();
  });

  it('gives back any set of trials exactly: metadata, every sample bit for bit, the stored analysis', () => {
    let swayTrials = 0;
    let unknownUnits = 0;
    fc.assert(
      fc.property(recordsArbitrary, (records) => {
        const files = exportTrialsCsv(records, META);
        const swayCsv = [...trialSwayCsvParts(records)].join('');
        // The export's three files, read as Stork's files, and as the page's import reads them
        // when they are chosen together (import-files.ts: the sway CSV joins the summary's set).
        const imported = importStorkFiles(files.samplesCsv, files.summaryCsv, swayCsv);
        // The page writes the sway CSV when there are sway trials (export-view.ts); a stored one
        // always has samples (a sway CSV without rows does not import).
        const withSway = records.some((record) => (record.sway?.ap.length ?? 0) > 0);
        const page = importFiles([
          { name: 'stork-samples.csv', text: files.samplesCsv },
          { name: 'stork-summary.csv', text: files.summaryCsv },
          ...(withSway ? [{ name: 'stork-samples-sway.csv', text: swayCsv }] : []),
        ]);
        expect(imported.skippedCount).toBe(0);
        expect(page.skippedCount).toBe(0);
        expect(page.failed).toEqual([]);
        expect(imported.trials).toHaveLength(records.length);
        expect(page.trials).toHaveLength(records.length);
        for (const trials of [imported.trials, page.trials]) {
          trials.forEach((trial, i) => {
            const original = records[i] as StorkTrialRecord;
            expect(isCompleteRecord(trial.record)).toBe(true);
            expectSameSamples(trial.record.samples, original.samples);
            if (original.sway !== undefined) {
              expect(bitsOf(trial.record.sway!.ap), 'ap').toEqual(bitsOf(original.sway.ap));
              expect(bitsOf(trial.record.sway!.ml), 'ml').toEqual(bitsOf(original.sway.ml));
            }
            expect(trial.record).toEqual(original);
            expect(trial.subject).toBeNull();
          });
        }
        swayTrials += records.filter((record) => record.sway !== undefined).length;
        unknownUnits += records.filter((record) => record.sway?.unit === null).length;
      }),
      { numRuns: 150 },
    );
    // The generated sets did hold sway trials, with and without a unit.
    expect(swayTrials).toBeGreaterThan(20);
    expect(unknownUnits).toBeGreaterThan(5);
  });

  it('writes the samples CSV in parts that join to the one file', () => {
    fc.assert(
      fc.property(recordsArbitrary, (records) => {
        expect([...trialSamplesCsvParts(records)].join('')).toBe(exportTrialsCsv(records, META).samplesCsv);
      }),
      { numRuns: 30 },
    );
  });

  it('re-analysing the imported samples gives the same result as the trial had', () => {
    // Realistic trials: 3-12 s on the chest at 50-100 Hz, a slow sway on x and z, gyro; the
    // analysis is the one the live trial stores (analyze(recordingOf(samples)), trial-run.ts).
    const trial = fc
      .record({
        seconds: fc.integer({ min: 3, max: 12 }),
        rateHz: fc.constantFrom(50, 60, 100),
        seed: fc.nat(),
      })
      // 3 s trials may fall just under the analysis's 2 s window: then the error must come back too.
      .map(({ seconds, rateHz, seed }): StorkTrialRecord => {
        const n = seconds * rateHz + 1;
        const column = () => new Float64Array(n);
        const samples = {
          tS: column(),
          ax: column(),
          ay: column(),
          az: column(),
          gx: column(),
          gy: column(),
          gz: column(),
        };
        let noise = seed || 1;
        const random = () => {
          noise = (noise * 16807) % 2147483647;
          return noise / 2147483647 - 0.5;
        };
        for (let k = 0; k < n; k++) {
          const t = k / rateHz + random() * 0.002;
          samples.tS[k] = t;
          samples.ax[k] = 0.2 * Math.sin(2 * Math.PI * 0.4 * t) + 0.02 * random();
          samples.ay[k] = 9.81 + 0.02 * random();
          samples.az[k] = 0.3 * Math.sin(2 * Math.PI * 0.25 * t + 1) + 0.02 * random();
          samples.gx[k] = 3 * random();
          samples.gy[k] = 3 * random();
          samples.gz[k] = 3 * random();
        }
        const full = { ...samples, lx: column().fill(NaN), ly: column().fill(NaN), lz: column().fill(NaN) };
        let analysis: AnalysisResult | null = null;
        let analysisError: string | null = null;
        try {
          analysis = analyze(recordingOf(full));
        } catch (error) {
          if (!(error instanceof AnalysisError)) throw error;
          analysisError = error.message;
        }
        return {
          id: `trial-${seed}`,
          setup: { stanceSide: 'right', eyes: 'closed', surface: 'foam', placement: 'lumbar', capS: 45 },
          startedAt: '2026-03-14T09:26:53.120+01:00',
          endReason: analysis?.touchdownS == null ? 'completed' : 'touchdown',
          interrupted: false,
          holdTimeS: analysis?.holdTimeS ?? seconds,
          touchdownS: analysis?.touchdownS ?? null,
          source: 'sensor',
          eventsReceived: n,
          inputRateHz: analysis?.metrics.inputRateHz ?? rateHz,
          samples: full,
          analysis,
          analysisError,
        };
      });
    fc.assert(
      fc.property(
        fc.array(trial, { minLength: 1, maxLength: 2 }).filter((ts) => ts[0]?.id !== ts[1]?.id),
        (records) => {
          const files = exportTrialsCsv(records, META);
          const imported = importStorkFiles(files.samplesCsv, files.summaryCsv).trials;
          imported.forEach((trial, i) => {
            const original = records[i] as StorkTrialRecord;
            expect(trial.record.analysis).toEqual(original.analysis);
            const again = () => analyze(recordingOf(trial.record.samples as TrialRecord['samples']));
            if (original.analysis === null) expect(again).toThrow(original.analysisError as string);
            else expect(again()).toEqual(original.analysis);
          });
        },
      ),
      { numRuns: 12 },
    );
  });

  it('without the summary, analyses the samples again and leaves side, condition and date to the person', () => {
    const [record] = fc.sample(recordArbitrary('only-samples'), { numRuns: 1, seed: 7 }) as [
      StorkTrialRecord,
    ];
    const imported = importStorkFiles(exportTrialsCsv([record], META).samplesCsv);
    const [trial] = imported.trials;
    expect(trial?.record.id).toBe('only-samples');
    expect(trial?.record.setup).toBeNull();
    expect(trial?.record.startedAt).toBeNull();
    expect(isCompleteRecord(trial!.record)).toBe(false);
    expectSameSamples(trial!.record.samples, record.samples);
    expect(trial?.origin.notes).toEqual([
      'not in the summary: analysed again; side, condition and date to be given',
    ]);
  });

  it('refuses a summary row whose trial has no samples, and a bad cell, naming the summary and the line', () => {
    const [record] = fc.sample(
      recordArbitrary('x').filter((r) => r.samples.tS.length > 0),
      { numRuns: 1, seed: 3 },
    ) as [StorkTrialRecord];
    const files = exportTrialsCsv([record], META);
    expect(() => importStorkFiles('t_ms,ax,ay,az,trial_id\r\n0,1,2,3,other\r\n', files.summaryCsv)).toThrow(
      'summary: line 2: trial "x" has no rows in the samples file',
    );
    const badSide = files.summaryCsv.replace(`,${record.setup.stanceSide},`, ',up,');
    expect(() => importStorkFiles(files.samplesCsv, badSide)).toThrow(
      'summary: line 2: stance_side is not left or right ("up")',
    );
    const error = (() => {
      try {
        importStorkFiles(files.samplesCsv, files.summaryCsv.replace(/\r\n$/, ',extra\r\n'));
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(FormatError);
    expect((error as FormatError).message).toMatch(/^summary: line 2: expected \d+ cells, found \d+$/);
  });
});

describe('the summary CSV opens cleanly (SPEC section 7: a spreadsheet or pandas reads it without fixing anything)', () => {
  const [records] = fc.sample(
    phoneRecordsArbitrary.filter((rs) => rs.length >= 3),
    { numRuns: 1, seed: 11 },
  );
  const summary = exportTrialsCsv(records as StorkTrialRecord[], META).summaryCsv;

  it('parses with papaparse, with no error, the documented header and one row per trial', () => {
    const parsed = Papa.parse<Record<string, string>>(summary, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual(trialSummaryColumns());
    expect(parsed.meta.fields?.slice(0, summaryColumns('motion').length)).toEqual(summaryColumns('motion'));
    expect(parsed.data).toHaveLength((records as StorkTrialRecord[]).length);
    expect(summary.endsWith('\r\n')).toBe(true);
    expect(summary.split('\r\n')[0]).not.toContain('"');
  });

  it('has every metric with its unit in the column name', () => {
    for (const key of METRIC_KEYS) expect(trialSummaryColumns()).toContain(metricColumnName(key, 'motion'));
    expect(trialSummaryColumns()).toEqual(
      expect.arrayContaining(['rms_ap_m_s2', 'jerk_m2_s5', 'ellipse_area_m2_s4', 'f50_hz']),
    );
  });

  it("has cells of each column's type: numbers parse as numbers with papaparse's own typing, booleans as booleans", () => {
    const typed = Papa.parse<Record<string, unknown>>(summary, {
      header: true,
      skipEmptyLines: true,
      dynamicTyping: true,
    });
    for (const row of typed.data) {
      for (const [column, value] of Object.entries(row)) {
        const type = SUMMARY_COLUMN_TYPES[column] ?? 'text';
        if (value === null || value === '') continue;
        // papaparse leaves numbers beyond +-2^53 as text (it would not round them); any other is a number.
        const beyondPapaparse = typeof value === 'string' && Math.abs(Number(value)) >= 2 ** 53;
        if (type === 'number' || type === 'integer') {
          expect(typeof value === 'number' || beyondPapaparse, `${column}: ${String(value)}`).toBe(true);
        }
        if (type === 'integer') expect(Number.isInteger(Number(value)), column).toBe(true);
        if (type === 'boolean') expect(typeof value, column).toBe('boolean');
        // papaparse's typing turns ISO 8601 date-times into Dates: the cell is a date to it.
        if (type === 'date-time')
          expect(value instanceof Date && Number.isFinite(value.getTime()), column).toBe(true);
      }
    }
  });

  it('and our reader gives each cell its type', () => {
    const table = readSummaryCsv(summary);
    expect(table.scheme).toBe('motion');
    const row = table.rows[0]!;
    const record = (records as StorkTrialRecord[])[0]!;
    expect(row.cells['trial_id']).toBe(record.id);
    expect(row.cells['cap_s']).toBe(record.setup.capS);
    expect(row.cells['interrupted']).toBe(record.interrupted);
    expect(row.cells['date_time']).toBe(record.startedAt);
    expect(row.cells['app_version']).toBe('0.1.0');
  });

  it('keeps a formula-injection string as text: neutralised in the file, given back as written', () => {
    const injections = [
      '=HYPERLINK("http://evil","x")',
      '+1+1',
      '-1+1',
      '@SUM(1)',
      '\t=1',
      '\r=1',
      '  =1',
      "'=1",
    ];
    // With samples, so that the samples CSV has each id's rows too.
    const records = injections.map(
      (id) =>
        fc.sample(
          recordArbitrary(id).filter((record) => record.samples.tS.length > 0),
          { numRuns: 1, seed: 5 },
        )[0] as StorkTrialRecord,
    );
    const files = exportTrialsCsv(records, META);
    const cells = Papa.parse<Record<string, string>>(files.summaryCsv, {
      header: true,
      skipEmptyLines: true,
    }).data.map((row) => row['trial_id']);
    // Each starts with ' in the file, so no spreadsheet runs it (OWASP "CSV Injection")...
    expect(cells).toEqual(injections.map((id) => `'${id}`));
    // The samples CSV's trial_id cells likewise (issue: they were written as they were)...
    const sampleIds = new Set(
      Papa.parse<Record<string, string>>(files.samplesCsv, { header: true, skipEmptyLines: true }).data.map(
        (row) => row['trial_id'],
      ),
    );
    expect([...sampleIds]).toEqual(injections.map((id) => `'${id}`));
    // ...and each comes back as the text it was: with its summary, and from the samples alone.
    expect(importStorkFiles(files.samplesCsv, files.summaryCsv).trials.map((t) => t.record.id)).toEqual(
      injections,
    );
    expect(readSamplesCsv(files.samplesCsv).map((trial) => trial.trialId)).toEqual(injections);
    // Numbers are never neutralised: a negative number stays a number cell.
    const negative = { ...records[0]!, id: 'n', holdTimeS: -1.5 };
    expect(exportTrialsCsv([negative], META).summaryCsv.split('\r\n')[1]).toContain(',-1.5,');
  });
});

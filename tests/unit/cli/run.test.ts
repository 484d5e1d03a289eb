import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { EXIT_BAD_FILE, EXIT_OK, EXIT_USAGE, run } from '../../../src/cli/main';
import { analyze } from '../../../src/core/analyze';
import { readSamplesCsv } from '../../../src/formats/samples-csv';

const fixture = (path: string) => fileURLToPath(new URL(`../../../fixtures/${path}`, import.meta.url));

/**
 * Runs the command line in-process: files from `memory` first, else Node's file system (so
 * missing files and directories fail as they really do). Captures what it prints.
 */
async function stork(argv: string[], memory: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    readFile: async (path) => memory[path] ?? (await readFile(path, 'utf8')),
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  return { code, stdout, stderr, errorLines: stderr.split('\n').filter((line) => line !== '') };
}

/**
 * 12 s of a phone upright on the chest at 50 Hz: gravity on y, a slow sway on x and z, gyro.
 * Made up for these tests: smooth, so no touch-down is expected.
 */
function quietStanceCsv(trialIds: string[] = []): string {
  const rows = [trialIds.length ? 't_ms,ax,ay,az,gx,gy,gz,trial_id' : 't_ms,ax,ay,az,gx,gy,gz'];
  for (const id of trialIds.length ? trialIds : ['']) {
    for (let k = 0; k <= 600; k++) {
      const t = k / 50;
      const ax = 0.2 * Math.sin(2 * Math.PI * 0.4 * t);
      const az = 0.3 * Math.sin(2 * Math.PI * 0.25 * t + 1);
      const cells = [
        k * 20,
        ax.toFixed(4),
        (9.81 + 0.01 * Math.sin(t)).toFixed(4),
        az.toFixed(4),
        '0.5',
        '-0.2',
        '0.1',
      ];
      rows.push([...cells, ...(trialIds.length ? [id] : [])].join(','));
    }
  }
  return rows.join('\r\n') + '\r\n';
}

describe('stork analyze', () => {
  it('prints one JSON object per file with SPEC section 8 keys and exits 0', async () => {
    const { code, stdout, stderr } = await stork(['analyze', 'quiet.csv'], { 'quiet.csv': quietStanceCsv() });
    expect(stderr).toBe('');
    expect(code).toBe(EXIT_OK);
    const [result, ...rest] = JSON.parse(stdout);
    expect(rest).toEqual([]);
    expect(Object.keys(result)).toEqual([
      'file',
      'trialId',
      'window',
      'touchdownS',
      'holdTimeS',
      'dropped',
      'metrics',
      'analysisVersion',
      'warnings',
    ]);
    expect(result.file).toBe('quiet.csv');
    expect(result.trialId).toBeNull();
    // SPEC section 5: the automatic window starts 1 s after "go"; no touch-down, so it runs
    // to the end (12 s) and the hold time is the recording's last time.
    expect(result.window).toEqual({ fromS: 1, toS: 12 });
    expect(result.touchdownS).toBeNull();
    expect(result.holdTimeS).toBe(12);
    expect(result.metrics.signal).toBe('motion');
    expect(result.metrics.gyroRmsAp).toBeGreaterThan(0);
  });

  it('passes --from --to --rate --cutoff to the analysis: the same numbers as analyze() itself', async () => {
    const text = quietStanceCsv();
    const { code, stdout } = await stork(
      ['analyze', 'quiet.csv', '--from', '2', '--to', '11.5', '--rate', '100', '--cutoff', '5'],
      { 'quiet.csv': text },
    );
    expect(code).toBe(EXIT_OK);
    const [printed] = JSON.parse(stdout);
    const [trial] = readSamplesCsv(text);
    const direct = analyze(trial!.recording, { fromS: 2, toS: 11.5, rateHz: 100, cutoffHz: 5 });
    expect(printed.window).toEqual({ fromS: 2, toS: 11.5 });
    expect(printed.metrics.rateHz).toBe(100);
    expect(printed.metrics).toEqual(JSON.parse(JSON.stringify(direct.metrics)));
  });

  it('prints every trial of a multi-trial file, in file order, with its trial id', async () => {
    const { code, stdout } = await stork(['analyze', 'two.csv', 'quiet.csv'], {
      'two.csv': quietStanceCsv(['right-1', 'left-1']),
      'quiet.csv': quietStanceCsv(),
    });
    expect(code).toBe(EXIT_OK);
    expect(JSON.parse(stdout).map((r: { file: string; trialId: string }) => [r.file, r.trialId])).toEqual([
      ['two.csv', 'right-1'],
      ['two.csv', 'left-1'],
      ['quiet.csv', null],
    ]);
  });

  it('prints the summary CSV with --format csv: a header and one row per trial', async () => {
    const { code, stdout } = await stork(['analyze', 'quiet.csv', '--format', 'csv'], {
      'quiet.csv': quietStanceCsv(),
    });
    expect(code).toBe(EXIT_OK);
    const parsed = Papa.parse<Record<string, string>>(stdout, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(1);
    expect(parsed.data[0]).toMatchObject({
      file: 'quiet.csv',
      trial_id: '',
      subject: '',
      eyes: '',
      hold_time_s: '12',
      window_from_s: '1',
      window_to_s: '12',
      signal: 'motion',
      // 601 rows in the file (0 to 12 s at 50 Hz); N = floor((12 - 1) * 50) + 1 = 551 on the grid (SPEC section 3)
      samples_received: '601',
      samples_analysed: '551',
      analysis_version: '2',
    });
    expect(Number(parsed.data[0]?.rms_ap_m_s2)).toBeGreaterThan(0);
  });

  describe('a bad file gets one line on stderr, exit 1, and the other files are still analysed', () => {
    const cases: [string, string][] = [
      ['formats/empty.csv', 'file is empty'],
      ['formats/no-header.csv', 'no header row'],
      ['formats/missing-ay.csv', 'line 1: missing column ay'],
      ['formats/text-in-number.csv', 'line 4: ax is not a number ("abc")'],
      ['formats/backwards.csv', 'line 203: t_ms goes backwards (3950 after 4000)'],
      // Wordings of the analysis (src/core/analyze.ts):
      ['formats/short.csv', 'window shorter than 2 s'],
      ['formats/all-nan.csv', 'fewer than 2 usable rows'],
      ['formats/does-not-exist.csv', 'no such file'],
      ['formats', 'is a directory'],
    ];
    it.each(cases)('%s: %s', async (path, message) => {
      const bad = fixture(path);
      const { code, stdout, errorLines } = await stork(['analyze', bad, 'quiet.csv'], {
        'quiet.csv': quietStanceCsv(),
      });
      expect(code).toBe(EXIT_BAD_FILE);
      expect(errorLines).toHaveLength(1);
      expect(errorLines[0]?.startsWith(`stork: ${bad}: ${message}`)).toBe(true);
      expect(JSON.parse(stdout).map((r: { file: string }) => r.file)).toEqual(['quiet.csv']);
    });
  });

  it('names the trial of a multi-trial file that cannot be analysed, and prints the others', async () => {
    const text = quietStanceCsv(['long']) + '0,0,9.8,0,0,0,0,short\r\n500,0,9.8,0,0,0,0,short\r\n';
    const { code, stdout, errorLines } = await stork(['analyze', 'mixed.csv'], { 'mixed.csv': text });
    expect(code).toBe(EXIT_BAD_FILE);
    expect(errorLines).toHaveLength(1);
    expect(errorLines[0]).toMatch(/^stork: mixed\.csv: trial "short": /);
    expect(JSON.parse(stdout).map((r: { trialId: string }) => r.trialId)).toEqual(['long']);
  });

  it('prints an empty array when no file could be analysed', async () => {
    const { code, stdout } = await stork(['analyze', fixture('formats/empty.csv')]);
    expect(code).toBe(EXIT_BAD_FILE);
    expect(JSON.parse(stdout)).toEqual([]);
  });

  it.each([
    [['analyze', 'a.csv', '--rate', 'abc'], 'stork: --rate must be a positive number of Hz, got "abc"'],
    [['analyze', 'a.csv', '--from', '5', '--to', '3'], 'stork: --from (5 s) must be before --to (3 s)'],
    [['analyze', 'a.csv', '--bogus'], 'stork: unknown option --bogus'],
    [[], 'stork: no command'],
  ])('%j is a usage error: exit 2, nothing on stdout', async (argv, firstLine) => {
    const { code, stdout, errorLines } = await stork(argv);
    expect(code).toBe(EXIT_USAGE);
    expect(stdout).toBe('');
    expect(errorLines).toEqual([
      firstLine,
      'Usage: stork analyze FILE... [options]; stork analyze --help for more',
    ]);
  });
});

describe('stork analyze on a long full-precision recording', () => {
  /** 10 minutes at 100 Hz as iOS values are written (shortest text of each double), and the numbers. */
  function longRecording() {
    const n = 60_000;
    const recording = {
      kind: 'motion' as const,
      tS: new Float64Array(n),
      ax: new Float64Array(n),
      ay: new Float64Array(n),
      az: new Float64Array(n),
    };
    const rows = ['t_ms,ax,ay,az'];
    for (let k = 0; k < n; k++) {
      const tMs = k * 10 + 0.3 * Math.sin(k * 1.7);
      const t = tMs / 1000;
      const values = [
        0.12 * Math.sin(2 * Math.PI * 0.6 * t + 1) + 0.01 * Math.sin(k * 2.3),
        9.81 + 0.01 * Math.cos(k * 0.9),
        0.15 * Math.sin(2 * Math.PI * 0.4 * t) + 0.01 * Math.sin(k * 3.1),
      ];
      rows.push([tMs, ...values].join(','));
      recording.tS[k] = Number(`${tMs}e-3`); // t_ms read as seconds, rounded once
      [recording.ax[k], recording.ay[k], recording.az[k]] = values as [number, number, number];
    }
    return { text: rows.join('\n') + '\n', recording };
  }

  it('gives the result of analyze() on the exact numbers', async () => {
    const { text, recording } = longRecording();
    const { code, stdout, stderr } = await stork(['analyze', 'long.csv'], { 'long.csv': text });
    expect(stderr).toBe('');
    expect(code).toBe(EXIT_OK);
    const [printed] = JSON.parse(stdout) as { metrics: unknown; touchdownS: unknown }[];
    const expected = analyze(recording);
    expect(printed?.metrics).toEqual(JSON.parse(JSON.stringify(expected.metrics)));
    expect(printed?.touchdownS).toBe(expected.touchdownS);
  });

  it('names the line and the cell of a bad number deep in the file', async () => {
    const { text } = longRecording();
    const lines = text.split('\n');
    lines[45_001] = lines[45_001]!.replace(/,([^,]*)$/, ',$1x');
    lines[50_001] = `${lines[50_001]}é`;
    const bad = lines.join('\n');
    const { code, errorLines } = await stork(['analyze', 'bad.csv'], { 'bad.csv': bad });
    expect(code).toBe(EXIT_BAD_FILE);
    expect(errorLines).toEqual([
      `stork: bad.csv: line 45002: az is not a number ("${/[^,]*$/.exec(lines[45_001]!)?.[0]}")`,
    ]);
    const { errorLines: second } = await stork(['analyze', 'bad.csv'], {
      'bad.csv': bad.replace(lines[45_001]!, lines[45_001]!.slice(0, -1)),
    });
    expect(second).toEqual([
      `stork: bad.csv: line 50002: az is not a number ("${/[^,]*$/.exec(lines[50_001]!)?.[0]}")`,
    ]);
  });
});

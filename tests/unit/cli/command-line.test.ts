import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import packageJson from '../../../package.json' with { type: 'json' };
import { analyzeFile } from '../../../src/cli/analyze-file';
import { BYTES_PER_THREAD, defaultJobs } from '../../../src/cli/arguments';
import { ANALYZE_HELP, SHORT_USAGE, STORK_HELP } from '../../../src/cli/help';
import { EXIT_BAD_FILE, EXIT_OK, EXIT_USAGE, run, type CliIo } from '../../../src/cli/main';
import { CLEAR_LINE, clockTime, progressText } from '../../../src/cli/progress';
import type { FileTask } from '../../../src/cli/worker-pool';

/** Phone recordings of fixtures/imu-standing, in memory: q1-q3 analyse, int4 is too short. */
const memory: Record<string, string> = Object.fromEntries(
  ['q1', 'q2', 'q3', 'int4'].map((name) => [
    `${name}.csv`,
    readFileSync(`fixtures/imu-standing/${name}.csv`, 'utf8'),
  ]),
);

const enoent = (path: string) => Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });

/** run() on the files in `memory` and `extra`, capturing what it prints; `more` adds to the I/O. */
async function stork(argv: string[], more: Partial<CliIo> = {}, extra: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const files = { ...memory, ...extra };
  const code = await run(argv, {
    readFile: async (path) => {
      const text = files[path];
      if (text === undefined) throw enoent(path);
      return text;
    },
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    ...more,
  });
  return { code, stdout, stderr };
}

/** Reads the files in `memory`, as the worker threads would read theirs. */
const memoryReader = {
  readFile: async (path: string) => memory[path] ?? Promise.reject(enoent(path)),
};

/**
 * Stands in for the worker threads: records how many were asked for, and once this thread has
 * taken its first file, takes all the others and finishes them as the threads would
 * (analyzeFile), last first.
 */
function reversedWorkers(counts: number[]): NonNullable<CliIo['startWorkers']> {
  return (count, take) => {
    counts.push(count);
    queueMicrotask(async () => {
      const tasks: FileTask[] = [];
      for (let task = take(); task !== undefined; task = take()) tasks.push(task);
      for (const task of tasks.reverse())
        task.finish(await analyzeFile(task.file, task.options, memoryReader));
    });
    return { close: async () => undefined };
  };
}

/**
 * Stands in for the worker threads as Node delivers their messages: as events (setImmediate),
 * never in this thread's promise callbacks. Each thread asks for a file when it is ready and
 * after each outcome, and counts the files it got in `taken`.
 */
function eventWorkers(taken: number[]): NonNullable<CliIo['startWorkers']> {
  return (count, take) => {
    const serve = (thread: number) => {
      const task = take();
      if (task === undefined) return;
      taken[thread] = (taken[thread] ?? 0) + 1;
      void analyzeFile(task.file, task.options, memoryReader).then((outcome) =>
        setImmediate(() => {
          task.finish(outcome);
          serve(thread);
        }),
      );
    };
    for (let thread = 0; thread < count; thread++) setImmediate(() => serve(thread));
    return { close: async () => undefined };
  };
}

describe('stork analyze on many files', () => {
  it('lets the threads take files while this thread works on its own (their asks are events)', async () => {
    const many = Array.from({ length: 12 }, (_, k) => ['q1.csv', 'q2.csv', 'q3.csv'][k % 3] as string);
    const taken: number[] = [];
    const threaded = await stork(['analyze', ...many, '--jobs', '3'], { startWorkers: eventWorkers(taken) });
    // Each of the two threads got files; this thread did the rest; the output is the same.
    expect(taken).toHaveLength(2);
    for (const count of taken) expect(count).toBeGreaterThan(0);
    expect(taken[0]! + taken[1]!).toBeLessThan(many.length);
    expect(threaded).toEqual(await stork(['analyze', ...many]));
  });

  const files = ['q1.csv', 'missing.csv', 'q2.csv', 'int4.csv', 'q3.csv'];

  it('prints the results and the errors in the order of the input, whatever order the files finish in', async () => {
    const counts: number[] = [];
    const inOrder = await stork(['analyze', ...files]);
    const reversed = await stork(['analyze', ...files, '--jobs', '4'], {
      startWorkers: reversedWorkers(counts),
    });
    // --jobs 4: this thread and 3 others.
    expect(counts).toEqual([3]);
    expect(reversed).toEqual(inOrder);
    expect(inOrder.code).toBe(EXIT_BAD_FILE);
    expect((JSON.parse(inOrder.stdout) as { file: string }[]).map((result) => result.file)).toEqual([
      'q1.csv',
      'q2.csv',
      'q3.csv',
    ]);
    expect(inOrder.stderr.split('\n')).toEqual([
      'stork: missing.csv: no such file',
      expect.stringMatching(/^stork: int4\.csv: window shorter than 2 s/),
      '',
    ]);
  });

  it('works in this thread and asks for --jobs - 1 more (not more than the files; none for 1)', async () => {
    const counts: number[] = [];
    const startWorkers = reversedWorkers(counts);
    await stork(['analyze', ...files, '-j', '2'], { startWorkers, cores: 16 });
    await stork(['analyze', ...files, '--jobs', '16'], { startWorkers, cores: 2 });
    await stork(['analyze', 'q1.csv', 'q2.csv', '-j', '8'], { startWorkers, cores: 2 });
    await stork(['analyze', ...files, '--jobs', '1'], { startWorkers, cores: 16 });
    await stork(['analyze', 'q1.csv', '-j', '4'], { startWorkers, cores: 16 });
    // -j 2: 1 more; --jobs 16, 5 files: 4 more; -j 8, 2 files: 1 more; the rest: none.
    expect(counts).toEqual([1, 4, 1]);
  });

  it(`without --jobs, starts a thread per ${BYTES_PER_THREAD / 1e6} MB of files or part of them, up to the cores and the files`, async () => {
    const counts: number[] = [];
    const startWorkers = reversedWorkers(counts);
    let sized = 0;
    const sizes = (bytes: number) => (_path: string) => {
      sized++;
      return bytes;
    };
    const fifth = BYTES_PER_THREAD / 5;
    await stork(['analyze', ...files], { startWorkers, cores: 16 }); // no sizes: none
    await stork(['analyze', ...files], { startWorkers, cores: 16, fileSize: sizes(fifth) }); // 100 MB: none
    await stork(['analyze', ...files], { startWorkers, cores: 16, fileSize: sizes(fifth + 1) }); // 1 more
    await stork(['analyze', ...files], { startWorkers, cores: 16, fileSize: sizes(1e9) }); // 5 files: 4 more
    sized = 0;
    await stork(['analyze', ...files], { startWorkers, cores: 2, fileSize: sizes(1e9) }); // 2 cores: 1 more
    // The first file alone is 2 cores' worth: the other four are not stat-ed.
    expect(sized).toBe(1);
    await stork(['analyze', ...files], { startWorkers, fileSize: sizes(1e9) }); // no cores: none
    await stork(['analyze', 'q1.csv'], { startWorkers, cores: 16, fileSize: sizes(1e9) }); // 1 file: none
    expect(counts).toEqual([1, 4, 1]);
    expect(defaultJobs(0, 0, 4)).toBe(1);
  });

  it('reads the files of --files-from lists after those named, one a line, from a file or standard input', async () => {
    const { code, stdout } = await stork(
      ['analyze', 'q3.csv', '--files-from', 'list.txt', '--files-from', '-', '--format', 'csv'],
      { readStdin: async () => 'q1.csv\n' },
      { 'list.txt': 'q2.csv\r\n\r\nq2.csv\r\n' },
    );
    expect(code).toBe(EXIT_OK);
    expect(stdout.split('\r\n').map((line) => line.split(',')[0])).toEqual([
      'file',
      'q3.csv',
      'q2.csv',
      'q2.csv',
      'q1.csv',
      '',
    ]);
  });

  it.each([
    [['analyze', '--files-from', 'nope.txt'], {}, 'stork: --files-from nope.txt: no such file'],
    [['analyze', '--files-from', 'empty.txt'], {}, 'stork: --files-from empty.txt: no file listed'],
    [['analyze', '--files-from', '-'], {}, 'stork: --files-from -: no standard input to read'],
  ])('%j: a list that cannot be read or names nothing is a usage error', async (argv, more, line) => {
    const result = await stork(argv, more, { 'empty.txt': '\n' });
    expect(result).toEqual({ code: EXIT_USAGE, stdout: '', stderr: `${line}\n${SHORT_USAGE}\n` });
  });
});

describe('the progress line', () => {
  /** A clock that moves 1 s each time it is read. */
  const ticking = () => {
    let ms = 0;
    return () => (ms += 1000);
  };

  it('is drawn on a terminal: files done, elapsed, remaining; messages above it; erased at the end', async () => {
    const { code, stdout, stderr } = await stork(['analyze', 'q1.csv', 'missing.csv', 'q2.csv'], {
      stderrIsTerminal: true,
      now: ticking(),
    });
    expect(code).toBe(EXIT_BAD_FILE);
    expect(JSON.parse(stdout)).toHaveLength(2);
    // Clock reads: 1 s at the start, then one per file done (2, 3, 4 s): 1, 2 and 3 s elapsed.
    expect(stderr).toBe(
      [
        `${CLEAR_LINE}stork: 1/3 files, 0:01 elapsed, about 0:02 left`,
        `${CLEAR_LINE}stork: missing.csv: no such file\n`,
        `${CLEAR_LINE}stork: 2/3 files, 0:02 elapsed, about 0:01 left`,
        `${CLEAR_LINE}stork: 3/3 files, 0:03 elapsed, about 0:00 left`,
        CLEAR_LINE,
      ].join(''),
    );
  });

  it('is not drawn when standard error is a pipe or a file, nor for one file', async () => {
    expect((await stork(['analyze', 'q1.csv', 'q2.csv'], { now: ticking() })).stderr).toBe('');
    const one = await stork(['analyze', 'q1.csv'], { stderrIsTerminal: true, now: ticking() });
    expect(one.stderr).toBe('');
  });

  it('is redrawn at most every 100 ms', async () => {
    let ms = 0;
    const { stderr } = await stork(['analyze', 'q1.csv', 'q2.csv', 'q3.csv'], {
      stderrIsTerminal: true,
      now: () => (ms += 40),
    });
    // Start at 40 ms; files done at 80 (drawn: never drawn before), 120 (40 ms later: not), 160 (the last: drawn).
    expect(stderr).toBe(
      `${CLEAR_LINE}stork: 1/3 files, 0:00 elapsed, about 0:00 left${CLEAR_LINE}stork: 3/3 files, 0:00 elapsed, about 0:00 left${CLEAR_LINE}`,
    );
  });

  it('says times as a clock does', () => {
    expect([0, 499, 500, 7_000, 188_000, 3_723_000].map(clockTime)).toEqual([
      '0:00',
      '0:00',
      '0:01',
      '0:07',
      '3:08',
      '1:02:03',
    ]);
    expect(progressText(0, 2000, 300)).toBe('stork: 0/2000 files, 0:00 elapsed');
    // 12 s for 120 files: 0.1 s a file, 1,880 files left: 188 s.
    expect(progressText(120, 2000, 12_000)).toBe('stork: 120/2000 files, 0:12 elapsed, about 3:08 left');
  });
});

describe('help and version', () => {
  it.each([
    [['--help'], STORK_HELP],
    [['-h'], STORK_HELP],
    [['help'], STORK_HELP],
    [['help', 'analyze'], ANALYZE_HELP],
    [['analyze', '--help'], ANALYZE_HELP],
    [['analyze', 'a.csv', '-h'], ANALYZE_HELP],
  ])('%j prints its help page on stdout and exits 0', async (argv, page) => {
    expect(await stork(argv)).toEqual({ code: EXIT_OK, stdout: page, stderr: '' });
  });

  it("analyze's help names every format, option with its default and unit, exit status and an example", () => {
    for (const words of [
      'Stork samples CSV',
      '2-D sway CSV',
      'phyphox',
      'Sensor Logger',
      'the UBC\n    Balance Test export',
      'a folder or a .zip',
      '--from S           start of the analysis window, s (default: 1 s after "go"',
      '--to S             end of the analysis window, s (default: 0.5 s before touch-down',
      '--rate HZ          rate of the uniform grid the signal is resampled onto, Hz (default: 50)',
      '--cutoff HZ        low-pass cut-off, Hz, below half the rate (default: 3.5)',
      '--format FORMAT    json (default) or csv',
      '--files-from LIST',
      '-j, --jobs N       files analysed at once, each in a thread of its own (default: a thread\n                     per 100 MB of files, up to the number of cores; 1 to 1024)',
      '0  every file analysed',
      '1  some file could not be read or analysed',
      '2  bad command line',
      'stork analyze data/*.csv --format csv > summary.csv',
    ]) {
      expect(ANALYZE_HELP).toContain(words);
    }
  });

  it('prints the version of the package and of the analysis', async () => {
    expect(await stork(['--version'])).toEqual({
      code: EXIT_OK,
      // src/core/options.ts: ANALYSIS_VERSION 1 (phone), SWAY_ANALYSIS_VERSION 2 (2-D sway).
      stdout: `stork ${packageJson.version} (analysis version 2, 2-D sway 2)\n`,
      stderr: '',
    });
  });

  it('keeps every help line within 100 columns', () => {
    for (const line of `${STORK_HELP}${ANALYZE_HELP}`.split('\n'))
      expect(line.length).toBeLessThanOrEqual(100);
  });
});

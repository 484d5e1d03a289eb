import { describe, expect, it } from 'vitest';
import { listedFiles, MAX_JOBS, parseCommand, UsageError } from '../../../src/cli/arguments';

/** The default grid rate the command line is given (SPEC section 3: 50 Hz). */
const DEFAULT_RATE_HZ = 50;
const parse = (...argv: string[]) => parseCommand(argv, DEFAULT_RATE_HZ);

describe('parseCommand', () => {
  it('reads analyze with files and every option', () => {
    expect(
      parse(
        'analyze',
        'a.csv',
        'b.csv',
        '--from',
        '1.5',
        '--to=20',
        '--rate',
        '100',
        '--cutoff',
        '5',
        '--format',
        'csv',
        '--jobs',
        '3',
        '--files-from',
        'list1.txt',
        '--files-from=-',
      ),
    ).toEqual({
      name: 'analyze',
      files: ['a.csv', 'b.csv'],
      fileLists: ['list1.txt', '-'],
      options: { fromS: 1.5, toS: 20, rateHz: 100, cutoffHz: 5 },
      format: 'csv',
      jobs: 3,
    });
  });

  it('defaults to JSON, the analysis defaults and the default number of jobs (no options set)', () => {
    expect(parse('analyze', 'a.csv')).toEqual({
      name: 'analyze',
      files: ['a.csv'],
      fileLists: [],
      options: {},
      format: 'json',
      jobs: undefined,
    });
  });

  it('takes files from a list alone, and -j for --jobs', () => {
    expect(parse('analyze', '--files-from', 'all.txt', '-j', '2')).toMatchObject({
      files: [],
      fileLists: ['all.txt'],
      jobs: 2,
    });
  });

  it('takes a negative time written with =', () => {
    expect(parse('analyze', 'a.csv', '--from=-0.5')).toMatchObject({ options: { fromS: -0.5 } });
  });

  it("asks for the general help, or analyze's, with --help, -h or help", () => {
    expect(parse('--help')).toEqual({ name: 'help', topic: 'stork' });
    expect(parse('-h')).toEqual({ name: 'help', topic: 'stork' });
    expect(parse('help')).toEqual({ name: 'help', topic: 'stork' });
    expect(parse('help', 'analyze')).toEqual({ name: 'help', topic: 'analyze' });
    expect(parse('analyze', '--help')).toEqual({ name: 'help', topic: 'analyze' });
    // Help wins over what else is wrong: the user is asking how to write it.
    expect(parse('analyze', '-h', '--rate', 'abc')).toEqual({ name: 'help', topic: 'analyze' });
    expect(parse('analyze', '-h')).toEqual({ name: 'help', topic: 'analyze' });
  });

  it('asks for the version with --version', () => {
    expect(parse('--version')).toEqual({ name: 'version' });
  });

  it.each([
    [[], 'no command'],
    [['analyse', 'a.csv'], 'unknown command "analyse" (the commands: analyze, help)'],
    [['analyze'], 'analyze: no file given (FILE... or --files-from LIST)'],
    [['analyze', 'a.csv', '--rate', 'x'], '--rate must be a positive number of Hz, got "x"'],
    [['analyze', 'a.csv', '--rate', '0'], '--rate must be a positive number of Hz, got "0"'],
    [['analyze', 'a.csv', '--rate=-50'], '--rate must be a positive number of Hz, got "-50"'],
    [['analyze', 'a.csv', '--rate', '0x10'], '--rate must be a positive number of Hz, got "0x10"'],
    [['analyze', 'a.csv', '--rate', ''], '--rate must be a positive number of Hz, got ""'],
    [
      ['analyze', 'a.csv', '--cutoff', 'Infinity'],
      '--cutoff must be a positive number of Hz, got "Infinity"',
    ],
    [['analyze', 'a.csv', '--cutoff', '0'], '--cutoff must be a positive number of Hz, got "0"'],
    [
      ['analyze', 'a.csv', '--cutoff', '-1'],
      "Option '--cutoff' argument is ambiguous. Did you forget to specify the option argument for '--cutoff'? To specify an option argument starting with a dash use '--cutoff=-XYZ'.",
    ],
    [['analyze', 'a.csv', '--cutoff', '25'], '--cutoff must be below half the rate (25 Hz), got "25"'],
    [['analyze', 'a.csv', '--rate', '100', '--cutoff', '49'], undefined],
    [['analyze', 'a.csv', '--from', 'soon'], '--from must be a number of seconds, got "soon"'],
    [['analyze', 'a.csv', '--to', '1,5'], '--to must be a number of seconds, got "1,5"'],
    [['analyze', 'a.csv', '--from', '5', '--to', '3'], '--from (5 s) must be before --to (3 s)'],
    [['analyze', 'a.csv', '--from', '5', '--to', '5'], '--from (5 s) must be before --to (5 s)'],
    [['analyze', 'a.csv', '--format', 'xml'], '--format must be json or csv, got "xml"'],
    [['analyze', 'a.csv', '--jobs', '0'], `--jobs must be a whole number from 1 to ${MAX_JOBS}, got "0"`],
    [['analyze', 'a.csv', '--jobs', '1.5'], `--jobs must be a whole number from 1 to ${MAX_JOBS}, got "1.5"`],
    [['analyze', 'a.csv', '--jobs', 'all'], `--jobs must be a whole number from 1 to ${MAX_JOBS}, got "all"`],
    [['analyze', 'a.csv', '-j', '5000'], `--jobs must be a whole number from 1 to ${MAX_JOBS}, got "5000"`],
    [['analyze', 'a.csv', '--jobs', String(MAX_JOBS)], undefined],
    [['analyze', 'a.csv', '--window', '3'], 'unknown option --window'],
    [['analyze', 'a.csv', '-x'], 'unknown option -x'],
    [['analyze', 'a.csv', '--rate'], '--rate needs a value'],
    [['analyze', 'a.csv', '--files-from'], '--files-from needs a value'],
  ])('%j: %s', (argv, message) => {
    if (message === undefined) {
      expect(() => parse(...argv)).not.toThrow();
      return;
    }
    expect(() => parse(...argv)).toThrow(UsageError);
    expect(() => parse(...argv)).toThrow(message);
  });
});

describe('listedFiles', () => {
  it('reads one path a line, LF or CRLF, keeping spaces, skipping empty lines', () => {
    expect(listedFiles('a.csv\r\ndata/b c.csv\n\n d.csv \n')).toEqual(['a.csv', 'data/b c.csv', ' d.csv ']);
    expect(listedFiles('')).toEqual([]);
  });
});

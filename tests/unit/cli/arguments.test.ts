import { describe, expect, it } from 'vitest';
import { parseCommand, UsageError } from '../../../src/cli/arguments';

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
      ),
    ).toEqual({
      name: 'analyze',
      files: ['a.csv', 'b.csv'],
      options: { fromS: 1.5, toS: 20, rateHz: 100, cutoffHz: 5 },
      format: 'csv',
    });
  });

  it('defaults to JSON and the analysis defaults (no options set)', () => {
    expect(parse('analyze', 'a.csv')).toEqual({
      name: 'analyze',
      files: ['a.csv'],
      options: {},
      format: 'json',
    });
  });

  it('takes a negative time written with =', () => {
    expect(parse('analyze', 'a.csv', '--from=-0.5')).toMatchObject({ options: { fromS: -0.5 } });
  });

  it('asks for help with --help or -h, anywhere', () => {
    expect(parse('--help')).toEqual({ name: 'help' });
    expect(parse('analyze', '-h')).toEqual({ name: 'help' });
  });

  it.each([
    [[], 'no command'],
    [['analyse', 'a.csv'], 'unknown command "analyse"'],
    [['analyze'], 'analyze: no file'],
    [['analyze', 'a.csv', '--rate', 'abc'], '--rate: not a number ("abc")'],
    [['analyze', 'a.csv', '--rate', '0'], '--rate: must be above 0 (0)'],
    [['analyze', 'a.csv', '--rate', '0x10'], '--rate: not a number ("0x10")'],
    [['analyze', 'a.csv', '--cutoff', 'Infinity'], '--cutoff: not a number ("Infinity")'],
    [
      ['analyze', 'a.csv', '--cutoff', '-1'],
      "Option '--cutoff' argument is ambiguous. Did you forget to specify the option argument for '--cutoff'? To specify an option argument starting with a dash use '--cutoff=-XYZ'.",
    ],
    [['analyze', 'a.csv', '--cutoff', '25'], '--cutoff: must be below half the rate, 25 Hz (25)'],
    [['analyze', 'a.csv', '--rate', '100', '--cutoff', '49'], undefined],
    [['analyze', 'a.csv', '--from', '5', '--to', '3'], '--from (5) must be before --to (3)'],
    [['analyze', 'a.csv', '--from', '5', '--to', '5'], '--from (5) must be before --to (5)'],
    [['analyze', 'a.csv', '--format', 'xml'], '--format: must be json or csv ("xml")'],
    [['analyze', 'a.csv', '--window', '3'], "Unknown option '--window'."],
    [['analyze', 'a.csv', '--rate'], "Option '--rate <value>' argument missing"],
  ])('%j: %s', (argv, message) => {
    if (message === undefined) {
      expect(() => parse(...argv)).not.toThrow();
      return;
    }
    expect(() => parse(...argv)).toThrow(UsageError);
    expect(() => parse(...argv)).toThrow(message);
  });
});

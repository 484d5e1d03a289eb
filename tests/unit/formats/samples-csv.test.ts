import { describe, expect, it } from 'vitest';
import { FormatError } from '../../../src/formats/format-error';
import { readSamplesCsv } from '../../../src/formats/samples-csv';

/** Rows of a small samples file, joined with `eol`. */
function csv(lines: string[], eol = '\r\n'): string {
  return lines.join(eol) + eol;
}

/** The FormatError `read` throws (fails the test when it throws nothing or something else). */
function formatErrorOf(read: () => unknown): FormatError {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(FormatError);
    return error as FormatError;
  }
  throw new Error('expected a FormatError, nothing was thrown');
}

describe('readSamplesCsv', () => {
  it('reads t_ms as seconds and the acceleration columns', () => {
    const [trial, ...rest] = readSamplesCsv(csv(['t_ms,ax,ay,az', '0,0.1,9.8,-0.2', '20,0.2,9.7,-0.3']));
    expect(rest).toHaveLength(0);
    expect(trial?.trialId).toBeNull();
    expect(trial?.linear).toBeNull();
    expect(trial?.recording.kind).toBe('motion');
    expect(Array.from(trial?.recording.tS ?? [])).toEqual([0, 0.02]);
    expect(Array.from(trial?.recording.ax ?? [])).toEqual([0.1, 0.2]);
    expect(Array.from(trial?.recording.ay ?? [])).toEqual([9.8, 9.7]);
    expect(Array.from(trial?.recording.az ?? [])).toEqual([-0.2, -0.3]);
    expect(trial?.recording.gx).toBeUndefined();
    expect(Array.from(trial?.lines ?? [])).toEqual([2, 3]);
  });

  it('takes columns in any order and any case, and ignores unknown ones', () => {
    const [trial] = readSamplesCsv(csv(['AZ,note,Ay,gz,t_ms,gx,ax,gy', '-0.2,hello,9.8,3,10,1,0.1,2']));
    expect(trial?.recording.tS[0]).toBe(0.01);
    expect(trial?.recording.ax[0]).toBe(0.1);
    expect(trial?.recording.ay[0]).toBe(9.8);
    expect(trial?.recording.az[0]).toBe(-0.2);
    expect([trial?.recording.gx?.[0], trial?.recording.gy?.[0], trial?.recording.gz?.[0]]).toEqual([1, 2, 3]);
  });

  it('reads linear acceleration when present', () => {
    const [trial] = readSamplesCsv(csv(['t_ms,ax,ay,az,lx,ly,lz', '0,1,2,3,0.5,0.25,-0.125']));
    expect(trial?.linear && [trial.linear.lx[0], trial.linear.ly[0], trial.linear.lz[0]]).toEqual([
      0.5, 0.25, -0.125,
    ]);
  });

  it('reads an empty cell as NaN (missing)', () => {
    const [trial] = readSamplesCsv(csv(['t_ms,ax,ay,az,gx,gy,gz', '0,0.1,,9.8,,,', ',1,2,3,4,5,6']));
    expect(trial?.recording.ay[0]).toBeNaN();
    expect(trial?.recording.gx?.[0]).toBeNaN();
    expect(trial?.recording.tS[1]).toBeNaN();
    expect(trial?.recording.gz?.[1]).toBe(6);
  });

  it('accepts a BOM, LF, CR or mixed line ends, blank lines, and no final line end', () => {
    const expectedT = [0, 0.01, 0.02];
    const variants = [
      '\uFEFFt_ms,ax,ay,az\r\n0,1,2,3\r\n10,1,2,3\r\n20,1,2,3\r\n',
      't_ms,ax,ay,az\n0,1,2,3\n10,1,2,3\n20,1,2,3',
      't_ms,ax,ay,az\r0,1,2,3\r10,1,2,3\r20,1,2,3\r',
      't_ms,ax,ay,az\r\n0,1,2,3\n10,1,2,3\r20,1,2,3\n\n\n',
      '\n\nt_ms,ax,ay,az\n\n0,1,2,3\n  \n10,1,2,3\n20,1,2,3\n',
    ];
    for (const text of variants) {
      const [trial] = readSamplesCsv(text);
      expect(Array.from(trial?.recording.tS ?? []), JSON.stringify(text)).toEqual(expectedT);
    }
  });

  it('counts blank lines in line numbers', () => {
    const [trial] = readSamplesCsv('\n\nt_ms,ax,ay,az\n\n0,1,2,3\n  \n10,1,2,3\n');
    expect(Array.from(trial?.lines ?? [])).toEqual([5, 7]);
    const error = formatErrorOf(() => readSamplesCsv('\nt_ms,ax,ay,az\n\n0,1,2,3\n10,x,2,3\n'));
    expect(error.message).toBe('line 5: ax is not a number ("x")');
  });

  it('splits trials by trial_id in the order ids first appear, rows may interleave', () => {
    const trials = readSamplesCsv(
      csv(['trial_id,t_ms,ax,ay,az', 'b,0,1,1,1', 'a,0,2,2,2', 'b,10,3,3,3', 'a,10,4,4,4', 'a,20,5,5,5']),
    );
    expect(trials.map((trial) => trial.trialId)).toEqual(['b', 'a']);
    expect(Array.from(trials[0]?.recording.ax ?? [])).toEqual([1, 3]);
    expect(Array.from(trials[1]?.recording.ax ?? [])).toEqual([2, 4, 5]);
    expect(Array.from(trials[1]?.recording.tS ?? [])).toEqual([0, 0.01, 0.02]);
    expect(Array.from(trials[1]?.lines ?? [])).toEqual([3, 5, 6]);
  });

  it('reads quoted cells per RFC 4180, line breaks inside quotes included', () => {
    const text = csv([
      '"t_ms","ax","ay","az","trial_id"',
      '0,1,2,3,"left, eyes ""open"""',
      '10,1,2,3,"two\r\nlines"',
      '20,4,5,6,plain',
    ]);
    const trials = readSamplesCsv(text);
    expect(trials.map((trial) => trial.trialId)).toEqual(['left, eyes "open"', 'two\r\nlines', 'plain']);
    expect(trials.map((trial) => trial.lines[0])).toEqual([2, 3, 5]);
    expect(trials[2]?.recording.ax[0]).toBe(4);
  });

  it('reads the same values on the quoted path as on the plain path', () => {
    const plain = csv(['t_ms,ax,ay,az', '0,0.1,9.8,-0.2', '', '16.7,1e-3,,7']);
    const quoted = plain.replace('t_ms', '"t_ms"');
    expect(readSamplesCsv(quoted)).toEqual(readSamplesCsv(plain));
  });

  it('allows equal times (the analysis drops them) but not time going backwards within a trial', () => {
    expect(
      readSamplesCsv(csv(['t_ms,ax,ay,az', '0,1,2,3', '0,1,2,3', ',1,2,3', '10,1,2,3']))[0]?.recording.tS,
    ).toHaveLength(4);
    expect(
      formatErrorOf(() => readSamplesCsv(csv(['t_ms,ax,ay,az', '1250,1,2,3', ',1,2,3', '1200,1,2,3'])))
        .message,
    ).toBe('line 4: t_ms goes backwards (1200 after 1250)');
    // Different trials each have their own clock.
    expect(readSamplesCsv(csv(['t_ms,ax,ay,az,trial_id', '1250,1,2,3,a', '0,1,2,3,b']))).toHaveLength(2);
  });

  describe('errors: one FormatError with a fixed wording per kind', () => {
    const cases: [string, string, string][] = [
      ['an empty file', '', 'file is empty'],
      ['white space only', '\uFEFF \r\n\t\n', 'file is empty'],
      ['no header row', '0,1,2,3\r\n10,1,2,3\r\n', 'no header row'],
      ['a missing column', 't_ms,ax,az\r\n0,1,2\r\n', 'line 1: missing column ay'],
      ['no time column', 'ax,ay,az\r\n0,1,2\r\n', 'line 1: missing column t_ms'],
      ['part of the gyro group', 't_ms,ax,ay,az,gx,gy\r\n0,1,2,3,4,5\r\n', 'line 1: missing column gz'],
      ['a repeated column', 't_ms,ax,ay,az,ax\r\n0,1,2,3,4\r\n', 'line 1: column ax appears twice'],
      [
        'text in a number column',
        't_ms,ax,ay,az\r\n0,1,2,3\r\nabc,1,2,3\r\n',
        'line 3: t_ms is not a number ("abc")',
      ],
      ['a comma decimal', 't_ms,ax,ay,az\r\n0,"1,5",2,3\r\n', 'line 2: ax is not a number ("1,5")'],
      ['a short row', 't_ms,ax,ay,az\r\n0,1,2\r\n', 'line 2: expected 4 cells, found 3'],
      ['a long row', 't_ms,ax,ay,az\r\n0,1,2,3,4\r\n', 'line 2: expected 4 cells, found 5'],
      ['a semicolon file', 't_ms;ax;ay;az\r\n0;1;2;3\r\n', 'line 1: missing column t_ms'],
      ['a header alone', 't_ms,ax,ay,az\r\n', 'no data rows'],
      ['an unclosed quote', 't_ms,ax,ay,az\r\n0,1,2,"3\r\n', 'line 2: quote not closed'],
    ];
    it.each(cases)('%s', (_name, text, message) => {
      const error = formatErrorOf(() => readSamplesCsv(text));
      expect(error.message).toBe(message);
      const line = /^line (\d+): /.exec(message)?.[1];
      expect(error.line).toBe(line === undefined ? null : Number(line));
    });

    it('quotes a long bad cell cut short, on one line', () => {
      const error = formatErrorOf(() => readSamplesCsv(`t_ms,ax,ay,az\n0,"${'x'.repeat(100)}\nmore",2,3\n`));
      expect(error.message).toBe(`line 2: ax is not a number ("${'x'.repeat(24)}...")`);
      expect(error.message).not.toContain('\n');
    });
  });
});

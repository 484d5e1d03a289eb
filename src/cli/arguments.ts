/**
 * The command line's words (SPEC section 8), checked:
 * `stork analyze FILE... [--from S] [--to S] [--rate HZ] [--cutoff HZ] [--format json|csv]`.
 */
import { parseArgs } from 'node:util';
import type { AnalysisOptions } from '../core/types';

/** Output formats of `analyze`: JSON (the default) or the summary CSV. */
export const OUTPUT_FORMATS = ['json', 'csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export type Command =
  { name: 'help' } | { name: 'analyze'; files: string[]; options: AnalysisOptions; format: OutputFormat };

/** Words that do not make a valid command: the message says which and why, on one line. */
export class UsageError extends Error {
  override name = 'UsageError';
}

const OPTIONS = {
  from: { type: 'string' },
  to: { type: 'string' },
  rate: { type: 'string' },
  cutoff: { type: 'string' },
  format: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** A decimal number as the options take it: `12`, `-0.5`, `1e3`; not `abc`, `0x10`, `Infinity`. */
const DECIMAL_OPTION = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * The command the words ask for.
 *
 * @throws UsageError for an unknown command or option, a missing or bad value
 *   (`--rate: not a number ("abc")`, `--rate: must be above 0 (0)`), `--from` not before
 *   `--to`, `--cutoff` not below half `--rate`, or no file.
 */
export function parseCommand(argv: readonly string[], defaultRateHz: number): Command {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    // parseArgs explains (unknown option, missing value) in a sentence or three: one line.
    throw new UsageError(String((error as Error).message).replace(/\s*\n\s*/g, ' '));
  }
  const { values, positionals } = parsed;
  if (values.help) return { name: 'help' };
  const [command, ...files] = positionals;
  if (command === undefined) throw new UsageError('no command');
  if (command !== 'analyze') throw new UsageError(`unknown command ${JSON.stringify(command)}`);
  if (files.length === 0) throw new UsageError('analyze: no file');
  const format = values.format ?? 'json';
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format: must be json or csv (${JSON.stringify(format)})`);
  }
  const options: AnalysisOptions = {};
  const fromS = numberOption('from', values.from);
  const toS = numberOption('to', values.to);
  const rateHz = numberOption('rate', values.rate);
  const cutoffHz = numberOption('cutoff', values.cutoff);
  if (rateHz !== undefined && !(rateHz > 0)) throw new UsageError(`--rate: must be above 0 (${rateHz})`);
  if (cutoffHz !== undefined && !(cutoffHz > 0))
    throw new UsageError(`--cutoff: must be above 0 (${cutoffHz})`);
  const nyquistHz = (rateHz ?? defaultRateHz) / 2;
  if (cutoffHz !== undefined && !(cutoffHz < nyquistHz)) {
    throw new UsageError(`--cutoff: must be below half the rate, ${nyquistHz} Hz (${cutoffHz})`);
  }
  if (fromS !== undefined && toS !== undefined && !(fromS < toS)) {
    throw new UsageError(`--from (${fromS}) must be before --to (${toS})`);
  }
  if (fromS !== undefined) options.fromS = fromS;
  if (toS !== undefined) options.toS = toS;
  if (rateHz !== undefined) options.rateHz = rateHz;
  if (cutoffHz !== undefined) options.cutoffHz = cutoffHz;
  return { name: 'analyze', files, options, format: format as OutputFormat };
}

function numberOption(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!DECIMAL_OPTION.test(text.trim()) || !Number.isFinite(value)) {
    throw new UsageError(`--${name}: not a number (${JSON.stringify(text)})`);
  }
  return value;
}

export const USAGE = `Usage: stork analyze FILE... [options]

Computes postural-sway metrics of single-leg stance recordings and prints one result per file
and trial. A FILE is one of:
  - a Stork samples CSV (t_ms, ax, ay, az[, gx, gy, gz][, trial_id]), or a 2-D sway CSV
    (t_ms or t_s, ap, ml), each trial of it analysed;
  - one file of another app, detected from its header: phyphox (any separator, decimal point
    or comma), Sensor Logger (named as the app names it: TotalAcceleration.csv...), the UBC
    Balance Test export, an iPhone export in g;
  - a folder or a .zip: ONE recording of another app, its CSV files combined (a Sensor Logger
    export: TotalAcceleration.csv, Gyroscope.csv, Metadata.csv...; a phyphox CSV zip:
    Accelerometer.csv, Gyroscope.csv, meta/device.csv); files of other sensors are left out.
Units and signs are converted to Stork's (m/s^2, deg/s, W3C sign); JSON says what was converted.

Options:
  --from S         start of the analysis window, s (default: 1 s after "go"; a 2-D sway CSV,
                   which has no "go", from its first sample)
  --to S           end of the analysis window, s (default: 0.5 s before touch-down, or the end)
  --rate HZ        rate of the uniform grid the signal is resampled onto (default: 50)
  --cutoff HZ      low-pass cut-off (default: 3.5)
  --format FORMAT  json (default) or csv (the summary CSV)
  -h, --help       show this help

A file that cannot be read or analysed gets one line on stderr,
"stork: FILE: line N: what is wrong"; the other files are still analysed. Rows of another
app's file that cannot be read are left out and named on one line ("stork: FILE: skipped ...").
Exit status: 0 all files analysed, 1 some file could not be, 2 bad command line.
`;

/** The command line's help pages: `stork --help` and `stork analyze --help` (docs/command-line.md). */
import { BYTES_PER_THREAD, MAX_JOBS } from './arguments';

/** The one-line usage a usage error ends with. */
export const SHORT_USAGE = 'Usage: stork analyze FILE... [options]; stork analyze --help for more';

/** `stork --help`: what the command is, its commands, where the rest is. */
export const STORK_HELP = `Usage: stork COMMAND [options]

Stork's command line: postural-sway metrics of single-leg stance recordings (phone motion
sensors or force plates), the same analysis as the app's.

Commands:
  analyze FILE...   analyse recordings and print one result per file and trial
  help [analyze]    show this help, or that of analyze

Options:
  -h, --help        show help (stork analyze --help: the options of analyze)
  --version         print the version of stork and of its analysis

Examples:
  stork analyze recording.csv
  stork analyze data/*.csv --format csv > summary.csv

The manual: docs/command-line.md in the repository.
`;

/** `stork analyze --help`: formats, options with defaults and units, exit status, examples. */
export const ANALYZE_HELP = `Usage: stork analyze FILE... [options]
       stork analyze --files-from LIST [options]

Computes postural-sway metrics of single-leg stance recordings and prints one result per file
and trial, in the order of the files given. A FILE is one of:
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
  --from S           start of the analysis window, s (default: 1 s after "go"; a 2-D sway
                     CSV, which has no "go", from its first sample)
  --to S             end of the analysis window, s (default: 0.5 s before touch-down, or the
                     end of the recording)
  --rate HZ          rate of the uniform grid the signal is resampled onto, Hz (default: 50)
  --cutoff HZ        low-pass cut-off, Hz, below half the rate (default: 3.5)
  --format FORMAT    json (default) or csv (the summary CSV)
  --files-from LIST  also analyse the files listed in LIST, one path a line (relative to the
                     current folder), after those named; - reads the list from standard
                     input; may be given more than once
  -j, --jobs N       files analysed at once, each in a thread of its own (default: a thread
                     per ${BYTES_PER_THREAD / 1e6} MB of files, up to the number of cores; 1 to ${MAX_JOBS})
  -h, --help         show this help

Output: JSON on standard output (one array, an object per file and trial), or the summary
CSV. On a terminal, a progress line on standard error (files done, elapsed, remaining);
nothing extra when standard error is a file or a pipe.

Errors: a file that cannot be read or analysed gets one line on standard error,
"stork: FILE: line N: what is wrong"; the other files are still analysed. Rows of another
app's file that cannot be read are left out and named on one line ("stork: FILE: skipped ...").

Exit status:
  0  every file analysed
  1  some file could not be read or analysed (the others were, and are printed)
  2  bad command line (nothing analysed)

Examples:
  stork analyze trial.csv
  stork analyze data/*.csv --format csv > summary.csv
  find data -name '*.csv' | stork analyze --files-from - --jobs 4 > results.json
  stork analyze force-plate.csv --rate 100 --cutoff 20
  stork analyze SensorLoggerExport/ phyphox-export.zip --from 0 --to 60
`;

/**
 * Before any unit test file runs: bundle the command line (scripts/build-cli.mjs, as
 * `npm run build:cli` does), so that every test that runs bin/stork.mjs runs the bundle of
 * the sources under test, on a fresh clone too, whatever order the files run in.
 */
import { buildCli } from './cli/built-cli';

export default function setup(): void {
  buildCli();
}

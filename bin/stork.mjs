#!/usr/bin/env node
// `stork`: runs the command line, built once from src/cli/ (src/cli/node.ts and what it
// imports) into dist-cli/stork.cjs and its code cache by `npm run build:cli`
// (scripts/build-cli.mjs), which `npm run build`, `npm run stork`, `npm pack` and the unit
// tests run. Started as a worker thread of `stork analyze --jobs N`, the same script loads
// the bundle, which then serves files to analyse (src/cli/node.ts: `servesFiles`).
import { loadCli } from './load-cli.mjs';

const cli = loadCli();
if (cli === null) {
  process.stderr.write('stork: the command line is not built: run `npm run build:cli` in the repository\n');
  process.exit(2);
}
if (!cli.servesFiles) await cli.main(new URL(import.meta.url));

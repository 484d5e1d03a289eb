#!/usr/bin/env node
// `stork`: runs the command line, built once from src/cli/ (src/cli/node.ts and what it
// imports) into dist-cli/stork.mjs by `npm run build:cli` (scripts/build-cli.mjs), which
// `npm run build`, `npm run stork`, `npm pack` and the unit tests run.
import module from 'node:module';

// Node 22.1 and later keep V8's compiled code of the bundle between runs (a faster start);
// Node 20 has no such cache and starts as before.
module.enableCompileCache?.();

let cli;
try {
  cli = await import('../dist-cli/stork.mjs');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist-cli')) throw error;
  process.stderr.write('stork: the command line is not built: run `npm run build:cli` in the repository\n');
  process.exit(2);
}
await cli.main();

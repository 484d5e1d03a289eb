// Builds the command line once: src/cli/node.ts and everything it imports, bundled by esbuild
// into one ES module for Node, dist-cli/stork.mjs, which bin/stork.mjs runs. No TypeScript
// tooling is needed to run it (esbuild is a development dependency), and nothing is compiled
// at start-up. The file is written beside its place and renamed onto it, so that a command
// started meanwhile (or another build) never reads half a file.
//
// Run: npm run build:cli (also part of `npm run build` and `npm run stork`, run by `npm pack`
// through the `prepack` script, and by the unit tests' global set-up).
import { build } from 'esbuild';
import { mkdirSync, renameSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = `${root}dist-cli`;
const outFile = `${outDir}/stork.mjs`;
const partFile = `${outDir}/stork.mjs.${process.pid}.part`;

mkdirSync(outDir, { recursive: true });
await build({
  entryPoints: [`${root}src/cli/node.ts`],
  bundle: true,
  platform: 'node',
  format: 'esm',
  // package.json's engines: Node 20.19 or later.
  target: 'node20',
  outfile: partFile,
  logLevel: 'warning',
  legalComments: 'eof',
});
renameSync(partFile, outFile);

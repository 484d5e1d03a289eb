// Builds the command line once: src/cli/node.ts and everything it imports, bundled by esbuild
// into one CommonJS script for Node, dist-cli/stork.cjs, and V8's code cache of it,
// dist-cli/stork.cjs.cache, which bin/stork.mjs loads (bin/load-cli.mjs). No TypeScript
// tooling is needed to run it (esbuild is a development dependency), and at start-up V8 takes
// the compiled code from the cache instead of parsing and compiling the bundle.
//
// The cache is made after a warm-up run of the bundle in this process (`stork analyze` on two
// phone recordings of fixtures/, read into memory), so that it holds the functions that
// reading a recording, the analysis and the output need, not only the bundle's top level.
// Each file is written beside its place and renamed onto it, so that a command started
// meanwhile (or another build) never reads half a file; a cache of another build is never
// used (bin/load-cli.mjs checks the build line both start with).
//
// Run: npm run build:cli (also part of `npm run build` and `npm run stork`, run by `npm pack`
// through the `prepack` script, and by the unit tests' global set-up).
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BUNDLE_PATH, CODE_CACHE_PATH, compileCli } from '../bin/load-cli.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The warm-up's recordings: a phone's 3-decimal samples CSV and the simulator's. */
const WARM_UP_FILES = ['fixtures/demo/case01.csv', 'fixtures/sim/case03.csv'];

/** Writes `data` to `path` through a file beside it, renamed onto it. */
function replaceFile(path, data) {
  const part = `${path}.${process.pid}.part`;
  writeFileSync(part, data);
  renameSync(part, path);
}

mkdirSync(`${root}dist-cli`, { recursive: true });
// The ES module bundle of earlier builds: not run any more, and not to be packed.
rmSync(`${root}dist-cli/stork.mjs`, { force: true });
const { outputFiles } = await build({
  entryPoints: [`${root}src/cli/node.ts`],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // package.json's engines: Node 20.19 or later.
  target: 'node20',
  outfile: BUNDLE_PATH,
  write: false,
  logLevel: 'warning',
  legalComments: 'eof',
});
const body = outputFiles[0].text;
const buildLine = `// stork build ${createHash('sha256').update(body).digest('hex').slice(0, 16)}\n`;
const source = buildLine + body;
replaceFile(BUNDLE_PATH, source);

const { script, cli } = compileCli(source, undefined);
const warmUpFiles = new Map(WARM_UP_FILES.map((file) => [file, readFileSync(`${root}${file}`, 'utf8')]));
const status = await cli.run(['analyze', ...WARM_UP_FILES], {
  readFile: async (path) => warmUpFiles.get(path),
  stdout: () => {},
  stderr: (text) => process.stderr.write(text),
});
if (status !== 0) throw new Error(`build-cli: the warm-up run of the bundle exited ${status}`);
replaceFile(CODE_CACHE_PATH, Buffer.concat([Buffer.from(buildLine, 'latin1'), script.createCachedData()]));

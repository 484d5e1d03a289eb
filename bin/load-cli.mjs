// Loads the built command line, dist-cli/stork.cjs, with V8's code cache of it,
// dist-cli/stork.cjs.cache, both written by scripts/build-cli.mjs. With the cache V8 neither
// parses the bundle nor compiles the functions the build's warm-up run compiled (reading a
// phone recording, the analysis, the output): on the 2 cores of the development machine
// `stork analyze` on 24 recordings took 426 ms instead of 490 ms as an ES module (median of
// 11, load average 3; see docs/benchmarks.md). Node 20 has no cache of its own for modules
// (module.enableCompileCache is Node 22's), hence vm.Script and its `cachedData`.
//
// A cache that does not fit is not used: one of another build (its first line names the
// bundle's build, see BUILD_LINE) is never handed to V8, which would check only the source's
// length; V8 itself rejects one made by another V8 version or with other V8 flags.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

/** The bundle, a CommonJS script (the package is "type": "module", hence .cjs). */
export const BUNDLE_PATH = fileURLToPath(new URL('../dist-cli/stork.cjs', import.meta.url));
/** V8's code cache of the bundle: BUILD_LINE's line of the bundle, then V8's bytes. */
export const CODE_CACHE_PATH = `${BUNDLE_PATH}.cache`;
/** The bundle's first line, `// stork build <hash of the rest>`, which its cache starts with too. */
export const BUILD_LINE = /^\/\/ stork build [0-9a-f]+\n/;

/** Node's wrapper of a CommonJS module, on the bundle's first line so that line numbers stay. */
const wrap = (source) => `(function (exports, require, module, __filename, __dirname) {${source}\n})`;

/**
 * Compiles and runs the bundle's text `source` in this thread (with `cache`, the cache file's
 * bytes, when they belong to it) and returns the compiled script (for its createCachedData)
 * and the bundle's exports: `main`, `run`.
 */
export function compileCli(source, cache) {
  const build = BUILD_LINE.exec(source)?.[0];
  const fits =
    build !== undefined && cache !== undefined && cache.toString('latin1', 0, build.length) === build;
  const script = new Script(wrap(source), {
    filename: BUNDLE_PATH,
    cachedData: fits ? cache.subarray(build.length) : undefined,
  });
  const module = { exports: {} };
  script.runInThisContext()(
    module.exports,
    createRequire(BUNDLE_PATH),
    module,
    BUNDLE_PATH,
    dirname(BUNDLE_PATH),
  );
  return { script, cli: module.exports };
}

/**
 * The bundle's exports, loaded from dist-cli; null when the command line is not built. A
 * missing or unreadable cache only makes the start slower.
 */
export function loadCli() {
  let source;
  try {
    source = readFileSync(BUNDLE_PATH, 'utf8');
  } catch (error) {
    if (error?.code === 'ENOENT') return null;
    throw error;
  }
  let cache;
  try {
    cache = readFileSync(CODE_CACHE_PATH);
  } catch {
    cache = undefined;
  }
  return compileCli(source, cache).cli;
}

/**
 * The committed WebAssembly module (src/formats/wasm/number-rows-binary.ts) is what its source,
 * number-rows.as.ts, compiles to with the pinned AssemblyScript: a change to the source without
 * `npm run build:wasm` fails here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repositoryRoot } from '../cli/built-cli';

/** scripts/compile-number-rows.mjs (a script, imported by path). */
const COMPILER = `${repositoryRoot}/scripts/compile-number-rows.mjs`;

describe('the WebAssembly module of number rows', () => {
  it('is its source compiled again, byte for byte, and needs no imports', async () => {
    const { compileNumberRows } = (await import(COMPILER as string)) as {
      compileNumberRows(): Promise<{ binary: Uint8Array<ArrayBuffer>; text: string }>;
    };
    const { binary, text } = await compileNumberRows();
    expect(readFileSync(`${repositoryRoot}/src/formats/wasm/number-rows-binary.ts`, 'utf8')).toBe(text);
    const module = new WebAssembly.Module(binary);
    expect(WebAssembly.Module.imports(module)).toEqual([]);
    expect(
      WebAssembly.Module.exports(module)
        .map(({ name }) => name)
        .sort(),
    ).toEqual(['memory', 'readRows', 'setLayout']);
  }, 60_000);
});

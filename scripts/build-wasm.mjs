// Compiles the WebAssembly reader of rows of numbers, src/formats/wasm/number-rows.as.ts
// (AssemblyScript), into src/formats/wasm/number-rows-binary.ts: the module's bytes as base64,
// which src/formats/number-rows.ts instantiates. The binary is committed, so that neither the
// app, the command line nor the tests need a compiler; a unit test
// (tests/unit/formats/number-rows-binary.test.ts) compiles the source again and fails when the
// two differ. AssemblyScript is pinned to one version in package.json: another version may
// compile other bytes.
//
// Run: npm run build:wasm (after changing number-rows.as.ts)
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileNumberRows } from './compile-number-rows.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { text } = await compileNumberRows();
writeFileSync(`${root}src/formats/wasm/number-rows-binary.ts`, text);
console.log('wrote src/formats/wasm/number-rows-binary.ts');

#!/usr/bin/env node
// `stork`: loads the TypeScript command line through tsx and runs it with Node's file system
// and standard streams. The work is in src/cli/main.ts.
import { readFile } from 'node:fs/promises';
import { tsImport } from 'tsx/esm/api';

const { run } = await tsImport('../src/cli/main.ts', import.meta.url);

// A reader that stops early (`stork analyze ... | head`) closes the pipe: not an error.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
});

process.exitCode = await run(process.argv.slice(2), {
  readFile: (path) => readFile(path, 'utf8'),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});

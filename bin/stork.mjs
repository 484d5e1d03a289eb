#!/usr/bin/env node
// `stork`: runs the command line of src/cli/main.ts with Node's file system and standard
// streams. The work is in src/cli/main.ts; bin/load-cli.mjs compiles it.
import { readdir, readFile } from 'node:fs/promises';
import { loadCli } from './load-cli.mjs';

const { run } = await loadCli();

// A reader that stops early (`stork analyze ... | head`) closes the pipe: not an error.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
});

process.exitCode = await run(process.argv.slice(2), {
  readFile: (path) => readFile(path, 'utf8'),
  readBytes: async (path) => new Uint8Array(await readFile(path)),
  listDirectory: async (path) =>
    (await readdir(path, { withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});

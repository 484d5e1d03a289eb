#!/usr/bin/env node
// Before the end-to-end tests: the report's test (tests/e2e/report.test.ts) checks the printed
// PDF with Debian's poppler-utils (pdfinfo: one page; pdftotext: the numbers; pdftoppm: a PNG
// kept as an artefact). Installs it with apt-get when missing and running as root; otherwise
// says what to do and fails.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const TOOLS = ['/usr/bin/pdfinfo', '/usr/bin/pdftotext', '/usr/bin/pdftoppm'];

if (TOOLS.every((tool) => existsSync(tool))) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error(
    'ensure-poppler: pdfinfo, pdftotext or pdftoppm not found. Install them (Debian/Ubuntu: ' +
      'sudo apt-get install poppler-utils), then run the end-to-end tests again.',
  );
  process.exit(1);
}

console.log("ensure-poppler: poppler-utils not found; installing Debian's poppler-utils with apt-get");
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
for (const args of [
  ['update', '-qq'],
  ['install', '-y', '-qq', 'poppler-utils'],
]) {
  const run = spawnSync('apt-get', args, { stdio: 'inherit', env });
  if (run.status !== 0) {
    console.error(`ensure-poppler: apt-get ${args.join(' ')} failed (exit ${run.status ?? run.signal})`);
    process.exit(1);
  }
}
const missing = TOOLS.filter((tool) => !existsSync(tool));
if (missing.length > 0) {
  console.error(`ensure-poppler: apt-get finished but ${missing.join(', ')} is still missing`);
  process.exit(1);
}

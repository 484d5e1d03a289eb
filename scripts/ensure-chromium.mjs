#!/usr/bin/env node
// Before the end-to-end tests: make sure Debian's Chromium is there (browser downloads are
// blocked here, so playwright-core drives the system's /usr/bin/chromium). Installs it with
// apt-get when running as root; otherwise says what to do and fails.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.STORK_CHROMIUM ?? '/usr/bin/chromium';

if (existsSync(CHROMIUM)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error(
    `ensure-chromium: ${CHROMIUM} not found. Install it (Debian/Ubuntu: sudo apt-get install chromium), ` +
      'or point STORK_CHROMIUM at a Chromium binary, then run the end-to-end tests again.',
  );
  process.exit(1);
}

console.log(`ensure-chromium: ${CHROMIUM} not found; installing Debian's chromium with apt-get`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
for (const args of [
  ['update', '-qq'],
  ['install', '-y', '-qq', 'chromium'],
]) {
  const run = spawnSync('apt-get', args, { stdio: 'inherit', env });
  if (run.status !== 0) {
    console.error(`ensure-chromium: apt-get ${args.join(' ')} failed (exit ${run.status ?? run.signal})`);
    process.exit(1);
  }
}
if (!existsSync(CHROMIUM)) {
  console.error(`ensure-chromium: apt-get finished but ${CHROMIUM} is still missing`);
  process.exit(1);
}

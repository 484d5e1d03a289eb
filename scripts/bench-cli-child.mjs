// One measurement for scripts/bench-cli.ts, in a fresh plain Node process set up as
// `stork analyze` is (the built dist-cli/stork.cjs, loaded as bin/stork.mjs loads it; scripts/bench-cli.ts builds it): one text -> JSON run of the command line's `run` on
// the file, whose text is read beforehand and handed over once so that only `run` holds it.
// Prints { ms, cpuMs, maxRssMb, jsonChars } as JSON; maxRssMb is the whole process's peak.
import { readFileSync } from 'node:fs';
import { loadCli } from '../bin/load-cli.mjs';

const { run } = loadCli();

const file = process.argv[2];

const holder = { text: readFileSync(file, 'utf8') };
let jsonChars = 0;
let problems = '';
const start = performance.now();
const cpuStart = process.cpuUsage();
const code = await run(['analyze', file], {
  readFile: async () => {
    const text = holder.text;
    holder.text = '';
    return text;
  },
  stdout: (text) => {
    jsonChars += text.length;
  },
  stderr: (text) => {
    problems += text;
  },
});
const ms = performance.now() - start;
const cpu = process.cpuUsage(cpuStart);
if (code !== 0) throw new Error(`stork analyze failed: ${problems}`);
console.log(
  JSON.stringify({
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    jsonChars,
  }),
);

/**
 * How fast hostile files are answered (issue 11 part 2: "within a time bound measured in a
 * benchmark, not in the test"): each class of tests/unit/formats/hostile-files.test.ts at the
 * issue's size, and a few hundred random hostile versions of real files
 * (tests/unit/helpers/hostile-mutations.ts), through the command line's path (analyzeFile: read
 * and analyse) and the page's (the worker's streamed reader, 64 KiB parts). In one process,
 * after a warm-up; median and largest of the runs, in ms.
 *
 *   npx tsx scripts/bench-hostile.ts [runs]
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { strToU8 } from 'fflate';
import { analyzeFile } from '../src/cli/analyze-file';
import { createFileStream } from '../src/formats/file-stream';
import { MAX_ZIP_ENTRIES } from '../src/core/limits';
import { fixturePath } from '../tests/unit/helpers/fixtures';
import { BASES, hostileFile, mutation, withCell } from '../tests/unit/helpers/hostile-mutations';
import {
  withLyingSizes,
  withOverlappingCopies,
  zipOfManyEntries,
  zipOfOne,
} from '../tests/unit/helpers/hostile-zips';

const runs = Number(process.argv[2] ?? 5);
const SAMPLES = readFileSync(fixturePath('e2e/case00.csv'), 'utf8');
const SWAY = readFileSync(fixturePath('cop/BDS00008.csv'), 'utf8');

/** One input: a text file or a zip's bytes, by name. */
type Input = { name: string; text: string } | { name: string; bytes: Uint8Array };

const big = strToU8(SAMPLES + SAMPLES.slice(SAMPLES.indexOf('\n') + 1).repeat(125));
const honestZip = zipOfOne('Accelerometer.csv', big);
const lastLine = SAMPLES.trimEnd().split('\n').length;

const CLASSES: [string, Input][] = [
  ['1.6 million blank lines before the header', { name: 'x.csv', text: '\n'.repeat(1_600_000) + SAMPLES }],
  ['1.6 million white-space lines', { name: 'x.csv', text: ' \t \n'.repeat(1_600_000) + SAMPLES }],
  // tests/unit/formats/readers-fuzz.test.ts' one-line files of a million characters.
  ['a row of a million digits', { name: 'x.csv', text: `t_ms,ax,ay,az\n${'1'.repeat(1_000_000)}` }],
  ['a row of a million quotes', { name: 'x.csv', text: `t_ms,ax,ay,az\n"${'"'.repeat(1_000_000)}` }],
  [
    '100,000 rows ending in a lone CR',
    { name: 'x.csv', text: `t_ms,ax,ay,az\n${'0,1,2,3\r'.repeat(100_000)}` },
  ],
  ['zip: an entry larger than its header says', { name: 'x.zip', bytes: withLyingSizes(honestZip, 1000) }],
  ['zip: overlapping entries (zip bomb)', { name: 'x.zip', bytes: withOverlappingCopies(honestZip, 900) }],
  [`zip: ${MAX_ZIP_ENTRIES + 1} entries`, { name: 'x.zip', bytes: zipOfManyEntries(MAX_ZIP_ENTRIES + 1) }],
  [
    'a row at 1e15 ms (a grid of 10^13 points)',
    { name: 'x.csv', text: withCell(SAMPLES, lastLine, 0, '1e15') },
  ],
  [
    'a cell of 1.7976931348623157e308',
    { name: 'x.csv', text: withCell(SAMPLES, 900, 1, '1.7976931348623157e308') },
  ],
  ['a sway cell of 111111111111', { name: 'x.csv', text: withCell(SWAY, 3000, 2, '111111111111') }],
];

async function commandLine(input: Input): Promise<void> {
  await analyzeFile(
    input.name,
    {},
    {
      readFile: async () => ('text' in input ? input.text : ''),
      // As src/cli/node.ts hands a file over: its bytes when they are all ASCII.
      readAsciiOrText: async () => {
        if (!('text' in input)) return '';
        const bytes = new TextEncoder().encode(input.text);
        return bytes.length === input.text.length ? bytes : input.text;
      },
      readBytes: async () => ('bytes' in input ? input.bytes : new Uint8Array()),
    },
  );
}

function page(input: Input): void {
  if (!('text' in input)) return;
  const stream = createFileStream(input.name);
  try {
    for (let at = 0; at < input.text.length; at += 65536) stream.push(input.text.slice(at, at + 65536));
    stream.end();
  } catch {
    // A FormatError is the answer; its time is what is measured.
  }
}

async function timed(run: () => unknown): Promise<number[]> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};
const fmt = (ms: number) => ms.toFixed(ms < 10 ? 2 : 0).padStart(8);

console.log(`hostile files, ${runs} runs each after a warm-up; ms, median / largest`);
console.log(`${'class'.padEnd(46)}${'stork analyze'.padStart(20)}${'page reader'.padStart(20)}`);
for (const [label, input] of CLASSES) {
  const cli = await timed(() => commandLine(input));
  const pageTimes = 'text' in input ? await timed(() => page(input)) : null;
  console.log(
    `${label.padEnd(46)}${fmt(median(cli))} / ${fmt(Math.max(...cli))}` +
      (pageTimes === null
        ? '   (zip: read whole)'
        : `${fmt(median(pageTimes))} / ${fmt(Math.max(...pageTimes))}`),
  );
}

// Random hostile versions of real files, as the property test makes them (a fixed seed).
for (const base of BASES) {
  const files = fc
    .sample(fc.array(mutation, { minLength: 1, maxLength: 3 }), { numRuns: 200, seed: 11 })
    .map((mutations) => hostileFile(base, mutations).text);
  const times: number[] = [];
  for (const text of files) {
    const started = performance.now();
    await commandLine({ name: base.name, text });
    times.push(performance.now() - started);
  }
  console.log(
    `${`200 random hostile ${base.name}`.padEnd(46)}${fmt(median(times))} / ${fmt(Math.max(...times))}`,
  );
}

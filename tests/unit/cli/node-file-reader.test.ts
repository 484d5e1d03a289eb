/**
 * The command line's files on Node (src/cli/node.ts): read into one reused buffer, an ASCII
 * file handed over as bytes, any other as its UTF-8 text, and Node's errors kept, so that
 * `stork analyze` says what it said before (no such file, is a directory).
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeFile } from '../../../src/cli/analyze-file';
import { fileSize, nodeFileReader, readIntoSharedBuffer } from '../../../src/cli/node';
import { fixturePath } from '../helpers/fixtures';

const folder = mkdtempSync(join(tmpdir(), 'stork-reader-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const written = (name: string, content: string | Uint8Array) => {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
};

describe('nodeFileReader', () => {
  it('reads each file whole into the shared buffer, larger or smaller than the one before', () => {
    const large = written('large.csv', 'x'.repeat(300_000));
    const small = written('small.csv', 'abc\n');
    const empty = written('empty.csv', '');
    expect(readIntoSharedBuffer(large).equals(readFileSync(large))).toBe(true);
    const again = readIntoSharedBuffer(small);
    expect(Array.from(again)).toEqual([97, 98, 99, 10]);
    // One buffer for both: the second view starts where the first did.
    expect(again.buffer.byteLength).toBeGreaterThanOrEqual(300_000);
    expect(readIntoSharedBuffer(empty).length).toBe(0);
    // A file that says it is empty but is not (procfs) is read to its end.
    expect(readIntoSharedBuffer('/proc/self/status').toString('latin1')).toMatch(/^Name:/);
  });

  it('hands over ASCII as bytes and anything else as its UTF-8 text', async () => {
    const reader = nodeFileReader();
    const ascii = await reader.readAsciiOrText?.(written('ascii.csv', 't_ms,ax\n0,1\n'));
    expect(ascii).toBeInstanceOf(Uint8Array);
    const text = await reader.readAsciiOrText?.(written('utf8.csv', '\uFEFFt_ms,ax,Δ\n0,1,2\n'));
    expect(text).toBe('\uFEFFt_ms,ax,Δ\n0,1,2\n');
    const invalid = await reader.readAsciiOrText?.(written('latin1.csv', new Uint8Array([0x61, 0xe9, 0x0a])));
    expect(invalid).toBe(readFileSync(join(folder, 'latin1.csv'), 'utf8'));
  });

  it('stork analyze says the same with and without it: results, a missing file, a directory', async () => {
    mkdirSync(join(folder, 'a-folder'));
    const files = [
      fixturePath('sim/case03.csv'),
      fixturePath('cop/BDS00008.csv'),
      join(folder, 'missing.csv'),
      join(folder, 'a-folder'),
      written('broken.csv', 't_ms,ax,ay,az\n0,0.1,9.8,0.2\n10,abc,9.8,0.2\n'),
    ];
    const { readAsciiOrText, ...textOnly } = nodeFileReader();
    expect(readAsciiOrText).toBeDefined();
    for (const file of files) {
      const fromBytes = await analyzeFile(file, {}, nodeFileReader());
      expect(fromBytes).toEqual(await analyzeFile(file, {}, textOnly));
      expect(fromBytes.trials.length + fromBytes.problems.length).toBeGreaterThan(0);
    }
    const missing = await analyzeFile(join(folder, 'missing.csv'), {}, nodeFileReader());
    expect(missing.problems).toEqual(['no such file']);
  });

  it("tells a file's size for the default of --jobs, and 0 for a file that is not there", () => {
    const file = written('sized.csv', 't_ms,ax\n0,1\n'); // 12 bytes
    expect(fileSize(file)).toBe(12);
    expect(fileSize(join(folder, 'missing.csv'))).toBe(0);
    mkdirSync(join(folder, 'export'), { recursive: true });
    expect(fileSize(join(folder, 'export'))).toBeLessThan(1e6); // a folder: its own small size
  });
});

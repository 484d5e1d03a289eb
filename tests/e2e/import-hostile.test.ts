/**
 * Hostile files on the import page (issue 11 part 2): a zip bomb, a Stork file with a row
 * 10^15 ms away, a 2-D sway file with a cell of 1e308, a file with 1.6 million blank lines
 * before its header. The page gives the command line's own message (computed here by
 * analyzeFile, the command line's reader, from the same bytes), and the history already
 * stored stays as it was.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { strToU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeFile } from '../../src/cli/analyze-file';
import { useBuiltApp } from './helpers/built-app';
import { openStork } from './helpers/browser';
import { historyRows } from './helpers/history';
import { chooseFiles, historyCount, openImport, saveImport, trialLines } from './helpers/import-page';
import { withOverlappingCopies, zipOfOne } from '../unit/helpers/hostile-zips';
import { withCell } from '../unit/helpers/hostile-mutations';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures');
const SAMPLES_PATH = resolve(FIXTURES, 'e2e/case00.csv');
const SAMPLES = readFileSync(SAMPLES_PATH, 'utf8');
const SWAY = readFileSync(resolve(FIXTURES, 'cop/BDS00008.csv'), 'utf8');

const app = useBuiltApp();
const url = () => app.server.url;
let dir = '';
beforeAll(() => {
  dir = mkdtempSync(resolve(tmpdir(), 'stork-hostile-'));
});
afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

/** What `stork analyze` says of the file, as it prints it (`FILE: what`), first message only. */
async function commandLineMessage(name: string, bytes: Uint8Array | string): Promise<string> {
  const outcome = await analyzeFile(
    name,
    {},
    {
      readFile: async () => (typeof bytes === 'string' ? bytes : ''),
      readBytes: async () => (typeof bytes === 'string' ? strToU8(bytes) : bytes),
    },
  );
  return `${name}: ${[...outcome.notes, ...outcome.problems][0]}`;
}

describe('hostile files on the import page', () => {
  it("each gets the command line's message, and the history stored before stays as it was", async () => {
    const { page } = await openStork(app.browser, app.server.url, { sensors: 'absent' });
    await openImport(page, url());
    await chooseFiles(page, [SAMPLES_PATH]);
    expect(await saveImport(page, 'Kept')).toBe(1);
    await expect.poll(() => historyCount(page, url())).toBe(1);
    const before = await historyRows(page);

    // A zip whose entries all point at the same data (an overlapping zip bomb).
    const bomb = withOverlappingCopies(zipOfOne('Accelerometer.csv', strToU8(SAMPLES)), 50);
    writeFileSync(resolve(dir, 'bomb.zip'), bomb);
    await openImport(page, url());
    await chooseFiles(page, [resolve(dir, 'bomb.zip')]);
    await expect
      .poll(() => page.locator('[data-field="import-message"]').innerText())
      .toBe(`Nothing was imported. ${await commandLineMessage('bomb.zip', bomb)}`);

    // A 2-D sway file (force plate) with a cell of 1e308 on line 3000: the line, the column.
    const sway = withCell(SWAY, 3000, 1, '1e308');
    writeFileSync(resolve(dir, 'plate.csv'), sway);
    await openImport(page, url());
    await chooseFiles(page, [resolve(dir, 'plate.csv')]);
    const swayMessage = await commandLineMessage('plate.csv', sway);
    expect(swayMessage).toMatch(/^plate\.csv: line 3000: /);
    await expect
      .poll(() =>
        page.locator('[data-field="import-message"], [data-field="import-skipped"] li').allInnerTexts(),
      )
      .toContainEqual(expect.stringContaining(swayMessage));

    // A Stork file whose last row is 10^15 ms after the first: the page leaves the row out and
    // says which, with the words the command line stops with.
    const lastLine = SAMPLES.trimEnd().split('\n').length;
    const far = withCell(SAMPLES, lastLine, 0, '1e15');
    writeFileSync(resolve(dir, 'far.csv'), far);
    await openImport(page, url());
    await chooseFiles(page, [resolve(dir, 'far.csv')]);
    const farMessage = await commandLineMessage('far.csv', far);
    expect(farMessage).toMatch(
      new RegExp(
        `^far\\.csv: line ${lastLine}: t_ms is more than 24 h after the trial's first row \\(line 2\\)`,
      ),
    );
    await expect
      .poll(() => page.locator('[data-field="import-skipped"] li').allInnerTexts())
      .toEqual([farMessage]);
    expect(await trialLines(page)).toHaveLength(1);

    // 1.6 million blank lines before the header: read, the rows counted from the top.
    const blank = '\n'.repeat(1_600_000) + SAMPLES;
    writeFileSync(resolve(dir, 'blank.csv'), blank);
    await openImport(page, url());
    await chooseFiles(page, [resolve(dir, 'blank.csv')]);
    await expect.poll(() => trialLines(page)).toHaveLength(1);

    // Nothing of it was saved: the one trial stored before is there as it was.
    await expect.poll(() => historyCount(page, url())).toBe(1);
    expect(await historyRows(page)).toEqual(before);
    await page.context().close();
  });
});

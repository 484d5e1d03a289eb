/**
 * The clinician's report in real headless Chromium: trials of one person imported through the
 * page (a summary and samples CSV made from fixtures/summary-legacy, one recording under six
 * dates, legs and hold times), the report for a chosen period, printed with page.pdf() on A4
 * and on Letter. Each PDF must be one page (pdfinfo), its text (pdftotext) must hold the
 * numbers the page shows, and the A4 one is turned into a PNG (pdftoppm) kept in
 * test-output/report/ to look at. "Download PDF" opens the print dialog (window.print).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBuiltApp } from './helpers/built-app';
import { openStork } from './helpers/browser';
import { addPerson } from './helpers/history';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures');
const OUT = resolve(import.meta.dirname, '../../test-output/report');
const PERSON = 'P-017';

/** Date, leg, hold time (s) of each seeded trial; worked through in tests/unit/report/report-model.test.ts. */
const SEED: readonly [string, 'left' | 'right', number][] = [
  ['2026-11-02T10:01:00.000+01:00', 'right', 18.2],
  ['2026-11-02T10:05:00.000+01:00', 'left', 10.0],
  ['2026-11-15T10:01:00.000+01:00', 'left', 22.0],
  ['2026-11-29T10:01:00.000+01:00', 'left', 40.0],
  ['2026-11-29T10:05:00.000+01:00', 'left', 33.0],
  ['2026-11-29T10:09:00.000+01:00', 'right', 31.5],
];

/** A summary and a samples CSV of the seeded trials: the legacy fixture's one trial, re-dated. */
function seedFiles(): string[] {
  const summary = readFileSync(resolve(FIXTURES, 'summary-legacy/summary.csv'), 'utf8')
    .trimEnd()
    .split(/\r?\n/);
  const samples = readFileSync(resolve(FIXTURES, 'summary-legacy/samples.csv'), 'utf8')
    .trimEnd()
    .split(/\r?\n/);
  const head = (summary[0] ?? '').split(',');
  const col = (name: string) => head.indexOf(name);
  const row = (summary[1] ?? '').split(',');
  const summaryRows = [summary[0]];
  mkdirSync(OUT, { recursive: true });
  const files = [resolve(OUT, 'seed-summary.csv')];
  SEED.forEach(([when, side, hold], k) => {
    const id = `report-${k + 1}`;
    const cells = [...row];
    cells[col('trial_id')] = id;
    cells[col('date_time')] = when;
    cells[col('subject')] = PERSON;
    cells[col('stance_side')] = side;
    cells[col('eyes') >= 0 ? col('eyes') : col('condition')] = 'open';
    cells[col('surface')] = 'firm';
    cells[col('cap_s')] = '45';
    cells[col('hold_time_s')] = String(hold);
    cells[col('end_reason')] = 'touchdown';
    summaryRows.push(cells.join(','));
    // One samples file per trial: a file's times run forwards.
    const path = resolve(OUT, `seed-samples-${k + 1}.csv`);
    writeFileSync(
      path,
      `${[samples[0], ...samples.slice(1).map((line) => line.replace(/legacy-1$/, id))].join('\n')}\n`,
    );
    files.push(path);
  });
  writeFileSync(files[0]!, `${summaryRows.join('\n')}\n`);
  return files;
}

const app = useBuiltApp();

async function seed(page: Page): Promise<void> {
  await addPerson(page, PERSON, 1950);
  await page.goto(`${app.server.url}#/import`);
  await page.locator('[data-screen="import"]').waitFor();
  await page.locator('#import-files').setInputFiles(seedFiles());
  await page.locator('[data-field="import-preview"]').waitFor();
  await page.getByRole('button', { name: `Save ${SEED.length} trials` }).click();
  await expect
    .poll(() => page.locator('[data-field="import-saved"]').getAttribute('data-value'))
    .toBe(String(SEED.length));
}

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

function pdfFacts(path: string): { pages: number; text: string } {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  return { pages, text: squash(execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' })) };
}

describe('the report page', () => {
  it('prints one page whose numbers are those on the page, and offers the print dialog', async () => {
    const { page } = await openStork(app.browser, app.server.url, { sensors: 'absent' });
    try {
      await seed(page);
      await page.goto(`${app.server.url}#/report`);
      await page.locator('[data-screen="report"]').waitFor();
      // The default period: the last 4 weeks up to today.
      const from = await page.locator('#report-from').inputValue();
      const to = await page.locator('#report-to').inputValue();
      expect(Date.parse(to) - Date.parse(from)).toBe(27 * 86_400_000);
      await page.locator('#report-from').fill('2026-11-02');
      await page.locator('#report-to').fill('2026-11-29');
      const period = page.locator('[data-field="period"]');
      await expect.poll(() => period.innerText()).toBe('2 Nov 2026 – 29 Nov 2026');

      const summary = page.locator('[data-field="summary"] li');
      await expect.poll(() => summary.count()).toBe(5);
      const lines = await summary.allInnerTexts();
      // Worked by hand (tests/unit/report): MDC95 = 1.96 * sqrt(2) * 8.7 s (Goldberg et al. 2011).
      expect(lines[0]).toBe(
        'Left leg: hold time 10.0 s -> 40.0 s since 2 Nov, beyond the minimal detectable change of 24.1 s.',
      );
      expect(lines[1]).toBe(
        'Right leg: hold time 18.2 s -> 31.5 s since 2 Nov, within measurement error (minimal detectable change 24.1 s).',
      );
      expect(lines[3]).toContain('norm for age 70-79: 21.5 s (Springer et al. 2007)');
      const cells = await page.locator('.report-sheet td').allInnerTexts();
      expect(cells).toContain('78.8 %');
      const footnotes = await page.locator('.report-sources li').allInnerTexts();
      expect(footnotes.join(' ')).toContain('Gait Posture. 2011;33(4):737-739');

      // "Download PDF": the browser's print dialog (Save as PDF), counted instead of opened.
      await page.evaluate(() => {
        (window as unknown as { printed: number }).printed = 0;
        window.print = () => void (window as unknown as { printed: number }).printed++;
      });
      await page.getByRole('button', { name: 'Download PDF' }).click();
      await expect
        .poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed))
        .toBe(1);

      mkdirSync(OUT, { recursive: true });
      const shown = [...lines, ...cells, ...footnotes].map(squash).filter((text) => text !== '');
      for (const format of ['A4', 'Letter'] as const) {
        const path = resolve(OUT, `report-${format}.pdf`);
        await page.pdf({ path, format, printBackground: true });
        const { pages, text } = pdfFacts(path);
        expect(pages, `${format}: one page`).toBe(1);
        for (const item of shown) expect(text, `${format}: "${item}" in the PDF`).toContain(item);
        expect(text).toContain('Printed');
        // Nothing of the screen's chrome: no navigation, no controls.
        expect(text).not.toContain('Last 4 weeks');
      }
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '110',
        '-singlefile',
        resolve(OUT, 'report-A4.pdf'),
        resolve(OUT, 'report-A4'),
      ]);

      // A period without tests says so; one that ends before it starts is refused in words.
      await page.locator('#report-from').fill('2025-01-01');
      await page.locator('#report-to').fill('2025-01-28');
      await page.locator('.report-host [data-empty="no-trials"]').waitFor();
      await page.locator('#report-from').fill('2026-11-29');
      await page.locator('#report-to').fill('2026-11-02');
      await expect
        .poll(() => page.locator('[data-field="period-error"]').innerText())
        .toBe('Period: the period starts after it ends.');
    } finally {
      await page.context().close();
    }
  });

  it('says what to do for a person with no trial yet', async () => {
    const { page } = await openStork(app.browser, app.server.url, { sensors: 'absent' });
    try {
      await addPerson(page, 'Nobody yet', null);
      await page.goto(`${app.server.url}#/report`);
      await page.locator('[data-screen="report"] [data-empty="no-trials"]').waitFor();
    } finally {
      await page.context().close();
    }
  });
});

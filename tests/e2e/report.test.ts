/**
 * The clinician's report in real headless Chromium: trials of one person imported through the
 * page (helpers/seed-trials.ts: a summary and samples CSV made from fixtures/summary-legacy,
 * one recording under six dates, legs and hold times), the report for a chosen period,
 * printed with page.pdf() on A4 and on Letter. Each PDF must be one page (pdfinfo), its text (pdftotext) must hold the
 * numbers the page shows, and the A4 one is turned into a PNG (pdftoppm) kept in
 * test-output/report/ to look at; a home programme saved on the training page appears as days
 * trained against days planned. "Download PDF" opens the print dialog (window.print).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBuiltApp } from './helpers/built-app';
import { openStork } from './helpers/browser';
import { addPerson } from './helpers/history';
import { choose } from './helpers/flow';
import { FULL_REPORT_SEED, REPORT_SEED, seedTrials } from './helpers/seed-trials';

const OUT = resolve(import.meta.dirname, '../../test-output/report');
const PERSON = 'P-017';
const app = useBuiltApp();

const seed = (page: Page): Promise<void> => seedTrials(page, app.server.url, PERSON, 1950, REPORT_SEED, OUT);

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
      // A home programme saved on the training page (its default exercise, single-leg stance,
      // and 5 training days a week) puts the plan in the report, though nothing was trained.
      await page.goto(`${app.server.url}#/training`);
      await page.getByRole('button', { name: 'Add these settings to the plan' }).click();
      await expect
        .poll(() => page.locator('[data-field="plan-status"]').innerText())
        .toBe('Added to the plan.');
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
      await expect.poll(() => summary.count()).toBe(6);
      const lines = await summary.allInnerTexts();
      // Worked by hand (tests/unit/report): MDC95 = 1.96 * sqrt(2) * 8.7 s (Goldberg et al. 2011).
      expect(lines[0]).toBe(
        'Left leg: hold time 10.0 s -> 40.0 s since 2 Nov, beyond the minimal detectable change of 24.1 s.',
      );
      expect(lines[1]).toBe(
        'Right leg: hold time 18.2 s -> 31.5 s since 2 Nov, within measurement error (minimal detectable change 24.1 s).',
      );
      expect(lines[3]).toContain('norm for age 70-79: 21.5 s (Springer et al. 2007)');
      // 5 days a week over the 28 days of the period: 20 planned, none trained.
      expect(lines[5]).toBe('Training: 0 days trained of 20 planned.');
      const training = page.locator('[data-field="training"]');
      expect(await training.locator('p').innerText()).toBe(
        '0 days trained of 20 planned by the home programme.',
      );
      expect(await training.locator('td').allInnerTexts()).toEqual([
        'Single-leg stance',
        '0',
        '20',
        '0',
        '0',
        '0',
      ]);
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

  it('fits one page at its longest: a full table, both legs, three exercises planned', async () => {
    const { page } = await openStork(app.browser, app.server.url, { sensors: 'absent' });
    try {
      await seedTrials(page, app.server.url, 'P-018', 1950, FULL_REPORT_SEED, OUT);
      await page.goto(`${app.server.url}#/training`);
      const status = page.locator('[data-field="plan-status"]');
      for (const exercise of ['Single leg', 'Tandem (heel to toe)', 'Feet together']) {
        await choose(page, exercise);
        await page.getByRole('button', { name: 'Add these settings to the plan' }).click();
        await expect.poll(() => status.innerText()).toBe('Added to the plan.');
        await page.evaluate(() => {
          const field = document.querySelector('[data-field="plan-status"]');
          if (field) field.textContent = '';
        });
      }
      await page.goto(`${app.server.url}#/report`);
      await page.locator('[data-screen="report"]').waitFor();
      await page.locator('#report-from').fill('2026-11-02');
      await page.locator('#report-to').fill('2026-11-29');
      const rows = page.locator('.trials-table tbody tr');
      await expect.poll(() => rows.count()).toBe(12);
      await expect.poll(() => page.locator('[data-field="training"] tbody tr').count()).toBe(3);
      const footnotes = (await page.locator('.report-sources li').allInnerTexts()).map(squash);
      const printed = squash(await page.locator('[data-field="printed"]').innerText());
      mkdirSync(OUT, { recursive: true });
      // Letter is the shorter page (255 mm inside the margins, A4 273 mm).
      for (const format of ['A4', 'Letter'] as const) {
        const path = resolve(OUT, `report-full-${format}.pdf`);
        await page.pdf({ path, format, printBackground: true });
        const { pages, text } = pdfFacts(path);
        expect(pages, `${format}: one page`).toBe(1);
        // The last lines of the sheet are on the page, not cut off.
        for (const line of [...footnotes, printed]) expect(text, format).toContain(line);
      }
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

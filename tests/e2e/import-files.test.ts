/**
 * The import page with real files in headless Chromium (SPEC section 7, the "CSV export and
 * import" issue): several Stork files at once are as many trials; a phyphox CSV zip and a
 * Sensor Logger export chosen as several files are one recording each, with what was converted;
 * a selection with a malformed file names its line and reason and saves the good ones; and a
 * 50 MB samples file is read with a progress bar that advances while the page stays responsive.
 * Screenshots in test-output/screenshots.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, resolve } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeScan, FAILING_IMPACTS } from './helpers/axe';
import { useBuiltApp } from './helpers/built-app';
import { openStork } from './helpers/browser';
import { historyRows, viewportScreenshot } from './helpers/history';
import { chooseFiles, historyCount, openImport, saveImport, trialLines } from './helpers/import-page';
import { writeLargeSamplesFile } from './helpers/large-samples-file';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures');
const fixture = (path: string) => resolve(FIXTURES, path);
const STORK_FILES = ['e2e/case00.csv', 'demo/case01.csv', 'sim/case02.csv'].map(fixture);
const MALFORMED = fixture('formats/text-in-number.csv');
const SENSOR_LOGGER = [
  fixture('sensorlogger/malimsZen_SM-N986B_TotalAcceleration.csv'),
  fixture('sensorlogger/malimsZen_SM-N986B_Metadata.csv'),
];

const app = useBuiltApp();
const url = () => app.server.url;
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(resolve(tmpdir(), 'stork-import-'));
});
afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

/** Data rows of a CSV: its non-blank lines but the header (counted here, not by Stork's reader). */
function dataRows(path: string): number {
  return (
    readFileSync(path, 'utf8')
      .split(/\r?\n/)
      .filter((line) => line.trim() !== '').length - 1
  );
}

/** The middle value (the upper one of an even count: enough for rates from many equal steps). */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] as number;
}

describe('importing files on the page', () => {
  it('several Stork samples files at once, chosen or dropped, are as many trials, each with its own rows', async () => {
    const { page } = await openStork(app.browser, app.server.url, { sensors: 'absent' });
    await openImport(page, url());
    await chooseFiles(page, STORK_FILES);
    const lines = await trialLines(page);
    expect(lines).toHaveLength(3);
    STORK_FILES.forEach((path, i) => {
      expect(lines[i]).toContain(`${basename(path)}, Stork samples`);
      expect(lines[i]).toContain(` ${dataRows(path)} rows`);
    });
    await viewportScreenshot(page, '90-import-three-stork-files', '[data-field="import-preview"]');
    expect(await saveImport(page, 'Several')).toBe(3);
    await expect.poll(() => historyCount(page, url())).toBe(3);

    // Dropped on the drop zone: the same, one trial per file.
    await openImport(page, url());
    const dropped = [STORK_FILES[0]!, STORK_FILES[2]!].map((path) => ({
      name: basename(path),
      text: readFileSync(path, 'utf8'),
    }));
    const zone = page.locator('[data-field="drop-zone"]');
    const transfer = await page.evaluateHandle((files) => {
      const data = new DataTransfer();
      for (const file of files) data.items.add(new File([file.text], file.name, { type: 'text/csv' }));
      return data;
    }, dropped);
    await zone.dispatchEvent('dragover', { dataTransfer: transfer });
    await expect.poll(() => zone.getAttribute('class')).toBe('drop-zone dragging');
    await viewportScreenshot(page, '95-import-dragover', '[data-field="drop-zone"]');
    await zone.dispatchEvent('drop', { dataTransfer: transfer });
    await page.locator('[data-field="import-preview"]').waitFor();
    await expect.poll(() => zone.getAttribute('class')).toBe('drop-zone');
    const droppedLines = await trialLines(page);
    expect(droppedLines).toHaveLength(2);
    expect(droppedLines[0]).toContain(`case00.csv, Stork samples · ${dataRows(STORK_FILES[0]!)} rows`);
    expect(droppedLines[1]).toContain(`case02.csv, Stork samples · ${dataRows(STORK_FILES[2]!)} rows`);
    await page.context().close();
  });

  it('a selection with a malformed file: names its line and reason, says what a partly bad file skipped, saves the good ones', async () => {
    // A copy of case01.csv with one bad cell on line 11: one row in 2,113 may be skipped.
    const partly = resolve(dir, 'partly-bad.csv');
    const lines = readFileSync(STORK_FILES[1]!, 'utf8').split('\n');
    lines[10] = '175.5,0.1,oops,1.9,0.8,0.1,0';
    writeFileSync(partly, lines.join('\n'));
    const { page } = await openStork(app.browser, app.server.url, { sensors: 'absent', bypassCSP: true });
    await openImport(page, url());
    await chooseFiles(page, [STORK_FILES[0]!, MALFORMED, partly]);
    // text-in-number.csv's line 4 is `20,abc,9.8,0.2`.
    await expect
      .poll(() => page.locator('[data-field="import-failed"] li').allInnerTexts())
      .toEqual(['text-in-number.csv: line 4: ax is not a number ("abc")']);
    await expect
      .poll(() => page.locator('[data-field="import-skipped"] li').allInnerTexts())
      .toEqual(['partly-bad.csv: line 11: ay is not a number ("oops")']);
    const found = await trialLines(page);
    expect(found).toHaveLength(2);
    expect(found[1]).toContain(` ${dataRows(STORK_FILES[1]!) - 1} rows`);
    await viewportScreenshot(page, '91-import-partly-bad', '[data-field="import-preview"]');
    const serious = (await axeScan(page)).filter((finding) => FAILING_IMPACTS.includes(finding.impact));
    expect(serious).toEqual([]);
    // Nothing is saved before the person confirms.
    await expect.poll(() => historyCount(page, url())).toBe(0);
    await openImport(page, url());
    await chooseFiles(page, [STORK_FILES[0]!, MALFORMED, partly]);
    expect(await saveImport(page, 'Partly')).toBe(2);
    await expect.poll(() => historyCount(page, url())).toBe(2);
    // A malformed file alone: the message names the line, and the history is as it was.
    await openImport(page, url());
    await chooseFiles(page, [MALFORMED]);
    await expect
      .poll(() => page.locator('[data-field="import-message"]').innerText())
      .toBe('Nothing was imported. text-in-number.csv: line 4: ax is not a number ("abc")');
    await expect.poll(() => historyCount(page, url())).toBe(2);
    await page.context().close();
  });

  it('a phyphox CSV zip is one recording: its rows, its rate, the gyroscope converted', async () => {
    const accelerometer = fixture('phyphox/kartof0nix_Accelerometer_semicolon.csv');
    const entries = {
      'Accelerometer.csv': accelerometer,
      'Gyroscope.csv': fixture('phyphox/kartof0nix_Gyroscope_semicolon.csv'),
      'meta/device.csv': fixture('phyphox/kartof0nix_meta_device.csv'),
      'meta/time.csv': fixture('phyphox/kartof0nix_meta_time.csv'),
    };
    const zip = resolve(dir, 'phyphox-run.zip');
    writeFileSync(
      zip,
      zipSync(
        Object.fromEntries(
          Object.entries(entries).map(([name, path]) => [name, strToU8(readFileSync(path, 'utf8'))]),
        ),
      ),
    );
    // The rate the page shows: 1 / the median step of the accelerometer's times (phyphox's
    // "Time (s)" column, `;`-separated, `.` decimals).
    const times = readFileSync(accelerometer, 'utf8')
      .split(/\r?\n/)
      .slice(1)
      .filter((line) => line.trim() !== '')
      .map((line) => Number(line.split(';')[0]));
    const rateHz = 1 / median(times.slice(1).map((t, i) => t - (times[i] as number)));

    const { page } = await openStork(app.browser, app.server.url, { sensors: 'absent' });
    await openImport(page, url());
    await chooseFiles(page, [zip]);
    const [line, ...more] = await trialLines(page);
    expect(more).toEqual([]);
    expect(line).toContain('Accelerometer.csv, Gyroscope.csv, meta/device.csv, meta/time.csv, phyphox ·');
    expect(line).toContain(` ${dataRows(accelerometer)} rows`);
    expect(line).toContain(` ${rateHz.toFixed(1)} Hz`);
    const conversions = await page.locator('[data-field="import-conversions"] li').allInnerTexts();
    expect(conversions).toContain('Gyroscope.csv: gyroscope rad/s -> deg/s');
    expect(conversions).toContain('Gyroscope.csv: interpolated onto the times of Accelerometer.csv (linear)');
    await viewportScreenshot(page, '92-import-phyphox-zip', '[data-field="import-preview"]');
    expect(await saveImport(page, 'Zip')).toBe(1);
    await expect.poll(() => historyCount(page, url())).toBe(1);
    await page.context().close();
  });

  it('a Sensor Logger export chosen as several files is one recording: rows, rate, what was converted', async () => {
    const magnetometer = resolve(dir, 'Magnetometer.csv');
    writeFileSync(magnetometer, 'time,seconds_elapsed,z,y,x\n1700810755062863000,0.43,20,-5,40\n');
    // Sensor Logger's `time` is ns since 1970: the rate is 1e9 / the median step.
    const ns = readFileSync(SENSOR_LOGGER[0]!, 'utf8')
      .split(/\r?\n/)
      .slice(1)
      .filter((line) => line.trim() !== '')
      .map((line) => BigInt(line.split(',')[0] as string));
    const rateHz = 1e9 / median(ns.slice(1).map((t, i) => Number(t - (ns[i] as bigint))));

    const { page } = await openStork(app.browser, app.server.url, { sensors: 'absent' });
    await openImport(page, url());
    await chooseFiles(page, [...SENSOR_LOGGER, magnetometer]);
    const [line, ...more] = await trialLines(page);
    expect(more).toEqual([]);
    expect(line).toContain(
      'malimsZen_SM-N986B_TotalAcceleration.csv, malimsZen_SM-N986B_Metadata.csv, Sensor Logger',
    );
    expect(line).toContain(` ${dataRows(SENSOR_LOGGER[0]!)} rows`);
    expect(line).toContain(` ${rateHz.toFixed(1)} Hz`);
    await expect
      .poll(() => page.locator('[data-field="import-conversions"] li').allInnerTexts())
      .toEqual([
        'time: ns since 1970, made relative to the first row (exactly)',
        'columns z, y, x taken as x, y, z',
        'sign from the platform: already the W3C sign (Metadata.csv: platform android)',
      ]);
    await expect
      .poll(() => page.locator('[data-field="import-ignored"] li').allInnerTexts())
      .toEqual(['Magnetometer.csv: not a sensor Stork uses']);
    await viewportScreenshot(page, '93-import-sensor-logger', '[data-field="import-preview"]');
    expect(await saveImport(page, 'Logger')).toBe(1);
    await expect.poll(() => historyCount(page, url())).toBe(1);
    // The stored trial says where it came from.
    const [row] = await historyRows(page);
    await page.goto(`${app.server.url}#/trial/${encodeURIComponent(row!.trialId)}`);
    await expect
      .poll(() => page.locator('.setup-summary').innerText())
      .toMatch(/ · imported from Sensor Logger$/);
    await page.context().close();
  });

  it('a 50 MB samples file: the progress bar advances, the page never freezes, the preview has every row', async () => {
    const { path, rows } = writeLargeSamplesFile(resolve(dir, 'large.csv'), 50 * 1024 * 1024);
    expect(statSync(path).size).toBeGreaterThanOrEqual(50 * 1024 * 1024);
    const { page } = await openStork(app.browser, app.server.url, { sensors: 'absent' });
    await openImport(page, url());
    // Long tasks of the main thread (Long Tasks API: tasks over 50 ms) and each value the
    // progress bar takes. The observer is first shown to see a deliberate 300 ms block, so
    // that finding no long task below means something.
    const supported = await page.evaluate(async () => {
      const w = window as unknown as { __longTasks: number[]; __progress: number[] };
      w.__longTasks = [];
      w.__progress = [];
      if (!PerformanceObserver.supportedEntryTypes.includes('longtask')) return false;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.__longTasks.push(entry.duration);
      }).observe({ type: 'longtask' });
      const bar = document.querySelector('.import-progress progress') as HTMLProgressElement;
      new MutationObserver(() => w.__progress.push(Number(bar.getAttribute('aria-valuenow')))).observe(bar, {
        attributes: true,
        attributeFilter: ['aria-valuenow'],
      });
      // In a task of the page's own (a script run from the test is not one the API times).
      setTimeout(() => {
        const until = performance.now() + 300;
        while (performance.now() < until) {
          // busy: a frozen page
        }
      }, 0);
      await new Promise((done) => setTimeout(done, 800));
      return true;
    });
    expect(supported).toBe(true);
    const block = await page.evaluate(() =>
      (window as unknown as { __longTasks: number[] }).__longTasks.splice(0),
    );
    expect(Math.max(...block)).toBeGreaterThanOrEqual(300);

    await chooseFiles(page, [path], 240_000);
    const seen = await page.evaluate(() => {
      const w = window as unknown as { __longTasks: number[]; __progress: number[] };
      return { longTasks: w.__longTasks, progress: w.__progress };
    });
    // A page that read 50 MB on its main thread would block for seconds (parsing alone is
    // over a second here); a healthy page's longest tasks are rendering and the message with
    // the report, tens of ms. 200 ms is far from both, and well under what a person notices
    // as a freeze on a 2-core machine busy with other work.
    expect(seen.longTasks.filter((ms) => ms > 200)).toEqual([]);
    const between = seen.progress.filter((value) => value > 0 && value < 100);
    expect(new Set(between).size).toBeGreaterThanOrEqual(10);
    expect(seen.progress).toEqual([...seen.progress].sort((a, b) => a - b));
    await expect.poll(() => page.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    const [line, ...more] = await trialLines(page);
    expect(more).toEqual([]);
    expect(line).toContain(`large.csv, Stork samples · ${rows} rows · 100.0 Hz`);
    await viewportScreenshot(page, '94-import-50-mb');
    await page.context().close();
  }, 300_000);
});

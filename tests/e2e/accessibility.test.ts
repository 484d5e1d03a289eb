/**
 * Accessibility of every screen in real headless Chromium over the built page: an axe-core scan
 * (WCAG 2.2 A/AA and best practices, ./helpers/axe.ts) of each screen must find nothing serious
 * or critical. Pages here are opened with `bypassCSP` so that axe-core can be injected; the
 * policy itself is tested in offline-and-csp.test.ts. Every finding of any impact is printed in
 * a table at the end.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeScan, FAILING_IMPACTS, type AxeFinding } from './helpers/axe';
import {
  DENY_MOTION_PERMISSION,
  launchChromium,
  openStork,
  PHONE_VIEWPORT,
  stubVisibility,
} from './helpers/browser';
import { choose, pressStart, waitForPhase } from './helpers/flow';
import { addPerson, openPersonForm } from './helpers/history';
import { serveDist, type StaticServer } from './helpers/static-server';

let server: StaticServer;
let browser: Browser;
/** Screen -> every finding of its scan. */
const scanned = new Map<string, AxeFinding[]>();

beforeAll(async () => {
  server = await serveDist();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  const lines = [...scanned].map(([screen, findings]) => {
    const list = findings.map((finding) => `${finding.rule} (${finding.impact}, ${finding.targets.length})`);
    return `  ${screen.padEnd(34)} ${list.length === 0 ? 'no violations' : list.join('; ')}`;
  });
  console.log(
    `axe-core scans (WCAG 2.2 A/AA + best practices), ${scanned.size} screens:\n${lines.join('\n')}`,
  );
});

/** Scans the page as it is now under `screen`; fails on anything serious or critical. */
async function scan(page: Page, screen: string): Promise<void> {
  const findings = await axeScan(page);
  scanned.set(screen, findings);
  const failing = findings.filter((finding) => FAILING_IMPACTS.includes(finding.impact));
  expect(failing, `${screen}: ${JSON.stringify(failing, null, 1)}`).toEqual([]);
}

function open(sensors: 'present' | 'absent', initScripts: string[] = []): ReturnType<typeof openStork> {
  return openStork(browser, server.url, { sensors, initScripts, bypassCSP: true });
}

async function go(page: Page, hash: string, screen: string): Promise<void> {
  await page.evaluate((next) => (window.location.hash = next), hash);
  await page.locator(`[data-screen="${screen}"]`).waitFor();
}

describe('axe-core scan of every screen', () => {
  it('reports what it should: an unnamed button and an unlabelled field are critical', async () => {
    const { page } = await open('absent');
    await page.getByRole('heading', { name: 'Single-leg balance test' }).waitFor();
    await page.evaluate(() => {
      document
        .querySelector('main')
        ?.append(document.createElement('button'), document.createElement('input'));
    });
    const findings = await axeScan(page);
    expect(findings.filter((finding) => FAILING_IMPACTS.includes(finding.impact)).map((f) => f.rule)).toEqual(
      expect.arrayContaining(['button-name', 'label']),
    );
    await page.context().close();
  });

  it('set-up, person form, countdown, running, result, update offer, privacy (three steps)', async () => {
    const { page } = await open('present');
    await page.locator('[data-part="people-picker"]').waitFor();
    await scan(page, 'set-up (first visit)');
    await openPersonForm(page);
    await scan(page, 'set-up (add-person form)');
    await addPerson(page, 'P-017', 1951);
    await scan(page, 'set-up');
    await page.reload();
    await page.locator('[data-part="setup-line"]').waitFor();
    await scan(page, 'set-up as one line (known person)');
    await choose(page, '10 s');
    await choose(page, 'Demo recording');
    await page.getByLabel('Demo speed').selectOption('8');
    await scan(page, 'set-up (demo chosen)');

    await pressStart(page);
    await waitForPhase(page, 'countdown');
    await scan(page, 'trial: countdown');
    await waitForPhase(page, 'running');
    await scan(page, 'trial: running');
    await page.locator('[data-screen="result"][data-charts="drawn"]').waitFor({ timeout: 30_000 });
    await scan(page, 'result (completed, charts)');

    // The update offer appears only when a new version waits; show its markup to scan it.
    await page.evaluate(() => {
      const banner = document.querySelector<HTMLElement>('[data-banner="update"]');
      if (banner) banner.hidden = false;
    });
    await expect.poll(() => page.getByRole('complementary', { name: 'App update' }).isVisible()).toBe(true);
    await scan(page, 'result + update offer');
    await page.evaluate(() => {
      const banner = document.querySelector<HTMLElement>('[data-banner="update"]');
      if (banner) banner.hidden = true;
    });

    await page.getByRole('button', { name: /^Next: / }).click();
    await waitForPhase(page, 'running');
    await stubVisibility(page, 'hidden');
    await stubVisibility(page, 'visible');
    await page.locator('[data-screen="result"][data-interrupted="true"]').waitFor();
    await scan(page, 'result (interrupted)');

    await page.getByRole('button', { name: 'Change set-up' }).click();
    await page.locator('[data-field="session-under-way"]').waitFor();
    await scan(page, 'set-up (session under way)');
    await page.locator('[data-field="session-under-way"]').getByRole('button').click();
    await page.locator('[data-screen="result"][data-charts="drawn"]').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'End the session here' }).click();
    await page.locator('[data-screen="session-summary"]').waitFor();
    await scan(page, 'session summary');
    await page.getByRole('button', { name: 'New session' }).click();
    await page.getByRole('button', { name: 'Privacy and your data' }).click();
    await page.locator('[data-screen="privacy"]').waitFor();
    await scan(page, 'privacy');
    await page.getByRole('button', { name: 'Delete all my data' }).click();
    await scan(page, 'privacy: confirm');
    await page.getByRole('button', { name: 'Yes, delete everything' }).click();
    await page.locator('[data-field="deletion-report"]').waitFor();
    await scan(page, 'privacy: deleted');
    await page.context().close();
  });

  it('history, stored trial, compare, progress, report, export and import, empty and with trials', async () => {
    const { page } = await open('absent');
    await page
      .locator('#setup-notice')
      .getByText('the demo recording is selected')
      .waitFor({ timeout: 5_000 });
    await go(page, '#/history', 'history');
    await scan(page, 'history (nobody chosen)');
    await go(page, '#/compare', 'compare');
    await scan(page, 'compare (nobody chosen)');
    await go(page, '#/progress', 'progress');
    await scan(page, 'progress (nobody chosen)');
    await go(page, '#/training-progress', 'training-progress');
    await scan(page, 'training progress (nobody chosen)');
    await go(page, '#/report', 'report');
    await scan(page, 'report (nobody chosen)');

    await go(page, '#/', 'setup');
    await addPerson(page, 'P-017', 1951);
    await choose(page, '10 s');
    await page.getByLabel('Demo speed').selectOption('8');
    for (const leg of ['Left leg', 'Right leg']) {
      await choose(page, leg);
      await pressStart(page);
      await page.locator('[data-field="save-status"]').getByText('Saved').waitFor({ timeout: 30_000 });
      await page.getByRole('button', { name: 'Change set-up' }).click();
      await page.locator('[data-screen="setup"]').waitFor();
    }
    await go(page, '#/history', 'history');
    await page.locator('.history-row').nth(1).waitFor();
    await scan(page, 'history (2 trials)');
    await page.locator('a.history-row').first().click();
    // A stored trial opens on the result page, with whose and when it was.
    await page.locator('[data-screen="result"] [data-field="stored-caption"]').waitFor();
    await page.locator('[data-screen="result"][data-charts="drawn"]').waitFor();
    await scan(page, 'stored trial');
    await go(page, '#/compare', 'compare');
    await scan(page, 'compare (left vs right)');
    await go(page, '#/progress', 'progress');
    await scan(page, 'progress');
    // Today's two trials are in the default period (the last 4 weeks): a whole sheet.
    await go(page, '#/report', 'report');
    await expect
      .poll(() => page.locator('[data-field="report-sheet"] .trials-table tbody tr').count())
      .toBe(2);
    await page.locator('[data-field="sides"] .sides-table').waitFor();
    await scan(page, 'report (2 trials)');
    await go(page, '#/export', 'export');
    await scan(page, 'export');
    await go(page, '#/import', 'import');
    await scan(page, 'import (no files yet)');
    await page
      .locator('#import-files')
      .setInputFiles(new URL('../../fixtures/e2e/case00.csv', import.meta.url).pathname);
    await page.locator('[data-field="import-preview"]').waitFor();
    await scan(page, 'import (what was found, whose trials)');
    await page.context().close();
  });

  it('training: the page, its plan and week, a session running and resting, its summary, today’s plan', async () => {
    const { page } = await open('absent');
    await go(page, '#/training', 'training');
    await page.getByText('so the demo recording is selected').waitFor({ timeout: 5_000 });
    await scan(page, 'training (nobody chosen)');
    await addPerson(page, 'P-018', 1951);
    await page.getByRole('button', { name: 'Add these settings to the plan' }).waitFor();
    await choose(page, 'Feet together');
    await page.getByLabel('Sets', { exact: true }).selectOption('2');
    await choose(page, '10 s');
    await page.getByLabel('Rest between sets').selectOption('3');
    await page.getByRole('button', { name: 'Add these settings to the plan' }).click();
    await page.locator('[data-field="plan-status"]').getByText('Added to the plan.').waitFor();
    await scan(page, 'training (plan and week)');
    await page.getByRole('button', { name: 'Start training' }).click();
    await page.locator('[data-screen="training-run"][data-phase="running"]').waitFor({ timeout: 10_000 });
    await scan(page, 'training set running');
    await page.locator('[data-screen="training-run"][data-phase="rest"]').waitFor({ timeout: 15_000 });
    await scan(page, 'training rest');
    await page.locator('[data-screen="training-summary"]').waitFor({ timeout: 30_000 });
    await page.locator('[data-field="save-status"]').getByText('Saved').waitFor();
    await scan(page, 'training summary');
    await page.getByRole('button', { name: 'Back to the test' }).click();
    await page.locator('[data-field="today-plan"]').getByText('Done: 2 of 2 sets').waitFor();
    await scan(page, 'test set-up with today’s plan');
    await go(page, '#/training-progress', 'training-progress');
    await page.locator('[data-screen="training-progress"] figure[data-chart="drawn"]').first().waitFor();
    await scan(page, 'training progress');
    await page.context().close();
  });

  it('the pages that say why the test cannot go on', async () => {
    // Refused access (iOS).
    {
      const { page } = await open('present', [DENY_MOTION_PERMISSION]);
      await choose(page, 'Phone sensor');
      await pressStart(page);
      await page.locator('[data-notice="permission-denied"]').waitFor();
      await scan(page, 'notice: permission denied');
      await page.context().close();
    }
    // No sensor: the demo is chosen with a notice; insisting on the sensor checks it again.
    {
      const { page } = await open('absent');
      await page.locator('#setup-notice').getByText('No motion sensor answered').waitFor({ timeout: 5_000 });
      await scan(page, 'set-up (no sensor notice)');
      await choose(page, 'Phone sensor');
      await pressStart(page);
      // The check lasts one second: long enough for a scan of this small page.
      await page.locator('[data-screen="checking"]').waitFor();
      await scan(page, 'checking the sensor');
      await page.locator('[data-notice="no-sensor-data"]').waitFor();
      await scan(page, 'notice: no sensor data');
      await page.context().close();
    }
    // A browser without DeviceMotion.
    {
      const { page } = await open('absent', ['delete window.DeviceMotionEvent;']);
      await page.locator('#setup-notice').getByText('This browser gives no motion data').waitFor();
      await choose(page, 'Phone sensor');
      await pressStart(page);
      await page.locator('[data-notice="unsupported"]').waitFor();
      await scan(page, 'notice: unsupported');
      await page.context().close();
    }
    // A trial that fails with an error it cannot handle (here: no trial id can be made).
    {
      const { page } = await open('absent', [
        "crypto.randomUUID = () => { throw new Error('no id for the trial (test)'); };",
      ]);
      await page
        .locator('#setup-notice')
        .getByText('the demo recording is selected')
        .waitFor({ timeout: 5_000 });
      await pressStart(page);
      // The id is made when the trial ends.
      await waitForPhase(page, 'running');
      await page.getByRole('button', { name: 'Stop' }).click();
      await page.locator('[data-notice="trial-error"]').waitFor();
      await expect.poll(() => page.getByText('no id for the trial (test)').isVisible()).toBe(true);
      await scan(page, 'notice: trial error');
      await page.context().close();
    }
    // Not a secure context.
    const insecure = await launchChromium(['--host-resolver-rules=MAP stork.test 127.0.0.1']);
    try {
      const page = await insecure.newPage({ viewport: PHONE_VIEWPORT, bypassCSP: true });
      await page.goto(server.url.replace('127.0.0.1', 'stork.test'));
      await page.locator('[data-notice="insecure-context"]').waitFor();
      await scan(page, 'notice: insecure context');
    } finally {
      await insecure.close();
    }
  });
});

/**
 * A new version of the app, in real headless Chromium: the new service worker installs in the
 * background and waits; the page offers "Update available — Reload" only when no trial runs
 * (the offer found during a trial waits for its end), and Reload brings the new version in.
 * The build is copied to a temporary folder so the test can publish a "new version" of sw.js.
 */
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openStork, screenshot } from './helpers/browser';
import { choose, pressStart, waitForPhase } from './helpers/flow';
import { DIST_DIR, serveDist, type StaticServer } from './helpers/static-server';

let copy: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  copy = mkdtempSync(join(tmpdir(), 'stork-dist-'));
  cpSync(DIST_DIR, copy, { recursive: true });
  server = await serveDist(copy);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(copy, { recursive: true, force: true });
});

/** Waits until the page's registration has an active worker that controls the page. */
async function controlled(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 15_000,
  });
}

/** Publishes a new sw.js, asks the browser to check for it, and waits until it is installed and waiting. */
async function publishNewVersion(page: Page): Promise<void> {
  appendFileSync(join(copy, 'sw.js'), `\n// version ${Date.now()}\n`);
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    await registration.update();
    const deadline = Date.now() + 15_000;
    while (registration.waiting === null) {
      if (Date.now() > deadline) throw new Error('the new service worker never reached "waiting"');
      await new Promise((done) => setTimeout(done, 50));
    }
  });
}

const banner = (page: Page) => page.locator('[data-banner="update"]');

describe('a new version of the app', () => {
  it('is offered only after the running trial, and Reload brings it in', async () => {
    const { page } = await openStork(browser, server.url, { sensors: 'present' });
    // A returning visitor: the second visit is controlled by the service worker.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await controlled(page);
    await expect.poll(() => banner(page).isHidden()).toBe(true);

    await choose(page, '10 s');
    await choose(page, 'Phone sensor');
    await pressStart(page);
    await waitForPhase(page, 'countdown');
    await publishNewVersion(page);
    // The page learns of the waiting version at once (workbox-window's "waiting" event); give it
    // ample time, then the offer must still be held back: the trial is on.
    await page.waitForTimeout(1_000);
    await expect.poll(() => banner(page).isHidden()).toBe(true);
    await waitForPhase(page, 'running');
    await expect.poll(() => banner(page).isHidden()).toBe(true);

    await page.getByRole('button', { name: 'Stop' }).click();
    await page.locator('[data-screen="result"]').waitFor();
    await banner(page).waitFor({ state: 'visible', timeout: 2_000 });
    await expect.poll(() => banner(page).getByRole('status').innerText()).toBe('Update available');
    await screenshot(page, '45-update-available');

    // A new trial hides the offer again; after it, the offer is back.
    await page.getByRole('button', { name: /^Next: / }).click();
    await waitForPhase(page, 'countdown');
    await expect.poll(() => banner(page).isHidden()).toBe(true);
    await page.getByRole('button', { name: 'Stop' }).click();
    await banner(page).waitFor({ state: 'visible', timeout: 2_000 });

    const oldWorkerGone = page.waitForEvent('load');
    await banner(page).getByRole('button', { name: 'Reload' }).click();
    await oldWorkerGone;
    await page.getByRole('heading', { name: 'Single-leg balance test' }).waitFor();
    // The new version is the active one, nothing waits any more, and nothing is offered.
    await expect
      .poll(() =>
        page.evaluate(async () => {
          const registration = await navigator.serviceWorker.ready;
          return {
            waiting: registration.waiting !== null,
            controlled: navigator.serviceWorker.controller !== null,
          };
        }),
      )
      .toEqual({ waiting: false, controlled: true });
    await expect.poll(() => banner(page).isHidden()).toBe(true);
    await page.context().close();
  });
});

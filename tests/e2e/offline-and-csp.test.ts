/**
 * Stork as an installed app in real headless Chromium over the built page: after one visit it
 * opens and runs a whole trial with the network off (the service worker precaches every file);
 * every request of the session goes to the page's own origin; the Content-Security-Policy is
 * in the page and in the header, refuses an inline script and a third-party origin, and
 * nothing the app itself does breaks it. The web app manifest makes it installable.
 */
import type { Page, Request } from 'playwright-core';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useBuiltApp } from './helpers/built-app';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_HEADER } from '../../scripts/security-headers';
import { openStork, screenshot } from './helpers/browser';
import { choose, pressStart, waitForPhase } from './helpers/flow';
import { feedRecording, readRecording } from './helpers/motion-feed';
import { downloadSamples, readResult } from './helpers/result-page';

/** 30 s of quiet one-leg sway (fixtures/e2e/case00.json). */
const QUIET = readRecording(resolve(import.meta.dirname, '../../fixtures/e2e/case00.csv'));
const CAP_S = 10;

/** Every CSP violation the page reports, as "directive blocked-uri". */
const COLLECT_CSP_VIOLATIONS = `
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__violations.push(event.effectiveDirective + ' ' + event.blockedURI);
  });
`;

async function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
}

/** Resolves when the service worker has installed (precached every file) and activated. */
async function serviceWorkerActivated(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const worker = registration.active;
    if (worker === null) throw new Error('no active service worker');
    if (worker.state !== 'activated') {
      await new Promise<void>((done) =>
        worker.addEventListener('statechange', () => worker.state === 'activated' && done()),
      );
    }
    return worker.scriptURL;
  });
}

const app = useBuiltApp();

describe('offline, same-origin, under a strict CSP', () => {
  it('after one visit, opens and runs a full sensor trial offline; every request of the session is same-origin', async () => {
    const { page, cdp } = await openStork(app.browser, 'about:blank', {
      sensors: 'present',
      initScripts: [COLLECT_CSP_VIOLATIONS],
    });
    const context = page.context();
    const requests: Request[] = [];
    context.on('request', (request) => requests.push(request));

    await page.goto(app.server.url);
    await page.getByRole('heading', { name: 'Single-leg balance test' }).waitFor();
    await expect.poll(() => serviceWorkerActivated(page)).toBe(`${app.server.url}sw.js`);
    const online = requests.length;

    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { name: 'Single-leg balance test' }).waitFor();
    // The page now comes from the service worker's cache.
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL))
      .toBe(`${app.server.url}sw.js`);
    // Really offline: a file the service worker does not hold cannot be fetched.
    expect(
      await page.evaluate(() =>
        fetch('./sw.js.map').then(
          () => 'fetched',
          () => 'failed',
        ),
      ),
    ).toBe('failed');
    await screenshot(page, '40-offline-setup');

    await choose(page, `${CAP_S} s`);
    await choose(page, 'Phone sensor');
    const playback = feedRecording(cdp, QUIET, { bounce: true });
    await pressStart(page);
    await waitForPhase(page, 'running');
    const shown = await readResult(page);
    await playback.stop();
    expect(shown.endReason).toBe('completed');
    expect(shown.holdTimeS).toBe(CAP_S);
    expect(shown.samples).toBeGreaterThan(CAP_S * 50);
    expect(shown.metrics['rms']).toBeGreaterThan(0);
    // The charts need Chart.js, a chunk loaded on demand: it came from the cache too.
    await page.getByRole('img', { name: /Sway path/ }).waitFor();
    const stored = await downloadSamples(page);
    expect(stored.recording.tS.length).toBe(shown.samples);
    await screenshot(page, '41-offline-result');

    // The page's requests and the service worker's own (its precache downloads), all of them.
    expect(requests.some((request) => request.serviceWorker() !== null)).toBe(true);
    const urls = requests.map((request) => request.url());
    const foreign = urls.filter((url) => !url.startsWith(app.server.url));
    expect(foreign).toEqual([]);
    // The offline part of the session asked for files too (all answered by the service worker).
    expect(requests.length).toBeGreaterThan(online);
    expect(urls).toContain(`${app.server.url}manifest.webmanifest`);
    await expect.poll(() => violations(page)).toEqual([]);
    await context.close();
  });

  it('has the policy as meta and header, refuses an inline script and a third-party origin', async () => {
    const { page } = await openStork(app.browser, 'about:blank', {
      sensors: 'absent',
      initScripts: [COLLECT_CSP_VIOLATIONS],
    });
    const response = await page.goto(app.server.url);
    expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY_HEADER);
    await page.getByRole('heading', { name: 'Single-leg balance test' }).waitFor();
    await expect
      .poll(() => page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'))
      .toBe(CONTENT_SECURITY_POLICY);

    const ran = await page.evaluate(async () => {
      const refused = new Promise<string>((done) =>
        document.addEventListener('securitypolicyviolation', (event) => done(event.effectiveDirective), {
          once: true,
        }),
      );
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true;';
      document.body.append(script);
      const directive = await refused;
      return { directive, ran: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true };
    });
    expect(ran).toEqual({ directive: 'script-src-elem', ran: false });

    const thirdParty = await page.evaluate(() =>
      fetch('https://example.com/collect').then(
        () => 'fetched',
        (error: unknown) => (error instanceof TypeError ? 'refused' : String(error)),
      ),
    );
    expect(thirdParty).toBe('refused');
    // An inline style attribute written as markup is refused too (the app writes none).
    await page.evaluate(() => {
      document.body.insertAdjacentHTML('beforeend', '<p id="styled" style="color: rgb(255, 0, 0)">x</p>');
    });
    await expect
      .poll(() => page.locator('#styled').evaluate((p) => getComputedStyle(p).color))
      .not.toBe('rgb(255, 0, 0)');
    // Each reported twice: once by the meta policy, once by the header's (both are enforced).
    await expect
      .poll(() => violations(page))
      .toEqual([
        'script-src-elem inline',
        'script-src-elem inline',
        'connect-src https://example.com/collect',
        'connect-src https://example.com/collect',
        'style-src-attr inline',
        'style-src-attr inline',
      ]);
    await page.context().close();
  });

  it('is installable: a manifest with name, icons, theme colour and portrait orientation', async () => {
    const { page } = await openStork(app.browser, app.server.url, { sensors: 'absent' });
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBe('./manifest.webmanifest');
    const manifest = (await (await page.request.get(new URL(href ?? '', app.server.url).href)).json()) as {
      name: string;
      short_name: string;
      display: string;
      orientation: string;
      theme_color: string;
      start_url: string;
      icons: { src: string; sizes: string; purpose: string }[];
    };
    expect(manifest).toMatchObject({
      name: 'Stork: single-leg balance test',
      short_name: 'Stork',
      display: 'standalone',
      orientation: 'portrait',
      theme_color: '#0a5bd3',
      start_url: './',
    });
    expect(manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose}`)).toEqual([
      '192x192 any',
      '512x512 any',
      '512x512 maskable',
    ]);
    for (const icon of manifest.icons) {
      const image = await page.request.get(new URL(icon.src, app.server.url).href);
      expect(image.headers()['content-type']).toBe('image/png');
      // PNG width and height (IHDR) are what the manifest says.
      const bytes = await image.body();
      expect(`${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`).toBe(icon.sizes);
    }
    // Chromium's own reading of the manifest finds no problem with it.
    const cdp = await page.context().newCDPSession(page);
    const { errors } = (await cdp.send('Page.getAppManifest')) as { errors: { message: string }[] };
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

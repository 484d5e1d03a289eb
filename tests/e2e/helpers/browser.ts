/**
 * Real headless Chromium (Debian's /usr/bin/chromium) driven with playwright-core, with the
 * motion sensors emulated through the DevTools protocol (Emulation.setSensorOverride*).
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env['STORK_CHROMIUM'] ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = resolve(import.meta.dirname, '../../../test-output/screenshots');

/** A phone in portrait (iPhone 12-15 CSS size). */
export const PHONE_VIEWPORT = { width: 390, height: 844 };

/** Chromium builds DeviceMotion from these three sensors and fires only when all have a reading. */
export const MOTION_SENSORS = ['accelerometer', 'linear-acceleration', 'gyroscope'] as const;

export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...extraArgs,
    ],
  });
}

export interface StorkPage {
  page: Page;
  cdp: CDPSession;
}

export interface PageOptions {
  /** 'present': the three sensors emulated and reading; 'absent': no sensor (Chromium's default here). */
  sensors: 'present' | 'absent';
  /** Scripts run before the page's own (stubs, counters). */
  initScripts?: readonly string[];
  /**
   * Lets the test inject scripts and styles the page's Content-Security-Policy would refuse
   * (axe-core, a larger root font): only for tests that look at the page, never at its security.
   */
  bypassCSP?: boolean;
}

/**
 * Counts delivered devicemotion events from a listener added before the page's own code runs:
 * for every event with a reading, its timeStamp (ms, performance clock), when it was dispatched
 * (performance.now() in the listener) and the magnitude of its acceleration including
 * gravity. It also notes when the trial page turned to "running" and when the result page
 * appeared (a MutationObserver: its callback runs right after the task that changed the page,
 * before any later event), so "delivered during the trial" means dispatched between the two.
 * Events with no reading (a desktop's empty events) are not counted.
 */
export const COUNT_DELIVERED_EVENTS = `
  window.__delivered = { timeStampsMs: [], dispatchedMs: [], magnitudes: [], goMs: null, endMs: null };
  window.addEventListener('devicemotion', (event) => {
    const a = event.accelerationIncludingGravity;
    if (a && a.x !== null && a.y !== null && a.z !== null) {
      window.__delivered.timeStampsMs.push(event.timeStamp);
      window.__delivered.dispatchedMs.push(performance.now());
      window.__delivered.magnitudes.push(Math.hypot(a.x, a.y, a.z));
    }
  });
  new MutationObserver(() => {
    const marks = window.__delivered;
    if (document.querySelector('[data-screen="trial"][data-phase="countdown"]')) {
      marks.goMs = null;
      marks.endMs = null;
    } else if (marks.goMs === null && document.querySelector('[data-screen="trial"][data-phase="running"]')) {
      marks.goMs = performance.now();
    } else if (marks.goMs !== null && marks.endMs === null && document.querySelector('[data-screen="result"]')) {
      marks.endMs = performance.now();
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-phase', 'data-screen'] });
`;

export interface DeliveredEvents {
  timeStampsMs: number[];
  dispatchedMs: number[];
  magnitudes: number[];
  /** When the page showed "running" and the result, performance clock ms (null before). */
  goMs: number | null;
  endMs: number | null;
}

/** The delivered events counted by COUNT_DELIVERED_EVENTS. */
export async function deliveredEvents(page: Page): Promise<DeliveredEvents> {
  return page.evaluate(() => {
    const delivered = (window as unknown as { __delivered: DeliveredEvents }).__delivered;
    return JSON.parse(JSON.stringify(delivered)) as DeliveredEvents;
  });
}

/** Makes the page look like iOS Safari that refuses motion access. */
export const DENY_MOTION_PERMISSION = `
  window.__permissionRequests = 0;
  DeviceMotionEvent.requestPermission = () => {
    window.__permissionRequests += 1;
    return Promise.resolve('denied');
  };
`;

/**
 * Fakes the page being hidden, as GoogleChrome/web-vitals' end-to-end tests do
 * (test/utils/stubVisibilityChange.js): override document.visibilityState and document.hidden,
 * then dispatch visibilitychange. Headless Chromium keeps every page visible otherwise.
 */
export async function stubVisibility(page: Page, state: 'hidden' | 'visible'): Promise<void> {
  await page.evaluate((next) => {
    Object.defineProperty(document, 'visibilityState', { value: next, configurable: true });
    Object.defineProperty(document, 'hidden', { value: next === 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  }, state);
}

export async function openStork(browser: Browser, url: string, options: PageOptions): Promise<StorkPage> {
  const context = await browser.newContext({
    viewport: PHONE_VIEWPORT,
    deviceScaleFactor: 2,
    acceptDownloads: true,
    bypassCSP: options.bypassCSP ?? false,
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (options.sensors === 'present') {
    for (const type of MOTION_SENSORS) {
      await cdp.send('Emulation.setSensorOverrideEnabled', {
        enabled: true,
        type,
        metadata: { available: true },
      });
    }
    await setMotionReading(cdp, { ax: 0, ay: 9.8, az: 0.2, gx: 0, gy: 0, gz: 0 });
  }
  for (const script of options.initScripts ?? []) await page.addInitScript(script);
  await page.goto(url);
  return { page, cdp };
}

export interface MotionReading {
  /** accelerationIncludingGravity, m/s^2 */
  ax: number;
  ay: number;
  az: number;
  /** rotationRate, deg/s (the override takes rad/s) */
  gx: number;
  gy: number;
  gz: number;
}

const RAD_PER_DEG = Math.PI / 180;

/**
 * Sets what the emulated sensors read. `linear-acceleration` is set to zero (Stork does not use
 * it); Chromium still needs a reading for it before it fires devicemotion.
 */
export async function setMotionReading(cdp: CDPSession, reading: MotionReading): Promise<void> {
  await Promise.all([
    cdp.send('Emulation.setSensorOverrideReadings', {
      type: 'accelerometer',
      reading: { xyz: { x: reading.ax, y: reading.ay, z: reading.az } },
    }),
    cdp.send('Emulation.setSensorOverrideReadings', {
      type: 'linear-acceleration',
      reading: { xyz: { x: 0, y: 0, z: 0 } },
    }),
    cdp.send('Emulation.setSensorOverrideReadings', {
      type: 'gyroscope',
      reading: {
        xyz: { x: reading.gx * RAD_PER_DEG, y: reading.gy * RAD_PER_DEG, z: reading.gz * RAD_PER_DEG },
      },
    }),
  ]);
}

/** Saves a full-page screenshot as test-output/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = resolve(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

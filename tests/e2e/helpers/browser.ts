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
}

/**
 * Counts delivered devicemotion events: every event's timeStamp (ms, performance clock) goes
 * into window.__delivered and the magnitude of its acceleration including gravity into
 * window.__deliveredG, from a listener added before the page's own code runs. Events with no
 * reading (a desktop's single empty event) are not counted.
 */
export const COUNT_DELIVERED_EVENTS = `
  window.__delivered = [];
  window.__deliveredG = [];
  window.addEventListener('devicemotion', (event) => {
    const a = event.accelerationIncludingGravity;
    if (a && a.x !== null && a.y !== null && a.z !== null) {
      window.__delivered.push(event.timeStamp);
      window.__deliveredG.push(Math.hypot(a.x, a.y, a.z));
    }
  });
`;

/** The delivered events counted by COUNT_DELIVERED_EVENTS. */
export async function deliveredEvents(page: Page): Promise<{ timeStampsMs: number[]; magnitudes: number[] }> {
  return page.evaluate(() => {
    const w = window as unknown as { __delivered: number[]; __deliveredG: number[] };
    return { timeStampsMs: [...w.__delivered], magnitudes: [...w.__deliveredG] };
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

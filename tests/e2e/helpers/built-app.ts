import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser';
import { serveDist, type StaticServer } from './static-server';

/** The built app served from dist/ and one Chromium, for the tests of one file. */
export interface BuiltApp {
  readonly server: StaticServer;
  readonly browser: Browser;
}

/**
 * Serves dist/ on a free localhost port and launches Chromium before the file's tests, and
 * closes both after them. Read `server` and `browser` inside tests (they exist from beforeAll on).
 */
export function useBuiltApp(): BuiltApp {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await serveDist();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`${name} is used before beforeAll has started it`);
    return value;
  };
  return {
    get server() {
      return started(server, 'the static server');
    },
    get browser() {
      return started(browser, 'Chromium');
    },
  };
}

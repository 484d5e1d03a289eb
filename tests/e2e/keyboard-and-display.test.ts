/**
 * Readable and operable for everyone, in real headless Chromium over the built page:
 * - large text: with the browser's font size at 200 % (32 px, as a person sets it in the
 *   browser's settings; CDP Page.setFontSizes), every screen still fits the phone's width and
 *   the Stop button stays in sight during a trial;
 * - forced colours (Windows high contrast) and "more contrast": the chosen options and the
 *   current page stay visible, secondary text gets as dark as the rest;
 * - keyboard only: every control can be reached with Tab, shows where the focus is, and a
 *   whole trial, the result, the report's period and "Delete all my data" work without a pointer.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBuiltApp } from './helpers/built-app';
import { openStork, PHONE_VIEWPORT, SCREENSHOT_DIR, screenshot } from './helpers/browser';
import { choose, pressStart, waitForPhase } from './helpers/flow';
import { addPerson, openPersonForm } from './helpers/history';

const app = useBuiltApp();

/**
 * What reaches past the right edge of the screen (a horizontal scroll): visible elements whose
 * box does, and elements whose own content (a long word, a big number) spills out of their box.
 */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const found: string[] = [];
    const name = (element: Element): string => `${element.tagName.toLowerCase()}.${element.className}`;
    for (const element of document.querySelectorAll<HTMLElement>('body *')) {
      const box = element.getBoundingClientRect();
      if (box.width === 0) continue;
      if (box.right > width + 1) found.push(`${name(element)} (${Math.round(box.right)} px)`);
      else if (
        getComputedStyle(element).overflowX === 'visible' &&
        element.scrollWidth > element.clientWidth + 1 &&
        box.left + element.scrollWidth > width + 1
      ) {
        found.push(`${name(element)} content (${Math.round(box.left + element.scrollWidth)} px)`);
      }
    }
    return found;
  });
}

async function go(page: Page, hash: string, screen: string): Promise<void> {
  await page.evaluate((next) => (window.location.hash = next), hash);
  await page.locator(`[data-screen="${screen}"]`).waitFor();
}

/**
 * Checks that the page is shown with large text (Stork's 125 % of 32 px) and fits the width.
 * Playwright's full-page screenshots reset the font-size setting, so this test takes viewport
 * screenshots only.
 */
async function expectLargeTextFits(page: Page, screen: string): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => getComputedStyle(document.body).fontSize), { message: screen })
    .toBe('40px');
  await expect.poll(() => overflowing(page), { message: screen }).toEqual([]);
}

describe('large text: the browser font size at 200 %', () => {
  it('every screen fits the phone’s width, and Stop stays in sight during a trial', async () => {
    const { page, cdp } = await openStork(app.browser, app.server.url, { sensors: 'absent' });
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
    await page.reload();
    await page.locator('[data-part="people-picker"]').waitFor();
    await page
      .locator('#setup-notice')
      .getByText('the demo recording is selected')
      .waitFor({ timeout: 5_000 });
    await expectLargeTextFits(page, 'set-up');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/60-large-text-setup.png` });
    await addPerson(page, 'P-017', null);

    await choose(page, '10 s');
    await page.getByLabel('Demo speed').selectOption('2');
    await pressStart(page);
    await waitForPhase(page, 'running');
    await expectLargeTextFits(page, 'trial');
    const stopBox = await page.getByRole('button', { name: 'Stop' }).boundingBox();
    // Entirely on the screen without scrolling.
    expect(stopBox).not.toBeNull();
    expect((stopBox?.y ?? Infinity) + (stopBox?.height ?? 0)).toBeLessThanOrEqual(PHONE_VIEWPORT.height);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/61-large-text-running.png` });
    await page.locator('[data-screen="result"][data-charts="drawn"]').waitFor({ timeout: 30_000 });
    await expectLargeTextFits(page, 'result');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/62-large-text-result.png` });

    await go(page, '#/history', 'history');
    await page.locator('.history-row').first().waitFor();
    await expectLargeTextFits(page, 'history');
    await go(page, '#/compare', 'compare');
    await expectLargeTextFits(page, 'compare');
    await go(page, '#/progress', 'progress');
    await expectLargeTextFits(page, 'progress');
    // The report of the last 4 weeks, with today's trial in its table.
    await go(page, '#/report', 'report');
    await page.locator('[data-field="report-sheet"] .trials-table tbody tr').first().waitFor();
    await expectLargeTextFits(page, 'report');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/64-large-text-report.png` });
    await go(page, '#/export', 'export');
    await expectLargeTextFits(page, 'export');
    await go(page, '#/import', 'import');
    await expectLargeTextFits(page, 'import');
    await go(page, '#/', 'setup');
    await page.getByRole('button', { name: 'Privacy and your data' }).click();
    await page.locator('[data-screen="privacy"]').waitFor();
    await expectLargeTextFits(page, 'privacy');
    await page.context().close();
  });
});

describe('forced colours and more contrast', () => {
  it('shows the chosen options and the current page in the system’s colours', async () => {
    const { page } = await openStork(app.browser, app.server.url, { sensors: 'absent' });
    await page.emulateMedia({ forcedColors: 'active' });
    await page
      .locator('#setup-notice')
      .getByText('the demo recording is selected')
      .waitFor({ timeout: 5_000 });
    const looks = await page.evaluate(() => {
      const span = (label: string): CSSStyleDeclaration => {
        const input = [...document.querySelectorAll<HTMLInputElement>('.choice input')].find(
          (candidate) => candidate.nextElementSibling?.textContent === label,
        );
        return getComputedStyle(input?.nextElementSibling as Element);
      };
      const tab = (name: string): CSSStyleDeclaration =>
        getComputedStyle(document.querySelector(`.app-nav [data-tab="${name}"]`) as Element);
      return {
        forced: matchMedia('(forced-colors: active)').matches,
        chosen: span('Left leg').backgroundColor,
        other: span('Right leg').backgroundColor,
        currentTab: tab('test').backgroundColor,
        otherTab: tab('history').backgroundColor,
      };
    });
    expect(looks.forced).toBe(true);
    expect(looks.chosen).not.toBe(looks.other);
    expect(looks.currentTab).not.toBe(looks.otherTab);
    await screenshot(page, '63-forced-colours');
    await page.context().close();
  });

  it('makes secondary text as dark as the rest and outlines darker when more contrast is asked for', async () => {
    const { page } = await openStork(app.browser, app.server.url, { sensors: 'absent' });
    await openPersonForm(page);
    await page.locator('[data-part="people-picker"] .hint').first().waitFor();
    const colours = () =>
      page.evaluate(() => ({
        text: getComputedStyle(document.body).color,
        hint: getComputedStyle(document.querySelector('.people-picker .hint') as Element).color,
        outline: getComputedStyle(document.querySelector('.choice input:not(:checked) + span') as Element)
          .borderTopColor,
      }));
    const normal = await colours();
    // #4a4a4a hints, #c8c8c8 outlines.
    expect(normal).toEqual({
      text: 'rgb(17, 17, 17)',
      hint: 'rgb(74, 74, 74)',
      outline: 'rgb(200, 200, 200)',
    });
    await page.emulateMedia({ contrast: 'more' });
    // Hints as dark as the text; outlines #6b6b6b, 5.3:1 on white.
    await expect
      .poll(() => colours())
      .toEqual({
        text: 'rgb(17, 17, 17)',
        hint: 'rgb(17, 17, 17)',
        outline: 'rgb(107, 107, 107)',
      });
    await page.context().close();
  });
});

/** What has the focus: its role-ish tag and its accessible text. */
async function focused(page: Page): Promise<{ key: string; ring: boolean }> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (element === null || element === document.body) return { key: 'body', ring: false };
    const input = element as HTMLInputElement;
    const key =
      input.type === 'radio'
        ? `radio group ${input.name}`
        : `${element.tagName.toLowerCase()} ${(input.labels?.[0]?.textContent ?? element.textContent ?? '').trim()}`;
    // A radio's ring is drawn on its label's box (styles.css); everything else on itself.
    const drawn = input.type === 'radio' ? (element.nextElementSibling as HTMLElement) : element;
    const style = getComputedStyle(drawn);
    return { key, ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
  });
}

/** Every control a keyboard user should reach on the page now (a radio group is one stop). */
async function controls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const keys = new Set<string>();
    for (const element of document.querySelectorAll<HTMLElement>(
      // A disclosure's <summary> ("Details") is a control a keyboard reaches, as a button is.
      'a[href], button, input, select, textarea, summary',
    )) {
      const input = element as HTMLInputElement;
      if (input.disabled || element.closest('[hidden]') !== null) continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      keys.add(
        input.type === 'radio'
          ? `radio group ${input.name}`
          : `${element.tagName.toLowerCase()} ${(input.labels?.[0]?.textContent ?? element.textContent ?? '').trim()}`,
      );
    }
    return [...keys].sort();
  });
}

/**
 * Presses Tab round the whole page once (from wherever the focus is, wrapping past the end);
 * returns every stop, sorted, and those without a visible focus ring.
 */
async function tabThrough(page: Page, maxPresses = 100): Promise<{ stops: string[]; noRing: string[] }> {
  const stops: string[] = [];
  const noRing: string[] = [];
  let outside = 0;
  for (let k = 0; k < maxPresses; k++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    // Past the last control the focus leaves the page once before it starts again at the top.
    if (now.key === 'body') {
      if (++outside > 1) break;
      continue;
    }
    // A date field's day, month and year are Tab stops of one control.
    if (now.key === stops[stops.length - 1]) continue;
    if (stops.includes(now.key)) break;
    stops.push(now.key);
    if (!now.ring) noRing.push(now.key);
  }
  return { stops: [...stops].sort(), noRing };
}

/** Tabs until the focus is on the control named `key`; fails after `maxStops`. */
async function tabTo(page: Page, key: string, maxStops = 80): Promise<void> {
  for (let k = 0; k < maxStops; k++) {
    await page.keyboard.press('Tab');
    if ((await focused(page)).key === key) return;
  }
  throw new Error(`Tab never reached ${key}`);
}

describe('keyboard only', () => {
  it('reaches every control with Tab, with a visible focus ring, and runs a trial, the result and the privacy page', async () => {
    const { page } = await openStork(app.browser, app.server.url, { sensors: 'absent' });
    await page
      .locator('#setup-notice')
      .getByText('the demo recording is selected')
      .waitFor({ timeout: 5_000 });
    await page.locator('[data-part="people-picker"]').waitFor();
    const setup = await tabThrough(page);
    expect(setup.stops).toEqual(await controls(page));
    expect(setup.stops).toContain('button Start');
    expect(setup.stops).toContain('button Privacy and your data');
    expect(setup.noRing).toEqual([]);

    // Add a person and choose with the keyboard: type, Enter, arrow keys.
    await tabTo(page, 'button Add the person tested');
    await page.keyboard.press('Enter');
    await tabTo(page, 'input Name or code');
    await page.keyboard.type('P-017');
    await tabTo(page, 'button Add person');
    await page.keyboard.press('Enter');
    await page.getByText('Results are kept in P-017’s history on this device.').waitFor();
    await tabTo(page, 'radio group stanceSide');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByRole('radio', { name: 'Right leg' }).isChecked()).toBe(true);
    await tabTo(page, 'button Start');
    await page.keyboard.press('Enter');
    await waitForPhase(page, 'running');
    await tabTo(page, 'button Stop', 5);
    await page.keyboard.press('Space');
    await page.locator('[data-screen="result"]').waitFor();
    await page.locator('[data-field="save-status"]').getByText('Saved').waitFor();
    const result = await tabThrough(page);
    expect(result.stops).toEqual(await controls(page));
    expect(result.noRing).toEqual([]);

    await tabTo(page, 'button Change set-up');
    await page.keyboard.press('Enter');
    await page.locator('[data-screen="setup"]').waitFor();
    await tabTo(page, 'button Privacy and your data');
    await page.keyboard.press('Enter');
    await page.locator('[data-screen="privacy"]').waitFor();
    const privacy = await tabThrough(page);
    expect(privacy.stops).toEqual(await controls(page));
    expect(privacy.noRing).toEqual([]);

    // The report: its period, "Last 4 weeks" and "Download PDF" by keyboard, with a ring.
    await go(page, '#/report', 'report');
    await page.locator('[data-field="report-sheet"] .trials-table tbody tr').first().waitFor();
    const report = await tabThrough(page);
    expect(report.stops).toEqual(await controls(page));
    expect(report.stops).toEqual(expect.arrayContaining(['input From', 'input To', 'button Download PDF']));
    expect(report.noRing).toEqual([]);
    await tabTo(page, 'input From');
    // A date field takes its day, month and year from the keyboard (here: 1 Jan 2020).
    await page.keyboard.type('01012020');
    await expect.poll(() => page.locator('#report-from').inputValue()).toBe('2020-01-01');
    await expect.poll(() => page.locator('[data-field="period"]').innerText()).toMatch(/^1 Jan 2020 – /);
    await tabTo(page, 'button Last 4 weeks');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-field="period"]').innerText()).not.toMatch(/^1 Jan 2020/);
    await go(page, '#/', 'setup');
    await tabTo(page, 'button Privacy and your data');
    await page.keyboard.press('Enter');
    await page.locator('[data-screen="privacy"]').waitFor();
    await tabTo(page, 'button Delete all my data');
    await page.keyboard.press('Enter');
    // The question takes the focus; the next Tab is the answer.
    await page.keyboard.press('Tab');
    await expect.poll(() => focused(page)).toMatchObject({ key: 'button Yes, delete everything' });
    await page.keyboard.press('Enter');
    await page.locator('[data-field="deletion-report"]').waitFor();
    await page.context().close();
  });
});

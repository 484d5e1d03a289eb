/**
 * Training mode in real headless Chromium over the built page: a session of 2 sets per leg,
 * alternating, on emulated sensors, with its rest countdown; the live feedback read through
 * an instrumented AudioContext (every setTargetAtTime on a StereoPannerNode's pan and a
 * GainNode's gain is logged, not heard); the sets in the history; the home programme's
 * "Today's plan" on the Test page before and after. And the demo: without sensors, a session
 * plays on the bundled recording with its sound steered.
 */
import type { CDPSession, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openStork, screenshot, setMotionReading } from './helpers/browser';
import { useBuiltApp } from './helpers/built-app';
import { choose } from './helpers/flow';
import { addPerson, historyRows } from './helpers/history';

/**
 * Logs the feedback's parameter changes: the params of every StereoPannerNode and GainNode
 * are named when the node is made, and AudioParam.setTargetAtTime notes each target with the
 * param's name (window.__audioLog). The cues' beeps use other methods (setValueAtTime, ramps).
 */
const AUDIO_PROBE = `
  window.__audioLog = [];
  const names = new WeakMap();
  const wrap = (method, name, field) => {
    const original = BaseAudioContext.prototype[method];
    BaseAudioContext.prototype[method] = function (...args) {
      const node = original.apply(this, args);
      names.set(node[field], name);
      return node;
    };
  };
  wrap('createStereoPanner', 'pan', 'pan');
  wrap('createGain', 'gain', 'gain');
  const setTarget = AudioParam.prototype.setTargetAtTime;
  AudioParam.prototype.setTargetAtTime = function (target, at, tau) {
    const name = names.get(this);
    if (name) window.__audioLog.push({ name, target, atMs: performance.now() });
    return setTarget.call(this, target, at, tau);
  };
`;

interface AudioEntry {
  name: 'pan' | 'gain';
  target: number;
  atMs: number;
}

const audioLog = (page: Page): Promise<AudioEntry[]> =>
  page.evaluate(() => (window as unknown as { __audioLog: AudioEntry[] }).__audioLog);
const nowMs = (page: Page): Promise<number> => page.evaluate(() => performance.now());

/** The targets of one param set since `sinceMs`. */
async function targetsSince(page: Page, name: AudioEntry['name'], sinceMs: number): Promise<number[]> {
  return (await audioLog(page)).filter((e) => e.name === name && e.atMs > sinceMs).map((e) => e.target);
}

/** Upright at the chest, as openStork's first reading; `ml` adds a medio-lateral lean (device x). */
const upright = (cdp: CDPSession, ml = 0): Promise<void> =>
  setMotionReading(cdp, { ax: ml, ay: 9.8, az: 0.2, gx: 0, gy: 0, gz: 0 });

const runScreen = (page: Page, phase: string, set?: number): string =>
  `[data-screen="training-run"][data-phase="${phase}"]${set === undefined ? '' : `[data-set="${set}"]`}`;

const app = useBuiltApp();

async function openTraining(sensors: 'present' | 'absent'): Promise<{ page: Page; cdp: CDPSession }> {
  const opened = await openStork(app.browser, app.server.url, { sensors, initScripts: [AUDIO_PROBE] });
  const { page } = opened;
  await page
    .getByRole('navigation', { name: 'Pages' })
    .getByRole('link', { name: 'Train', exact: true })
    .click();
  await page.locator('[data-screen="training"]').waitFor();
  return opened;
}

describe('training mode', () => {
  it('runs 2 sets per leg in turn with rests; the pan follows the ML sway, silent in the zone; sets in the history; today’s plan follows', async () => {
    const { page, cdp } = await openTraining('present');
    await addPerson(page, 'Trainee', 1980);
    await choose(page, 'Single leg');
    await choose(page, 'Left and right in turn');
    await page.getByLabel('Sets per leg').selectOption('2');
    await choose(page, '10 s');
    await page.getByLabel('Rest between sets').selectOption('3');
    await choose(page, 'Continuous sound');
    await choose(page, 'Phone sensor');
    await expect
      .poll(() => page.locator('[data-field="dead-zone"]').innerText())
      .toMatch(/^Quiet zone: 0\.17 m\/s²/);
    await page.getByRole('button', { name: 'Add these settings to the plan' }).click();
    await expect
      .poll(() => page.locator('[data-field="plan-status"]').innerText())
      .toBe('Added to the plan.');
    await screenshot(page, '60-training');

    // The Test page opens on today's plan: nothing done yet.
    await page
      .getByRole('navigation', { name: 'Pages' })
      .getByRole('link', { name: 'Test', exact: true })
      .click();
    const today = page.locator('[data-field="today-plan"]');
    await expect.poll(() => today.locator('li').first().innerText()).toMatch(/0 of 4 sets done, 4 left/);
    await screenshot(page, '61-today-plan');

    // One tap on the plan starts the next exercise.
    await upright(cdp);
    await today.getByRole('button', { name: 'Start the next exercise' }).click();
    await page.locator(runScreen(page, 'announce', 1)).waitFor();
    await expect
      .poll(() => page.locator('[data-screen="training-run"] h1').innerText())
      .toBe('Set 1 of 4 · Left leg');
    await page.locator(runScreen(page, 'running', 1)).waitFor({ timeout: 10_000 });
    await screenshot(page, '62-training-running');
    // The reference second, then still upright: no sound.
    await page.waitForFunction(
      () => Number(document.querySelector('[data-screen="training-run"] .big-number')?.textContent) <= 8,
      undefined,
      { timeout: 5_000 },
    );
    const quietFrom = await nowMs(page);
    await expect.poll(async () => (await targetsSince(page, 'gain', quietFrom)).length).toBeGreaterThan(10);
    expect(new Set(await targetsSince(page, 'gain', quietFrom))).toEqual(new Set([0]));

    // Sway to the person's right (device +x at the chest): heard on the right, and loud.
    await upright(cdp, 0.6);
    const rightFrom = await nowMs(page);
    await expect.poll(async () => (await targetsSince(page, 'pan', rightFrom)).at(-1)).toBe(1);
    expect(Math.max(...(await targetsSince(page, 'gain', rightFrom)))).toBeGreaterThan(0.3);
    // To the left: heard on the left.
    await upright(cdp, -0.6);
    const leftFrom = await nowMs(page);
    await expect.poll(async () => (await targetsSince(page, 'pan', leftFrom)).at(-1)).toBe(-1);
    // A small lean inside the zone (0.05 m/s^2): silence again, pan still on its side.
    await upright(cdp, -0.05);
    const insideFrom = await nowMs(page);
    await expect.poll(async () => (await targetsSince(page, 'gain', insideFrom)).at(-1)).toBe(0);
    await expect
      .poll(async () => (await targetsSince(page, 'pan', insideFrom + 200)).length)
      .toBeGreaterThan(5);
    const pans = await targetsSince(page, 'pan', insideFrom + 200);
    for (const pan of pans) expect(pan).toBeLessThan(0);
    await upright(cdp);

    // The rest between sets counts down, then the right leg's set.
    await page.locator(runScreen(page, 'rest')).waitFor({ timeout: 15_000 });
    await expect
      .poll(() => page.locator('[data-screen="training-run"] .big-number').innerText())
      .toMatch(/^[1-3]$/);
    await expect
      .poll(() => page.locator('[data-screen="training-run"] .trial-detail').innerText())
      .toMatch(/Next: set 2 of 4, right leg/);
    await screenshot(page, '63-training-rest');
    await page.locator(runScreen(page, 'running', 2)).waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-screen="training-run"]').getAttribute('data-leg')).toBe('right');

    // The summary: four sets, left and right in turn, each held to the end.
    const summary = page.locator('[data-screen="training-summary"]');
    await summary.waitFor({ timeout: 90_000 });
    await screenshot(page, '64-training-summary');
    const rows = summary.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(4);
    const texts = await rows.allInnerTexts();
    expect(texts.map((text) => /· (\w+) leg/.exec(text)?.[1])).toEqual(['left', 'right', 'left', 'right']);
    for (const text of texts) expect(text).toMatch(/10\.0 s.*Held to the end/s);
    await expect
      .poll(() => summary.locator('[data-field="save-status"]').innerText())
      .toMatch(/Saved in Trainee’s history/);

    // The sets are in the history.
    await page
      .getByRole('navigation', { name: 'Pages' })
      .getByRole('link', { name: 'History', exact: true })
      .click();
    await expect.poll(async () => (await historyRows(page)).length).toBe(4);

    // Today's plan is done.
    await page
      .getByRole('navigation', { name: 'Pages' })
      .getByRole('link', { name: 'Test', exact: true })
      .click();
    await expect.poll(() => today.locator('li').first().innerText()).toMatch(/Done: 4 of 4 sets/);
    await expect.poll(() => today.locator('[data-field="today-done"]').isVisible()).toBe(true);
    await expect.poll(() => today.locator('.week-days li').last().getAttribute('data-sets')).toBe('4');
    await screenshot(page, '65-today-done');
    await page.context().close();
  }, 180_000);

  it('without motion sensors, a session plays on the demo recording with its sound steered', async () => {
    const { page } = await openTraining('absent');
    await page.getByText('so the demo recording is selected').waitFor({ timeout: 10_000 });
    expect(await page.getByRole('radio', { name: 'Demo recording' }).isChecked()).toBe(true);
    await choose(page, 'Feet together');
    await page.getByLabel('Sets', { exact: true }).selectOption('1');
    await choose(page, '10 s');
    await choose(page, 'Harder');
    await page.getByRole('button', { name: 'Start training' }).click();
    await page.locator(runScreen(page, 'running', 1)).waitFor({ timeout: 10_000 });
    await expect
      .poll(() => page.locator('[data-screen="training-run"] .badge').innerText())
      .toBe('Demo recording');
    const summary = page.locator('[data-screen="training-summary"]');
    await summary.waitFor({ timeout: 30_000 });
    const log = await audioLog(page);
    expect(log.filter((e) => e.name === 'pan').length).toBeGreaterThan(200);
    expect(Math.max(...log.filter((e) => e.name === 'gain').map((e) => e.target))).toBeGreaterThan(0);
    await expect.poll(() => summary.locator('tbody tr').count()).toBe(1);
    await page.context().close();
  }, 60_000);
});

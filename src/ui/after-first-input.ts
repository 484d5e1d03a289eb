/**
 * Runs a task once, after the page's first tap or key press has been painted: for work the
 * page will want soon but not at once, such as loading the charts while the person chooses.
 * Done at load, it would hold the main thread while the page is still settling (Lighthouse's
 * Total Blocking Time on a mid-range phone); done right after the first input's frame, that
 * input still gets its answer at once (https://web.dev/articles/optimize-inp).
 */

const FIRST_INPUT_EVENTS = ['pointerdown', 'keydown'] as const;

/** Returns a function that cancels the task if it has not run. */
export function afterFirstInput(win: Window, task: () => void): () => void {
  let done = false;
  const stop = (): void => {
    done = true;
    for (const type of FIRST_INPUT_EVENTS) win.removeEventListener(type, onInput, true);
  };
  function onInput(): void {
    if (done) return;
    stop();
    // After the frame that shows the input's effect.
    win.requestAnimationFrame(() => win.setTimeout(task, 0));
  }
  for (const type of FIRST_INPUT_EVENTS)
    win.addEventListener(type, onInput, { capture: true, passive: true });
  return stop;
}

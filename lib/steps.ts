/**
 * Work that can pause: a generator that yields (nothing) at points where its caller may give the
 * main thread back to the page, and returns its result. The pipeline's long stages are written
 * this way so that the content script can cut them into short tasks (see `analysisSteps`), while
 * the CLI, the tests and the evaluations run them straight through with `drain`.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs steps to the end without pausing. */
export function drain<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Every how many pauses the page's timers get their turn (see yieldToPage). */
const TIMER_TURN = 4;
let pauses = 0;

/**
 * Gives the main thread back to the page for a moment; resolves in a later task. The page code
 * calls it between the steps of its work so that no task of the page runs long.
 *
 * Where the browser has `scheduler.yield` (Chromium), that: it resumes ahead of the page's ordinary
 * tasks, so input and frames still come, but the page's own timers waited for the whole analysis
 * (150–200 ms on the founding article, seen from a 1 ms page timer): every TIMER_TURN-th pause is a
 * zero timeout, which queues behind them. Elsewhere (Firefox) the next task (`nextTask`), which
 * queues behind whatever the page has queued, its due timers included; not a zero timeout, which
 * Firefox puts off until the page is idle or loaded while it loads (the founding article with a frame
 * still loading: first highlights 267 → 151 ms after DOMContentLoaded, `npm run bench:browser`).
 */
export function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (!s?.yield) return nextTask();
  pauses++;
  if (pauses % TIMER_TURN !== 0) return s.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Resolves in the next task: a message to oneself, which the browser runs as soon as the current
 * task and those queued before it are done. A zero timeout may wait much longer: Firefox puts off
 * the timers that a document sets while it loads until it is idle or loaded.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

/**
 * Runs steps in the page: slices of about `sliceMs` of work, the main thread given back to the page
 * between them (`yieldToPage`). Resolves with the result and the milliseconds of work, pauses not
 * counted.
 */
export async function runInSlices<T>(steps: Steps<T>, sliceMs = 8): Promise<{ value: T; workMs: number }> {
  let workMs = 0;
  for (;;) {
    const t0 = performance.now();
    let r = steps.next();
    while (!r.done && performance.now() - t0 < sliceMs) r = steps.next();
    workMs += performance.now() - t0;
    if (r.done) return { value: r.value, workMs };
    await yieldToPage();
  }
}

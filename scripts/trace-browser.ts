/**
 * `npm run trace:browser -- [page]`: the page's main-thread tasks while it loads in real Chromium
 * with the built extension (run `npm run build` first), from a performance trace (CDP Tracing):
 * every task over 8 ms, when it started (ms after DOMContentLoaded), how long it took and what took
 * the time in it (evaluating Sift's scripts, compiling them, microtasks of its work, layout…).
 * `page` is a fixture path as the e2e server serves it (default `palmyra/`; `news-front/`,
 * `generated/front-page.html` and `generated/web-app.html` are pages that are no article,
 * `generated/megabyte.html` the 1 MB page). The page is loaded once before the traced load, so that the browser and the extension are
 * warm. Numbers only.
 * Below the table, the task with the most script in it, and how much: on our fixture pages, whose
 * own scripts are a few lines, that script is Sift's (with any layout it forced), while the rest of
 * such a task is the browser's own parsing, style and layout. The `longtask` column of bench:browser
 * cannot tell whose a task is: it counts the page's own first layout when that comes after
 * DOMContentLoaded.
 * `SIFT_EXTENSION=<dir>` traces another build of .output/chrome-mv3 (A/B), as in bench-browser.
 */
import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startFixtureServer } from '../tests/e2e/harness/server';
import { CHROMIUM_PATH } from '../tests/e2e/harness/chromium';
import { generatedPages } from '../tests/fixtures/generated';
import { REPO, isArticleFixture, printTable } from './lib/common';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; data?: { url?: string } };
}

/** Events that run JavaScript: evaluating a script, calling into it, timers, promise continuations. */
const SCRIPT_EVENTS = new Set(['EvaluateScript', 'v8.run', 'v8.evaluateModule', 'v8.callFunction', 'FunctionCall', 'RunMicrotasks', 'TimerFire']);
// Events of the 'toplevel' category that only wrap a task's work; the others name it (a response
// body read on the main thread shows as "SimpleWatcher::OnHandleReady", which no other category sees).
const WRAPPERS = new Set(['ThreadControllerImpl::RunTask', 'Receive mojo message', 'BlinkScheduler_PerformMicrotaskCheckpoint', 'RunTask']);

const rel = process.argv.slice(2).find((a) => !a.startsWith('-')) ?? 'palmyra/';
const extension = process.env.SIFT_EXTENSION ?? path.join(REPO, '.output/chrome-mv3');
const isArticle = isArticleFixture(rel);

async function main() {
  const server = await startFixtureServer(path.join(REPO, 'tests/fixtures'), generatedPages());
  const context = await chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), 'sift-trace-')), {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-first-run', `--disable-extensions-except=${extension}`, `--load-extension=${extension}`],
  });
  if (context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker');
  // Asked from here every 50 ms, not with waitForFunction: that injects Playwright's own script into
  // the page, a task of 25–45 ms in the trace that names no script (as in bench-browser.ts).
  const settle = async (page: import('playwright-core').Page) => {
    for (let waited = 0; isArticle; waited += 50) {
      if (await page.evaluate(() => CSS.highlights.size > 0)) break;
      if (waited > 20_000) throw new Error(`no highlights on ${rel}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await page.waitForTimeout(isArticle ? 500 : 1500);
  };
  const warm = await context.newPage();
  await warm.goto(server.url(rel));
  await settle(warm);
  await warm.close();

  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    events.push(...(e.value as unknown as TraceEvent[]));
  });
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'v8', 'loading'] } });
  await page.goto(server.url(rel));
  await settle(page);
  await cdp.send('Tracing.end');
  await complete;
  await context.close();
  await server.close();

  const threadKey = (e: TraceEvent) => `${e.pid}:${e.tid}`;
  const mainThreads = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map(threadKey));
  // In time order, an enclosing event before those inside it (the trace sends each when it ends).
  const onMain = events.filter((e) => mainThreads.has(threadKey(e))).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const dcl = Math.min(...onMain.filter((e) => e.name === 'MarkDOMContent').map((e) => e.ts));
  const tasks = onMain.filter((e) => e.name === 'RunTask' && e.ph === 'X' && (e.dur ?? 0) > 8000).sort((a, b) => a.ts - b.ts);
  const rows: (string | number)[][] = [['starts (ms after DCL)', 'task ms', 'what took the time (ms)']];
  let mostScript: { task: TraceEvent; ms: number } | null = null;
  for (const t of tasks) {
    const end = t.ts + (t.dur ?? 0);
    const inside = new Map<string, number>();
    // Script in the task: its outermost script events (one inside another counted once), the page's
    // own scripts (an http: URL) left out.
    let scriptMs = 0;
    let coveredUntil = 0;
    for (const e of onMain) {
      if (e === t || e.ph !== 'X' || e.ts < t.ts || e.ts >= end) continue;
      if (SCRIPT_EVENTS.has(e.name) && e.ts >= coveredUntil) {
        coveredUntil = e.ts + (e.dur ?? 0);
        if (!/^https?:/.test(e.args?.data?.url ?? '')) scriptMs += (e.dur ?? 0) / 1000;
      }
      if ((e.dur ?? 0) < 2000 || WRAPPERS.has(e.name)) continue;
      const url = e.args?.data?.url;
      const label = url ? `${e.name} ${url.split('/').pop()}` : e.name;
      inside.set(label, (inside.get(label) ?? 0) + (e.dur ?? 0));
    }
    const top = [...inside].sort((a, b) => b[1] - a[1]).slice(0, 4);
    if (scriptMs > (mostScript?.ms ?? 0)) mostScript = { task: t, ms: scriptMs };
    rows.push([(t.ts - dcl) / 1000, (t.dur ?? 0) / 1000, top.map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`).join(', ') || '—']);
  }
  console.log(`\nChromium, ${rel} with Sift: main-thread tasks over 8 ms (one traced load after a warm-up)\n`);
  printTable(rows);
  const longest = tasks.reduce<TraceEvent | null>((a, t) => ((t.dur ?? 0) > (a?.dur ?? 0) ? t : a), null);
  const at = (t: TraceEvent) => `${((t.dur ?? 0) / 1000).toFixed(1)} ms, ${((t.ts - dcl) / 1000).toFixed(1)} ms after DCL`;
  console.log(
    `\nthe most script in one task (Sift's on our fixtures): ${mostScript ? `${mostScript.ms.toFixed(1)} ms, in a task of ${at(mostScript.task)}` : 'none in a task over 8 ms'}` +
      `\nthe longest task: ${longest ? at(longest) : 'none over 8 ms'}`,
  );
}

await main();

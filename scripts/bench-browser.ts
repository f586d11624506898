/**
 * `npm run bench:browser`: Sift's cost in real Chromium with the built extension (run
 * `npm run build` first). For each page — the founding article (also with the extension's
 * background stopped before each load, as an idle browser has it, and opened from the front page in
 * the same tab), a 10,000-word article, a 1 MB news page, and three pages that are not an article (a
 * small news front, also reached from an article in the same tab, a large section front and a web
 * application's inbox) — it measures, in a browser with Sift and in one without (the baseline),
 * over several loads:
 *   - time from DOMContentLoaded to the first frame that shows highlights (polled from the page
 *     world at every frame: the claims and footnote markers, painted ahead of the actors) and to all
 *     highlights painted (Sift's timeline),
 *   - the longest main-thread task (PerformanceObserver 'longtask') with and without Sift,
 *   - JS heap after garbage collection, with minus without Sift (content scripts share the page's
 *     V8 isolate, so the difference is what Sift keeps alive),
 *   - Sift's own count of its main-thread milliseconds on the page (detection, analysis, painting),
 *     and the renderer's count of main-thread task and script time, with minus without Sift (CDP
 *     Performance metrics: this one also holds compiling and starting Sift's scripts, message
 *     handling and the knowledge base's parse, which Sift's own clock cannot see), and of style
 *     recalculation (a stylesheet of Sift's applies to every element of every page: its cost shows
 *     there, on pages that are no article too),
 *   - whether the knowledge base was loaded (it must not be on a page that is not an article),
 *   - when each of Sift's steps ended (PageState.timeline) and the pipeline's stage timings.
 * Then the same pages in Firefox ESR with .output/firefox-mv3: first and all highlights, Sift's own
 * clock and steps, the knowledge base (Firefox reports no 'longtask' entries and no renderer metrics).
 * Numbers only: nothing here is a pass/fail test.
 *
 *   npm run bench:browser -- --runs 5
 *   npm run bench:browser -- --runs 9 --page news-front    (only the pages whose path holds that)
 *   npm run bench:browser -- --browser firefox             (one browser only: chromium or firefox)
 *   SIFT_EXTENSION=/tmp/before npm run bench:browser          (another build of .output/chrome-mv3, for A/B;
 *   SIFT_EXTENSION_FIREFOX for .output/firefox-mv3)
 */
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { Browser as FirefoxBrowser, Page as FirefoxPage } from 'puppeteer-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startFixtureServer } from '../tests/e2e/harness/server';
import { CHROMIUM_PATH } from '../tests/e2e/harness/chromium';
import { FIREFOX_UUID, startFirefox } from '../tests/e2e/harness/firefox';
import { generatedPages } from '../tests/fixtures/generated';
import { REPO, isArticleFixture, median, printTable } from './lib/common';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1] || 3) || 3;
const extension = process.env.SIFT_EXTENSION ?? path.join(REPO, '.output/chrome-mv3');
const firefoxExtension = path.resolve(process.env.SIFT_EXTENSION_FIREFOX ?? path.join(REPO, '.output/firefox-mv3'));
const browserArg = process.argv.includes('--browser') ? process.argv[process.argv.indexOf('--browser') + 1] : 'both';
if (!['chromium', 'firefox', 'both'].includes(browserArg)) throw new Error(`--browser chromium or firefox, not ${browserArg}`);

const pageFilter = process.argv.includes('--page') ? process.argv[process.argv.indexOf('--page') + 1] : '';
/** A page of the bench: its label, fixture path, and how the tab comes to it. */
interface BenchPage {
  label: string;
  rel: string;
  /** The extension's background is stopped before each load. */
  stopped?: boolean;
  /** A page of the same site that the tab shows first: the page is then a later one of a reading
   *  session, in a renderer process that has run Sift already (the browser keeps a tab's
   *  same-site pages in one process, with the scripts it compiled). */
  after?: string;
}
const ALL_PAGES: BenchPage[] = [
  { label: 'founding article (palmyra)', rel: 'palmyra/' },
  // As most loads find it: the browser stops an idle background (Chrome's service worker after 30 s,
  // Firefox's event page after 30 s). Chromium: stopped through the DevTools protocol before each
  // load; Firefox: a browser of its own that suspends it after 500 idle ms, each load 2.5 s apart.
  { label: 'founding article, background stopped', rel: 'palmyra/', stopped: true },
  // A reader who opens the article from the site's front page, in the same tab.
  { label: 'founding article, after the front page in its tab', rel: 'palmyra/', after: 'news-front/' },
  // DOMContentLoaded long before the load event, as on a news site whose ads and players load late.
  { label: 'founding article, a frame still loading', rel: 'generated/palmyra-slow-frame.html' },
  { label: '10,000-word article', rel: 'generated/long-10000.html' },
  { label: '1 MB news page', rel: 'generated/megabyte.html' },
  { label: 'not an article (news front)', rel: 'news-front/' },
  // Back on the front page after reading an article of the site, in the same tab.
  { label: 'not an article (news front), after an article in its tab', rel: 'news-front/', after: 'palmyra/' },
  // A section front of 150 KB: 240 teasers, menus, lists (tests/fixtures/generated.ts).
  { label: 'not an article (large front page)', rel: 'generated/front-page.html' },
  // A mail client's inbox of 30,000 elements: the largest pages Sift walks are applications'.
  { label: 'not an article (web app)', rel: 'generated/web-app.html' },
];
const PAGES = ALL_PAGES.filter(({ rel }) => rel.includes(pageFilter));

// Runs in the page world before any page script.
const PROBE = `(() => {
  const probe = { dcl: 0, load: 0, painted: 0, longtasks: [] };
  window.__siftProbe = probe;
  window.addEventListener('load', () => { probe.load = performance.now(); });
  // Polled from DOMContentLoaded on (no highlight comes earlier; frames asked for during parsing
  // would lay out a half-loaded page in long tasks of their own).
  document.addEventListener('DOMContentLoaded', () => { probe.dcl = performance.now(); poll(); });
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) probe.longtasks.push(e.duration); })
      .observe({ type: 'longtask', buffered: true });
  } catch {}
  // Checked at every frame: highlights count once a frame can show them (a timer would also wait
  // behind Sift's scheduler.yield continuations, which run ahead of timers).
  const poll = () => {
    if (CSS.highlights && CSS.highlights.size > 0) { probe.painted = performance.now(); return; }
    if (performance.now() < 15000) requestAnimationFrame(poll);
  };
})();`;

async function launch(withExtension: boolean): Promise<BrowserContext> {
  const args = ['--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-precise-memory-info'];
  if (withExtension) args.push(`--disable-extensions-except=${extension}`, `--load-extension=${extension}`);
  return chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), 'sift-bench-')), {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1200, height: 900 },
    args,
  });
}

async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize;
}

const STAGES = ['textmap', 'footnotes', 'sentences', 'claims', 'actors', 'summary', 'total'] as const;

/** The page's own load event, then Sift's steps. */
const MILESTONES = ['load', 'start', 'settings', 'detected', 'analyzer', 'early', 'later', 'kb', 'analysed', 'painted'] as const;

/** What both browsers measure of Sift on a page. */
interface SiftSample {
  dclToPaint: number | null;
  costMs: number | null;
  kbLoaded: boolean | null;
  /** Sift's milestones (PageState.timeline), in ms after DOMContentLoaded. */
  timeline: Record<string, number>;
  /** The pipeline's own stage timings in the page (Analysis.timingsMs: work, not pauses). */
  stages: Record<string, number>;
}

interface Sample extends SiftSample {
  longest: number;
  heap: number;
  /** The renderer's main-thread task and script time for the whole load (CDP Performance metrics). */
  taskMs: number;
  scriptMs: number;
  /** Style recalculation in the whole load: the content script's stylesheet applies to every element of every page. */
  styleMs: number;
}

/** The page's probe (PROBE) when the samples are read. */
interface Probe {
  dcl: number;
  load: number;
  painted: number;
}

/** What the content script answers to `getPageState`, as far as these tables read it. */
interface SiftState {
  costMs?: number;
  kbLoaded?: boolean;
  timeline?: Record<string, number>;
  analysis?: { timingsMs?: Record<string, number> } | null;
}

/** Sift's sample of one load, from the page's probe and the content script's state (null: no extension). */
function siftSample(probe: Probe, state: SiftState | null): SiftSample {
  const timeline = Object.fromEntries(Object.entries(state?.timeline ?? {}).map(([k, v]) => [k, v - probe.dcl]));
  if (state && probe.load > 0) timeline.load = probe.load - probe.dcl;
  return {
    dclToPaint: probe.painted > 0 && probe.dcl > 0 ? probe.painted - probe.dcl : null,
    costMs: state?.costMs ?? null,
    kbLoaded: state?.kbLoaded ?? null,
    timeline,
    stages: state?.analysis?.timingsMs ?? {},
  };
}

const med = (xs: (number | null)[]) => median(xs.filter((x): x is number => x !== null));

/** A page's Sift columns (first and all highlights, Sift's clock, knowledge base) and its rows of steps and stages. */
function siftRows(label: string, a: readonly SiftSample[], article: boolean) {
  return {
    highlights: [article ? med(a.map((s) => s.dclToPaint)) : '—', article ? med(a.map((s) => s.timeline.painted ?? null)) : '—'],
    cost: med(a.map((s) => s.costMs)),
    kb: a.every((s) => s.kbLoaded) ? 'yes' : a.every((s) => s.kbLoaded === false) ? 'no' : 'mixed',
    steps: [label, ...MILESTONES.map((k) => (a.some((s) => k in s.timeline) ? med(a.map((s) => s.timeline[k] ?? null)) : '—'))],
    work: article ? [label, ...STAGES.map((k) => med(a.map((s) => s.stages[k] ?? null)))] : null,
  };
}

/** How long the page a tab shows first (BenchPage.after) is left to Sift before the measured load:
 *  its analysis and painting, on the founding article, end within half a second here. */
const AFTER_SETTLE_MS = 1500;

async function measure(context: BrowserContext, url: string, extensionOrigin: string | null, article: boolean, { stopped, after }: { stopped?: boolean; after?: string } = {}): Promise<Sample> {
  const page = await context.newPage();
  if (stopped && extensionOrigin) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    await page.waitForTimeout(300);
  }
  await page.addInitScript(PROBE);
  // The renderer's own count of main-thread work (tasks and script), whoever caused it: the page,
  // Sift's scripts (compiling them included) or the browser's handling of both.
  // (Counted afresh for each document the tab loads.)
  const metrics = await context.newCDPSession(page);
  await metrics.send('Performance.enable');
  if (after) {
    await page.goto(after, { waitUntil: 'load' });
    await page.waitForTimeout(AFTER_SETTLE_MS);
  }
  await page.goto(url, { waitUntil: 'load' });
  if (article && extensionOrigin) {
    // Asked from here every 50 ms, not with waitForFunction: that injects Playwright's own script
    // into the page (11–18 ms of main thread in traced loads), in the middle of Sift's work.
    for (let waited = 0; ; waited += 50) {
      const painted = await page.evaluate(() => (window as unknown as { __siftProbe: { painted: number } }).__siftProbe.painted);
      if (painted > 0) break;
      if (waited > 20_000) throw new Error(`no highlights on ${url}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  await page.waitForTimeout(article ? 300 : 1500);
  const probe = await page.evaluate(() => (window as unknown as { __siftProbe: Probe & { longtasks: number[] } }).__siftProbe);
  // Read before Sift is asked for its state below: on a page that is not an article, answering the
  // popup loads the analyzer to describe the page's best candidate, which is the popup's cost, not
  // the page load's.
  const { metrics: m } = (await metrics.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const metric = (name: string) => (m.find((x) => x.name === name)?.value ?? 0) * 1000;
  await metrics.detach();
  const heap = await heapAfterGc(page);
  let state: SiftState | null = null;
  if (extensionOrigin) {
    // Ask the content script through the extension's own message format (@webext-core/messaging).
    const ext = await context.newPage();
    await ext.goto(`${extensionOrigin}/popup.html?tabId=-1`);
    await page.bringToFront();
    state = await ext.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number }[]>; sendMessage(id: number, m: object): Promise<unknown> } } }).chrome;
      const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
      return ((await api.tabs.sendMessage(tab.id, { id: 1, type: 'getPageState', data: undefined, timestamp: Date.now() })) as { res?: SiftState })?.res ?? null;
    });
    await ext.close();
  }
  await page.close();
  return {
    ...siftSample(probe, state),
    longest: Math.max(0, ...probe.longtasks),
    heap,
    taskMs: metric('TaskDuration'),
    scriptMs: metric('ScriptDuration'),
    styleMs: metric('RecalcStyleDuration'),
  };
}

async function benchChromium(server: Awaited<ReturnType<typeof startFixtureServer>>) {
  const withSift = await launch(true);
  let [worker] = withSift.serviceWorkers();
  worker ??= await withSift.waitForEvent('serviceworker');
  const extensionOrigin = `chrome-extension://${new URL(worker.url()).host}`;
  const baseline = await launch(false);

  const steps: (string | number)[][] = [['page', ...MILESTONES]];
  const work: (string | number)[][] = [['page', ...STAGES]];
  const rows: (string | number)[][] = [
    ['page', 'DCL→first highlights ms', 'DCL→all highlights ms', 'longest task ms (Sift)', 'longest task ms (no Sift)', 'Sift main-thread ms', 'main-thread task ms added', 'script ms added', 'style ms added', 'heap added MB', 'KB loaded'],
  ];
  for (const { label, rel, stopped, after } of PAGES) {
    const url = server.url(rel);
    const article = isArticleFixture(rel);
    const first = after && server.url(after);
    const a: Sample[] = [];
    const b: Sample[] = [];
    for (let i = 0; i < runs; i++) {
      a.push(await measure(withSift, url, extensionOrigin, article, { stopped, after: first }));
      b.push(await measure(baseline, url, null, article, { after: first }));
    }
    const sift = siftRows(label, a, article);
    rows.push([
      label,
      ...sift.highlights,
      med(a.map((s) => s.longest)),
      med(b.map((s) => s.longest)),
      sift.cost,
      med(a.map((s) => s.taskMs)) - med(b.map((s) => s.taskMs)),
      med(a.map((s) => s.scriptMs)) - med(b.map((s) => s.scriptMs)),
      med(a.map((s) => s.styleMs)) - med(b.map((s) => s.styleMs)),
      (med(a.map((s) => s.heap)) - med(b.map((s) => s.heap))) / 1048576,
      sift.kb,
    ]);
    if (sift.work) work.push(sift.work);
    steps.push(sift.steps);
  }
  console.log(`\nChromium ${withSift.browser()?.version() ?? ''} headless, median of ${runs} loads per page (longest task 0 = none over 50 ms)\n`);
  printTable(rows);
  console.log('\nWhere the time goes: when each of Sift\'s steps ended, ms after DOMContentLoaded (median)\n');
  printTable(steps);
  console.log('\nThe pipeline in the page, stage by stage (ms of work, pauses excluded; median)\n');
  printTable(work);
  await withSift.close();
  await baseline.close();
}

/** Asks the content script of the one web page open in Firefox for its state (from an extension page). */
const FIREFOX_STATE = `(async () => {
  for (const tab of await browser.tabs.query({})) {
    try {
      const answer = await browser.tabs.sendMessage(tab.id, { id: 1, type: 'getPageState', data: undefined, timestamp: Date.now() });
      if (answer && answer.res) return answer.res;
    } catch {}
  }
  return null;
})()`;

/**
 * A closed tab is torn down in the content process the next page loads into: a page opened at once
 * after it waited up to 800 ms more for the analyzer in some loads (Firefox ESR 140). Each load
 * starts this long after the last one closed.
 */
const FIREFOX_GAP_MS = 1000;

/** How long a load waits, in the browser that suspends the background after 500 idle ms, for it to be suspended. */
const FIREFOX_SUSPENDED_GAP_MS = 2500;

async function measureFirefox(browser: FirefoxBrowser, url: string, extensionPage: FirefoxPage, article: boolean, gapMs = FIREFOX_GAP_MS, after?: string): Promise<SiftSample> {
  const page = await browser.newPage();
  await page.evaluateOnNewDocument(PROBE);
  if (after) {
    await page.goto(after, { waitUntil: 'load' });
    await new Promise((resolve) => setTimeout(resolve, AFTER_SETTLE_MS));
  }
  await page.goto(url, { waitUntil: 'load' });
  let probe = (await page.evaluate('window.__siftProbe')) as Probe;
  for (let waited = 0; article && probe.painted === 0; waited += 50) {
    if (waited > 20_000) throw new Error(`no highlights on ${url} in Firefox`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    probe = (await page.evaluate('window.__siftProbe')) as Probe;
  }
  await new Promise((resolve) => setTimeout(resolve, article ? 300 : 1500));
  probe = (await page.evaluate('window.__siftProbe')) as Probe;
  const state = (await extensionPage.evaluate(FIREFOX_STATE)) as SiftState | null;
  await page.close();
  await new Promise((resolve) => setTimeout(resolve, gapMs));
  return siftSample(probe, state);
}

/** Firefox with the built extension, and an extension page to ask the content script from. */
async function firefoxWithExtension(backgroundIdleMs?: number) {
  const browser = await startFirefox(firefoxExtension, { backgroundIdleMs });
  const extensionPage = await browser.newPage();
  // puppeteer's goto() never settles for moz-extension:// pages, though they load (recipe §9.2).
  extensionPage.goto(`moz-extension://${FIREFOX_UUID}/options.html`).catch(() => {});
  await new Promise((resolve) => setTimeout(resolve, 1500));
  return { browser, extensionPage };
}

async function benchFirefox(server: Awaited<ReturnType<typeof startFixtureServer>>) {
  const { browser, extensionPage } = await firefoxWithExtension();
  // The loads that find the background suspended, in a browser of their own (started when needed).
  let suspending: Awaited<ReturnType<typeof firefoxWithExtension>> | null = null;
  const rows: (string | number)[][] = [['page', 'DCL→first highlights ms', 'DCL→all highlights ms', 'Sift main-thread ms', 'KB loaded']];
  const steps: (string | number)[][] = [['page', ...MILESTONES]];
  const work: (string | number)[][] = [['page', ...STAGES]];
  for (const { label, rel, stopped, after } of PAGES) {
    const url = server.url(rel);
    const first = after && server.url(after);
    const article = isArticleFixture(rel);
    if (stopped) suspending ??= await firefoxWithExtension(500);
    const on = stopped ? suspending! : { browser, extensionPage };
    const gap = stopped ? FIREFOX_SUSPENDED_GAP_MS : FIREFOX_GAP_MS;
    // One load first: the browser and the extension warm, as in a session of reading.
    await measureFirefox(on.browser, url, on.extensionPage, article, gap, first);
    const a: SiftSample[] = [];
    for (let i = 0; i < runs; i++) a.push(await measureFirefox(on.browser, url, on.extensionPage, article, gap, first));
    const sift = siftRows(label, a, article);
    rows.push([label, ...sift.highlights, sift.cost, sift.kb]);
    if (sift.work) work.push(sift.work);
    steps.push(sift.steps);
  }
  console.log(`\nFirefox ${await browser.version()} headless, median of ${runs} loads per page\n`);
  printTable(rows);
  console.log("\nWhere the time goes in Firefox: when each of Sift's steps ended, ms after DOMContentLoaded (median)\n");
  printTable(steps);
  console.log('\nThe pipeline in the page in Firefox, stage by stage (ms of work, pauses excluded; median)\n');
  printTable(work);
  await browser.close();
  await suspending?.browser.close();
}

async function main() {
  const server = await startFixtureServer(path.join(REPO, 'tests/fixtures'), generatedPages());
  try {
    if (browserArg !== 'firefox') await benchChromium(server);
    if (browserArg !== 'chromium') await benchFirefox(server);
  } finally {
    await server.close();
  }
}

await main();

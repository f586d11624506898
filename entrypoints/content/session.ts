import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { detectArticleSteps, type ArticleDetection } from '@/lib/article/detect';
import { declaredKind } from '@/lib/article/metadata';
import { decideLanguage, isAnalysedLanguage, primaryLanguage, sampleText } from '@/lib/text/language';
import { askBackgrounds, listen, overviewOf, sendMessage, type JumpTarget, type PageState, type StepResult, type TimelineStep } from '@/lib/messaging';
import { getSettings, isSiteDisabled, watchSettings, DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { runInSlices, yieldToPage } from '@/lib/steps';
import type { LaterStages } from '@/lib/pipeline';
import type { Analysis } from '@/lib/schema';
import { ANALYZER_GLOBAL, CARDS_GLOBAL, LATER_GLOBAL, type Analyzer, type AnalyzerScript, type CardsScript, type CreateAnalyzer, type LaterScript } from '../analyzer/api';

/**
 * One page's life, as the content script sees it: it reads the settings, decides whether the page
 * is an article, answers the popup, and on an article imports the analyzer
 * (entrypoints/analyzer), which analyses, paints and shows cards. A page that is not an article
 * costs one detection: no analyzer, no knowledge base.
 */
export class PageSession {
  private state: PageState = { status: 'analyzing', analysis: null, highlightsOn: true, painted: 0, hostname: location.hostname };
  private settings: Settings = DEFAULT_SETTINGS;
  private run = 0;
  private readonly cleanups: (() => void)[] = [];
  /** Detection of a page that is not an article: its candidate is described only if the popup asks. */
  private notArticle: ArticleDetection | null = null;
  /** Main-thread time spent on this page (detection here, analysis and painting in the analyzer). */
  private busyMs = 0;
  private analyzer: Analyzer | null = null;
  private analyzerLoad: Promise<Analyzer> | null = null;
  /** The analysis whose actors carry their backgrounds (`fillBackgrounds`). */
  private backgroundsIn: Analysis | null = null;
  private laterLoad: Promise<LaterScript> | null = null;
  /** Whether an analysis (which loads the knowledge base) ran here; describing a candidate does not. */
  private kbLoaded = false;
  /** When each step of the last run ended (PageState.timeline). */
  private timeline: Partial<Record<TimelineStep, number>> = {};

  constructor(private readonly ctx: ContentScriptContext) {}

  start(): void {
    this.cleanups.push(
      listen('getPageOverview', async () => overviewOf(await this.describe())),
      listen('getPageState', () => this.describe()),
      listen('analyzeAnyway', () => this.analyze(true)),
      listen('setTabHighlights', (on) => this.setHighlights(on)),
      listen('toggleHighlights', () => this.setHighlights(!this.state.highlightsOn)),
      listen('jumpTo', (target) => this.jumpTo(target)),
      listen('stepHighlight', ({ direction }) => this.step(direction === 'next' ? 1 : -1)),
      watchSettings((s) => this.applySettings(s)),
    );
    void this.analyze(false, true);
  }

  /**
   * SPA navigation: forget the old page and analyse the new one once it is on screen. The address
   * changes before the app renders the new page (at once, or after fetching it): wait until the
   * document has been quiet for a moment.
   */
  restart(): void {
    const run = ++this.run;
    this.analyzer?.clear();
    this.notArticle = null;
    this.set({ status: 'analyzing', analysis: null, highlightsOn: this.state.highlightsOn, painted: 0 });
    void domSettled(document, this.ctx.signal).then(() => {
      if (run === this.run && !this.ctx.isInvalid) void this.analyze(false);
    });
  }

  teardown(): void {
    this.run++;
    this.analyzer?.clear();
    for (const c of this.cleanups.splice(0)) {
      try {
        c();
      } catch {
        // The extension context is gone; nothing left to remove.
      }
    }
  }

  private set(state: Omit<PageState, 'hostname'>): PageState {
    this.state = { ...state, hostname: location.hostname };
    return this.state;
  }

  /**
   * The analyzer, imported the first time an article needs it (once: callers share the import under
   * way; after a failure the next call tries again).
   */
  private loadAnalyzer(): Promise<Analyzer> {
    this.analyzerLoad ??= this.importAnalyzer().catch((e: unknown) => {
      this.analyzerLoad = null;
      throw e;
    });
    return this.analyzerLoad;
  }

  private async importAnalyzer(): Promise<Analyzer> {
    const [create] = await importScripts([['/analyzer.js', ANALYZER_GLOBAL]], 'the analyzer');
    this.analyzer = (create as CreateAnalyzer)();
    return this.analyzer;
  }

  /**
   * The analyzer's later scripts (the actors and summary stages; the cards), imported when it first
   * asks (shared and tried again after a failure, as `loadAnalyzer`).
   */
  private loadLater = (): Promise<LaterScript> => {
    this.laterLoad ??= this.importLater().catch((e: unknown) => {
      this.laterLoad = null;
      throw e;
    });
    return this.laterLoad;
  };

  private async importLater(): Promise<LaterScript> {
    const [stages, cards] = await importScripts(
      [
        ['/later.js', LATER_GLOBAL],
        ['/cards.js', CARDS_GLOBAL],
      ],
      'the later stages',
    );
    this.timeline.later = performance.now();
    return { ...(stages as LaterStages), ...(cards as CardsScript) };
  }

  /** Detection of the page as it is now, in short tasks (a large page takes tens of ms), its work counted. */
  private async detect(): Promise<ArticleDetection> {
    const { value, workMs } = await runInSlices(detectArticleSteps(document, { url: location.href }));
    this.busyMs += workMs;
    this.timeline.detected = performance.now();
    return value;
  }

  /** `firstLook`: the run that starts with the content script, while the page may still be loading. */
  private async analyze(force: boolean, firstLook = false): Promise<PageState> {
    const run = ++this.run;
    const stillWanted = () => run === this.run && !this.ctx.isInvalid;
    this.timeline = { start: performance.now() };
    // The settings come from the extension's storage (a round trip): detect while they travel, in a
    // task of its own (loading the content script was one already).
    const settings = getSettings().catch(() => DEFAULT_SETTINGS);
    this.busyMs = 0;
    // A page that says it is an article (og:type), in a language Sift analyses or in none: the
    // analyzer is imported at once, while the page is detected and the settings travel. Of the 142
    // corpus and fixture pages that say so, all are articles (`npm run eval:article`, table (d)); a
    // page that says so wrongly pays for the analyzer's loading, never for an analysis. So does an
    // article on a site the reader switched off (nothing is analysed or painted there, below), as
    // it pays for detection already. Waiting for the settings first put the storage's round trip,
    // slow while the browser loads the page, before the import: the founding article's first
    // highlights came 8.7, 2.9 and 11.2 ms later (paired medians of 24, 20 and 20 interleaved
    // loads in Chromium; earlier in 40 of the 64 pairs with the import at once; throwaway
    // .tmp/ab.mts).
    if (!force) {
      const t0 = performance.now();
      const declared = declaredKind(document);
      this.busyMs += performance.now() - t0;
      if (declared.article && isAnalysedLanguage(declared.lang)) this.loadAnalyzer().catch(() => {});
    }
    await yieldToPage();
    if (!stillWanted()) return this.state;
    let detection: ArticleDetection;
    try {
      detection = await this.detect();
      if (!stillWanted()) return this.state;
      // The content script runs as soon as the document is parsed (document_end), so that an
      // article's highlights come early. A page that its scripts build after that is looked at again
      // when it has loaded (at most LOAD_WAIT_MS later), if it has grown meanwhile.
      if (firstLook && !force && !detection.isArticle && document.readyState !== 'complete') {
        const before = elementCount();
        await loadedOrAfter(LOAD_WAIT_MS, this.ctx.signal);
        if (!stillWanted()) return this.state;
        if (elementCount() > before * GROWN) detection = await this.detect();
        if (!stillWanted()) return this.state;
      }
    } catch (e) {
      return this.set({ status: 'error', analysis: null, highlightsOn: false, painted: 0, error: (e as Error).message });
    }
    this.settings = await settings;
    this.timeline.settings = performance.now();
    if (!stillWanted()) return this.state;
    if (!force && isSiteDisabled(this.settings, location.hostname)) return this.set({ status: 'site-disabled', analysis: null, highlightsOn: false, painted: 0 });
    this.set({ status: 'analyzing', analysis: null, highlightsOn: this.settings.enabled || force, painted: 0 });
    try {
      if (!force && !detection.isArticle) {
        this.notArticle = detection;
        return this.withCost(this.set({ status: 'not-article', analysis: null, highlightsOn: false, painted: 0 }));
      }
      // An article the page declares in a language Sift analyses, or in none: the analyzer travels
      // while the text's language is checked (the check decides what the analyzer does, so it is
      // not loaded for pages that declare another language).
      const loading = force || isAnalysedLanguage(primaryLanguage(detection.meta.lang)) ? this.loadAnalyzer() : null;
      // Awaited below, or not needed after all: a failure is reported there, or nowhere.
      loading?.catch(() => {});
      // An article in a language the analysis is not built for: paint nothing (its names and numbers
      // would be mostly nonsense) and let the popup say so, with "Analyse anyway". A bounded sample.
      let decided: string | null | undefined;
      if (!force && detection.root) {
        const t1 = performance.now();
        const { lang, declared } = decideLanguage(detection.meta.lang, sampleText(detection.root, detection.skip));
        this.busyMs += performance.now() - t1;
        decided = lang;
        if (!isAnalysedLanguage(lang)) {
          const language = { lang: lang!, declared, title: detection.meta.title || null, siteName: detection.meta.siteName };
          return this.withCost(this.set({ status: 'other-language', analysis: null, highlightsOn: false, painted: 0, language }));
        }
      }
      this.kbLoaded = true;
      const analyzer = await (loading ?? this.loadAnalyzer());
      this.timeline.analyzer = performance.now();
      if (!stillWanted()) return this.state;
      const paintEarly = this.state.highlightsOn ? this.settings : null;
      const outcome = await analyzer.analyze({ force, detection, stillWanted, loadLater: this.loadLater, lang: decided, paintEarly });
      if (!outcome || !stillWanted()) return this.state;
      this.busyMs += outcome.busyMs;
      this.timeline.kb = outcome.kbAt;
      if (outcome.earlyAt !== undefined) this.timeline.early = outcome.earlyAt;
      this.timeline.analysed = performance.now();
      this.set({ status: 'ready', analysis: outcome.analysis, highlightsOn: this.state.highlightsOn, painted: 0 });
      this.repaint();
      this.timeline.painted = performance.now();
      void this.fillBackgrounds(outcome.analysis);
    } catch (e) {
      this.set({ status: 'error', analysis: null, highlightsOn: false, painted: 0, error: (e as Error).message });
    }
    return this.withCost(this.state);
  }

  /**
   * The actors' backgrounds, asked from the background once the page is analysed and kept in the
   * analysis (`Actor.background`): the popup, opened now or in an hour, shows them with the page's
   * answer and need not wake a background the browser has stopped meanwhile (Chrome stops an idle
   * service worker after 30 s; starting it and reading the details took the popup's backgrounds
   * from 190 to 690 ms). Tried once; without them the popup asks itself.
   */
  private async fillBackgrounds(analysis: Analysis): Promise<void> {
    if (analysis.actors.length === 0) return;
    // From a task of its own: the answer is not the first highlights' business.
    await yieldToPage();
    const lookup = await askBackgrounds(analysis.actors.map((a) => a.id)).catch(() => null);
    if (!lookup || this.state.analysis !== analysis || this.ctx.isInvalid) return;
    for (const actor of analysis.actors) actor.background = lookup(actor.id);
    this.backgroundsIn = analysis;
  }

  private withCost(state: PageState): PageState {
    const timeline = Object.fromEntries(Object.entries(this.timeline).map(([k, v]) => [k, Math.round(v * 10) / 10]));
    const backgroundsIn = state.analysis !== null && state.analysis === this.backgroundsIn;
    return { ...state, costMs: Math.round(this.busyMs * 100) / 100, kbLoaded: this.kbLoaded, timeline, backgroundsIn };
  }

  /** The state for the popup; for a page that is not an article, what its best candidate holds. */
  private async describe(): Promise<PageState> {
    if (this.state.status === 'not-article' && !this.state.analysis && this.notArticle) {
      const analyzer = await this.loadAnalyzer();
      this.state = { ...this.state, analysis: analyzer.describe(this.notArticle) };
    }
    return this.withCost(this.state);
  }

  private repaint(): void {
    if (!this.analyzer || this.state.status !== 'ready') return;
    const t0 = performance.now();
    const { painted, actorsShown } = this.analyzer.paint(this.state.highlightsOn, this.settings);
    this.busyMs += performance.now() - t0;
    this.state = { ...this.state, painted };
    sendMessage('highlightCount', actorsShown).catch(() => {
      // The background may be asleep or the extension reloading: the badge is not essential.
    });
  }

  private setHighlights(on: boolean): PageState {
    this.state = { ...this.state, highlightsOn: on };
    this.repaint();
    return this.withCost(this.state);
  }

  private applySettings(s: Settings): void {
    const wasEnabled = this.settings.enabled;
    this.settings = s;
    if (isSiteDisabled(s, location.hostname)) {
      this.analyzer?.clear();
      this.set({ status: 'site-disabled', analysis: null, highlightsOn: false, painted: 0 });
      sendMessage('highlightCount', 0).catch(() => {});
      return;
    }
    if (this.state.status === 'site-disabled') {
      void this.analyze(false);
      return;
    }
    if (wasEnabled !== s.enabled) this.state = { ...this.state, highlightsOn: s.enabled };
    this.repaint();
  }

  /** The keyboard command: the next/previous highlight, scrolled into view with its card. */
  private step(direction: 1 | -1): StepResult | null {
    if (this.state.status !== 'ready' || !this.state.highlightsOn) return null;
    return this.analyzer?.step(direction) ?? null;
  }

  private jumpTo(target: JumpTarget): boolean {
    return this.state.status === 'ready' ? (this.analyzer?.jumpTo(target) ?? false) : false;
  }
}

/** How long a page that is not an article yet may take to load before it is looked at again. */
const LOAD_WAIT_MS = 200;
/** A page looked at again is detected again only if it has this many times the elements it had. */
const GROWN = 1.25;

function elementCount(): number {
  return document.getElementsByTagName('*').length;
}

/** Resolves at the window's load event, after `ms`, or when `signal` aborts, whichever comes first. */
function loadedOrAfter(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      window.removeEventListener('load', done);
      window.clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    window.addEventListener('load', done);
    const timer = window.setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });
}

/**
 * Resolves once the document has had no mutation for QUIET_MS (or after SETTLE_MAX_MS, or when
 * `signal` aborts): an app that renders its next page after the address changed is done.
 */
const QUIET_MS = 150;
const SETTLE_MAX_MS = 2000;
function domSettled(doc: Document, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    let quiet = 0;
    const done = () => {
      observer.disconnect();
      window.clearTimeout(quiet);
      window.clearTimeout(cap);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const observer = new MutationObserver(() => {
      window.clearTimeout(quiet);
      quiet = window.setTimeout(done, QUIET_MS);
    });
    observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
    quiet = window.setTimeout(done, QUIET_MS);
    const cap = window.setTimeout(done, SETTLE_MAX_MS);
    signal.addEventListener('abort', done);
  });
}

/**
 * Some of the analyzer's scripts, imported into this isolated world (web-accessible files of the
 * package, wxt.config.ts) unless it already holds them, each registering its value under its name.
 * The content script loads them itself: no round trip through the background, which would first
 * have to wake up when the browser has stopped it (Chrome stops an idle service worker after 30 s).
 * The scripts' values, in order.
 */
async function importScripts(scripts: readonly (readonly [file: AnalyzerScript, name: string])[], what: string): Promise<unknown[]> {
  const global = globalThis as unknown as Record<string, unknown>;
  const missing = scripts.filter(([, name]) => !global[name]);
  if (missing.length > 0) {
    try {
      // Each script is a classic script's code (the bundler's IIFE), evaluated as a module: it runs
      // in this world and registers itself on its global object.
      await Promise.all(missing.map(([file]) => import(/* @vite-ignore */ browser.runtime.getURL(file))));
    } catch (e) {
      throw new Error(`${what} could not be loaded into this page (${(e as Error).message})`);
    }
    if (missing.some(([, name]) => !global[name])) throw new Error(`${what} could not be loaded into this page`);
    // Go on in a task of its own, so that the work waiting for the scripts does not lengthen the
    // task that compiled and ran the last one.
    await yieldToPage();
  }
  return scripts.map(([, name]) => global[name]);
}

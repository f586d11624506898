import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { analysisSteps } from '@/lib/analysis';
import { detectArticle, type ArticleDetection } from '@/lib/article/detect';
import { loadDetails, loadKnowledgeBase, type FetchJson } from '@/lib/kb/load';
import { HighlightPainter, paintSpans, type PaintSpan } from '@/lib/paint/painter';
import { detectPageScheme, type PageScheme } from '@/lib/paint/palette';
import { listen, sendMessage, type JumpTarget, type PageState, type StepResult } from '@/lib/messaging';
import { getSettings, isSiteDisabled, watchSettings, DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { CardController } from './cards';

/** Give the main thread back between pipeline stages so the page never janks. */
function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

const fetchPackaged: FetchJson = async (path) => {
  const res = await fetch(browser.runtime.getURL(`/${path}`));
  if (!res.ok) throw new Error(`cannot load ${path}: ${res.status}`);
  return res.json();
};

/** One page's life: analyse, paint, answer the popup, and clean up. */
export class PageSession {
  private state: PageState = { status: 'analyzing', analysis: null, highlightsOn: true, painted: 0, hostname: location.hostname };
  private painter: HighlightPainter | null = null;
  private spans: PaintSpan[] = [];
  private settings: Settings = DEFAULT_SETTINGS;
  private run = 0;
  private readonly cleanups: (() => void)[] = [];
  private jumpCursor = new Map<string, number>();
  /** Detection of a page that is not an article: its candidate is described only if the popup asks. */
  private notArticle: ArticleDetection | null = null;
  /** Main-thread time spent analysing and painting this page. */
  private busyMs = 0;
  private kbLoaded = false;
  /** The article root and its background's scheme, from the last analysis. */
  private root: Element | null = null;
  private scheme: PageScheme = 'light';
  /** Hover/focus/keyboard cards; their descriptions are fetched only when a card first needs one. */
  private readonly cards = new CardController(document, () => loadDetails(fetchPackaged));

  constructor(private readonly ctx: ContentScriptContext) {}

  start(): void {
    this.cleanups.push(
      listen('getPageState', () => this.describe()),
      listen('analyzeAnyway', () => this.analyze(true)),
      listen('setTabHighlights', (on) => this.setHighlights(on)),
      listen('toggleHighlights', () => this.setHighlights(!this.state.highlightsOn)),
      listen('jumpTo', (target) => this.jumpTo(target)),
      listen('stepHighlight', ({ direction }) => this.step(direction === 'next' ? 1 : -1)),
      watchSettings((s) => this.applySettings(s)),
    );
    void this.analyze(false);
  }

  /** SPA navigation: forget the old page and analyse the new one. */
  restart(): void {
    this.cards.detach();
    this.painter?.clear();
    this.painter = null;
    this.notArticle = null;
    this.jumpCursor.clear();
    void this.analyze(false);
  }

  teardown(): void {
    this.run++;
    this.cards.detach();
    this.painter?.clear();
    this.painter = null;
    for (const c of this.cleanups.splice(0)) {
      try {
        c();
      } catch {
        // The extension context is gone; nothing left to remove.
      }
    }
  }

  private async analyze(force: boolean): Promise<PageState> {
    const run = ++this.run;
    this.settings = await getSettings().catch(() => DEFAULT_SETTINGS);
    if (run !== this.run || this.ctx.isInvalid) return this.state;
    if (!force && isSiteDisabled(this.settings, location.hostname)) {
      this.state = { status: 'site-disabled', analysis: null, highlightsOn: false, painted: 0, hostname: location.hostname };
      return this.state;
    }
    this.state = { ...this.state, status: 'analyzing', analysis: null, highlightsOn: this.settings.enabled || force };
    this.busyMs = 0;
    try {
      // Cheap first decision: a page that is not an article costs one detection and nothing more
      // (no knowledge base loaded).
      const detection = this.timed(() => detectArticle(document, { url: location.href }));
      if (!force && !detection.isArticle) {
        this.notArticle = detection;
        this.state = { status: 'not-article', analysis: null, highlightsOn: false, painted: 0, hostname: location.hostname };
        return this.describeCost();
      }
      const kb = await loadKnowledgeBase(fetchPackaged);
      this.kbLoaded = true;
      if (run !== this.run || this.ctx.isInvalid) return this.state;
      const steps = analysisSteps(document, { kb, force, detection, url: location.href, source: location.href });
      let r = this.timed(() => steps.next());
      while (!r.done) {
        await yieldToPage();
        if (run !== this.run || this.ctx.isInvalid) return this.state;
        r = this.timed(() => steps.next());
      }
      const { analysis, map, detection: found } = r.value;
      this.spans = paintSpans(analysis);
      this.root = found?.root ?? null;
      // Once per analysis: a dark article background gets the dark-page palette.
      this.scheme = this.root ? this.timed(() => detectPageScheme(this.root!)) : 'light';
      this.painter = map ? new HighlightPainter(document, map, { scheme: this.scheme }) : null;
      this.state = { status: 'ready', analysis, highlightsOn: this.state.highlightsOn, painted: 0, hostname: location.hostname };
      this.timed(() => this.repaint());
    } catch (e) {
      this.state = { status: 'error', analysis: null, highlightsOn: false, painted: 0, hostname: location.hostname, error: (e as Error).message };
    }
    return this.describeCost();
  }

  /** Run synchronous work and count its main-thread time (reported to the popup and benchmarks). */
  private timed<T>(work: () => T): T {
    const t0 = performance.now();
    try {
      return work();
    } finally {
      this.busyMs += performance.now() - t0;
    }
  }

  private describeCost(): PageState {
    this.state = { ...this.state, costMs: Math.round(this.busyMs * 100) / 100, kbLoaded: this.kbLoaded };
    return this.state;
  }

  /** The state for the popup; for a page that is not an article, what its best candidate holds. */
  private describe(): PageState {
    if (this.state.status === 'not-article' && !this.state.analysis && this.notArticle) {
      const steps = analysisSteps(document, { detection: this.notArticle, url: location.href, source: location.href });
      let r = steps.next();
      while (!r.done) r = steps.next();
      this.state = { ...this.state, analysis: r.value.analysis };
    }
    return { ...this.state, costMs: Math.round(this.busyMs * 100) / 100, kbLoaded: this.kbLoaded };
  }

  private repaint(): void {
    if (!this.painter || this.state.status !== 'ready') return;
    const painted = this.state.highlightsOn ? this.painter.paint(this.spans, this.settings.categories) : (this.painter.clear(), 0);
    this.state = { ...this.state, painted };
    if (painted > 0 && this.state.analysis) {
      this.cards.attach({ analysis: this.state.analysis, painter: this.painter, scheme: this.scheme, enabled: this.settings.categories, root: this.root });
    } else this.cards.detach();
    const actors = this.state.highlightsOn ? (this.state.analysis?.actors.filter((a) => this.settings.categories[a.type]).length ?? 0) : 0;
    sendMessage('highlightCount', actors).catch(() => {
      // The background may be asleep or the extension reloading: the badge is not essential.
    });
  }

  private setHighlights(on: boolean): PageState {
    this.state = { ...this.state, highlightsOn: on };
    this.repaint();
    return this.state;
  }

  private applySettings(s: Settings): void {
    const wasEnabled = this.settings.enabled;
    this.settings = s;
    if (isSiteDisabled(s, location.hostname)) {
      this.cards.detach();
      this.painter?.clear();
      this.state = { status: 'site-disabled', analysis: null, highlightsOn: false, painted: 0, hostname: location.hostname };
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
    return this.cards.step(direction);
  }

  private jumpTo(target: JumpTarget): boolean {
    const a = this.state.analysis;
    if (!a || !this.painter) return false;
    let span: { start: number; end: number } | undefined;
    const next = (key: string, n: number) => {
      const i = target.occurrence ?? this.jumpCursor.get(key) ?? 0;
      this.jumpCursor.set(key, (i + 1) % Math.max(n, 1));
      return i % Math.max(n, 1);
    };
    if (target.kind === 'actor') {
      const actor = a.actors[target.index];
      if (actor) span = actor.mentions[next(`a${target.index}`, actor.mentions.length)];
    } else if (target.kind === 'claim') span = a.claims[target.index];
    else if (target.kind === 'summary') span = a.summary[target.index];
    else {
      const f = a.footnotes[target.index];
      if (f) span = f.citations[next(`f${target.index}`, f.citations.length)];
    }
    return span ? this.painter.reveal(span.start, span.end) : false;
  }
}

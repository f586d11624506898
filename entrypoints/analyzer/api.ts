import type { ArticleDetection } from '@/lib/article/detect';
import type { JumpTarget, StepResult } from '@/lib/messaging';
import type { LaterStages } from '@/lib/pipeline';
import type { CardController } from './cards';
import type { Analysis } from '@/lib/schema';
import type { Settings } from '@/lib/settings';

/**
 * The contract between the two halves of Sift's page code, which share the content script's
 * isolated world:
 * - the content script (entrypoints/content), small and loaded on every page, reads the settings,
 *   decides whether the page is an article and answers the popup;
 * - the analyzer (this folder), loaded only on article pages (or "Analyse anyway") — the content
 *   script imports it from the package — runs the pipeline with the knowledge base, paints, and
 *   shows the cards.
 * The analyzer registers `create` under ANALYZER_GLOBAL on the isolated world's global object,
 * where the content script takes it once the import is done.
 *
 * The analyzer's own bundle stops at the claims and their paint. The actors and summary stages
 * (entrypoints/later) and the cards (entrypoints/cards) are imported the same way once the claims
 * are painted, under LATER_GLOBAL and CARDS_GLOBAL: the page evaluates each script in a task of its
 * own, and the first highlights' code sooner. (The cards are attached only with the full analysis:
 * their code, Preact with it, need not delay the first highlights. In one script with the later
 * stages, the task that evaluated both took 48–61 ms on the 10,000-word article,
 * `npm run trace:browser -- generated/long-10000.html`.)
 */
/** The analyzer's scripts in the package, which the content script imports (web-accessible: wxt.config.ts). */
export const ANALYZER_SCRIPTS = ['analyzer.js', 'later.js', 'cards.js'] as const;
export type AnalyzerScript = `/${(typeof ANALYZER_SCRIPTS)[number]}`;
export const ANALYZER_GLOBAL = '__siftAnalyzer';
/**
 * The content script's `browser` (webextension-polyfill's), which the analyzer's and the later
 * stages' bundles take instead of a copy of the polyfill of their own (see wxt.config.ts).
 */
export const BROWSER_GLOBAL = '__siftBrowser';
/**
 * The analyzer's `bmp` (lib/text/bmp-classes.ts), which the later stages' bundle takes instead of
 * a copy of its own (see wxt.config.ts): the Unicode tables once, and the expressions both use
 * compiled once.
 */
export const BMP_GLOBAL = '__siftBmp';
/**
 * The content script's `decideLanguage` and `sampleText` (lib/text/language.ts), which the
 * analyzer's bundle takes instead of a copy of its own (see wxt.config.ts).
 */
export const LANGUAGE_GLOBAL = '__siftLanguage';
export const LATER_GLOBAL = '__siftLaterStages';
export const CARDS_GLOBAL = '__siftCards';

export interface AnalyzerOutcome {
  analysis: Analysis;
  /** Main-thread milliseconds the analysis and first paint took. */
  busyMs: number;
  /** When the knowledge base was ready (`performance.now()`). */
  kbAt: number;
  /** When the claims and footnote markers were painted, ahead of the actors (if they were). */
  earlyAt?: number;
}

export interface PaintOutcome {
  painted: number;
  /** Actors whose category is shown (the toolbar badge). */
  actorsShown: number;
}

export interface Analyzer {
  /**
   * Analyse the page and paint it. `detection` is the content script's (the analyser does not detect);
   * `stillWanted` is asked between stages: when it answers false the work stops (SPA navigation,
   * a newer run, the extension reloaded) and null is returned.
   */
  analyze(options: {
    force: boolean;
    detection: ArticleDetection;
    stillWanted: () => boolean;
    /** The actors and summary stages and the cards, imported when asked for (after the claims). */
    loadLater: () => Promise<LaterScript>;
    /** The article's language, when the content script decided it (undefined: the pipeline decides). */
    lang?: string | null;
    /**
     * Paint the claims and footnote markers with these settings as soon as they are found, ahead of
     * the actors (null: paint nothing until `paint`). The full analysis is painted by `paint`.
     */
    paintEarly: Settings | null;
  }): Promise<AnalyzerOutcome | null>;
  /** What a page that is not an article holds (its best candidate, nothing acted on), for the popup. */
  describe(detection: ArticleDetection): Analysis;
  /** Paint (or clear) the highlights with these settings. */
  paint(highlightsOn: boolean, settings: Settings): PaintOutcome;
  jumpTo(target: JumpTarget): boolean;
  step(direction: 1 | -1): StepResult | null;
  /** Remove every highlight and card; the page is as it was. */
  clear(): void;
}

export type CreateAnalyzer = () => Analyzer;

/** What the cards script registers. */
export interface CardsScript {
  /** The hover/focus/keyboard cards of this page (descriptions loaded when a card first needs one). */
  createCards(doc: Document): CardController;
}

/** What the later scripts give the analyzer: the pipeline's later stages, and the cards of the page. */
export type LaterScript = LaterStages & CardsScript;

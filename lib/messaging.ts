import { browser } from 'wxt/browser';
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Actor, ActorBackground, Analysis, ArticleInfo, SummarySentence } from './schema';
import { markersOf, type MarkerAt } from './footnotes/inline';
import type { BackgroundLookup } from './kb/load';

/**
 * The one message protocol between Sift's contexts. Directions:
 *   popup → content      getPageOverview, getPageState, analyzeAnyway, setTabHighlights, jumpTo
 *   background → content toggleHighlights, stepHighlight (keyboard commands)
 *   content → background highlightCount (toolbar badge)
 *   popup, content → background  getBackgrounds (the knowledge base's details, for the actor list
 *                        and the hover cards)
 * Every listener goes through `listen`, which accepts messages only from this extension and
 * checks the payload against a schema: a page cannot command Sift.
 */

export type PageStatus = 'analyzing' | 'ready' | 'not-article' | 'other-language' | 'site-disabled' | 'error';

/** The article's language as the content script decided it (lib/text/language.ts). */
export interface PageLanguage {
  /** Primary subtag ("fr"). */
  lang: string;
  /** What the page declares, or null. */
  declared: string | null;
  /** The article's title, for the popup's header (the analyzer is not loaded on such a page). */
  title: string | null;
  siteName: string | null;
}

/**
 * `early`: the claims and footnote markers painted, ahead of the actors; `later`: the actors' and
 * summary's code imported; `painted`: everything.
 */
export type TimelineStep = 'start' | 'settings' | 'detected' | 'analyzer' | 'early' | 'later' | 'kb' | 'analysed' | 'painted';

export interface PageState {
  status: PageStatus;
  /** The page's analysis; for 'not-article' the best candidate with nothing acted on. */
  analysis: Analysis | null;
  /** Highlights shown in this tab (the shortcut and the popup switch toggle it). */
  highlightsOn: boolean;
  /** Number of highlighted ranges painted. */
  painted: number;
  /** The page's host name (the popup cannot read tab URLs without the "tabs" permission). */
  hostname: string;
  /** Main-thread milliseconds Sift spent on this page (detection, analysis, painting). */
  costMs?: number;
  /** Whether the knowledge base was loaded (never on pages that are not articles). */
  kbLoaded?: boolean;
  /**
   * When each step of this page's last run ended, in `performance.now()` milliseconds of the page
   * (start, settings, detected, analyzer, early, kb, analysed, painted): `npm run bench:browser` reads it.
   */
  timeline?: Partial<Record<TimelineStep, number>>;
  /** For 'other-language': an article in a language the analysis is not built for. */
  language?: PageLanguage;
  /**
   * The analysis's actors carry their knowledge-base backgrounds (`Actor.background`, null: none):
   * the page asked the background for them once analysed, and the popup need not ask.
   */
  backgroundsIn?: boolean;
  error?: string;
}

/**
 * What the popup's first screen shows of an analysis: the article's metadata, the summary, the
 * actors, and how many claims and footnotes there are. The popup asks for it first and for the whole
 * state next: a message costs by its size (the browser serialises it out of the page and into the
 * popup), and on a long article the claims, the footnotes and the text are most of the analysis.
 */
export interface AnalysisOverview {
  /** The article's metadata, without its text. */
  article: Omit<ArticleInfo, 'text'> | null;
  actors: Actor[];
  summary: SummarySentence[];
  claimCount: number;
  footnoteCount: number;
  /** The footnote markers in the article text, in order (the summary's sentences show them). */
  markers: MarkerAt[];
}

export interface PageOverview extends Omit<PageState, 'analysis'> {
  analysis: AnalysisOverview | null;
}

/** The first screen's share of a page state (the page answers `getPageOverview` with it). */
export function overviewOf(state: PageState): PageOverview {
  const a = state.analysis;
  if (!a) return { ...state, analysis: null };
  let article: AnalysisOverview['article'] = null;
  if (a.article) {
    const { text: _text, ...meta } = a.article;
    article = meta;
  }
  return {
    ...state,
    analysis: { article, actors: a.actors, summary: a.summary, claimCount: a.claims.length, footnoteCount: a.footnotes.length, markers: markersOf(a.footnotes) },
  };
}

const JUMP_KINDS = ['actor', 'claim', 'footnote', 'summary'] as const;

export interface JumpTarget {
  kind: (typeof JUMP_KINDS)[number];
  /** Index in the Analysis list of that kind. */
  index: number;
  /** For actors and footnotes: which mention/citation (wraps around). */
  occurrence?: number;
}

export interface StepDirection {
  direction: 'next' | 'previous';
}

/** What a keyboard step did: the highlight now shown (1-based position of `total`), or nothing. */
export interface StepResult {
  position: number;
  total: number;
}

export interface ProtocolMap {
  /** The page state as the popup's first screen needs it (see `AnalysisOverview`). */
  getPageOverview(): PageOverview;
  getPageState(): PageState;
  analyzeAnyway(): PageState;
  setTabHighlights(on: boolean): PageState;
  jumpTo(target: JumpTarget): boolean;
  toggleHighlights(): PageState;
  /** Bring the next/previous highlight into view and show its card (null: nothing to step through). */
  stepHighlight(step: StepDirection): StepResult | null;
  highlightCount(count: number): void;
  /**
   * The knowledge base's backgrounds of these entities (null: none). The background reads the 4.5 MB
   * details file once, off every page's and the popup's main thread, and answers with a few lines.
   */
  getBackgrounds(ids: string[]): Record<string, ActorBackground | null>;
}

const isCount = (x: unknown, max: number): boolean => Number.isSafeInteger(x) && (x as number) >= 0 && (x as number) <= max;
const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Each message's payload check; `null`: the message carries no payload, and its data must be
 * `undefined`. Written out rather than as zod schemas: the content script, which checks what the
 * popup and the background send it, runs on every page, and zod's module alone (its schema classes,
 * defined when it loads) took 2.5 ms of the content script's first task on every page in CPU
 * profiles of a news front page, before any message came; five small checks do not need it.
 */
const PAYLOAD_CHECKS: { [K in keyof ProtocolMap]: ((data: unknown) => boolean) | null } = {
  getPageOverview: null,
  getPageState: null,
  analyzeAnyway: null,
  setTabHighlights: (on) => typeof on === 'boolean',
  jumpTo: (t) => isRecord(t) && (JUMP_KINDS as readonly unknown[]).includes(t.kind) && isCount(t.index, 100_000) && (t.occurrence === undefined || isCount(t.occurrence, 100_000)),
  toggleHighlights: null,
  stepHighlight: (s) => isRecord(s) && (s.direction === 'next' || s.direction === 'previous'),
  highlightCount: (n) => isCount(n, 1_000_000),
  getBackgrounds: (ids) => Array.isArray(ids) && ids.length <= 5000 && ids.every((id) => typeof id === 'string' && id.length <= 300),
};

export const messaging = defineExtensionMessaging<ProtocolMap>({ logger: undefined });
export const { sendMessage } = messaging;

/**
 * The backgrounds a page's answer carries for all these actors (an analysed page asks for them once
 * and keeps them in its analysis), or null: then they are asked from the background.
 */
export function carriedBackgrounds(answer: Pick<PageOverview, 'backgroundsIn' | 'analysis'> | undefined, ids: readonly string[]): BackgroundLookup | null {
  if (!answer?.backgroundsIn || !answer.analysis) return null;
  const of = new Map(answer.analysis.actors.map((a) => [a.id, a.background]));
  return ids.every((id) => of.has(id)) ? (id) => of.get(id) ?? null : null;
}

/** These actors' backgrounds, asked from the background (the popup's actor list, the hover cards). */
export async function askBackgrounds(ids: readonly string[]): Promise<BackgroundLookup> {
  const found = await sendMessage('getBackgrounds', [...ids]);
  return (id) => (Object.hasOwn(found, id) ? found[id] : null);
}

export interface SenderInfo {
  id?: string;
  tab?: { id?: number };
  frameId?: number;
  url?: string;
}

/** Why a message is refused, or null when it may be handled. */
export function rejectReason(type: keyof ProtocolMap, data: unknown, sender: SenderInfo, extensionId: string): string | null {
  if (!sender || sender.id !== extensionId) return 'sender is not this extension';
  if (!Object.hasOwn(PAYLOAD_CHECKS, type)) return `unknown message ${String(type)}`;
  const check = PAYLOAD_CHECKS[type];
  const ok = check === null ? data === undefined : check(data);
  return ok ? null : `malformed ${String(type)} payload`;
}

/**
 * Whether a tab is still loading, for the popup when its content script does not answer yet:
 * `status` is one of the tab fields readable without the "tabs" permission. null when the tab is
 * gone.
 */
export async function isTabLoading(tabId: number): Promise<boolean | null> {
  try {
    const tab = await browser.tabs.get(tabId);
    return tab.status === 'loading';
  } catch {
    return null;
  }
}

type Handler<K extends keyof ProtocolMap> = (
  data: Parameters<ProtocolMap[K]> extends [infer D] ? D : undefined,
  sender: SenderInfo,
) => ReturnType<ProtocolMap[K]> | Promise<ReturnType<ProtocolMap[K]>>;

/** Listen for one message type, refusing what does not come from this extension or is malformed. */
export function listen<K extends keyof ProtocolMap>(type: K, handler: Handler<K>): () => void {
  return messaging.onMessage(type, ((message: { data: unknown; sender: SenderInfo }) => {
    const reason = rejectReason(type, message.data, message.sender, browser.runtime.id);
    if (reason) throw new Error(`Sift refused ${String(type)}: ${reason}`);
    return handler(message.data as never, message.sender);
  }) as never);
}

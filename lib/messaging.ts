import { browser } from 'wxt/browser';
import { defineExtensionMessaging } from '@webext-core/messaging';
import { z } from './zod';
import type { Actor, ActorBackground, Analysis, ArticleInfo, SummarySentence } from './schema';
import { markersOf, type MarkerAt } from './footnotes/inline';
import type { BackgroundLookup } from './kb/load';

/**
 * The one message protocol between Sift's contexts. Directions:
 *   popup → content      getPageOverview, getPageState, analyzeAnyway, setTabHighlights, jumpTo
 *   background → content toggleHighlights, stepHighlight (keyboard commands)
 *   content → background highlightCount (toolbar badge), injectAnalyzer and injectLaterStages (on
 *                        article pages)
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
 * summary's code injected; `painted`: everything.
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

// The payload schemas are built when a message of their type first arrives, not when a page loads:
// building zod schemas costs a cold page milliseconds, and most pages never get a message.
const jumpTargetSchema = () =>
  z.object({
    kind: z.enum(['actor', 'claim', 'footnote', 'summary']),
    /** Index in the Analysis list of that kind. */
    index: z.number().check(z.int(), z.gte(0), z.lte(100_000)),
    /** For actors and footnotes: which mention/citation (wraps around). */
    occurrence: z.optional(z.number().check(z.int(), z.gte(0), z.lte(100_000))),
  });
export type JumpTarget = z.infer<ReturnType<typeof jumpTargetSchema>>;

const stepDirectionSchema = () => z.object({ direction: z.enum(['next', 'previous']) });
export type StepDirection = z.infer<ReturnType<typeof stepDirectionSchema>>;

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
   * Inject the analyzer into the sender's frame. `ahead`: asked before the content script has read
   * the settings (the page says it is an article); declined on a site the reader switched off.
   */
  injectAnalyzer(ahead: boolean): boolean;
  /** Inject the analyzer's later stages (actors and summary) into the sender's frame. */
  injectLaterStages(): boolean;
  /**
   * The knowledge base's backgrounds of these entities (null: none). The background reads the 4.5 MB
   * details file once, off every page's and the popup's main thread, and answers with a few lines.
   */
  getBackgrounds(ids: string[]): Record<string, ActorBackground | null>;
}

/**
 * How to build each message's payload schema: a message type's schema is built when its first
 * message arrives. `null`: the message carries no payload, and its data must be `undefined` (checked
 * without zod: the popup's first question to a page would otherwise wait for zod's code to run cold
 * in the page, 2–6 ms in CPU profiles of the content script).
 */
const PAYLOAD_SCHEMAS: { [K in keyof ProtocolMap]: (() => z.ZodMiniType) | null } = {
  getPageOverview: null,
  getPageState: null,
  analyzeAnyway: null,
  setTabHighlights: () => z.boolean(),
  jumpTo: jumpTargetSchema,
  toggleHighlights: null,
  stepHighlight: stepDirectionSchema,
  highlightCount: () => z.number().check(z.int(), z.gte(0), z.lte(1_000_000)),
  injectAnalyzer: () => z.boolean(),
  injectLaterStages: null,
  getBackgrounds: () => z.array(z.string().check(z.maxLength(300))).check(z.maxLength(5000)),
};
const built = new Map<keyof ProtocolMap, z.ZodMiniType>();
/**
 * A message type's payload schema (built once, on first use; immutable); null for a message without
 * payload, undefined for an unknown type.
 */
export function payloadSchema(type: keyof ProtocolMap): z.ZodMiniType | null | undefined {
  if (!Object.hasOwn(PAYLOAD_SCHEMAS, type)) return undefined;
  const make = PAYLOAD_SCHEMAS[type];
  if (make === null) return null;
  let schema = built.get(type);
  if (!schema) built.set(type, (schema = make()));
  return schema;
}

export const messaging = defineExtensionMessaging<ProtocolMap>({ logger: undefined });
export const { sendMessage } = messaging;

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
  const schema = payloadSchema(type);
  if (schema === undefined) return `unknown message ${String(type)}`;
  const ok = schema === null ? data === undefined : schema.safeParse(data).success;
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

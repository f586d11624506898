/**
 * The browser's own summariser (Chrome's built-in Summarizer API, Chrome 138+, Gemini Nano on the
 * device): feature detection and one summary, with download progress. Pure TypeScript over what the
 * page's global scope offers — no extension API, no network request of ours. The popup offers it
 * behind a click ("AI summary"); it is never on by default, and where the API is missing or refuses,
 * the extractive summary stays the only one.
 *
 * API shape (Writing Assistance APIs; MDN "Summarizer", Chrome "Summarize with built-in AI"):
 *   Summarizer.availability(options) → "unavailable" | "downloadable" | "downloading" | "available"
 *   Summarizer.create({ type, format, length, sharedContext, expectedInputLanguages, outputLanguage,
 *                       monitor(m) { m.addEventListener('downloadprogress', e => e.loaded) }, signal })
 *     (needs a user activation when the model must be downloaded)
 *   summarizer.summarize(text, { context, signal }) → Promise<string>; summarizer.destroy()
 *   summarizer.inputQuota, summarizer.measureInputUsage(text) → Promise<number>
 */

export type OnDeviceAvailability = 'unsupported' | 'unavailable' | 'downloadable' | 'downloading' | 'available';

export interface SummarizerOptions {
  type?: 'key-points' | 'tldr' | 'teaser' | 'headline';
  format?: 'plain-text' | 'markdown';
  length?: 'short' | 'medium' | 'long';
  sharedContext?: string;
  expectedInputLanguages?: string[];
  expectedContextLanguages?: string[];
  outputLanguage?: string;
}

export interface DownloadMonitor {
  addEventListener(type: 'downloadprogress', listener: (event: { loaded: number; total?: number }) => void): void;
}

export interface BrowserSummarizer {
  summarize(text: string, options?: { context?: string; signal?: AbortSignal }): Promise<string>;
  destroy?(): void;
  inputQuota?: number;
  measureInputUsage?(text: string, options?: { context?: string }): Promise<number>;
}

/** The static side of the API: `Summarizer` on the global object. */
export interface SummarizerFactory {
  availability(options?: SummarizerOptions): Promise<string>;
  create(options?: SummarizerOptions & { monitor?: (m: DownloadMonitor) => void; signal?: AbortSignal }): Promise<BrowserSummarizer>;
}

/** `Summarizer` where the browser has it (Chrome 138+), else null. Firefox and older Chrome: null. */
export function findSummarizer(scope: unknown = globalThis): SummarizerFactory | null {
  const candidate = (scope as { Summarizer?: unknown } | null | undefined)?.Summarizer;
  if (!candidate || (typeof candidate !== 'function' && typeof candidate !== 'object')) return null;
  const f = candidate as Partial<SummarizerFactory>;
  return typeof f.availability === 'function' && typeof f.create === 'function' ? (f as SummarizerFactory) : null;
}

/** The options Sift asks for: key points, plain text, medium length, in the article's language. */
export function summarizerOptions(lang: string | null): SummarizerOptions {
  const language = (lang ?? 'en').toLowerCase().split(/[-_]/)[0] || 'en';
  return {
    type: 'key-points',
    format: 'plain-text',
    length: 'medium',
    sharedContext: 'A news article or opinion piece, summarised for a reader who wants its main points.',
    expectedInputLanguages: [language],
    expectedContextLanguages: ['en'],
    outputLanguage: language,
  };
}

/** What the browser can do: "unsupported" without the API, otherwise its own answer (errors: "unavailable"). */
export async function onDeviceAvailability(factory: SummarizerFactory | null, lang: string | null = null): Promise<OnDeviceAvailability> {
  if (!factory) return 'unsupported';
  try {
    const a = await factory.availability(summarizerOptions(lang));
    return a === 'downloadable' || a === 'downloading' || a === 'available' ? a : 'unavailable';
  } catch {
    return 'unavailable';
  }
}

export interface OnDeviceRequest {
  text: string;
  title?: string | null;
  lang?: string | null;
  /** 0…1 while the browser downloads its model. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/**
 * Summarises `text` with the browser's model and returns its key points, one per line. Call it
 * from a click handler: creating the summariser may download the model, which needs a user
 * activation. Long texts are cut at a paragraph so they fit the model's input quota.
 */
export async function summarizeOnDevice(factory: SummarizerFactory, request: OnDeviceRequest): Promise<string[]> {
  const { onProgress, signal } = request;
  const summarizer = await factory.create({
    ...summarizerOptions(request.lang ?? null),
    signal,
    monitor(m) {
      m.addEventListener('downloadprogress', (e) => {
        const total = e.total && e.total > 0 ? e.total : 1;
        onProgress?.(Math.max(0, Math.min(1, e.loaded / total)));
      });
    },
  });
  try {
    const context = request.title ? `Its title: ${request.title}` : undefined;
    const text = await fitToQuota(summarizer, request.text, context);
    const output = await summarizer.summarize(text, { context, signal });
    return keyPoints(output);
  } finally {
    summarizer.destroy?.();
  }
}

/** Drops trailing paragraphs (then characters) until the text fits the summariser's input quota. */
async function fitToQuota(summarizer: BrowserSummarizer, text: string, context: string | undefined): Promise<string> {
  const quota = summarizer.inputQuota;
  if (!summarizer.measureInputUsage || quota === undefined || !Number.isFinite(quota)) return text;
  let usage = await summarizer.measureInputUsage(text, { context });
  if (usage <= quota) return text;
  // Usage grows about linearly with length: cut to the share that fits, at a paragraph if possible.
  let cut = text;
  for (let i = 0; i < 4 && usage > quota; i++) {
    const keep = Math.floor(cut.length * (quota / usage) * 0.95);
    const paragraphEnd = cut.lastIndexOf('\n\n', keep);
    cut = cut.slice(0, paragraphEnd > keep / 2 ? paragraphEnd : keep);
    usage = await summarizer.measureInputUsage(cut, { context });
  }
  return cut;
}

/** The model's key points, one per line, without bullets ("* ", "- ", "1. "). */
export function keyPoints(output: string): string[] {
  return output
    .split(/\r?\n/)
    .map((l) => l.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, '').trim())
    .filter((l) => l.length > 0);
}

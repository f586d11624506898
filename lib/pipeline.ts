import { SCHEMA_VERSION, type Analysis, type ArticleInfo } from './schema';
import type { ArticleDetection, DetectOptions } from './article/detect';
import { TextMap } from './text/textmap';
import { splitSentencesSteps, type Sentence } from './text/sentences';
import { decideLanguage, sampleText } from './text/language';
import { attachCitingSentences, findFootnotesSteps, skipInlineNotes } from './footnotes/footnotes';
import type { findActorsSteps } from './actors/recognize';
import { findClaimsSteps, type FootnoteMarker } from './claims/claims';
import type { summarizeSteps } from './summary/summarize';
import { EMPTY_KB, type KnowledgeBase } from './kb/knowledge-base';
import type { Steps } from './steps';
import { bmp } from './text/bmp-classes';

export type { Analysis } from './schema';

/**
 * The one pipeline: Document → Analysis. Pure over the DOM standard; the same code runs in the
 * page (the analyser the content script imports), the CLI and the tests. Callers use `lib/analysis.ts`, which gives
 * it the article detector; the analyser calls `pipelineSteps` with the content script's detection,
 * so that the detector is not bundled a second time.
 *
 *   detectArticle → TextMap → footnote markers → sentences → claims → actors → summary
 *
 * Only the actors need the knowledge base; the stages before them run while it loads. The stages
 * after the claims (actors and summary) are given by the caller (`later`): lib/analysis.ts gives
 * them at once; in a page they are half of the analyser's code, and arrive apart (entrypoints/later).
 */

/** The actors and summary stages: given to the pipeline, which does not import them. */
export interface LaterStages {
  findActorsSteps: typeof findActorsSteps;
  summarizeSteps: typeof summarizeSteps;
}

export interface AnalyzeOptions {
  /** Shown as `source` in the Analysis (file name or URL). */
  source?: string;
  /** The page's address (relative links, listing-like addresses); defaults to `doc.URL`. */
  url?: string;
  /**
   * The knowledge base for the actors stage, or a function that returns it once it has loaded (null
   * until then): the stages before the actors run first, and before them the pipeline yields 'kb'
   * for as long as the function returns null, for the caller to wait there (the analyzer does, while
   * the index travels and parses).
   */
  kb?: KnowledgeBase | (() => KnowledgeBase | null);
  /**
   * The actors and summary stages, or a function that returns them once their code is loaded (null
   * until then; the pipeline waits at the 'kb' step, as for the knowledge base). Needed by any
   * analysis that gets past the claims.
   */
  later?: LaterStages | (() => LaterStages | null);
  /** Analyse the best candidate even when the page is not an article ("Analyse anyway"). */
  force?: boolean;
  /** Use this element as the article root and skip detection (plain-text input). */
  root?: Element;
  /** A detection already made for this document (the content script decides before loading data). */
  detection?: ArticleDetection;
  /**
   * The article's language when the caller already decided it from the same sample
   * (`decideLanguage(meta.lang, sampleText(root, skip)).lang`, as the content script does): the
   * pipeline does not take the sample again. Undefined: the pipeline decides.
   */
  lang?: string | null;
  /** The detector to run when neither `detection` nor `root` is given (lib/analysis.ts passes detectArticle). */
  detect?: (doc: Document, options: DetectOptions) => ArticleDetection;
  summary?: boolean;
  clock?: () => number;
  /**
   * Within a long stage, offer the caller a pause (yield) once this many milliseconds of work have
   * passed since the last one (default 8), so that no task of the page's main thread runs long.
   */
  sliceMs?: number;
  /**
   * Called once the footnotes and the claims are found, before the actors stage (the analysis so far
   * has no actors and no summary): the analyzer paints them while the knowledge base loads.
   */
  beforeActors?: (partial: AnalysisResult) => void;
}

/** What the content script needs besides the Analysis: the way back to the live DOM. */
export interface AnalysisResult {
  analysis: Analysis;
  map: TextMap | null;
  detection: ArticleDetection | null;
  markers: FootnoteMarker[];
  sentences: Sentence[];
}

export type Stage = 'detect' | 'textmap' | 'footnotes' | 'sentences' | 'actors' | 'claims' | 'summary';
/**
 * What `pipelineSteps` yields: the stage it is in, or 'kb' while it waits for the knowledge base or
 * the later stages' code.
 */
export type Step = Stage | 'kb';

const defaultClock = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

function emptyAnalysis(source: string): Analysis {
  return {
    schemaVersion: SCHEMA_VERSION,
    source,
    isArticle: false,
    article: null,
    actors: [],
    claims: [],
    footnotes: [],
    summary: [],
    timingsMs: { total: 0 },
  };
}

const round = (ms: number) => Math.round(ms * 100) / 100;

const WORD_RE = bmp(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu);

/** Words in the text (letters and digits, with inner apostrophes and hyphens), counted without collecting them. */
function countWords(text: string): number {
  WORD_RE.lastIndex = 0;
  let n = 0;
  while (WORD_RE.exec(text) !== null) n++;
  return n;
}

/**
 * The pipeline as steps: it yields the name of each stage it has just finished, and within a long
 * stage the name of that stage whenever `sliceMs` of work have passed, so a caller can give the
 * main thread back (the analyzer does; `analyze` does not). Timings count work, not pauses.
 */
export function* pipelineSteps(doc: Document, options: AnalyzeOptions = {}): Generator<Step, AnalysisResult> {
  const clock = options.clock ?? defaultClock;
  const sliceMs = options.sliceMs ?? 8;
  const t0 = clock();
  let last = t0;
  let sliceStart = t0;
  /** Time spent paused (in the caller) since the last lap, and in all. */
  let paused = 0;
  let pausedTotal = 0;
  const analysis = emptyAnalysis(options.source ?? doc.URL ?? '');
  const timings = analysis.timingsMs;
  const lap = (stage: Stage) => {
    const now = clock();
    timings[stage] = round(now - last - paused);
    last = now;
    paused = 0;
  };
  const finish = (result: Omit<AnalysisResult, 'analysis'>): AnalysisResult => {
    timings.total = round(clock() - t0 - pausedTotal);
    return { analysis, ...result };
  };
  function* pause(step: Step): Generator<Step, void> {
    const before = clock();
    yield step;
    sliceStart = clock();
    paused += sliceStart - before;
    pausedTotal += sliceStart - before;
  }
  /** Runs a stage's steps, pausing once a slice of work is spent. */
  function* paced<T>(stage: Stage, steps: Steps<T>): Generator<Step, T> {
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
      if (clock() - sliceStart >= sliceMs) yield* pause(stage);
    }
  }

  let detection: ArticleDetection | null = null;
  let root: Element | null;
  let skip: ((el: Element) => boolean) | undefined;
  let meta: Pick<ArticleInfo, 'title' | 'byline' | 'siteName' | 'publishedTime' | 'lang'>;
  if (options.root) {
    root = options.root;
    analysis.isArticle = true;
    meta = { title: null, byline: null, siteName: null, publishedTime: null, lang: null };
  } else {
    if (!options.detection && !options.detect) throw new Error('pipelineSteps needs a detection, a detector or a root');
    detection = options.detection ?? options.detect!(doc, { url: options.url });
    root = detection.root;
    skip = detection.skip;
    analysis.isArticle = detection.isArticle;
    analysis.detection = { confidence: detection.confidence, signals: detection.signals };
    meta = detection.meta;
  }
  lap('detect');
  yield* pause('detect');
  if (!root) return finish({ map: null, detection, markers: [], sentences: [] });

  // Notes shown inline as tooltips are not reading text (their note is read from the DOM).
  const map = yield* paced('textmap', TextMap.buildSteps(root, { skip: skipInlineNotes(skip) }));
  const text = map.text;
  analysis.article = {
    title: meta.title || null,
    byline: meta.byline,
    siteName: meta.siteName,
    publishedTime: meta.publishedTime,
    // What the page declares, unless the text says clearly otherwise (the same sample the content
    // script decides on, so that both agree).
    lang: options.lang !== undefined ? options.lang : decideLanguage(meta.lang, sampleText(root, skip)).lang,
    text,
    wordCount: countWords(text),
  };
  lap('textmap');
  yield* pause('textmap');
  // Not an article and not forced: report the best candidate, act on nothing.
  if (!analysis.isArticle && !options.force) return finish({ map, detection, markers: [], sentences: [] });

  const { footnotes, markers } = yield* paced('footnotes', findFootnotesSteps({ doc, root, map, baseUrl: options.url }));
  analysis.footnotes = footnotes;
  lap('footnotes');
  yield* pause('footnotes');

  const sentences = yield* paced('sentences', splitSentencesSteps(text, map.paragraphs, markers));
  attachCitingSentences(footnotes, sentences, text);
  lap('sentences');
  yield* pause('sentences');

  analysis.claims = yield* paced('claims', findClaimsSteps({ text, sentences, markers }));
  lap('claims');
  yield* pause('claims');

  options.beforeActors?.({ analysis, map, detection, markers, sentences });

  const given = options.kb;
  const currentKb = typeof given === 'function' ? given : () => given ?? EMPTY_KB;
  const stages = options.later;
  if (!stages) throw new Error('pipelineSteps needs the later stages (lib/analysis.ts gives them)');
  const currentStages = typeof stages === 'function' ? stages : () => stages;
  let kb = currentKb();
  let later = currentStages();
  while (!kb || !later) {
    yield* pause('kb');
    kb = currentKb();
    later = currentStages();
  }
  analysis.actors = yield* paced('actors', later.findActorsSteps({ text, sentences, ignore: markers, kb }));
  lap('actors');
  yield* pause('actors');

  if (options.summary !== false) {
    analysis.summary = yield* paced('summary', later.summarizeSteps({
      text,
      title: meta.title || null,
      sentences,
      actorSpans: analysis.actors.flatMap((a) => a.mentions),
      claimSpans: analysis.claims,
    }));
  }
  lap('summary');
  return finish({ map, detection, markers, sentences });
}

/** Runs the whole pipeline at once. */
export function runPipeline(doc: Document, options: AnalyzeOptions = {}): AnalysisResult {
  const steps = pipelineSteps(doc, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * Plain text → a document whose body holds one <p> per paragraph (blank-line separated), for
 * `sift analyze --text` and tests. The caller passes `root: doc.body` to skip detection.
 */
export function fillDocumentWithText(doc: Document, text: string): Element {
  const body = doc.body ?? doc.documentElement.appendChild(doc.createElement('body'));
  while (body.firstChild) body.removeChild(body.firstChild);
  for (const para of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const t = para.trim();
    if (!t) continue;
    const p = doc.createElement('p');
    p.textContent = t.replace(/\s*\n\s*/g, ' ');
    body.appendChild(p);
  }
  return body;
}

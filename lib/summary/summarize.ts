import type { Span, SummarySentence } from '../schema';
import type { Sentence } from '../text/sentences';
import { contentWords, FEATURE_NAMES, sentenceFeatures, sentenceWords, wordCount, type SentenceWords } from './features';
import { NEWS_WEIGHTS } from './model';
import { drain, type Steps } from '../steps';
import { bmp } from '../text/bmp-classes';

/**
 * Extractive summary: the few sentences that carry the article, in reading order, with their
 * offsets into `article.text`.
 *
 * - News (the usual case): a logistic model over position, length, centrality, overlap with the
 *   lead, quotes, questions and pronoun openings (`model.ts`, fitted on the tuning half of the
 *   CNN/DailyMail development stories) ranks the sentences; near-duplicates are skipped.
 * - Opinion pieces and blog posts argue rather than report, and their point is rarely in the
 *   first lines. When the text reads like one (outside quotes, the writer takes positions — "in my
 *   view", "undoubtedly", "fortunately" — and speaks as "I"/"we" or asks), sentences that state a conclusion
 *   ("the implication is…", "this shows…"), share the title's words and are central to the text
 *   rank first, and the position prior only breaks ties.
 */

export interface SummaryInput {
  text: string;
  title: string | null;
  sentences: readonly Sentence[];
  /**
   * Spans of actor mentions and claims. Not read by the current model: the pipeline finds no actor
   * in the lowercased evaluation text, so no weight for them can be fitted or measured, and a
   * numbers feature did not earn its place in cross-validation on the tuning half.
   */
  actorSpans: readonly Span[];
  claimSpans: readonly Span[];
  /** How many sentences to pick; by default 1–3 by length (4 for a long opinion piece). */
  maxSentences?: number;
  /**
   * For evaluation only (`npm run eval:summary -- --cv`): scores that rank a report's candidate
   * sentences instead of the news model, to compare other rankings under the same selection.
   */
  rankNews?: (cands: readonly Sentence[], prepared: readonly SentenceWords[]) => number[];
}

/**
 * `s` without the footnote markers glued to its end ("…the city.[5]", "…rose 4%*"), left out of
 * the checks below; as `/(?:\[\^?\w{1,4}\]|[*†‡])+\s*$/u` would strip them, by a backward
 * scan: the pattern was quadratic on a long run of asterisks.
 */
function stripTrailingMarkers(s: string): string {
  const whole = s.trimEnd().length;
  let end = whole;
  for (;;) {
    const c = s[end - 1];
    if (c === '*' || c === '†' || c === '‡') end--;
    else if (c === ']') {
      const m = /\[\^?\w{1,4}\]$/.exec(s.slice(Math.max(0, end - 7), end));
      if (!m) break;
      end -= m[0].length;
    } else break;
  }
  return end === whole ? s : s.slice(0, end);
}
/** A sentence that ends like one: . ! ? … and any closing quotes or brackets. */
const TERMINAL_RE = /[.!?…](?:["”’')\]]|'')*\s*$/u;

/**
 * Notes about the page rather than the story ("This article was updated…", "Sign up for our
 * newsletter", "Editor's note"): their whole paragraph is left out.
 */
const META_RE =
  /\b(?:this (?:article|story|post|piece|page|report) (?:is|was|has|contains|first|originally)|(?:originally|first) (?:published|appeared)|has been (?:updated|amended|corrected)|sign up|subscribe to|newsletter|click here|all rights reserved|editor ?['’]s note|(?:a|this is a) (?:sample|fictional|sponsored) (?:article|story))\b/i;

/**
 * Page furniture inside a paragraph of the story ("Scroll down for video", "Follow @…", a
 * "Published: 10:01 EST | Updated: …" stamp): only that sentence is left out, never its paragraph,
 * which may hold the lead.
 */
const FURNITURE_RE = /\b(?:(?:published|updated|last modified) ?: ?\d+|follow @\w+|scroll down for)\b/i;

/**
 * The sentences a summary may use: at least five words, ending like a sentence (or long enough to
 * be one), and not in a paragraph about the page itself. Headings, bylines, captions cut short and
 * "Scroll down for video" are not summary material.
 */
export function summaryCandidates(text: string, sentences: readonly Sentence[]): Sentence[] {
  // Paragraphs of sentences (a line break between two sentences starts a new one).
  const paragraph: number[] = [];
  const size: number[] = [];
  const metaParagraphs = new Set<number>();
  let p = 0;
  sentences.forEach((s, i) => {
    if (i > 0 && text.slice(sentences[i - 1].end, s.start).includes('\n')) p++;
    paragraph.push(p);
    size[p] = (size[p] ?? 0) + 1;
    if (META_RE.test(s.text)) metaParagraphs.add(p);
  });
  return sentences.filter((s, i) => {
    // A short paragraph that talks about the page goes as a whole; in a long one, only that sentence.
    if (metaParagraphs.has(paragraph[i]) && (size[paragraph[i]] <= 3 || META_RE.test(s.text))) return false;
    if (FURNITURE_RE.test(s.text)) return false;
    const words = wordCount(s.text);
    if (words < 5) return false;
    return TERMINAL_RE.test(stripTrailingMarkers(s.text)) || words >= 12;
  });
}

// ── opinion pieces ─────────────────────────────────────────────────────────────────────────

/** Quotation marks of any style, including the tokenised `` '' and a lone ' before or after a word. */
const QUOTED_RE = bmp(/["“”]|``|''|(?:^|\s)['‘](?:\s|\p{L})|\p{L}['’](?:\s|$)/u);
const ATTRIBUTED_RE = /\b(?:said|says|told|asked|added|according to)\b/i;
const OWN_VOICE_RE = /\b(?:i|my|me|we|our|ourselves)\b/i;
const QUESTION_RE = /\?(?:["”’')\]]|'')*\s*$/u;
/** The writer taking a position: generic opinion vocabulary, never a word of one article. */
const STANCE_RE =
  /\b(?:in my (?:view|opinion)|i (?:think|believe|suspect|argue|would argue)|we (?:should|must|need to|cannot)|one (?:should|shouldn[’']?t|must|cannot)|let us|undoubtedly|fortunately|unfortunately|hopefully|arguably|ostensibly|surely|sadly|thankfully|frankly|needless to say|it is (?:heartening|clear|obvious|telling|striking|absurd|time)|if we think)\b/i;
/** Words that state a conclusion: where an argument says what it means. */
const CONCLUSION_RE =
  /\b(?:implications?|impl(?:y|ies)|shows?|showed|proves?|proved|demonstrates?|means that|suggests? that|consequences?|therefore|thus|hence|ultimately|in short|the point is|evidence that|which is why|the (?:most )?important)\b/i;

export interface OpinionSignals {
  /** Share of sentences, outside quotes and attributions, where the writer takes a position. */
  stance: number;
  /** Share of such sentences in the writer's own voice ("I", "we") or asking a question. */
  voice: number;
}

/** How much a text argues rather than reports, from the sentences that are the writer's own. */
export function opinionSignals(sentences: readonly Sentence[]): OpinionSignals {
  if (sentences.length === 0) return { stance: 0, voice: 0 };
  let stance = 0;
  let voice = 0;
  for (const s of sentences) {
    const t = s.text;
    if (QUOTED_RE.test(t) || ATTRIBUTED_RE.test(t)) continue;
    if (STANCE_RE.test(t)) stance++;
    if (OWN_VOICE_RE.test(t) || QUESTION_RE.test(t)) voice++;
  }
  return { stance: stance / sentences.length, voice: voice / sentences.length };
}

/**
 * An opinion piece takes positions in its own voice. The founding article scores 0.21 stance; of
 * the 150 tuning news stories none passes 0.08 (first-person diaries and Q&As have voice, not
 * stance), so news keeps the news model.
 */
export function isOpinion(sentences: readonly Sentence[]): boolean {
  if (sentences.length < 8) return false;
  const { stance, voice } = opinionSignals(sentences);
  return stance >= 0.12 && voice >= 0.05;
}

/** The title, or for plain text a heading line above the first real sentence. */
function titleWords(text: string, title: string | null, sentences: readonly Sentence[], first: Sentence | undefined): Set<string> {
  if (title) return new Set(contentWords(title));
  // Only a line of its own counts as a heading: the text breaks right after it.
  for (const s of sentences) {
    if (first && s.start >= first.start) break;
    const n = wordCount(s.text);
    if (n >= 3 && n <= 20 && !TERMINAL_RE.test(s.text) && text.slice(s.end, s.end + 3).includes('\n')) return new Set(contentWords(s.text));
  }
  return new Set();
}

function argumentScores(cands: readonly Sentence[], prepared: readonly SentenceWords[], title: Set<string>): number[] {
  const words = prepared.map((p) => p.content);
  const df = new Map<string, number>();
  for (const ws of words) for (const w of ws) df.set(w, (df.get(w) ?? 0) + 1);
  const central = words.map((ws) => {
    let sum = 0;
    for (const w of ws) sum += Math.log(df.get(w)!);
    return ws.size ? sum / ws.size : 0;
  });
  const maxCentral = Math.max(1e-9, ...central);
  return cands.map((c, i) => {
    const ws = words[i];
    let inTitle = 0;
    for (const w of title) if (ws.has(w)) inTitle++;
    const t = c.text;
    return (
      (CONCLUSION_RE.test(t) ? 1 : 0) +
      (title.size ? inTitle / title.size : 0) +
      0.5 * (central[i] / maxCentral) +
      (STANCE_RE.test(t) ? 0.3 : 0) -
      (QUESTION_RE.test(t) ? 1 : 0) -
      (QUOTED_RE.test(t) ? 0.3 : 0) -
      (prepared[i].words.length < 10 ? 0.5 : 0) +
      0.2 / (i + 1)
    );
  });
}

const TITLE_WEIGHT = 0.75;

function overlapShare(title: ReadonlySet<string>, words: ReadonlySet<string>): number {
  let hit = 0;
  for (const w of title) if (words.has(w)) hit++;
  return hit / title.size;
}

// ── selection ──────────────────────────────────────────────────────────────────────────────

function trigrams(w: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 2 < w.length; i++) out.add(`${w[i]} ${w[i + 1]} ${w[i + 2]}`);
  return out;
}

const WEIGHTS = FEATURE_NAMES.map((n) => NEWS_WEIGHTS[n]);

function newsScores(cands: readonly Sentence[], prepared: readonly SentenceWords[]): number[] {
  const weights = WEIGHTS;
  return sentenceFeatures(cands, prepared).map((x) => {
    let z = 0;
    for (let i = 0; i < x.length; i++) z += x[i] * weights[i];
    return z;
  });
}

export function summarize(input: SummaryInput): SummarySentence[] {
  return drain(summarizeSteps(input));
}

/** `summarize` as steps (lib/steps.ts): pauses between its passes and while it reads the sentences. */
export function* summarizeSteps(input: SummaryInput): Steps<SummarySentence[]> {
  const { text, title, sentences } = input;
  const cands = summaryCandidates(text, sentences);
  if (cands.length === 0) return [];
  const opinion = isOpinion(cands);
  const n = cands.length;
  const k = input.maxSentences ?? (n <= 3 ? 1 : n <= 6 ? 2 : opinion && n > 12 ? 4 : 3);

  yield;
  const prepared: SentenceWords[] = [];
  for (const c of cands) {
    if ((prepared.length & 15) === 15) yield;
    prepared.push(sentenceWords(c.text));
  }
  const titleSet = titleWords(text, title, sentences, cands[0]);
  yield;
  let scores = input.rankNews && !opinion ? input.rankNews(cands, prepared) : newsScores(cands, prepared);
  if (opinion) {
    // The news ranking only breaks ties: an argument's point is not where a report's lead is.
    const args = argumentScores(cands, prepared, titleSet);
    scores = scores.map((z, i) => args[i] + 0.25 / (1 + Math.exp(-z)));
  } else if (titleSet.size && !input.rankNews) {
    // A page's title names its story. Unmeasured: the CNN/DailyMail stories have no titles, so
    // this hand-set weight (about the lead-overlap weight) changes none of the ROUGE numbers.
    scores = scores.map((z, i) => z + TITLE_WEIGHT * overlapShare(titleSet, prepared[i].content));
  }

  yield;
  const order = cands.map((_, i) => i).sort((a, b) => scores[b] - scores[a] || a - b);
  const chosen: number[] = [];
  const seenTrigrams = new Set<string>();
  const chosenWords: Set<string>[] = [];
  for (const i of order) {
    if (chosen.length >= k) break;
    // Redundancy: skip a sentence that repeats a phrase or most of the words of one already chosen.
    const tri = trigrams(prepared[i].words);
    let repeats = false;
    for (const t of tri) if (seenTrigrams.has(t)) repeats = true;
    const ws = prepared[i].content;
    if (!repeats) {
      for (const o of chosenWords) {
        let shared = 0;
        for (const w of ws) if (o.has(w)) shared++;
        if (shared / Math.max(1, Math.min(ws.size, o.size)) > 0.6) repeats = true;
      }
    }
    if (repeats) continue;
    chosen.push(i);
    chosenWords.push(ws);
    for (const t of tri) seenTrigrams.add(t);
  }
  return chosen
    .sort((a, b) => a - b)
    .map((i) => ({ start: cands[i].start, end: cands[i].end, text: text.slice(cands[i].start, cands[i].end) }));
}

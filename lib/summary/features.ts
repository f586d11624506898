import { bmp } from '../text/bmp-classes';
/**
 * What the summariser knows about each candidate sentence: a handful of cheap numbers (position,
 * length, how central its words are to the article, quotes, questions, pronoun openings). The
 * news model in `model.ts` weighs them; `npm run eval:summary -- --fit` refits those weights on the
 * tuning half of the development stories. Everything is case-insensitive, so one set of weights
 * serves cased page text and the lowercased, tokenised evaluation text alike.
 */

export interface SentenceText {
  text: string;
}

/** A sentence's words, computed once and shared by the features, the opinion signals and the selection. */
export interface SentenceWords {
  /** Lower-cased words in order. */
  words: string[];
  /** Distinct content words (stemmed). */
  content: Set<string>;
}

export function sentenceWords(text: string): SentenceWords {
  const words = lowerWords(text);
  return { words, content: new Set(contentOf(words)) };
}

/** The features, in the order of the model's weights. */
export const FEATURE_NAMES = [
  'bias',
  'first',
  'second',
  'third',
  'invPosition',
  'relPosition',
  'logLength',
  'short',
  'centrality',
  'leadOverlap',
  'opensWithQuote',
  'opensWithPronoun',
  'question',
  'firstPerson',
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];

const STOP = new Set(
  (
    'a an the and or but if then so of in on at to for from by with as is are was were be been being it its this that these those ' +
    'he she they we you i me him them us his her their our your my not no yes do does did done has have had having will would can ' +
    'could should may might must shall also than too very just about into over after before under between during while when where ' +
    'which who whom whose what why how all any both each few more most other some such only own same there here out up down off ' +
    'again further once said says say told one two new like get got s t n nt ll re ve d m'
  ).split(' '),
);

const WORD_RE = bmp(/[\p{L}\p{N}]+/gu);

/** A crude, fast stem so "killed", "killing" and "kills" meet; a full stemmer would not pay for itself. */
export function stemWord(w: string): string {
  if (w.length <= 4) return w;
  if (w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.endsWith('ing') && w.length > 5) return w.slice(0, -3);
  if (w.endsWith('ed') && w.length > 4) return w.slice(0, -2);
  if (w.endsWith('es') && w.length > 4) return w.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

/** The lower-cased words of a text (letters and digits). */
export function lowerWords(s: string): string[] {
  return s.toLowerCase().match(WORD_RE) ?? [];
}

/** Content words among lower-cased words: stemmed, no stop words, no bare numbers. */
export function contentOf(words: readonly string[]): string[] {
  const out: string[] = [];
  for (const w of words) {
    if (w.length < 2 || STOP.has(w)) continue;
    const c = w.charCodeAt(0);
    if (c >= 48 && c <= 57 && /^\d+$/.test(w)) continue;
    out.push(stemWord(w));
  }
  return out;
}

/** Content words of a text, lower-cased and stemmed (no stop words, no bare numbers). */
export function contentWords(s: string): string[] {
  return contentOf(lowerWords(s));
}

export function wordCount(s: string): number {
  return s.match(WORD_RE)?.length ?? 0;
}

const OPENS_WITH_QUOTE_RE = bmp(/^\s*(?:["“‘]|``|'(?=\s|\p{L}))/u);
const PRONOUN_OPEN_RE =
  /^\s*(?:["“‘`']+\s*)?(?:he|she|it|they|his|her|its|their|this|that|these|those|but|and|so|also|however|meanwhile|there|here|then|yet|such|both)\b/i;
const FIRST_PERSON_RE = /\b(?:i|we|my|our|me|i'm|i 'm|we're|we 're)\b/i;
const QUESTION_END_RE = /\?\s*(?:["”'’)]|'')*\s*$/;

/**
 * One feature vector per sentence, in FEATURE_NAMES order. A sentence's position is its rank among
 * the given sentences: the caller passes summary candidates only, so headings and captions do not
 * push the real sentences down.
 */
export function sentenceFeatures(sentences: readonly SentenceText[], prepared?: readonly SentenceWords[]): number[][] {
  const n = sentences.length;
  const words = prepared ?? sentences.map((s) => sentenceWords(s.text));
  // In how many sentences each word appears: central words recur.
  const df = new Map<string, number>();
  for (const ws of words) for (const w of ws.content) df.set(w, (df.get(w) ?? 0) + 1);
  const lead = new Map<string, number>();
  for (const ws of words.slice(0, 3)) for (const w of ws.content) lead.set(w, (lead.get(w) ?? 0) + 1);

  return sentences.map((s, i) => {
    const uniq = words[i].content;
    const len = words[i].words.length;
    // Centrality: the share of the other sentences holding each of this sentence's words.
    let central = 0;
    let leadHit = 0;
    for (const w of uniq) {
      central += (df.get(w)! - 1) / Math.max(1, n - 1);
      // Overlap with the lead (the first three sentences, this one left out).
      if ((lead.get(w) ?? 0) - (i < 3 ? 1 : 0) > 0) leadHit++;
    }
    return [
      1,
      i === 0 ? 1 : 0,
      i === 1 ? 1 : 0,
      i === 2 ? 1 : 0,
      1 / (i + 1),
      n > 1 ? i / (n - 1) : 0,
      Math.log(1 + len) / Math.log(50),
      len < 10 ? 1 : 0,
      uniq.size ? central / Math.sqrt(uniq.size) : 0,
      uniq.size ? leadHit / uniq.size : 0,
      OPENS_WITH_QUOTE_RE.test(s.text) ? 1 : 0,
      PRONOUN_OPEN_RE.test(s.text) ? 1 : 0,
      QUESTION_END_RE.test(s.text) ? 1 : 0,
      FIRST_PERSON_RE.test(s.text) ? 1 : 0,
    ];
  });
}

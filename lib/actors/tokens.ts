import type { Span } from '../schema';
import type { Sentence } from '../text/sentences';
import { drain, type Steps } from '../steps';
import { bmp } from '../text/bmp-classes';

/**
 * Tokens as news NER sees them: words (hyphens, inner apostrophes and dotted abbreviations kept
 * inside: "al-Assad", "O'Neill", "U.S."), a possessive "'s" split off, every other mark on its
 * own. Each token knows its sentence and whether it opens it.
 */
export interface Token {
  start: number;
  end: number;
  text: string;
  lower: string;
  /** Index of the sentence holding it (into the sentence list given to `tokenize`). */
  sentence: number;
  /** First word-like token of its sentence (after opening quotes or brackets). */
  first: boolean;
  /** A letter or digit starts it. */
  word: boolean;
}

const TOKEN_RE =
  bmp(/(?:\p{L}\.){2,}|\p{Lu}\.(?=\s|$)|[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:(?:[-&.]|,(?=\d)|['’](?![sS]\b))[\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*|['’][sS]\b|\S/gu);

const WORD_START = bmp(/^[\p{L}\p{N}]/u);

/** Abbreviations written with a final full stop that belongs to the word ("Corp.", "Mr."). */
const DOTTED = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'jr', 'sr', 'corp', 'inc', 'ltd', 'co', 'bros', 'gen', 'col', 'lt', 'sgt', 'capt',
  'gov', 'sen', 'rep', 'rev', 'maj', 'adm', 'cmdr', 'no', 'vs', 'mt', 'ft', 'plc', 'jan', 'feb', 'aug', 'sept', 'oct', 'nov', 'dec',
]);

export function tokenize(text: string, sentences: readonly Sentence[], ignore: readonly Span[]): Token[] {
  return drain(tokenizeSteps(text, sentences, ignore));
}

/** `tokenize` as steps (lib/steps.ts): a pause every 256 tokens. */
export function* tokenizeSteps(text: string, sentences: readonly Sentence[], ignore: readonly Span[]): Steps<Token[]> {
  const tokens: Token[] = [];
  let si = 0;
  let ig = 0;
  let needFirst = true;
  // A copy: the scan pauses, and another may run meanwhile (the copy shares the compiled pattern).
  const re = new RegExp(TOKEN_RE);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if ((tokens.length & 255) === 255) yield;
    const start = m.index;
    let end = start + m[0].length;
    let t = m[0];
    while (ig < ignore.length && ignore[ig].end <= start) ig++;
    if (ig < ignore.length && ignore[ig].start < end && ignore[ig].end > start) {
      // A footnote marker is not a word, and its pieces are no tokens at all.
      re.lastIndex = Math.max(re.lastIndex, ignore[ig].end);
      continue;
    }
    while (si < sentences.length && sentences[si].end <= start) {
      si++;
      needFirst = true;
    }
    // A letter or digit starts it (ASCII decided without the Unicode test).
    const c0 = t.charCodeAt(0);
    const word = c0 < 128 ? (c0 >= 48 && c0 <= 57) || (c0 >= 65 && c0 <= 90) || (c0 >= 97 && c0 <= 122) : WORD_START.test(t);
    if (word && text.charCodeAt(end) === 46 && DOTTED.has(t.toLowerCase())) {
      end++;
      t += '.';
      re.lastIndex = end;
    }
    tokens.push({ start, end, text: t, lower: t.toLowerCase(), sentence: si, first: word && needFirst, word });
    if (word) needFirst = false;
  }
  return tokens;
}

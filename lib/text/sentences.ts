import type { Span } from '../schema';
import { drain, type Steps } from '../steps';
import { bmp } from './bmp-classes';

export interface Sentence extends Span {
  text: string;
}

/**
 * Abbreviations after which a full stop does not end a sentence in news text. Lower-cased, without
 * the final dot. Single letters (initials: "George W. Bush") are handled separately.
 */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'ft', 'gen', 'lt', 'col', 'sgt', 'capt',
  'cmdr', 'adm', 'maj', 'cpl', 'pvt', 'gov', 'sen', 'rep', 'rev', 'hon', 'pres', 'supt', 'insp',
  'no', 'nos', 'vol', 'vols', 'pp', 'p', 'fig', 'figs', 'art', 'sec', 'ch', 'ed', 'eds', 'est',
  'approx', 'inc', 'ltd', 'co', 'corp', 'bros', 'dept', 'univ', 'assn', 'vs', 'v', 'etc', 'al',
  'e.g', 'i.e', 'cf', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov',
  'dec', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun', 'u.s', 'u.k',
  'u.n', 'e.u', 'a.m', 'p.m', 'ave', 'blvd', 'rd', 'hwy', 'mln', 'bln', 'op', 'cit', 'ibid',
]);

/** Abbreviations that are also ordinary sentence-final words ("… in the U.S. The next day"). */
const AMBIGUOUS_FINAL = new Set(['u.s', 'u.k', 'u.n', 'e.u', 'a.m', 'p.m', 'etc', 'inc', 'ltd', 'co', 'corp', 'no', 'al']);

/** Words that usually open a sentence: after "U.S." they mean the sentence ended. */
const SENTENCE_OPENERS =
  /^(?:The|A|An|In|On|At|But|And|So|Yet|He|She|It|They|We|I|You|This|That|Those|These|His|Her|Their|Its|There|Some|Many|Most|When|While|After|Before|However|Meanwhile|Still|Now|Then|If|As)\b/;

const MARKER_AT_START = /^(?:\[(?:\d{1,3}|[a-z]|[ivx]{1,5}|\^?\d{1,3})\]|[*†‡§]+)(?=\s|$)/i;

/** Sentence end, then markers glued to it, then the next sentence's capital. */
const MARKER_GLUED_RE = bmp(/[.!?…]["”’)]*(?:\[\^?\w{1,3}\])+(?=\s+["“‘(]?\p{Lu})/gu);

function endsWithAbbreviation(piece: string, next: string): boolean {
  // Only the piece's end matters, and a piece grows as pieces merge ("Mr. Mr. Mr. …" made this
  // quadratic). The "#" stands for the cut-off start: it is neither a boundary nor a letter.
  const end = piece.length > 64 ? '#' + piece.slice(-64) : piece;
  const m = /(?:^|[\s(“"'‘])((?:[A-Za-z]\.){1,3}[A-Za-z]?|[A-Za-z]{1,6})\.\s*$/.exec(end);
  if (!m) return false;
  const word = m[1].toLowerCase().replace(/\.$/, '');
  const nextStart = next.trimStart();
  if (word.length === 1 && /[A-Z]/.test(m[1])) {
    // An initial ("W. Bush") continues with a capitalised name.
    return /^[A-Z]/.test(nextStart);
  }
  if (!ABBREVIATIONS.has(word)) {
    // Run-together initials ("J.R.R. Tolkien", "H.G. Wells") continue with a name; an unknown
    // dotted short form before a sentence opener ("Washington, D.C. The city") ends the sentence.
    if (/^(?:[a-z]\.){1,3}[a-z]$/.test(word) && /^[A-Z][a-z]/.test(nextStart)) return !SENTENCE_OPENERS.test(nextStart);
    return false;
  }
  if (word === 'no' || word === 'nos') return /^\d/.test(nextStart);
  if (AMBIGUOUS_FINAL.has(word)) {
    // "the U.S. military" and "U.S. President Obama" continue; "in the U.S. The next day" ends.
    if (/^[a-z0-9(]/.test(nextStart)) return true;
    return !SENTENCE_OPENERS.test(nextStart);
  }
  return true;
}

/** Sentences are at most this long (see splitSentences). */
export const MAX_SENTENCE = 2000;

/*
 * Sentence breaks by rule, after Unicode's sentence-boundary algorithm (UAX #29, with ICU's
 * reading of it), written out here instead of Intl.Segmenter: building ICU's segmenter costs
 * 40–70 ms on a cold page, the rules below a few microseconds per paragraph. Terms as in UAX #29:
 * ATerm is the full stop, STerm "!", "?" and their kin; Close the quotes and brackets after them;
 * Sp the spaces; Sep a line or paragraph separator.
 */
const A_TERMS = '.\u2024\uFE52\uFF0E';
const TERMINATOR_OR_SEP_RE = /[.!?\u2024\u203C\u203D\u2047-\u2049\u3002\uFE52\uFE56\uFE57\uFF01\uFF0E\uFF1F\uFF61]+|[\n\r\u0085\u2028\u2029]/g;
const IS_TERMINATOR = /[.!?\u2024\u203C\u203D\u2047-\u2049\u3002\uFE52\uFE56\uFE57\uFF01\uFF0E\uFF1F\uFF61]/;
const IS_SEP = /[\n\r\u0085\u2028\u2029]/;
const IS_CLOSE = /["'«»‘’‚‛“”„‟‹›\p{Ps}\p{Pe}\p{Pi}\p{Pf}]/u;
const IS_SP = /[\t\v\f\p{Zs}]/u;
/** Punctuation that continues a sentence after a stop ("etc., and", "Inc. — the"). */
const IS_CONTINUE = /[,\-:;\u055D\u060C\u060D\u07F8\u1802\u1808\u2013\u2014\u3001\uFE10\uFE11\uFE13\uFE31\uFE32\uFE50\uFE51\uFE55\uFE58\uFE63\uFF0C\uFF0D\uFF1A\uFF64]/;
const IS_LETTER = bmp(/\p{L}/u);
const IS_LOWER = bmp(/\p{Ll}/u);
const IS_UPPER = bmp(/[\p{Lu}\p{Lt}]/u);
const IS_DIGIT = bmp(/\p{Nd}/u);
/** A bracketed footnote marker glued to a stop ("respectively.[1] In"): it belongs before the break. */
const BRACKET_MARKER_RE = /\[\^?\w{1,3}\]/y;

/**
 * Where sentences start inside one paragraph (offsets into `para`, ascending, never 0): after a
 * line separator, and after a stop with its closing quotes, brackets, bracketed markers and
 * spaces — unless a full stop is followed by a lower-case word ("5 p.m. on Sunday"), a digit
 * ("3.5"), a capital glued to it ("U.S.A."), or punctuation that continues the sentence.
 */
function ruleBreaks(para: string): number[] {
  const cuts: number[] = [];
  const n = para.length;
  const re = TERMINATOR_OR_SEP_RE;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(para)) !== null) {
    const at = m.index;
    const run = m[0];
    if (IS_SEP.test(run)) {
      // "\r\n" is one separator.
      const after = run === '\r' && para[at + 1] === '\n' ? at + 2 : at + 1;
      if (after < n) cuts.push(after);
      re.lastIndex = after;
      continue;
    }
    const j = at + run.length;
    const aTerm = A_TERMS.includes(run[run.length - 1]);
    let k = j;
    for (;;) {
      if (k < n && IS_CLOSE.test(para[k])) {
        BRACKET_MARKER_RE.lastIndex = k;
        const marker = para[k] === '[' ? BRACKET_MARKER_RE.exec(para) : null;
        k += marker ? marker[0].length : 1;
      } else break;
    }
    let s = k;
    while (s < n && IS_SP.test(para[s])) s++;
    re.lastIndex = s;
    if (s >= n) break;
    const next = para[s];
    if (IS_SEP.test(next)) continue; // the separator itself breaks, just after it
    if (IS_CONTINUE.test(next) || IS_TERMINATOR.test(next)) continue;
    if (aTerm) {
      if (s === j) {
        // Glued to the stop: "3.5", "U.S.A.", "example.com".
        if (IS_DIGIT.test(next)) continue;
        if (run.length === 1 && IS_UPPER.test(next) && at > 0 && IS_LETTER.test(para[at - 1])) continue;
      }
      // A full stop followed (past brackets, digits, punctuation) by a lower-case word.
      let t = s;
      while (t < n && !IS_LETTER.test(para[t]) && !IS_SEP.test(para[t]) && !IS_TERMINATOR.test(para[t])) t++;
      if (t < n && IS_LOWER.test(para[t])) continue;
    }
    cuts.push(s);
  }
  return cuts;
}

/** The rule-based breaks of one paragraph, with footnote markers kept with the sentence they close. */
function segmentParagraph(text: string, block: Span, markers: readonly Span[]): Span[] {
  const para = text.slice(block.start, block.end);
  const cuts = new Set<number>(ruleBreaks(para));
  MARKER_GLUED_RE.lastIndex = 0;
  let g: RegExpExecArray | null;
  while ((g = MARKER_GLUED_RE.exec(para)) !== null) cuts.add(g.index + g[0].length);
  // Markers found in the DOM (superscripts: "…next year.5 In Kenya"): a marker after a sentence
  // end closes that sentence; no break falls inside a marker.
  for (const m of markers) {
    if (m.start < block.start || m.end > block.end) continue;
    const a = m.start - block.start;
    const b = m.end - block.start;
    for (const c of cuts) if (c > a && c <= b) cuts.delete(c);
    const before = para.slice(Math.max(0, a - 3), a);
    const after = para.slice(b, b + 3);
    if (/[.!?…]["”’)]*$/.test(before) && bmp(/^\s+["“‘(]?\p{Lu}/u).test(after)) {
      for (const c of cuts) if (c > a - 3 && c <= a) cuts.delete(c);
      cuts.add(b);
    }
  }
  const sorted = [...cuts].filter((c) => c > 0 && c < para.length).sort((a, b) => a - b);
  const pieces: Span[] = [];
  let from = 0;
  for (const c of sorted) {
    if (c > from) pieces.push({ start: block.start + from, end: block.start + c });
    from = c;
  }
  if (from < para.length) pieces.push({ start: block.start + from, end: block.end });
  return pieces;
}

/**
 * Splits text into sentences. Paragraph breaks always end a sentence; within a paragraph the
 * rules above propose breaks and guards undo the wrong ones (abbreviations, initials) and move
 * footnote markers ("…the city.[5] Beyond") to the sentence they belong to.
 */
export function splitSentences(text: string, paragraphs?: readonly Span[], markers: readonly Span[] = []): Sentence[] {
  return drain(splitSentencesSteps(text, paragraphs, markers));
}

/** `splitSentences` as steps (lib/steps.ts): a pause after every paragraph. */
export function* splitSentencesSteps(text: string, paragraphs?: readonly Span[], markers: readonly Span[] = []): Steps<Sentence[]> {
  const blocks = paragraphs && paragraphs.length > 0 ? paragraphs : paragraphSpans(text);
  const runs = markerRuns(markers);
  const out: Sentence[] = [];
  for (const block of blocks) {
    yield;
    const pieces = segmentParagraph(text, block, runs);
    // Merge pieces the segmenter cut wrongly.
    const merged: Span[] = [];
    for (const p of pieces) {
      const prev = merged[merged.length - 1];
      if (prev) {
        const prevText = text.slice(prev.start, prev.end);
        const cur = text.slice(p.start, p.end);
        const marker = MARKER_AT_START.exec(cur);
        if (marker && /[.!?…"”’)]\s*$/.test(prevText)) {
          // "…the city. [5] Beyond": the marker closes the previous sentence.
          const cut = p.start + marker[0].length;
          prev.end = cut;
          const rest = { start: cut, end: p.end };
          if (text.slice(rest.start, rest.end).trim()) merged.push(rest);
          continue;
        }
        if (endsWithAbbreviation(prevText, cur)) {
          prev.end = p.end;
          continue;
        }
      }
      merged.push({ ...p });
    }
    for (const m of merged) {
      let { start, end } = m;
      while (start < end && /\s/.test(text[start])) start++;
      while (end > start && /\s/.test(text[end - 1])) end--;
      // A "sentence" longer than this is text without full stops (a list or table run together,
      // junk): it is cut at spaces. Every claim and citation carries its sentence, and 10,000
      // claims in one 130,000-character sentence made an Analysis too long for JSON.stringify.
      while (end - start > MAX_SENTENCE) {
        let cut = text.lastIndexOf(' ', start + MAX_SENTENCE);
        if (cut <= start) {
          cut = start + MAX_SENTENCE;
          if (/[\uD800-\uDBFF]/.test(text[cut - 1])) cut--; // not between a surrogate pair
        }
        let pieceEnd = cut;
        while (pieceEnd > start && /\s/.test(text[pieceEnd - 1])) pieceEnd--;
        if (pieceEnd > start) out.push({ start, end: pieceEnd, text: text.slice(start, pieceEnd) });
        start = cut;
        while (start < end && /\s/.test(text[start])) start++;
      }
      if (end > start) out.push({ start, end, text: text.slice(start, end) });
    }
  }
  return out;
}

/** Markers side by side ("…a fortnight.³⁴ He") act as one: the sentence ends after the last. */
function markerRuns(markers: readonly Span[]): Span[] {
  const runs: Span[] = [];
  for (const m of [...markers].sort((a, b) => a.start - b.start)) {
    const last = runs[runs.length - 1];
    if (last && m.start <= last.end) last.end = Math.max(last.end, m.end);
    else runs.push({ start: m.start, end: m.end });
  }
  return runs;
}

export function paragraphSpans(text: string): Span[] {
  const out: Span[] = [];
  const re = /\n\s*\n/g;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m.index > start) out.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

/** The index of the sentence containing `offset` (binary search), or -1. */
export function sentenceIndexAt(sentences: readonly Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

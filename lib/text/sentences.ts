import type { Span } from '../schema';

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
const MARKER_GLUED_RE = /[.!?…]["”’)]*(?:\[\^?\w{1,3}\])+(?=\s+["“‘(]?\p{Lu})/gu;

let segmenter: Intl.Segmenter | null = null;
function sentenceSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  return segmenter;
}

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
/** Paragraphs longer than this are handed to ICU a window at a time. */
const SEGMENT_WINDOW = 4000;
/** Breaks this close to a window's cut end are left to the next window (ICU looks ahead). */
const SEGMENT_LOOKAHEAD = 200;

/**
 * ICU's sentence breaks (segment starts after the first) in `para`. V8's segment iterator costs
 * time proportional to the string's length at every step, so one 200,000-character paragraph
 * took seconds (400,000: 25 s): long paragraphs go by windows, each starting at the last break
 * the previous one found away from its cut end, so the breaks are those of one pass.
 */
export function icuBreaks(para: string): number[] {
  const out: number[] = [];
  let from = 0;
  while (from < para.length) {
    const to = Math.min(para.length, from + SEGMENT_WINDOW);
    const last = to === para.length;
    let next = -1;
    for (const s of sentenceSegmenter().segment(para.slice(from, to))) {
      if (s.index === 0) continue;
      if (!last && s.index > to - from - SEGMENT_LOOKAHEAD) break;
      out.push(from + s.index);
      next = from + s.index;
    }
    if (last) break;
    // No break in the window (one very long sentence): go on from a little before a space near
    // its end, so that a break right after that space is seen with what precedes it (". Next").
    if (next < 0) {
      const space = para.lastIndexOf(' ', to - SEGMENT_LOOKAHEAD);
      next = Math.max(from + 1, (space > from ? space : to - SEGMENT_LOOKAHEAD) - 16);
    }
    from = next;
  }
  return out;
}

/** ICU's sentence breaks in one paragraph, moved out of footnote markers and added after glued ones. */
function segmentParagraph(text: string, block: Span, markers: readonly Span[]): Span[] {
  const para = text.slice(block.start, block.end);
  const cuts = new Set<number>();
  for (let b of icuBreaks(para)) {
    // ICU breaks inside "respectively.[1] In": move the break past the marker(s).
    const before = /\[\^?\w{0,3}$/.exec(para.slice(Math.max(0, b - 5), b));
    if (before) {
      const after = /^\w{0,3}\](?:\[\^?\w{1,3}\])*\s*/.exec(para.slice(b));
      if (after) b += after[0].length;
    }
    cuts.add(b);
  }
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
    if (/[.!?…]["”’)]*$/.test(before) && /^\s+["“‘(]?\p{Lu}/u.test(after)) {
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
 * ICU segmenter proposes breaks and guards undo the wrong ones (abbreviations, initials) and move
 * footnote markers ("…the city.[5] Beyond") to the sentence they belong to.
 */
export function splitSentences(text: string, paragraphs?: readonly Span[], markers: readonly Span[] = []): Sentence[] {
  const blocks = paragraphs && paragraphs.length > 0 ? paragraphs : paragraphSpans(text);
  const runs = markerRuns(markers);
  const out: Sentence[] = [];
  for (const block of blocks) {
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

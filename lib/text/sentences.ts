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
  const m = /(?:^|[\s(“"'‘])((?:[A-Za-z]\.){1,3}[A-Za-z]?|[A-Za-z]{1,6})\.\s*$/.exec(piece);
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

/** ICU's sentence breaks in one paragraph, moved out of footnote markers and added after glued ones. */
function segmentParagraph(text: string, block: Span, markers: readonly Span[]): Span[] {
  const para = text.slice(block.start, block.end);
  const cuts = new Set<number>();
  for (const s of sentenceSegmenter().segment(para)) {
    let b = s.index;
    if (b === 0) continue;
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

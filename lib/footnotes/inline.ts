import type { Footnote } from '../schema';

/** A footnote marker's place in the article text, with the label it stands for. */
export interface MarkerAt {
  start: number;
  end: number;
  label: string;
}

/** A piece of a sentence as the popup shows it: running text, or a footnote marker inside it. */
export interface TextPiece {
  text: string;
  /** The footnote label, when this piece is a marker. */
  marker?: string;
}

/** Every marker of the analysis, in text order. */
export function markersOf(footnotes: readonly Footnote[]): MarkerAt[] {
  return footnotes.flatMap((f) => f.citations.map((c) => ({ start: c.start, end: c.end, label: f.label }))).sort((a, b) => a.start - b.start);
}

/**
 * A sentence of the article split around the footnote markers it holds, so that "…wells dry.1" can
 * show its "1" as a marker rather than as a digit run into the word. `start` is where the sentence
 * sits in the article text; -1 (unknown) leaves it whole.
 */
export function markerPieces(text: string, start: number, markers: readonly MarkerAt[]): TextPiece[] {
  if (start < 0) return [{ text }];
  const end = start + text.length;
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const m of markers) {
    if (m.end <= start) continue;
    if (m.start >= end) break;
    if (m.start < start || m.end > end) continue;
    const from = m.start - start;
    if (from > at) pieces.push({ text: text.slice(at, from) });
    pieces.push({ text: text.slice(from, m.end - start), marker: m.label });
    at = m.end - start;
  }
  if (at < text.length || pieces.length === 0) pieces.push({ text: text.slice(at) });
  return pieces;
}

/**
 * Where a citing sentence sits in the article text: the occurrence that holds the marker at
 * `markerStart`, or -1 when the text does not hold it there.
 */
export function sentenceStart(articleText: string, sentence: string, markerStart: number): number {
  const at = articleText.lastIndexOf(sentence, markerStart);
  return at >= 0 && markerStart < at + sentence.length ? at : -1;
}

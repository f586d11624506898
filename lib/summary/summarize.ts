import type { Span, SummarySentence } from '../schema';
import type { Sentence } from '../text/sentences';

/**
 * Extractive summary: the few sentences that carry the article. Each sentence is scored by its
 * position, how central its words are to the whole text, its overlap with the title and how many
 * actors and numbers it holds; near-duplicates of a chosen sentence are skipped. The chosen
 * sentences come back in reading order with their offsets.
 */

export interface SummaryInput {
  text: string;
  title: string | null;
  sentences: readonly Sentence[];
  /** Spans of actor mentions and claims: sentences that carry them carry the story. */
  actorSpans: readonly Span[];
  claimSpans: readonly Span[];
  /** How many sentences to pick; default depends on length (1–5). */
  maxSentences?: number;
}

const STOP = new Set(
  'a an the and or but if then so of in on at to for from by with as is are was were be been being it its this that these those he she they we you i his her their our your not no yes do does did has have had will would can could should may might must also than too very just about into over after before under between during while when where which who whom whose what why how all any both each few more most other some such only own same there here out up down off again further once'.split(' '),
);

function words(s: string): string[] {
  return (s.toLowerCase().match(/\p{L}[\p{L}\p{N}'’-]*|\d+/gu) ?? []).filter((w) => !STOP.has(w) && w.length > 1);
}

function countIn(spans: readonly Span[], s: Span): number {
  let n = 0;
  for (const x of spans) if (x.start >= s.start && x.end <= s.end) n++;
  return n;
}

export function summarize(input: SummaryInput): SummarySentence[] {
  const { text, title, sentences, actorSpans, claimSpans } = input;
  // Headings, captions and one-word lines are not summary material.
  const candidates = sentences
    .map((s, index) => ({ s, index, words: words(s.text) }))
    .filter((c) => c.words.length >= 5 && /[.!?”"’)]$/.test(c.s.text));
  if (candidates.length === 0) return [];
  const k = input.maxSentences ?? (candidates.length <= 4 ? 1 : candidates.length <= 10 ? 2 : candidates.length <= 40 ? 3 : 4);

  const df = new Map<string, number>();
  for (const c of candidates) for (const w of new Set(c.words)) df.set(w, (df.get(w) ?? 0) + 1);
  const n = candidates.length;
  const titleWords = new Set(words(title ?? ''));

  const scored = candidates.map((c, rank) => {
    const uniq = new Set(c.words);
    // Centrality: how many other sentences share this sentence's words (document frequency).
    let central = 0;
    for (const w of uniq) central += (df.get(w)! - 1) / n;
    central /= Math.sqrt(uniq.size + 1);
    let titleOverlap = 0;
    for (const w of uniq) if (titleWords.has(w)) titleOverlap++;
    titleOverlap = titleWords.size ? titleOverlap / titleWords.size : 0;
    const position = 1 / Math.sqrt(rank + 1);
    const density = Math.min(countIn(actorSpans, c.s) + countIn(claimSpans, c.s), 4) / 4;
    const length = c.words.length < 8 ? 0.6 : c.words.length > 45 ? 0.8 : 1;
    const score = (0.45 * position + 0.25 * central + 0.2 * titleOverlap + 0.1 * density) * length;
    return { ...c, uniq, score };
  });

  const chosen: typeof scored = [];
  for (const c of [...scored].sort((a, b) => b.score - a.score)) {
    if (chosen.length >= k) break;
    const dup = chosen.some((o) => {
      let shared = 0;
      for (const w of c.uniq) if (o.uniq.has(w)) shared++;
      return shared / Math.min(c.uniq.size, o.uniq.size) > 0.6;
    });
    if (!dup) chosen.push(c);
  }
  return chosen
    .sort((a, b) => a.s.start - b.s.start)
    .map((c) => ({ start: c.s.start, end: c.s.end, text: text.slice(c.s.start, c.s.end) }));
}

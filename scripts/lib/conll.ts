/**
 * CoNLL-2003 as Sift sees a page: each document rebuilt as plain text with character offsets
 * (sentences joined by spaces, tokens joined with the usual spacing rules), so that a recogniser
 * that reads text can be scored against the gold token spans. Used by `npm run eval:actors`, the
 * actor model's training script and the actors floor test. The data stays in ../shared.
 */
import { readFileSync } from 'node:fs';

export type ConllTag = 'PER' | 'ORG' | 'LOC' | 'MISC';

export interface ConllToken {
  text: string;
  start: number;
  end: number;
  /** IOB2 tag as in the file ("B-PER", "I-ORG", "O"). */
  tag: string;
}

export interface ConllEntity {
  /** Token indices, `last` inclusive. */
  first: number;
  last: number;
  type: ConllTag;
}

export interface ConllDocument {
  index: number;
  text: string;
  tokens: ConllToken[];
  /** Gold sentence boundaries as token index ranges (only for training; evaluation re-splits). */
  sentences: { first: number; last: number }[];
  entities: ConllEntity[];
}

const NO_SPACE_BEFORE = /^(?:[.,;:!?%)\]}]|'s|'S|'|n't|N'T|'re|'ve|'ll|'d|'m|''|\.\.\.)$/;
const NO_SPACE_AFTER = /^(?:[([{$]|``)$/;

/** Parses the CoNLL file into documents rebuilt as text. */
export function loadConll(file: string): ConllDocument[] {
  const docs: ConllDocument[] = [];
  let raw: { text: string; tag: string }[][] = [];
  let sentence: { text: string; tag: string }[] = [];
  const flushSentence = () => {
    if (sentence.length) raw.push(sentence);
    sentence = [];
  };
  const flushDoc = () => {
    flushSentence();
    if (raw.length) docs.push(buildDocument(docs.length, raw));
    raw = [];
  };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const l = line.trim();
    if (l.startsWith('-DOCSTART-')) {
      flushDoc();
      continue;
    }
    if (!l) {
      flushSentence();
      continue;
    }
    const cols = l.split(' ');
    sentence.push({ text: cols[0], tag: cols[cols.length - 1] });
  }
  flushDoc();
  return docs;
}

function buildDocument(index: number, raw: { text: string; tag: string }[][]): ConllDocument {
  let text = '';
  const tokens: ConllToken[] = [];
  const sentences: { first: number; last: number }[] = [];
  for (const s of raw) {
    const first = tokens.length;
    let openQuote = false;
    s.forEach((tok, k) => {
      let space = text.length > 0;
      if (k > 0) {
        const prev = s[k - 1].text;
        if (NO_SPACE_BEFORE.test(tok.text) || NO_SPACE_AFTER.test(prev)) space = false;
        if (tok.text === '"') space = !openQuote; // a closing quote hugs the word before it
        if (prev === '"' && openQuote) space = false; // an opening quote hugs the word after it
      }
      if (tok.text === '"') openQuote = !openQuote;
      if (space) text += ' ';
      tokens.push({ text: tok.text, start: text.length, end: text.length + tok.text.length, tag: tok.tag });
      text += tok.text;
    });
    sentences.push({ first, last: tokens.length - 1 });
  }
  return { index, text, tokens, sentences, entities: entitiesOf(tokens.map((t) => t.tag)) };
}

/** IOB2 (or IOB1) tags → entities. */
export function entitiesOf(tags: readonly string[]): ConllEntity[] {
  const out: ConllEntity[] = [];
  let cur: ConllEntity | null = null;
  tags.forEach((tag, i) => {
    const type = tag === 'O' ? null : (tag.slice(2) as ConllTag);
    if (!type || tag.startsWith('B-') || !cur || cur.type !== type) {
      if (cur) out.push(cur);
      cur = type ? { first: i, last: i, type } : null;
    } else cur.last = i;
  });
  if (cur) out.push(cur);
  return out;
}

/** Character span → the whole tokens it touches (null when it touches none). */
export function tokensOfSpan(doc: ConllDocument, start: number, end: number): { first: number; last: number } | null {
  let first = -1;
  let last = -1;
  // Binary search for the first token ending after `start`.
  let lo = 0;
  let hi = doc.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.tokens[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < doc.tokens.length && doc.tokens[i].start < end; i++) {
    if (first < 0) first = i;
    last = i;
  }
  return first < 0 ? null : { first, last };
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export const emptyCounts = (): Counts => ({ tp: 0, fp: 0, fn: 0 });

export function addCounts(a: Counts, b: Counts): Counts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn };
}

export function prf(c: Counts): { p: number; r: number; f: number } {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

export type ScoredTag = 'PER' | 'ORG' | 'LOC';
export interface Prediction {
  start: number;
  end: number;
  type: ScoredTag;
}

export interface DocScore {
  typed: Counts;
  untyped: Counts;
  byType: Record<ScoredTag, Counts>;
  /** Errors for inspection: [kind, text, gold type, predicted type]. */
  errors: [string, string, string, string][];
}

/**
 * Entity-level exact match. Gold MISC is not a target: a prediction exactly on a MISC entity is
 * neither rewarded nor punished (it is dropped), any other prediction that matches no gold
 * PER/ORG/LOC span is a false positive.
 */
export function scoreDocument(doc: ConllDocument, predictions: readonly Prediction[]): DocScore {
  const key = (f: number, l: number) => `${f}:${l}`;
  const gold = new Map<string, ConllTag>();
  for (const e of doc.entities) gold.set(key(e.first, e.last), e.type);
  const pred = new Map<string, ScoredTag>();
  for (const p of predictions) {
    const t = tokensOfSpan(doc, p.start, p.end);
    if (!t) continue;
    const k = key(t.first, t.last);
    if (!pred.has(k)) pred.set(k, p.type);
  }
  const byType: Record<ScoredTag, Counts> = { PER: emptyCounts(), ORG: emptyCounts(), LOC: emptyCounts() };
  const typed = emptyCounts();
  const untyped = emptyCounts();
  const errors: DocScore['errors'] = [];
  const spanText = (k: string) => {
    const [f, l] = k.split(':').map(Number);
    return doc.text.slice(doc.tokens[f].start, doc.tokens[l].end);
  };
  for (const [k, p] of pred) {
    const g = gold.get(k);
    if (g === 'MISC') continue;
    if (g) untyped.tp++;
    else {
      untyped.fp++;
      errors.push(['fp', spanText(k), '-', p]);
    }
    if (g === p) {
      typed.tp++;
      byType[p].tp++;
    } else {
      typed.fp++;
      byType[p].fp++;
      if (g) errors.push(['type', spanText(k), g, p]);
    }
  }
  for (const [k, g] of gold) {
    if (g === 'MISC') continue;
    const p = pred.get(k);
    if (!p) {
      untyped.fn++;
      errors.push(['fn', spanText(k), g, '-']);
    }
    if (p !== g) {
      typed.fn++;
      byType[g].fn++;
    }
  }
  return { typed, untyped, byType, errors };
}

import { splitSentences } from '../../lib/text/sentences';
import { findActors, type RecognizeOptions } from '../../lib/actors/recognize';
import type { KnowledgeBase } from '../../lib/kb/knowledge-base';
import type { ActorType } from '../../lib/schema';

/** Sift's type → CoNLL's: person → PER; country, place → LOC; every other kind → ORG. */
export function conllType(t: ActorType): ScoredTag {
  return t === 'person' ? 'PER' : t === 'country' || t === 'place' ? 'LOC' : 'ORG';
}

/** Sift's actors on a CoNLL document, through the same entry point as the pipeline. */
export function siftPredictions(doc: ConllDocument, kb: KnowledgeBase, options: RecognizeOptions = {}): Prediction[] {
  const sentences = splitSentences(doc.text);
  const actors = findActors({ text: doc.text, sentences, ignore: [], kb }, options);
  return actors.flatMap((a) => a.mentions.map((m) => ({ start: m.start, end: m.end, type: conllType(a.type) })));
}

/** Development split: even document indices tune (train), odd ones are reported. */
export const isTuningDocument = (d: ConllDocument) => d.index % 2 === 0;

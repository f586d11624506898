import type { KnowledgeBase } from '../kb/knowledge-base';
import type { ActorType } from '../schema';
import type { Token } from './tokens';
import { COMMON_WORDS } from './common-words';
import { COUNTRIES, ORG_SUFFIXES, PERSON_TITLES, FIRST_NAMES, NOT_NAMES, isDemonym } from './lexicon';

/**
 * The features of the actor tagger, shared by `scripts/train-actors.ts` and the recogniser so
 * that both see exactly the same thing. Each feature is a hashed string (template + value), so
 * the shipped model is a table of small integers and no vocabulary.
 */

export const HASH_BITS = 22;
const HASH_MASK = (1 << HASH_BITS) - 1;

/** FNV-1a of a template number and a string, folded to HASH_BITS. */
function hash(template: number, s: string): number {
  let h = Math.imul(2166136261 ^ template, 16777619);
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h ^ (h >>> HASH_BITS)) & HASH_MASK;
}

/** "Leicestershire" → "Xx", "U.S." → "X.X.", "1996-08-30" → "d-d-d", "al-Assad" → "x-Xx". */
export function shape(s: string): string {
  let out = '';
  let last = '';
  for (const ch of s) {
    const code = ch.charCodeAt(0);
    const c =
      code >= 65 && code <= 90 ? 'X'
      : code >= 97 && code <= 122 ? 'x'
      : code >= 48 && code <= 57 ? 'd'
      : code < 128 ? ch
      : /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    if (c !== last) out += c;
    last = c;
  }
  return out.length > 8 ? out.slice(0, 8) : out;
}

const enum Cap {
  Lower = 0,
  Title = 1,
  Upper = 2,
  Mixed = 3,
  Other = 4,
}

function capClass(t: string): Cap {
  const f = t.charAt(0);
  if (!/\p{L}/u.test(f)) return Cap.Other;
  const hasLower = /\p{Ll}/u.test(t);
  const upperFirst = /\p{Lu}/u.test(f);
  if (!upperFirst) return /\p{Lu}/u.test(t) ? Cap.Mixed : Cap.Lower;
  if (!hasLower) return Cap.Upper;
  return /\p{Lu}/u.test(t.slice(1).replace(/^[\p{Ll}]*[-'’.]/u, '')) ? Cap.Mixed : Cap.Title;
}

/** Per document: how each word is written elsewhere (lower-case, capitalised mid-sentence…). */
export interface DocumentWords {
  flags: Map<string, number>;
}
export const SEEN_LOWER = 1;
export const SEEN_CAP_MID = 2;
export const SEEN_CAP_FIRST = 4;

/** A token inside a run of capitals ("SOCCER - JAPAN GET LUCKY WIN"): its case says nothing. */
export function capsRegions(tokens: readonly Token[]): Uint8Array {
  const upper = new Uint8Array(tokens.length);
  const words: number[] = [];
  tokens.forEach((t, i) => {
    if (t.word && /\p{L}/u.test(t.text)) {
      words.push(i);
      if (!/\p{Ll}/u.test(t.text)) upper[i] = 1;
    }
  });
  const out = new Uint8Array(tokens.length);
  for (let k = 0; k < words.length; k++) {
    let n = 0;
    let total = 0;
    for (let d = -3; d <= 3; d++) {
      const w = words[k + d];
      if (w === undefined || tokens[w].sentence !== tokens[words[k]].sentence) continue;
      total++;
      n += upper[w];
    }
    if (n >= 3 && n * 3 >= total * 2) out[words[k]] = 1;
  }
  // Punctuation takes the mark of the word before it.
  for (let i = 1; i < tokens.length; i++) if (!tokens[i].word) out[i] = out[i - 1];
  return out;
}

export function documentWords(tokens: readonly Token[], caps: Uint8Array): DocumentWords {
  const flags = new Map<string, number>();
  tokens.forEach((t, i) => {
    if (!t.word || caps[i]) return;
    const c = capClass(t.text);
    const f = c === Cap.Lower ? SEEN_LOWER : c === Cap.Title || c === Cap.Upper || c === Cap.Mixed ? (t.first ? SEEN_CAP_FIRST : SEEN_CAP_MID) : 0;
    if (f) flags.set(t.lower, (flags.get(t.lower) ?? 0) | f);
  });
  return { flags };
}

/** Coarse class of a knowledge-base type, as the tagger sees it. */
export function coarseType(t: ActorType): 'PER' | 'ORG' | 'LOC' {
  return t === 'person' ? 'PER' : t === 'country' || t === 'place' ? 'LOC' : 'ORG';
}

export interface KbMatch {
  first: number;
  /** Inclusive. */
  last: number;
  id: string;
  type: ActorType;
  name: string;
}

/** Longest knowledge-base aliases, left to right, starting at capitalised words. */
export function kbMatches(text: string, tokens: readonly Token[], kb: KnowledgeBase): KbMatch[] {
  const out: KbMatch[] = [];
  if (kb.size === 0) return out;
  const maxWords = Math.max(1, Math.min(kb.maxAliasWords, 10));
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (!t.word || !/^\p{Lu}/u.test(t.text) || (NOT_NAMES.has(t.lower) && !/^\p{Lu}+$/u.test(t.text))) {
      i++;
      continue;
    }
    let reach = i;
    let words = 1;
    while (reach + 1 < tokens.length && tokens[reach + 1].sentence === t.sentence && words < maxWords) {
      const u = tokens[reach + 1];
      if (!u.word && !/^[-&.'’]$/.test(u.text)) break;
      if (u.start - tokens[reach].end > 1) break;
      reach++;
      if (u.word) words++;
    }
    let matched = false;
    for (let j = reach; j >= i; j--) {
      const last = tokens[j];
      if (!last.word && last.text !== '.') continue;
      const e = kb.lookup(text.slice(t.start, last.end));
      if (e) {
        out.push({ first: i, last: j, id: e.id, type: e.type, name: e.name });
        i = j + 1;
        matched = true;
        break;
      }
    }
    if (!matched) i++;
  }
  return out;
}

// Template numbers (part of each hash).
const T = {
  bias: 1, w: 2, shape: 3, suf3: 4, suf4: 5, pre3: 6, cap: 7, wm1: 8, wp1: 9, wm2: 10, wp2: 11, sm1: 12, sp1: 13,
  wm1s: 14, wp1s: 15, kb: 16, title: 17, orgSuffix: 18, firstName: 19, doc: 20, docCaps: 21, notName: 22, len: 23, wm1cap: 24,
  kbType: 25, sm1sp1: 26, demonym: 27, stack: 28, stackCap: 29, country: 30, common: 31,
} as const;

/** Feature hashes for every token (arrays of HASH_BITS integers). */
export function tokenFeatures(tokens: readonly Token[], matches: readonly KbMatch[], caps: Uint8Array): number[][] {
  const doc = documentWords(tokens, caps);
  const kbAt: (string | null)[] = Array.from({ length: tokens.length }, () => null);
  for (const m of matches) {
    const c = coarseType(m.type);
    for (let k = m.first; k <= m.last; k++) kbAt[k] = (k === m.first ? 'B' : 'I') + c + (m.first === m.last ? '1' : 'n');
  }
  const shapes = tokens.map((t) => shape(t.text));
  const caps3 = tokens.map((t) => capClass(t.text));
  const out: number[][] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const s = t.sentence;
    const prev = i > 0 && tokens[i - 1].sentence === s ? tokens[i - 1] : null;
    const next = i + 1 < tokens.length && tokens[i + 1].sentence === s ? tokens[i + 1] : null;
    const prev2 = prev && i > 1 && tokens[i - 2].sentence === s ? tokens[i - 2] : null;
    const next2 = next && i + 2 < tokens.length && tokens[i + 2].sentence === s ? tokens[i + 2] : null;
    const cr = caps[i] ? 'U' : 'N';
    const sh = shapes[i];
    const f: number[] = [hash(T.bias, ''), hash(T.w, t.lower), hash(T.shape, sh + cr)];
    const lw = t.lower;
    if (lw.length > 3) {
      f.push(hash(T.suf3, lw.slice(-3)), hash(T.pre3, lw.slice(0, 3)));
      if (lw.length > 4) f.push(hash(T.suf4, lw.slice(-4)));
    }
    const c = caps3[i];
    f.push(hash(T.cap, `${c}${t.first ? 'F' : 'M'}${cr}`));
    f.push(hash(T.len, String(Math.min(lw.length, 6)) + String(c)));
    f.push(hash(T.wm1, prev ? prev.lower : '<s>'), hash(T.wp1, next ? next.lower : '</s>'));
    f.push(hash(T.wm2, prev2 ? prev2.lower : '<s>'), hash(T.wp2, next2 ? next2.lower : '</s>'));
    const psh = prev ? shapes[i - 1] : '<s>';
    const nsh = next ? shapes[i + 1] : '</s>';
    f.push(hash(T.sm1, psh + sh), hash(T.sp1, sh + nsh), hash(T.sm1sp1, psh + sh + nsh));
    f.push(hash(T.wm1s, (prev ? prev.lower : '<s>') + ' ' + sh), hash(T.wp1s, sh + ' ' + (next ? next.lower : '</s>')));
    f.push(hash(T.wm1cap, (prev ? String(caps3[i - 1]) : 's') + String(c)));
    const kbf = kbAt[i];
    if (kbf) f.push(hash(T.kb, kbf + cr), hash(T.kbType, kbf.slice(0, 2)));
    if (prev && PERSON_TITLES.has(prev.lower.replace(/\.$/, ''))) f.push(hash(T.title, 'prev'));
    if (prev2 && PERSON_TITLES.has(prev2.lower.replace(/\.$/, ''))) f.push(hash(T.title, 'prev2'));
    if (next && ORG_SUFFIXES.has(next.lower.replace(/\.$/, ''))) f.push(hash(T.orgSuffix, 'next'));
    if (ORG_SUFFIXES.has(lw.replace(/\.$/, ''))) f.push(hash(T.orgSuffix, 'self'));
    if (FIRST_NAMES.has(lw)) f.push(hash(T.firstName, 'self' + cr));
    if (prev && FIRST_NAMES.has(prev.lower)) f.push(hash(T.firstName, 'prev' + cr));
    if (NOT_NAMES.has(lw)) f.push(hash(T.notName, ''));
    if (COMMON_WORDS.has(lw)) f.push(hash(T.common, (t.first ? 'F' : 'M') + cr));
    if (COUNTRIES.has(lw)) f.push(hash(T.country, 'U'));
    else if (next && COUNTRIES.has(lw + ' ' + next.lower)) f.push(hash(T.country, 'B'));
    else if (prev && COUNTRIES.has(prev.lower + ' ' + lw)) f.push(hash(T.country, 'I'));
    if (isDemonym(lw)) f.push(hash(T.demonym, next && /^\p{Lu}/u.test(next.text) ? 'cap' : ''));
    if (t.word) {
      const d = doc.flags.get(lw) ?? 0;
      f.push(hash(caps[i] ? T.docCaps : T.doc, `${d}${t.first ? 'F' : 'M'}`));
    }
    out.push(f);
  }
  return out;
}

/** The first pass's features plus the document-level ones of `stackValues` (second pass). */
export function withStack(features: readonly number[][], tokens: readonly Token[], caps: Uint8Array, stack: readonly (string | null)[]): number[][] {
  return features.map((f, i) => {
    const st = stack[i];
    if (!st) return f;
    const t = tokens[i];
    return [...f, hash(T.stack, st), hash(T.stackCap, st + String(capClass(t.text)) + (caps[i] ? 'U' : 'N') + (t.first ? 'F' : 'M'))];
  });
}

/**
 * The second pass's view of the whole article: for each capitalised word, how the first pass
 * tagged the same word elsewhere ("PER" when every other "Reeves" was a person, "ORG~" when most
 * were organisations, "O" when none was a name). Null when the word occurs only here.
 */
export function stackValues(tokens: readonly Token[], tags: ArrayLike<number>, tagNames: readonly string[]): (string | null)[] {
  const byWord = new Map<string, number[]>();
  tokens.forEach((t, i) => {
    if (!t.word || !/^\p{Lu}/u.test(t.text)) return;
    const list = byWord.get(t.lower);
    if (list) list.push(i);
    else byWord.set(t.lower, [i]);
  });
  const out: (string | null)[] = Array.from({ length: tokens.length }, () => null);
  for (const list of byWord.values()) {
    if (list.length < 2) continue;
    for (const i of list) {
      const counts = new Map<string, number>();
      for (const j of list) {
        if (j === i) continue;
        const tag = tagNames[tags[j]];
        const label = tag === 'O' ? 'O' : tag.slice(2);
        counts.set(label, (counts.get(label) ?? 0) + 1);
      }
      let best = 'O';
      let n = -1;
      for (const [l, c] of counts) if (c > n) [best, n] = [l, c];
      out[i] = best + (counts.size === 1 ? '' : '~');
    }
  }
  return out;
}

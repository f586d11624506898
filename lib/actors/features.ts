import type { KnowledgeBase } from '../kb/knowledge-base';
import type { ActorType } from '../schema';
import type { Token } from './tokens';
import { COMMON_WORDS } from './common-words';
import { drain, type Steps } from '../steps';
import { bmp } from '../text/bmp-classes';
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

/** `hash(template, s + the three characters of codes a, b, c)`. */
function hashWithSuffix(template: number, s: string, a: number, b: number, c: number): number {
  let h = Math.imul(2166136261 ^ template, 16777619);
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  h = Math.imul(h ^ a, 16777619);
  h = Math.imul(h ^ b, 16777619);
  h = Math.imul(h ^ c, 16777619);
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
      : bmp(/\p{Lu}/u).test(ch) ? 'X' : bmp(/\p{Ll}/u).test(ch) ? 'x' : bmp(/\p{N}/u).test(ch) ? 'd' : ch;
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

const isUpper = (c: number) => c >= 65 && c <= 90;
const isLower = (c: number) => c >= 97 && c <= 122;

function capClass(t: string): Cap {
  if (!/[^ -~]/.test(t)) {
    // ASCII fast path (most tokens of English news), the same rule as below.
    const f = t.charCodeAt(0);
    if (!isUpper(f) && !isLower(f)) return Cap.Other;
    let hasLower = false;
    let hasUpper = false;
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (isLower(c)) hasLower = true;
      else if (isUpper(c)) hasUpper = true;
    }
    if (!isUpper(f)) return hasUpper ? Cap.Mixed : Cap.Lower;
    if (!hasLower) return Cap.Upper;
    let j = 1;
    while (j < t.length && isLower(t.charCodeAt(j))) j++;
    const from = j < t.length && (t[j] === '-' || t[j] === "'" || t[j] === '.') ? j + 1 : 1;
    for (let i = from; i < t.length; i++) if (isUpper(t.charCodeAt(i))) return Cap.Mixed;
    return Cap.Title;
  }
  const f = t.charAt(0);
  if (!bmp(/\p{L}/u).test(f)) return Cap.Other;
  const hasLower = bmp(/\p{Ll}/u).test(t);
  const upperFirst = bmp(/\p{Lu}/u).test(f);
  if (!upperFirst) return bmp(/\p{Lu}/u).test(t) ? Cap.Mixed : Cap.Lower;
  if (!hasLower) return Cap.Upper;
  return bmp(/\p{Lu}/u).test(t.slice(1).replace(bmp(/^[\p{Ll}]*[-'’.]/u), '')) ? Cap.Mixed : Cap.Title;
}

/** Per document: how each word is written elsewhere (lower-case, capitalised mid-sentence…). */
export interface DocumentWords {
  flags: Map<string, number>;
}
export const SEEN_LOWER = 1;
export const SEEN_CAP_MID = 2;
export const SEEN_CAP_FIRST = 4;

/** A token inside a run of capitals ("SOCCER - JAPAN GET LUCKY WIN"): its case says nothing. */
const NO_LETTER = 0;
const NO_LOWER = 1;
const HAS_LOWER = 2;

/** Whether a word has letters, and a lower-case one (ASCII read directly: the Unicode tests are slow cold). */
function letterCase(word: string): number {
  let letter = false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 128) return bmp(/\p{L}/u).test(word) ? (bmp(/\p{Ll}/u).test(word) ? HAS_LOWER : NO_LOWER) : NO_LETTER;
    if (isLower(c)) return HAS_LOWER;
    if (isUpper(c)) letter = true;
  }
  return letter ? NO_LOWER : NO_LETTER;
}

export function capsRegions(tokens: readonly Token[]): Uint8Array {
  const upper = new Uint8Array(tokens.length);
  const words: number[] = [];
  tokens.forEach((t, i) => {
    if (!t.word) return;
    const c = letterCase(t.text);
    if (c === NO_LETTER) return;
    words.push(i);
    if (c === NO_LOWER) upper[i] = 1;
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
  return drain(kbMatchesSteps(text, tokens, kb));
}

/** `kbMatches`, pausing every 128 tokens. */
export function* kbMatchesSteps(text: string, tokens: readonly Token[], kb: KnowledgeBase): Steps<KbMatch[]> {
  const out: KbMatch[] = [];
  if (kb.size === 0) return out;
  const maxWords = Math.max(1, Math.min(kb.maxAliasWords, 10));
  let i = 0;
  let pausedAt = 0;
  while (i < tokens.length) {
    if (i - pausedAt >= 128) {
      pausedAt = i;
      yield;
    }
    const t = tokens[i];
    if (!t.word || !bmp(/^\p{Lu}/u).test(t.text)) {
      i++;
      continue;
    }
    let reach = i;
    let words = 1;
    // Bounded in tokens too: punctuation is no word, and 20,000 full stops in a row made each a
    // longer and longer lookup.
    while (reach + 1 < tokens.length && tokens[reach + 1].sentence === t.sentence && words < maxWords && reach - i < 3 * maxWords) {
      const u = tokens[reach + 1];
      if (!u.word && !/^[-&.'’]$/.test(u.text)) break;
      if (u.start - tokens[reach].end > 1) break;
      reach++;
      if (u.word) words++;
    }
    let matched = false;
    // "The", "Islamic": only the start of a longer name ("Islamic State"), never one alone.
    const shortest = NOT_NAMES.has(t.lower) && !bmp(/^\p{Lu}+$/u).test(t.text) ? i + 1 : i;
    for (let j = reach; j >= shortest; j--) {
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

/** FNV-1a of a string (32 bits). */
function strHash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** A template number and up to three integers mixed into one HASH_BITS feature. */
function mix(template: number, a: number, b = 0, c = 0): number {
  let h = Math.imul(template ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul((h ^ a) ^ (h >>> 15), 0x2c1b3c6d);
  h = Math.imul((h ^ b) ^ (h >>> 13), 0x297a2d39);
  h = Math.imul((h ^ c) ^ (h >>> 16), 0x85ebca6b);
  h ^= h >>> 13;
  return (h ^ (h >>> HASH_BITS)) & HASH_MASK;
}

const START_WORD = 0x5eed5;
const END_WORD = 0x5eed6;

/** What a token's features need of its word alone: computed once per distinct word in a run. */
interface WordInfo {
  /** strHash of the word in lower case, and of its shape. */
  hl: number;
  hs: number;
  capc: Cap;
  /** The word's own features: mix(T.w), then the suffix and prefix ones when the word is long enough. */
  own: number[];
  /** Lower case without a final full stop, in PERSON_TITLES / ORG_SUFFIXES. */
  title: boolean;
  orgSuffix: boolean;
  /** Lower case in FIRST_NAMES, NOT_NAMES, COMMON_WORDS, COUNTRIES; a demonym. */
  firstName: boolean;
  notName: boolean;
  common: boolean;
  country: boolean;
  demonym: boolean;
  /** First / last word of a two-word country ("sri" of "sri lanka"). */
  countryFirst: boolean;
  countryLast: boolean;
}

/** First and last words of the two-word countries, so that no pair is joined just to look it up. */
const COUNTRY_FIRST = new Set<string>();
const COUNTRY_LAST = new Set<string>();
for (const c of COUNTRIES) {
  const parts = c.split(' ');
  if (parts.length === 2) {
    COUNTRY_FIRST.add(parts[0]);
    COUNTRY_LAST.add(parts[1]);
  }
}

function wordInfo(text: string, lower: string): WordInfo {
  const bare = lower.endsWith('.') ? lower.slice(0, -1) : lower;
  const hl = strHash(lower);
  const own = [mix(T.w, hl)];
  if (lower.length > 3) {
    own.push(mix(T.suf3, strHash(lower.slice(-3))), mix(T.pre3, strHash(lower.slice(0, 3))));
    if (lower.length > 4) own.push(mix(T.suf4, strHash(lower.slice(-4))));
  }
  return {
    hl,
    hs: strHash(shape(text)),
    capc: capClass(text),
    own,
    title: PERSON_TITLES.has(bare),
    orgSuffix: ORG_SUFFIXES.has(bare),
    firstName: FIRST_NAMES.has(lower),
    notName: NOT_NAMES.has(lower),
    common: COMMON_WORDS.has(lower),
    country: COUNTRIES.has(lower),
    demonym: isDemonym(lower),
    countryFirst: COUNTRY_FIRST.has(lower),
    countryLast: COUNTRY_LAST.has(lower),
  };
}

/** The word information of every token, each distinct word computed once. */
function* wordInfosSteps(tokens: readonly Token[]): Steps<WordInfo[]> {
  const cache = new Map<string, WordInfo>();
  const out: WordInfo[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if ((i & 255) === 255) yield;
    const t = tokens[i];
    let w = cache.get(t.text);
    if (w === undefined) {
      w = wordInfo(t.text, t.lower);
      cache.set(t.text, w);
    }
    out.push(w);
  }
  return out;
}

/** `documentWords` from the tokens' capitalisation classes. */
function documentFlags(tokens: readonly Token[], caps: Uint8Array, info: readonly WordInfo[]): Map<string, number> {
  const flags = new Map<string, number>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t.word || caps[i]) continue;
    const c = info[i].capc;
    const f = c === Cap.Lower ? SEEN_LOWER : c === Cap.Title || c === Cap.Upper || c === Cap.Mixed ? (t.first ? SEEN_CAP_FIRST : SEEN_CAP_MID) : 0;
    if (f) flags.set(t.lower, (flags.get(t.lower) ?? 0) | f);
  }
  return flags;
}

const BIAS = mix(T.bias, 0);

/**
 * Feature hashes for every token (arrays of HASH_BITS integers). Word and shape strings are
 * hashed once per distinct word; every feature is then a mix of integers, so no string is built
 * per feature.
 */
export function tokenFeatures(tokens: readonly Token[], matches: readonly KbMatch[], caps: Uint8Array): number[][] {
  return drain(tokenFeaturesSteps(tokens, matches, caps));
}

/** `tokenFeatures`, pausing every 256 tokens. */
export function* tokenFeaturesSteps(tokens: readonly Token[], matches: readonly KbMatch[], caps: Uint8Array): Steps<number[][]> {
  const n = tokens.length;
  const info = yield* wordInfosSteps(tokens);
  yield;
  const docFlags = documentFlags(tokens, caps, info);
  yield;
  const kbAt = new Int32Array(n);
  const KB_CODE = { PER: 1, ORG: 2, LOC: 3 } as const;
  for (const m of matches) {
    const c = KB_CODE[coarseType(m.type)];
    for (let k = m.first; k <= m.last; k++) kbAt[k] = (k === m.first ? 1 : 2) * 16 + c * 2 + (m.first === m.last ? 1 : 0);
  }
  const out: number[][] = [];
  for (let i = 0; i < n; i++) {
    if ((i & 255) === 255) yield;
    const t = tokens[i];
    const w = info[i];
    const s = t.sentence;
    const hasPrev = i > 0 && tokens[i - 1].sentence === s;
    const hasNext = i + 1 < n && tokens[i + 1].sentence === s;
    const hasPrev2 = hasPrev && i > 1 && tokens[i - 2].sentence === s;
    const hasNext2 = hasNext && i + 2 < n && tokens[i + 2].sentence === s;
    const prev = hasPrev ? info[i - 1] : null;
    const next = hasNext ? info[i + 1] : null;
    const cr = caps[i];
    const fi = t.first ? 1 : 0;
    const c = w.capc;
    const lw = t.lower;
    const hs = w.hs;
    const wPrev = prev ? prev.hl : START_WORD;
    const wNext = next ? next.hl : END_WORD;
    const sPrev = prev ? prev.hs : START_WORD;
    const sNext = next ? next.hs : END_WORD;
    const f: number[] = [BIAS, w.own[0], mix(T.shape, hs, cr)];
    for (let k = 1; k < w.own.length; k++) f.push(w.own[k]);
    f.push(mix(T.cap, c, fi, cr), mix(T.len, Math.min(lw.length, 6), c));
    f.push(mix(T.wm1, wPrev), mix(T.wp1, wNext));
    f.push(mix(T.wm2, hasPrev2 ? info[i - 2].hl : START_WORD), mix(T.wp2, hasNext2 ? info[i + 2].hl : END_WORD));
    f.push(mix(T.sm1, sPrev, hs), mix(T.sp1, hs, sNext), mix(T.sm1sp1, sPrev, hs, sNext));
    f.push(mix(T.wm1s, wPrev, hs), mix(T.wp1s, hs, wNext));
    f.push(mix(T.wm1cap, prev ? prev.capc : 9, c));
    if (kbAt[i]) f.push(mix(T.kb, kbAt[i], cr), mix(T.kbType, kbAt[i] >> 1));
    if (prev && prev.title) f.push(mix(T.title, 1));
    if (hasPrev2 && info[i - 2].title) f.push(mix(T.title, 2));
    if (next && next.orgSuffix) f.push(mix(T.orgSuffix, 1));
    if (w.orgSuffix) f.push(mix(T.orgSuffix, 2));
    if (w.firstName) f.push(mix(T.firstName, 1, cr));
    if (prev && prev.firstName) f.push(mix(T.firstName, 2, cr));
    if (w.notName) f.push(mix(T.notName, 0));
    if (w.common) f.push(mix(T.common, fi, cr));
    if (w.country) f.push(mix(T.country, 1));
    else if (next && w.countryFirst && next.countryLast && COUNTRIES.has(lw + ' ' + tokens[i + 1].lower)) f.push(mix(T.country, 2));
    else if (prev && w.countryLast && prev.countryFirst && COUNTRIES.has(tokens[i - 1].lower + ' ' + lw)) f.push(mix(T.country, 3));
    if (w.demonym) f.push(mix(T.demonym, next && next.capc !== Cap.Lower && next.capc !== Cap.Other ? 1 : 0));
    if (t.word) f.push(mix(cr ? T.docCaps : T.doc, docFlags.get(lw) ?? 0, fi));
    out.push(f);
  }
  return out;
}

/** The first pass's features plus the document-level ones of `stackValues` (second pass). */
export function withStack(features: readonly number[][], tokens: readonly Token[], caps: Uint8Array, stack: readonly (string | null)[]): number[][] {
  return drain(withStackSteps(features, tokens, caps, stack));
}

/** `withStack` as steps (lib/steps.ts): a pause every 256 tokens. */
export function* withStackSteps(features: readonly number[][], tokens: readonly Token[], caps: Uint8Array, stack: readonly (string | null)[]): Steps<number[][]> {
  const out: number[][] = [];
  for (let i = 0; i < features.length; i++) {
    if ((i & 255) === 255) yield;
    const f = features[i];
    const st = stack[i];
    if (!st) {
      out.push(f);
      continue;
    }
    const t = tokens[i];
    const g = f.slice();
    // hash(T.stackCap, st + capClass + 'U'|'N' + 'F'|'M'), without building the string.
    g.push(hash(T.stack, st), hashWithSuffix(T.stackCap, st, 48 + capClass(t.text), caps[i] ? 85 : 78, t.first ? 70 : 77));
    out.push(g);
  }
  return out;
}

/**
 * The second pass's view of the whole article: for each capitalised word, how the first pass
 * tagged the same word elsewhere ("PER" when every other "Reeves" was a person, "ORG~" when most
 * were organisations, "O" when none was a name). Null when the word occurs only here.
 */
export function stackValues(tokens: readonly Token[], tags: ArrayLike<number>, tagNames: readonly string[]): (string | null)[] {
  const byWord = new Map<string, number[]>();
  tokens.forEach((t, i) => {
    if (!t.word || !bmp(/^\p{Lu}/u).test(t.text)) return;
    const list = byWord.get(t.lower);
    if (list) list.push(i);
    else byWord.set(t.lower, [i]);
  });
  const out: (string | null)[] = Array.from({ length: tokens.length }, () => null);
  for (const list of byWord.values()) {
    if (list.length < 2) continue;
    // Counted once per word: each occurrence sees the counts of the others, with the labels in
    // the order the others first show them (ties go to the first), as if counted one by one.
    const labels: string[] = [];
    const counts: number[] = [];
    const firstAt: number[] = [];
    const secondAt: number[] = [];
    const labelOf = list.map((j, pos) => {
      const tag = tagNames[tags[j]];
      const label = tag === 'O' ? 'O' : tag.slice(2);
      let k = labels.indexOf(label);
      if (k < 0) {
        k = labels.push(label) - 1;
        counts.push(0);
        firstAt.push(pos);
        secondAt.push(-1);
      } else if (secondAt[k] < 0) secondAt[k] = pos;
      counts[k]++;
      return k;
    });
    list.forEach((i, pos) => {
      const own = labelOf[pos];
      let best = 'O';
      let n = -1;
      let bestAt = Infinity;
      let size = 0;
      for (let k = 0; k < labels.length; k++) {
        const c = counts[k] - (k === own ? 1 : 0);
        if (c === 0) continue;
        size++;
        const at = firstAt[k] === pos ? secondAt[k] : firstAt[k];
        if (c > n || (c === n && at < bestAt)) [best, n, bestAt] = [labels[k], c, at];
      }
      out[i] = best + (size === 1 ? '' : '~');
    });
  }
  return out;
}

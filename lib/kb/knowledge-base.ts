import type { ActorBackground, ActorType } from '../schema';
import { ACTOR_TYPES } from '../schema';
import type { KbIndexDataV6 } from './index-file';
import { findDetailRow, type KbDetailsDataV5 } from './details-file';

/**
 * The bundled knowledge base, in two parts so that the content script loads only what it needs to
 * recognise names:
 * - the alias index (`kb/index.txt`): every entity's id, type, name and country, and every
 *   alias key → entity;
 * - the details (`kb/details/`, details-file.ts): descriptions, alias lists, Wikidata ids, dates
 *   and sources, read by the background for the actors a view shows (`getBackgrounds`).
 * Both are built by `scripts/build-kb.ts` from pinned open data plus the reviewed overlay
 * (`data/overlay.json`).
 */

export interface KbEntity {
  id: string;
  type: ActorType;
  name: string;
  country: string | null;
}

/** An index given as an object, version 1 (the first hand-made index's form; `EMPTY_KB` and tests use it). */
export interface KbIndexDataV1 {
  version: 1;
  /** [id, type, name, country] */
  entities: [string, ActorType, string, string | null][];
  /** alias key (see `aliasKey`) → entity index. */
  aliases: Record<string, number>;
}

/** FNV-1a over UTF-16 code units: the index's bucket hash (the build and the page share it). */
export function keyHash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export type KbIndexData = KbIndexDataV1 | KbIndexDataV6;

/** Background of one entity, as the details file stores it: the Analysis' `background`. */
export type KbDetail = ActorBackground;

/** Details given as an object, version 1: id → background. */
export type KbDetailsDataV1 = Record<string, ActorBackground>;

/** The details: an object (tests, small hand-made files) or the bundled file as read (details-file.ts). */
export type KbDetailsData = KbDetailsDataV1 | KbDetailsDataV5;

export interface KnowledgeBase {
  /** Longest alias, in words: the matcher never looks further ahead. */
  readonly maxAliasWords: number;
  /**
   * The entity a name refers to, or null. `surface` is the name as written in the text (a
   * possessive "'s" already stripped): acronyms and all-capital aliases match only as written,
   * other aliases whatever their case; dashes, apostrophes, full stops and accents are folded.
   * A name several entities share with no clear winner gives null (see `candidates`).
   */
  lookup(surface: string): KbEntity | null;
  /** Every entity the name may refer to, the one `lookup` gives first. Empty when unknown. */
  candidates(surface: string): KbEntity[];
  /**
   * True when the name alone is weak evidence: it is also a common word or a given name
   * ("Victoria", "Split", "Nice"), or several entities share it. Trust it with context (a place
   * preposition, a title, a longer name around it), not on its own.
   */
  isWeak(surface: string): boolean;
  /** The background of an entity, when the details are loaded. */
  background(id: string): ActorBackground | null;
  /** The same knowledge base with the details file attached (the lookup table is shared). */
  withDetails(details: KbDetailsData): KnowledgeBase;
  readonly size: number;
}

/** Typographic variants folded so that "Jamaat‑ul‑Ahrar" and "Jamaat-ul-Ahrar" meet. */
export function foldTypography(s: string): string {
  return s
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019\u02BC`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

const COMBINING = /[\u0300-\u036f]/g;
const SPACE = /\s/;

/** True for letters, digits and single inner spaces only: nothing to fold. */
function isPlain(s: string): boolean {
  const n = s.length;
  if (n === 0) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) continue;
    if (c === 32 && i > 0 && i < n - 1 && s.charCodeAt(i - 1) !== 32) continue;
    return false;
  }
  return true;
}

/**
 * A name reduced to the form both the build and `lookup` compare: typography folded, accents
 * removed, hyphens as spaces, full stops and apostrophes dropped — "Jamaat-ul-Ahrar" and
 * "Jamaat ul Ahrar" meet, as do "U.S." and "US", "Erdoğan" and "Erdogan", "Workers'" and
 * "Workers". Case is kept (see `aliasKey`). Plain names (the usual case) return at once.
 */
export function normaliseName(s: string): string {
  if (isPlain(s)) return s;
  let t = s;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    // Accented Latin letters (Latin-1, Latin Extended A/B and Additional): strip the accents.
    if ((c >= 0xc0 && c <= 0x24f) || (c >= 0x1e00 && c <= 0x1eff)) {
      t = t.normalize('NFD').replace(COMBINING, '').normalize('NFC');
      break;
    }
  }
  let out = '';
  let space = false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    // Full stops and apostrophes (straight, curly, modifier letter, backtick, acute) vanish.
    if (c === 46 || c === 39 || c === 0x2018 || c === 0x2019 || c === 0x02bc || c === 96 || c === 0xb4) continue;
    // Hyphens, dashes, minus and white space separate words.
    if (c === 45 || (c >= 0x2010 && c <= 0x2015) || c === 0x2212 || c <= 32 || (c > 127 && SPACE.test(t[i]))) {
      space = out.length > 0;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += t[i];
  }
  return out;
}

/** An acronym or all-capital alias ("ISIL", "US", "U.S."): matched only as written. */
function isCapitalForm(normalised: string): boolean {
  let capitals = 0;
  for (let i = 0; i < normalised.length; i++) {
    const c = normalised.charCodeAt(i);
    if (c >= 97 && c <= 122) return false; // a-z
    if (c >= 65 && c <= 90) capitals++;
    else if (c > 127 && normalised[i] !== normalised[i].toUpperCase()) return false;
  }
  return capitals > 0 && capitals <= 6;
}

/**
 * Index keys: acronyms and all-capital aliases ("ISIL", "US") are kept as written, because "US"
 * is a country and "us" a pronoun; everything else is lower-cased so that "Syrian army" finds
 * "Syrian Army".
 */
export function aliasKey(alias: string): string {
  const n = normaliseName(alias);
  return isCapitalForm(n) ? n : n.toLowerCase();
}

/** "Bashar al-Assad" → "bashar-al-assad": the default kb id of an entity without a QID. */
export function slug(s: string): string {
  if (!/[\u0080-\uffff]/.test(s)) {
    return s
      .toLowerCase()
      .replace(/['.]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
  }
  return s
    .normalize('NFD')
    .replace(COMBINING, '')
    .toLowerCase()
    .replace(/['’.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
}

interface Table {
  size: number;
  /** The build digest, for matching details to the index (null for version 1). */
  build: string | null;
  /** key → the entity it leads to, null when several share it with no winner, undefined if unknown. */
  get(key: string): KbEntity | null | undefined;
  isWeakKey(key: string): boolean;
  /** The entities a shared key may refer to. */
  sharedOf(key: string): KbEntity[] | undefined;
  maxWords: number;
}

function tableV1(index: KbIndexDataV1): Table {
  const keys = new Map<string, number>();
  for (const [alias, i] of Object.entries(index.aliases)) keys.set(aliasKey(alias), i);
  const cache: KbEntity[] = [];
  const entity = (i: number): KbEntity => {
    const [id, type, name, country] = index.entities[i];
    return (cache[i] ??= { id, type, name, country });
  };
  return {
    size: index.entities.length,
    build: null,
    get(key) {
      const i = keys.get(key);
      return i === undefined ? undefined : entity(i);
    },
    isWeakKey: () => false,
    sharedOf: () => undefined,
    maxWords: maxWords(keys.keys()),
  };
}

function maxWords(keys: Iterable<string>): number {
  let max = 1;
  for (const key of keys) {
    let words = 1;
    for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) === 32) words++;
    if (words > max) max = words;
  }
  return max;
}

/** Position of `key` in sorted lines, or -1 (`keyOf` reads the comparable part of a line). */
function binarySearch(sorted: { readonly length: number; at(i: number): string | undefined }, key: string, keyOf?: (item: string) => string): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const item = sorted.at(mid)!;
    const v = keyOf ? keyOf(item) : item;
    if (v < key) lo = mid + 1;
    else if (v > key) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/** `type|country|id|name` (see KbIndexDataV6) as an entity. */
function parseEntity(text: string, types: readonly ActorType[]): KbEntity {
  const a = text.indexOf('|');
  const b = text.indexOf('|', a + 1);
  const c = text.indexOf('|', b + 1);
  const type = types[Number(text.slice(0, a))];
  const country = text.slice(a + 1, b) || null;
  const ref = text.slice(b + 1, c);
  const name = text.slice(c + 1);
  const id =
    ref === '' ? `kb:${slug(name)}` : ref === '~' ? `kb:${slug(name)}-${(country ?? '').toLowerCase()}` : /^Q\d+$/.test(ref) ? `wd:${ref}` : `kb:${ref}`;
  return { id, type, name, country };
}

/** `ref` of `type|country|ref|name` for an entity (the inverse of the id rules of `parseEntity`). */
export function entityRef(e: KbEntity): string {
  if (e.id.startsWith('wd:')) return e.id.slice(3);
  if (e.id === `kb:${slug(e.name)}`) return '';
  if (e.country && e.id === `kb:${slug(e.name)}-${e.country.toLowerCase()}`) return '~';
  return e.id.slice(3);
}

function tableV6(index: KbIndexDataV6): Table {
  // Nothing to do at load: the lines are read where they are in the file's text. A slot is parsed
  // only when a lookup lands on it.
  const { slots, weak, others, types } = index;
  const mask = slots.length - 1;
  const parsed = new Map<number, KbEntity | null>();
  /** Does slot `line` hold `key`? Explicit keys are compared as written, implied ones to the name. */
  const holds = (line: string, key: string): boolean => {
    if (line.charCodeAt(0) !== 124 /* | */) return line.length > key.length && line.charCodeAt(key.length) === 124 && line.startsWith(key);
    const nameAt = line.indexOf('|', line.indexOf('|', line.indexOf('|', 1) + 1) + 1) + 1;
    return line.length - nameAt === key.length && line.slice(nameAt).toLowerCase() === key;
  };
  return {
    size: index.size,
    build: index.build,
    get(key) {
      for (let h = keyHash(key) & mask; ; h = (h + 1) & mask) {
        if (slots.isEmpty(h)) return undefined;
        const line = slots.at(h);
        if (!holds(line, key)) continue;
        let e = parsed.get(h);
        if (e === undefined) {
          const rest = line.slice(line.indexOf('|') + 1);
          e = rest === '-' ? null : parseEntity(rest, types);
          parsed.set(h, e);
        }
        return e;
      }
    },
    isWeakKey(key) {
      return binarySearch(weak, key) >= 0;
    },
    sharedOf(key) {
      const k = binarySearch(others, key, (line) => line.slice(0, line.indexOf('\t')));
      return k < 0 ? undefined : others.at(k).split('\t').slice(1).map((e) => parseEntity(e, types));
    },
    maxWords: index.maxWords,
  };
}

const SOURCE_NAMES: Record<string, string> = { o: 'overlay', p: 'phoenix', c: 'countries', g: 'geonames' };

/** One row of the details file (its fields after the id) as a detail. */
function parseDetailRow(row: string): KbDetail {
  const [description, aliases = '', wikidata = '', country = '', flags = '', from = '', to = ''] = row.split('\t');
  const d: KbDetail = { description, aliases: aliases ? aliases.split('|') : [], country: country || null, wikidata: wikidata || null };
  if (flags.includes('d')) d.derived = true;
  const source = SOURCE_NAMES[flags.charAt(0)];
  if (source) d.source = source;
  if (from || to) d.dates = { from: from || null, to: to || null };
  return d;
}

/** id → detail, whatever the details file's version. */
function detailsLookup(details: KbDetailsData | undefined, build: string | null): ((id: string) => KbDetail | undefined) | null {
  if (!details) return null;
  if ((details as KbDetailsDataV5).version !== 5) {
    const v1 = details as KbDetailsDataV1;
    return (id) => v1[id];
  }
  const v5 = details as KbDetailsDataV5;
  if (build !== null && v5.build !== build) throw new Error(`kb/details (build ${v5.build}) does not belong to kb/index.txt (build ${build})`);
  return (id) => {
    const row = findDetailRow(v5, id);
    return row === undefined ? undefined : parseDetailRow(row);
  };
}

export function createKnowledgeBase(index: KbIndexData, details?: KbDetailsData): KnowledgeBase {
  return knowledgeBaseOf(index.version === 6 ? tableV6(index) : tableV1(index), details);
}

function knowledgeBaseOf(t: Table, details?: KbDetailsData): KnowledgeBase {
  const detail = detailsLookup(details, t.build);
  // Keys are fixed points of `aliasKey`: acronym keys have no small letters and the others no
  // capitals. So a name written "Brussels" (a capital, then a small letter) can only meet the
  // lower-case key and is probed once; "ISIL" and "DEBKAfile" are tried as written first. Only
  // names with something to fold (hyphens, accents, full stops) are normalised.
  const keyOf = (surface: string): string | null => {
    const c0 = surface.charCodeAt(0);
    const c1 = surface.charCodeAt(1);
    if (!(c0 >= 65 && c0 <= 90 && c1 >= 97 && c1 <= 122) && t.get(surface) !== undefined) return surface;
    const lower = surface.toLowerCase();
    if (t.get(lower) !== undefined) return lower;
    if (isPlain(surface)) return null;
    const n = normaliseName(surface);
    if (t.get(n) !== undefined) return n;
    const nl = n.toLowerCase();
    return t.get(nl) !== undefined ? nl : null;
  };
  const keys = t;
  const find = (surface: string): KbEntity | null | undefined => {
    const c0 = surface.charCodeAt(0);
    const c1 = surface.charCodeAt(1);
    let i: KbEntity | null | undefined;
    if (!(c0 >= 65 && c0 <= 90 && c1 >= 97 && c1 <= 122)) {
      i = keys.get(surface);
      if (i !== undefined) return i;
    }
    i = keys.get(surface.toLowerCase());
    if (i !== undefined || isPlain(surface)) return i;
    const n = normaliseName(surface);
    i = keys.get(n);
    return i !== undefined ? i : keys.get(n.toLowerCase());
  };
  // Parsed backgrounds, kept so that every mention of an actor shares one object.
  const backgrounds = new Map<string, ActorBackground>();
  return {
    maxAliasWords: t.maxWords,
    size: t.size,
    lookup(surface) {
      return find(surface) ?? null;
    },
    candidates(surface) {
      const key = keyOf(surface);
      if (key === null) return [];
      const first = t.get(key);
      const out = first ? [first] : [];
      for (const e of t.sharedOf(key) ?? []) if (e.id !== first?.id) out.push(e);
      return out;
    },
    isWeak(surface) {
      const key = keyOf(surface);
      return key !== null && (t.isWeakKey(key) || t.get(key) === null);
    },
    background(id) {
      let b = backgrounds.get(id);
      if (b) return b;
      const d = detail?.(id);
      if (!d) return null;
      backgrounds.set(id, (b = d));
      return b;
    },
    withDetails(more) {
      return knowledgeBaseOf(t, more);
    },
  };
}

/** Every type the index may name, in the order the index numbers them. */
export const INDEX_TYPES: readonly ActorType[] = ACTOR_TYPES;

/** A knowledge base with nothing in it (tests, or while the index loads). */
export const EMPTY_KB: KnowledgeBase = createKnowledgeBase({ version: 1, entities: [], aliases: {} });

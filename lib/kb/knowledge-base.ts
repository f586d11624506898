import type { ActorBackground, ActorType } from '../schema';
import { ACTOR_TYPES } from '../schema';

/**
 * The bundled knowledge base, split in two files so that the content script loads only what it
 * needs to recognise names:
 * - the alias index (`kb/index.json`): every entity's id, type, name and country, and every
 *   alias key → entity;
 * - the details (`kb/details.json`): descriptions, alias lists, Wikidata ids, dates and sources,
 *   loaded only when the popup or a hover card asks (see `lib/kb/enrich.ts`).
 * Both are built by `scripts/build-kb.ts` from pinned open data plus the reviewed overlay
 * (`data/overlay.json`).
 */

export interface KbEntity {
  id: string;
  type: ActorType;
  name: string;
  country: string | null;
}

/** `kb/index.json`, version 1 (the first hand-made index; still accepted). */
export interface KbIndexDataV1 {
  version: 1;
  /** [id, type, name, country] */
  entities: [string, ActorType, string, string | null][];
  /** alias key (see `aliasKey`) → entity index. */
  aliases: Record<string, number>;
}

/**
 * `kb/index.json`, version 2: compact, and quick to turn into a lookup table.
 * - `build`: a digest of the index, repeated in the details file built with it.
 * - `entities`: one line per entity, `\n`-separated: `type|country|id|name`, where `type` is an
 *   index into `types`, prefixed with `!` unless the lower-cased name is one of the entity's keys
 *   (then it is implied, not listed in `keys`),
 *   `country` an ISO code or empty, and `id` either a Wikidata QID ("Q858" →
 *   `wd:Q858`), a kb id without its prefix, `~` for `kb:` + `slug(name)` + `-` + the country in
 *   lower case (places: `kb:brussels-be`), or empty for `kb:` + `slug(name)`.
 * - `keys`: the entities' other alias keys (already `aliasKey`-normalised), one line per entity
 *   that has any, `index:key|key|key` with the index in base 36.
 * - `weak`: alias keys that are weak evidence on their own (a place name that is also a common
 *   word or given name, a name several entities share): trust them only with context.
 * - `others`: other entities an alias key may refer to, `key|i|j…` lines (indices in base 36): a
 *   place name several places carry ("Victoria"), a surname several people share ("Bush"). When
 *   no entity lists the key among its own, no entity clearly wins it: `lookup` returns null and
 *   `candidates` lists them all.
 */
export interface KbIndexDataV2 {
  version: 2;
  build: string;
  types: ActorType[];
  entities: string;
  keys: string;
  weak: string;
  others: string;
}

export type KbIndexData = KbIndexDataV1 | KbIndexDataV2;

/** Background of one entity, as the details file stores it: the Analysis' `background`. */
export type KbDetail = ActorBackground;

/** `kb/details.json`, version 1: id → background. */
export type KbDetailsDataV1 = Record<string, ActorBackground>;

/**
 * `kb/details.json`, version 2: the sources the build read, and one row per entity in the
 * index's order (`build` must match the index's): tab-separated description, aliases (`|`),
 * Wikidata QID, source letter (o overlay, p phoenix, c countries, g geonames) with `d` when the
 * description is derived, date from, date to (trailing empty fields left out).
 */
export interface KbDetailsDataV2 {
  version: 2;
  build: string;
  /** Digest of the build's inputs (sources, overlay, build code): see scripts/kb/sources.ts. */
  inputs?: string;
  sources: { id: string; title: string; licence: string; version?: string; sha256: Record<string, string> }[];
  rows: string;
}

export type KbDetailsData = KbDetailsDataV1 | KbDetailsDataV2;

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
  entity(i: number): KbEntity;
  /** The index of an entity by id (entities already returned by a lookup are found at once). */
  indexOf(id: string): number | undefined;
  /** key → entity index (or -1 when several entities share the key with no winner). */
  keys: Map<string, number>;
  weak: Set<string>;
  shared: Map<string, number[]>;
  maxWords: number;
}

function tableV1(index: KbIndexDataV1): Table {
  const keys = new Map<string, number>();
  for (const [alias, i] of Object.entries(index.aliases)) keys.set(aliasKey(alias), i);
  const cache: KbEntity[] = [];
  return {
    size: index.entities.length,
    build: null,
    entity(i) {
      let e = cache[i];
      if (!e) {
        const [id, type, name, country] = index.entities[i];
        e = cache[i] = { id, type, name, country };
      }
      return e;
    },
    indexOf(id) {
      const i = index.entities.findIndex((e) => e[0] === id);
      return i < 0 ? undefined : i;
    },
    keys,
    weak: new Set(),
    shared: new Map(),
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

function tableV2(index: KbIndexDataV2): Table {
  const lines = index.entities.split('\n');
  const types = index.types;
  const cache: KbEntity[] = [];
  const keys = new Map<string, number>();
  let max = 1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.charCodeAt(0) === 33) continue; // "!": the name's key is listed in `keys`, or not this entity's
    const key = line.slice(line.indexOf('|', line.indexOf('|', line.indexOf('|') + 1) + 1) + 1).toLowerCase();
    keys.set(key, i);
    let words = 1;
    for (let k = 0; k < key.length; k++) if (key.charCodeAt(k) === 32) words++;
    if (words > max) max = words;
  }
  for (const line of index.keys ? index.keys.split('\n') : []) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const i = parseInt(line.slice(0, colon), 36);
    let start = colon + 1;
    while (start <= line.length) {
      let end = line.indexOf('|', start);
      if (end < 0) end = line.length;
      const key = line.slice(start, end);
      keys.set(key, i);
      let words = 1;
      for (let k = 0; k < key.length; k++) if (key.charCodeAt(k) === 32) words++;
      if (words > max) max = words;
      start = end + 1;
    }
  }
  const shared = new Map<string, number[]>();
  // id → index of every entity built so far; completed for all entities only if an id is asked
  // for that no lookup returned (rare: the popup asks about actors the recogniser found).
  const ids = new Map<string, number>();
  let allIds = false;
  for (const line of index.others ? index.others.split('\n') : []) {
    const [key, ...ids] = line.split('|');
    shared.set(key, ids.map((x) => parseInt(x, 36)));
    if (!keys.has(key)) keys.set(key, -1);
  }
  return {
    size: lines.length,
    build: index.build,
    entity(i) {
      let e = cache[i];
      if (!e) {
        const line = lines[i];
        const a = line.indexOf('|');
        const b = line.indexOf('|', a + 1);
        const c = line.indexOf('|', b + 1);
        const type = types[Number(line.slice(line.charCodeAt(0) === 33 ? 1 : 0, a))];
        const country = line.slice(a + 1, b) || null;
        const ref = line.slice(b + 1, c);
        const name = line.slice(c + 1);
        const id =
          ref === ''
            ? `kb:${slug(name)}`
            : ref === '~'
              ? `kb:${slug(name)}-${(country ?? '').toLowerCase()}`
              : /^Q\d+$/.test(ref)
                ? `wd:${ref}`
                : `kb:${ref}`;
        e = cache[i] = { id, type, name, country };
        ids.set(id, i);
      }
      return e;
    },
    indexOf(id) {
      const known = ids.get(id);
      if (known !== undefined || allIds) return known;
      for (let i = 0; i < lines.length; i++) this.entity(i);
      allIds = true;
      return ids.get(id);
    },
    keys,
    weak: new Set(index.weak ? index.weak.split('\n') : []),
    shared,
    maxWords: max,
  };
}

const SOURCE_NAMES: Record<string, string> = { o: 'overlay', p: 'phoenix', c: 'countries', g: 'geonames' };

/** One row of the details file (version 2) as a detail. */
function parseDetailRow(row: string, country: string | null): KbDetail {
  const [description, aliases = '', wikidata = '', flags = '', from = '', to = ''] = row.split('\t');
  const d: KbDetail = { description, aliases: aliases ? aliases.split('|') : [], country, wikidata: wikidata || null };
  if (flags.includes('d')) d.derived = true;
  const source = SOURCE_NAMES[flags.charAt(0)];
  if (source) d.source = source;
  if (from || to) d.dates = { from: from || null, to: to || null };
  return d;
}

/** id → detail, whatever the details file's version. */
function detailsLookup(details: KbDetailsData | undefined, t: Table): ((id: string) => KbDetail | undefined) | null {
  if (!details) return null;
  if ((details as KbDetailsDataV2).version !== 2) {
    const v1 = details as KbDetailsDataV1;
    return (id) => v1[id];
  }
  const v2 = details as KbDetailsDataV2;
  if (v2.build !== t.build) throw new Error(`kb/details.json (build ${v2.build}) does not belong to kb/index.json (build ${t.build})`);
  let rows: string[] | null = null;
  return (id) => {
    const i = t.indexOf(id);
    if (i === undefined) return undefined;
    rows ??= v2.rows.split('\n');
    return parseDetailRow(rows[i], t.entity(i).country);
  };
}

export function createKnowledgeBase(index: KbIndexData, details?: KbDetailsData): KnowledgeBase {
  return knowledgeBaseOf(index.version === 2 ? tableV2(index) : tableV1(index), details);
}

function knowledgeBaseOf(t: Table, details?: KbDetailsData): KnowledgeBase {
  const detail = detailsLookup(details, t);
  // Keys are fixed points of `aliasKey`: acronym keys have no small letters and the others no
  // capitals. So a name written "Brussels" (a capital, then a small letter) can only meet the
  // lower-case key and is probed once; "ISIL" and "DEBKAfile" are tried as written first. Only
  // names with something to fold (hyphens, accents, full stops) are normalised.
  const keyOf = (surface: string): string | null => {
    const c0 = surface.charCodeAt(0);
    const c1 = surface.charCodeAt(1);
    if (!(c0 >= 65 && c0 <= 90 && c1 >= 97 && c1 <= 122) && t.keys.has(surface)) return surface;
    const lower = surface.toLowerCase();
    if (t.keys.has(lower)) return lower;
    if (isPlain(surface)) return null;
    const n = normaliseName(surface);
    if (t.keys.has(n)) return n;
    const nl = n.toLowerCase();
    return t.keys.has(nl) ? nl : null;
  };
  const keys = t.keys;
  const find = (surface: string): number | undefined => {
    const c0 = surface.charCodeAt(0);
    const c1 = surface.charCodeAt(1);
    let i: number | undefined;
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
      const i = find(surface);
      return i === undefined || i < 0 ? null : t.entity(i);
    },
    candidates(surface) {
      const key = keyOf(surface);
      if (key === null) return [];
      const i = t.keys.get(key)!;
      const shared = t.shared.get(key);
      const out = i >= 0 ? [t.entity(i)] : [];
      if (shared) for (const j of shared) if (j !== i) out.push(t.entity(j));
      return out;
    },
    isWeak(surface) {
      const key = keyOf(surface);
      return key !== null && (t.weak.has(key) || t.keys.get(key) === -1);
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

/** Every type the index may name, in the order version 2 numbers them. */
export const INDEX_TYPES: readonly ActorType[] = ACTOR_TYPES;

/** A knowledge base with nothing in it (tests, or while the index loads). */
export const EMPTY_KB: KnowledgeBase = createKnowledgeBase({ version: 1, entities: [], aliases: {} });

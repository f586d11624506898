import type { ActorBackground, ActorType } from '../schema';

/**
 * The bundled knowledge base, split in two files so that the content script loads only what it
 * needs to recognise names:
 * - the alias index (`kb/index.json`): every alias → entity, with each entity's id, type, name
 *   and country;
 * - the details (`kb/details.json`): descriptions and alias lists, loaded only when the popup or
 *   a hover card asks.
 * Both are built by `scripts/build-kb` from pinned open data plus the reviewed overlay.
 */

export interface KbEntity {
  id: string;
  type: ActorType;
  name: string;
  country: string | null;
}

/** `kb/index.json` */
export interface KbIndexData {
  version: 1;
  /** [id, type, name, country] */
  entities: [string, ActorType, string, string | null][];
  /** alias as written → entity index. Keys are case-sensitive; see `aliasKey`. */
  aliases: Record<string, number>;
}

/** `kb/details.json`: id → background. */
export type KbDetailsData = Record<string, ActorBackground>;

export interface KnowledgeBase {
  /** Longest alias, in words: the matcher never looks further ahead. */
  readonly maxAliasWords: number;
  /** The entity a name refers to, or null. `surface` is the name as written in the text. */
  lookup(surface: string): KbEntity | null;
  /** The background of an entity, when the details are loaded. */
  background(id: string): ActorBackground | null;
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

/**
 * Index keys: acronyms and all-capital aliases ("ISIL", "US") are kept as written, because "US"
 * is a country and "us" a pronoun; everything else is lower-cased so that "Syrian army" finds
 * "Syrian Army".
 */
export function aliasKey(alias: string): string {
  const folded = foldTypography(alias);
  if (/^[^a-z]*$/.test(folded) && /[A-Z]/.test(folded) && folded.replace(/[^A-Z]/g, '').length <= 6) return folded;
  return folded.toLowerCase();
}

export function createKnowledgeBase(index: KbIndexData, details?: KbDetailsData): KnowledgeBase {
  const aliases = new Map<string, number>(Object.entries(index.aliases));
  let maxWords = 1;
  for (const key of aliases.keys()) {
    const words = key.split(' ').length;
    if (words > maxWords) maxWords = words;
  }
  const cache = new Map<number, KbEntity>();
  const entity = (i: number): KbEntity => {
    let e = cache.get(i);
    if (!e) {
      const [id, type, name, country] = index.entities[i];
      e = { id, type, name, country };
      cache.set(i, e);
    }
    return e;
  };
  return {
    maxAliasWords: maxWords,
    size: index.entities.length,
    lookup(surface: string) {
      const folded = foldTypography(surface);
      let i = aliases.get(folded);
      // Acronym keys are stored as written, so only other aliases match case-insensitively.
      if (i === undefined) i = aliases.get(folded.toLowerCase());
      return i === undefined ? null : entity(i);
    },
    background(id: string) {
      return details?.[id] ?? null;
    },
  };
}

/** A knowledge base with nothing in it (tests, or while the index loads). */
export const EMPTY_KB: KnowledgeBase = createKnowledgeBase({ version: 1, entities: [], aliases: {} });

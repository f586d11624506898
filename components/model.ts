import type { Actor, ActorType, Claim, ClaimKind } from '@/lib/schema';
import { ACTOR_TYPES, CLAIM_KINDS } from '@/lib/schema';
import type { Category } from '@/lib/categories';
import type { AnalysisOverview } from '@/lib/messaging';
import { normalizeHost } from '@/lib/settings';

/**
 * What the popup shows, derived from the Analysis by pure functions (tested in Node): groups,
 * orders and counts. Every item keeps its index in the Analysis list, which is what `jumpTo` asks
 * the page for.
 */

/** Words per minute of an adult reading news on a screen. */
export const READING_WPM = 230;

export function readingMinutes(wordCount: number): number {
  return Math.max(1, Math.round(wordCount / READING_WPM));
}

export interface Indexed<T> {
  item: T;
  /** Index in the Analysis list (the `jumpTo` target). */
  index: number;
}

export interface ActorGroup {
  type: ActorType;
  actors: Indexed<Actor>[];
}

/** Actors by type (in the legend's order), most mentioned first, then in order of appearance. */
export function groupActors(actors: Actor[]): ActorGroup[] {
  return ACTOR_TYPES.map((type) => ({
    type,
    actors: actors
      .map((item, index) => ({ item, index }))
      .filter((x) => x.item.type === type)
      .sort((a, b) => b.item.mentions.length - a.item.mentions.length || firstMention(a.item) - firstMention(b.item)),
  })).filter((g) => g.actors.length > 0);
}

const firstMention = (a: Actor) => a.mentions[0]?.start ?? Number.MAX_SAFE_INTEGER;

export interface ClaimGroup {
  kind: ClaimKind;
  claims: Indexed<Claim>[];
}

/** Claims by kind (casualties first), in the order the article makes them. */
export function groupClaims(claims: Claim[]): ClaimGroup[] {
  return CLAIM_KINDS.map((kind) => ({
    kind,
    claims: claims.map((item, index) => ({ item, index })).filter((x) => x.item.kind === kind),
  })).filter((g) => g.claims.length > 0);
}

/** A claim that names no source and cites no footnote. */
export function isUnsourced(claim: Claim): boolean {
  return !claim.source && claim.footnotes.length === 0;
}

/** How many highlights of each category the analysis has (actors count once each). */
export function categoryCounts(a: Pick<AnalysisOverview, 'actors' | 'claimCount' | 'footnoteCount'> | null): Record<Category, number> {
  const counts = Object.fromEntries([...ACTOR_TYPES, 'claim', 'footnote'].map((c) => [c, 0])) as Record<Category, number>;
  if (!a) return counts;
  for (const actor of a.actors) counts[actor.type]++;
  counts.claim = a.claimCount;
  counts.footnote = a.footnoteCount;
  return counts;
}

/** Only http(s) links become clickable; `javascript:`, `data:` and anything else stay text. */
export function isSafeLink(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/** A Wikidata QID ("Q30"), or null for anything else. */
export function validQid(qid: string | null | undefined): string | null {
  return qid && /^Q[1-9]\d{0,11}$/.test(qid) ? qid : null;
}

/** The Wikidata item page of a QID. */
export function wikidataUrl(qid: string): string {
  return `https://www.wikidata.org/wiki/${qid}`;
}

/**
 * The Wikipedia article of a QID in a language, through Wikidata's sitelink redirect (the
 * knowledge base stores QIDs, not article titles). Opened only when the reader clicks.
 */
export function wikipediaUrl(qid: string, lang: string): string {
  const wiki = /^[a-z]{2,3}$/.test(lang) ? lang : 'en';
  return `https://www.wikidata.org/wiki/Special:GoToLinkedPage/${wiki}wiki/${qid}`;
}

/** The primary language subtag of a BCP 47 tag ("en-GB" → "en"). */
export function primaryLanguage(tag: string | null | undefined): string | null {
  const m = tag ? /^([a-z]{2,3})\b/i.exec(tag.trim()) : null;
  return m ? m[1].toLowerCase() : null;
}

/** Languages Sift's analysis is built and evaluated for (defined beside the language detector). */
export { ANALYSED_LANGUAGES } from '@/lib/text/language';

/** A host name as a reader types it ("https://www.example.com/news" → "example.com"), or null. */
export function siteFromInput(input: string): string | null {
  let host = input.trim();
  if (!host) return null;
  try {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(host)) host = new URL(host).hostname;
  } catch {
    return null;
  }
  host = normalizeHost(host.split('/')[0]);
  return /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(host) ? host : null;
}

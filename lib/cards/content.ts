import type { Actor, ActorBackground, ActorType, Claim, ClaimKind, Footnote } from '../schema';

/**
 * What a card says, built from the Analysis as plain data (no DOM, no extension API), so the
 * rules — which links become clickable, what is cut, what is announced — are tested in Node and
 * the view only lays it out. All strings here are page text: the view renders them as text.
 */

/** A link shown in a card: `href` is null when the address is not safe to open (shown as text only). */
export interface CardLink {
  href: string | null;
  text: string;
}

export interface ActorCardContent {
  kind: 'actor';
  name: string;
  type: ActorType;
  mentions: number;
  /** Other forms of the name this article uses ("ISIL" for Islamic State). */
  namesInText: string[];
  description: string | null;
  /** ISO 3166 code. */
  country: string | null;
  aliases: string[];
  link: CardLink | null;
  /** `loading` while the knowledge-base details are being fetched; `unknown` when it has none. */
  background: 'known' | 'loading' | 'unknown';
}

export interface FootnoteCardContent {
  kind: 'footnote';
  label: string;
  note: { text: string; links: CardLink[] } | null;
  /** How many times the article cites this note. */
  citations: number;
}

export interface ClaimCardContent {
  kind: 'claim';
  text: string;
  claimKind: ClaimKind;
  hedge: string | null;
  source: string | null;
  footnotes: string[];
}

export type CardContent = ActorCardContent | FootnoteCardContent | ClaimCardContent;

export const MAX_DESCRIPTION = 280;
export const MAX_NOTE = 600;
export const MAX_LINK_TEXT = 120;
export const MAX_ALIASES = 4;
export const MAX_NOTE_LINKS = 4;

/** Cut a text at a word boundary with an ellipsis. */
export function clip(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

/**
 * A link from page data: clickable only when its scheme is allowed (http/https for notes; https
 * for links Sift makes). `javascript:`, `data:` and anything unparsable stay text.
 */
export function safeLink(url: string, schemes: readonly string[] = ['http:', 'https:']): CardLink {
  const text = clip(url, MAX_LINK_TEXT);
  let href: string | null = null;
  try {
    const u = new URL(url.trim());
    if (schemes.includes(u.protocol) && !u.username && !u.password) href = u.href;
  } catch {
    href = null;
  }
  return { href, text };
}

/** The Wikidata page of an entity (https only), or null when the id is not a QID. */
export function wikidataLink(qid: string | null | undefined): CardLink | null {
  if (!qid || !/^Q[1-9]\d{0,11}$/.test(qid)) return null;
  return safeLink(`https://www.wikidata.org/wiki/${qid}`, ['https:']);
}

/** Whether an actor's card needs the knowledge-base details (descriptions load only on demand). */
export function needsDetails(actor: Actor): boolean {
  return !actor.background && !actor.id.startsWith('new:');
}

function uniqueFolded(names: readonly string[], exclude: readonly string[]): string[] {
  const seen = new Set(exclude.map((n) => n.toLocaleLowerCase()));
  const out: string[] = [];
  for (const n of names) {
    const k = n.trim().toLocaleLowerCase();
    if (!k || seen.has(k)) continue;
    seen.add(k);
    out.push(n.trim());
  }
  return out;
}

/**
 * An actor's card: canonical name, type, mentions, the forms used in the article, and the
 * knowledge base's one-line background (from the Analysis, or from the details loaded for the card).
 */
export function actorCard(actor: Actor, details?: ActorBackground | null, loading = false): ActorCardContent {
  const bg = actor.background ?? details ?? null;
  const namesInText = uniqueFolded(
    actor.mentions.map((m) => m.text),
    [actor.name],
  ).slice(0, MAX_ALIASES);
  const qid = bg?.wikidata ?? (actor.id.startsWith('wd:') ? actor.id.slice(3) : null);
  return {
    kind: 'actor',
    name: actor.name,
    type: actor.type,
    mentions: actor.mentions.length,
    namesInText,
    description: bg?.description ? clip(bg.description, MAX_DESCRIPTION) : null,
    country: bg?.country && /^[A-Z]{2}$/.test(bg.country) ? bg.country : null,
    aliases: bg ? uniqueFolded(bg.aliases ?? [], [actor.name, ...namesInText]).slice(0, MAX_ALIASES) : [],
    link: wikidataLink(qid),
    background: bg ? 'known' : loading && needsDetails(actor) ? 'loading' : 'unknown',
  };
}

/** A note's text without the addresses the card lists as links below it (pages often print both). */
function withoutListedUrls(text: string, links: readonly string[]): string {
  let out = text;
  for (const l of links) if (l.length > 8) out = out.split(l).join(' ');
  out = out.replace(/\s+([.,;:])/g, '$1').replace(/\s+/g, ' ').trim();
  return out.length > 0 ? out : text;
}

export function footnoteCard(footnote: Footnote): FootnoteCardContent {
  const links = footnote.note ? footnote.note.links.slice(0, MAX_NOTE_LINKS) : [];
  return {
    kind: 'footnote',
    label: footnote.label,
    note: footnote.note ? { text: clip(withoutListedUrls(footnote.note.text, links), MAX_NOTE), links: links.map((l) => safeLink(l)) } : null,
    citations: footnote.citations.length,
  };
}

export function claimCard(claim: Claim): ClaimCardContent {
  return {
    kind: 'claim',
    text: claim.text,
    claimKind: claim.kind,
    hedge: claim.hedge,
    source: claim.source,
    footnotes: claim.footnotes,
  };
}

/** A country's name in the reader's language, or the code when the runtime cannot name it. */
export function regionName(code: string, locale?: string): string {
  try {
    const names = new Intl.DisplayNames(locale ? [locale] : undefined, { type: 'region' });
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

export type Translate = (key: string, substitutions?: string | string[]) => string;

/** Message keys (`public/_locales`) of the card's type and kind labels. */
export const TYPE_KEY: Record<ActorType, string> = {
  person: 'cardTypePerson',
  organization: 'cardTypeOrganization',
  'armed-group': 'cardTypeArmedGroup',
  government: 'cardTypeGovernment',
  military: 'cardTypeMilitary',
  media: 'cardTypeMedia',
  country: 'cardTypeCountry',
  place: 'cardTypePlace',
};
export const KIND_KEY: Record<ClaimKind, string> = {
  casualties: 'cardKindCasualties',
  count: 'cardKindCount',
  percent: 'cardKindPercent',
  money: 'cardKindMoney',
  measure: 'cardKindMeasure',
  other: 'cardKindOther',
};

export function mentionsText(n: number, t: Translate): string {
  return n === 1 ? t('cardMentionsOne') : t('cardMentions', String(n));
}

/** The sentence the aria-live region reads for a card (keyboard steps add "3 of 57"). */
export function announcement(content: CardContent, t: Translate, position?: { index: number; total: number }): string {
  const parts: string[] = [];
  if (position) parts.push(t('cardPosition', [String(position.index + 1), String(position.total)]));
  if (content.kind === 'actor') {
    parts.push(`${content.name}, ${t(TYPE_KEY[content.type])}`);
    parts.push(mentionsText(content.mentions, t));
    if (content.description) parts.push(content.description);
  } else if (content.kind === 'footnote') {
    parts.push(t('cardFootnote', content.label));
    parts.push(content.note ? content.note.text : t('cardNoNote'));
  } else {
    parts.push(`${t('cardClaim')}: ${content.text}`);
    parts.push(content.source ? t('cardSource', content.source) : t('cardUnsourced'));
  }
  return parts
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => (/[.!?…:]$/.test(p) ? p : `${p}.`))
    .join(' ');
}

/**
 * Article metadata from what pages publish for machines (JSON-LD, Open Graph, Dublin Core and
 * other meta tags) and, failing that, from the visible page (h1, byline elements, <time>).
 * Read-only, and cheap: one pass over the <meta> tags, one over the JSON-LD blocks, and a few
 * selector queries.
 */
import { trimEndWhile } from '../text/trim';

export interface ArticleMeta {
  /** The article's title, without the site's name that <title> usually appends. */
  title: string;
  byline: string | null;
  siteName: string | null;
  /** ISO-8601 (UTC) or null. */
  publishedTime: string | null;
  /** Primary language subtag ("en"), or null. */
  lang: string | null;
  /** `@type`s found in JSON-LD (e.g. "NewsArticle"), for the detector. */
  jsonLdTypes: string[];
  ogType: string | null;
}

type JsonObject = Record<string, unknown>;

/** All <meta> tags by lower-cased property, name or itemprop; the first value wins. */
function readMetaTags(doc: Document): Map<string, string> {
  const out = new Map<string, string>();
  const metas = doc.getElementsByTagName('meta');
  for (let i = 0; i < metas.length && i < 2000; i++) {
    const m = metas[i];
    const content = m.getAttribute('content')?.trim();
    if (!content) continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = m.getAttribute(attr);
      if (!key) continue;
      // A tag may carry several space-separated properties ("og:title twitter:title").
      for (const k of key.toLowerCase().split(/\s+/)) if (k && !out.has(k)) out.set(k, content);
    }
  }
  return out;
}

function firstOf(tags: Map<string, string>, ...keys: string[]): string | null {
  for (const key of keys) {
    const v = tags.get(key);
    if (v) return v;
  }
  return null;
}

/** JSON-LD as publishers write it: in CDATA or comments, sometimes with trailing commas. */
function parseLenient(raw: string): unknown {
  const cleaned = raw
    .trim()
    .replace(/^(?:\/\/\s*)?<!\[CDATA\[|(?:\/\/\s*)?\]\]>$/g, '')
    .replace(/^\s*<!--|-->\s*$/g, '');
  try {
    return JSON.parse(cleaned);
  } catch {
    return JSON.parse(cleaned.replace(/,\s*([\]}])/g, '$1'));
  }
}

/** Collect every object of every JSON-LD block, following @graph arrays. */
export function readJsonLd(doc: Document): JsonObject[] {
  const out: JsonObject[] = [];
  const visit = (v: unknown, depth: number) => {
    if (depth > 6 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v.slice(0, 50)) visit(x, depth + 1);
      return;
    }
    const o = v as JsonObject;
    out.push(o);
    if (Array.isArray(o['@graph'])) visit(o['@graph'], depth + 1);
  };
  const scripts = doc.getElementsByTagName('script');
  let blocks = 0;
  for (let i = 0; i < scripts.length && blocks < 20; i++) {
    if (scripts[i].getAttribute('type')?.trim().toLowerCase() !== 'application/ld+json') continue;
    blocks++;
    const raw = scripts[i].textContent ?? '';
    if (raw.length > 500_000) continue;
    try {
      visit(parseLenient(raw), 0);
    } catch {
      // Broken JSON-LD is common; it is one source among several.
    }
  }
  return out;
}

function typesOf(o: JsonObject): string[] {
  const t = o['@type'];
  if (typeof t === 'string') return [t.replace(/^(?:https?:\/\/schema\.org\/|schema:)/, '')];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^(?:https?:\/\/schema\.org\/|schema:)/, ''));
  return [];
}

/** Bounded: JSON-LD nested 100,000 deep (`"author": [[[…]]]`) overflowed the stack. */
function nameOf(v: unknown, depth = 0): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (depth > 6) return null;
  if (Array.isArray(v)) {
    const names = v.map((x) => nameOf(x, depth + 1)).filter((x): x is string => !!x);
    return names.length ? names.join(', ') : null;
  }
  if (v && typeof v === 'object') return nameOf((v as JsonObject).name, depth + 1);
  return null;
}

export const ARTICLE_TYPES = /^(?:Article|NewsArticle|BlogPosting|Report|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|AskPublicExpertNewsArticle|SatiricalArticle|ScholarlyArticle|MedicalScholarlyArticle|TechArticle|APIReference|LiveBlogPosting|SocialMediaPosting|Blog|HowTo)$/;

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
const SEPARATOR = /\s+[|–—\-:»·•~/\\_]\s+|\s*[|»·•]\s*|\s+_/g;
const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
const same = (a: string, b: string) => collapse(a).toLowerCase() === collapse(b).toLowerCase();

/**
 * "Palmyra retaken – The Daily Post" → "Palmyra retaken", when the part after the last (or
 * before the first) separator is the site's name, or a short tail beside a long head.
 */
export function stripSiteSuffix(title: string, siteName: string | null, host: string | null = null): string {
  const t = collapse(title);
  const cuts: { start: number; end: number }[] = [];
  SEPARATOR.lastIndex = 0;
  for (let m = SEPARATOR.exec(t); m; m = SEPARATOR.exec(t)) {
    if (m.index > 0 && m.index + m[0].length < t.length) cuts.push({ start: m.index, end: m.index + m[0].length });
  }
  if (cuts.length === 0) return t;
  const isSite = (part: string) => {
    const p = part.toLowerCase().replace(/[[\]()]/g, '').trim();
    if (siteName && (same(p, siteName) || siteName.toLowerCase().includes(p) || p.includes(siteName.toLowerCase()))) return true;
    // The site's own label of the host name: "wikipedia" in en.wikipedia.org, "bbc" in bbc.co.uk.
    const hostWord = host
      ?.split('.')
      .slice(0, -1)
      .filter((l) => !/^(?:www\d?|m|amp|com?|org|net|gov|ac|edu)$/.test(l))
      .sort((a, b) => b.length - a.length)[0];
    return !!hostWord && hostWord.length > 2 && p.replace(/[\s.]/g, '').includes(hostWord);
  };
  const last = cuts[cuts.length - 1];
  const head = t.slice(0, last.start);
  const tail = t.slice(last.end);
  if (isSite(tail)) return stripSiteSuffix(head, siteName, host);
  const first = cuts[0];
  const lead = t.slice(0, first.start);
  const rest = t.slice(first.end);
  if (isSite(lead) && words(rest) >= 2) return rest;
  // Without a known site name, a short tail (≤ 3 words) beside a head of 4 words or more.
  if (words(tail) <= 3 && words(head) >= 4 && cuts.length === 1) return head;
  return t;
}

/** The host name of an address, or null (none, or not an address). */
export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const h = new URL(url).hostname;
    return h || null;
  } catch {
    return null;
  }
}

/** "By Ana Sandoiu" → "Ana Sandoiu"; drops dates, handles and job titles after the names. */
export function cleanByline(raw: string | null): string | null {
  if (!raw) return null;
  let s = collapse(raw);
  if (/^https?:\/\//.test(s)) return null;
  s = s.replace(/^(?:by|from|words by|written by|von|par|por|di|door|av|af)\s*[:\-–]?\s+/i, '');
  // Cut at a date, a time, an @handle or a "|" — bylines in the page run into them.
  s = s.replace(/\s*(?:[|•·]|\s@\w|\b(?:updated|published|posted)\b|\b(?:19|20)\d\d\b|\b\d{1,2}[:/.]\d{1,2}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\b\d{1,2}\.?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b\d+\s+(?:min|hours?|days?|hodin)).*$/i, '');
  s = trimEndWhile(s, (c) => /[,\s–—-]/.test(c)).trim();
  if (!s || s.length > 100 || !/\p{L}/u.test(s)) return null;
  return s;
}

/** Where a page shows its byline, best first: microdata and rel=author, then class names. */
const BYLINE_CLASS = /(?:^|[\s_-])(?:author-?name|authorname|byline-?name|byline__name|author__name)(?:$|[\s_-])/i;
const BYLINE_LOOSE = /byline|author/i;
/** Boxes whose names are not the article's author: comments, bios of other people, footers. */
const NOT_BYLINE_AREA = /comment|footer|related|sidebar|widget|reply|respond|recommend/i;
/** Text of an element with a space between its text nodes ("Lucas Nolan" + "22 Dec" stay apart). */
function spacedText(el: Element): string {
  const parts: string[] = [];
  const stack: Node[] = [el];
  let budget = 200;
  while (stack.length > 0 && budget-- > 0) {
    const n = stack.pop()!;
    if (n.nodeType === 3) parts.push((n as Text).data);
    else if (n.nodeType === 1 && !/^(?:SCRIPT|STYLE|TEMPLATE)$/i.test((n as Element).tagName)) {
      for (let c = n.lastChild; c; c = c.previousSibling) stack.push(c);
    }
  }
  return parts.join(' ');
}

/**
 * The byline as shown near the article: the root's enclosing area (the nearest ancestor, up to
 * six levels, that holds an h1; else the body), walked once and bounded.
 */
function bylineFromPage(doc: Document, root: Element | null): string | null {
  let scope: Element | null = doc.body;
  for (let up = 0, a = root?.parentElement ?? null; a && up < 6; up++, a = a.parentElement) {
    if (a.getElementsByTagName('h1').length > 0) {
      scope = a;
      break;
    }
  }
  if (!scope) return null;
  // Rank: 0 itemprop=author name, 1 rel=author, 2 itemprop=author, 3 author-name classes, 4 byline/author classes.
  const found: (Element | null)[] = [null, null, null, null, null];
  const stack: Element[] = [scope];
  let budget = 5000;
  while (stack.length > 0 && budget-- > 0) {
    const el = stack.pop()!;
    const tag = el.tagName.toUpperCase();
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'META' || tag === 'LINK' || tag === 'TEMPLATE') continue;
    if (el.hasAttributes()) {
      const ci = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
      if (el !== scope && NOT_BYLINE_AREA.test(ci)) continue;
      const itemprop = el.getAttribute('itemprop');
      if (itemprop === 'author') {
        const name = el.querySelector('[itemprop="name"]');
        if (name && !found[0]) found[0] = name;
        if (!found[2]) found[2] = el;
      }
      if (!found[1] && el.getAttribute('rel') === 'author') found[1] = el;
      if (!found[3] && BYLINE_CLASS.test(ci)) found[3] = el;
      else if (!found[4] && BYLINE_LOOSE.test(ci)) found[4] = el;
    }
    for (let c = el.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
  }
  for (const el of found) {
    const name = el ? cleanByline(spacedText(el)) : null;
    if (name && name.length >= 3) return name;
  }
  return null;
}

/** The publication time shown in the page: a <time> marked as such, else the first one. */
function timeFromPage(doc: Document, root: Element | null): string | null {
  const times = doc.getElementsByTagName('time');
  let first: string | null = null;
  let inRoot: string | null = null;
  for (let i = 0; i < times.length && i < 200; i++) {
    const t = times[i];
    const v = t.getAttribute('datetime');
    if (!v) continue;
    if (t.getAttribute('itemprop') === 'datePublished' || t.hasAttribute('pubdate')) return v;
    first ??= v;
    if (!inRoot && root?.parentElement?.contains(t)) inRoot = v;
  }
  return inRoot ?? first;
}

/** <title> read against the page's h1s: an h1 that is the site's name in <title> is cut off;
 *  an h1 that is the start or a part of <title> is the title. */
function titleFromDocument(docTitle: string, headings: string[], siteName: string | null, host: string | null): string {
  for (const h of headings) {
    if (h.length < 3) continue;
    if (same(h, docTitle) || docTitle.toLowerCase().startsWith(h.toLowerCase())) return h;
    const stripped = stripSiteSuffix(docTitle, h, host);
    if (stripped !== docTitle && !same(stripped, h)) return stripped;
    const at = docTitle.toLowerCase().indexOf(h.toLowerCase());
    if (at === 0 || (at > 0 && h.length >= 0.5 * docTitle.length)) return h;
  }
  return stripSiteSuffix(docTitle, siteName, host);
}

function isoDate(v: string | null): string | null {
  if (!v) return null;
  const s = v.trim();
  // Bare dates and date-times without a zone are read as UTC so that the result does not depend
  // on the machine's time zone.
  const bare = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/.test(s);
  const d = new Date(bare ? `${s.replace(' ', 'T')}${s.length === 10 ? 'T00:00:00' : ''}Z` : s);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

function langOf(v: string | null): string | null {
  if (!v) return null;
  const primary = v.trim().replace('_', '-').split(/[-,;\s]/)[0].toLowerCase();
  return /^[a-z]{2,3}$/.test(primary) ? primary : null;
}

export interface MetadataOptions {
  /** The page's address (site name fallback, title suffix by host name). */
  url?: string;
  /** The article's root, when known: bylines and <time> are looked for near it first. */
  root?: Element | null;
}

/** What a page says of its own kind (<meta> tags, JSON-LD): all the detector's decision needs. */
export interface PageDeclarations {
  tags: Map<string, string>;
  ld: JsonObject[];
  /** `@type`s found in JSON-LD. */
  jsonLdTypes: string[];
  ogType: string | null;
}

/**
 * What the page says before anyone reads it: whether its Open Graph type is an article (the
 * detector's own reading of og:type) and the primary language of its root element. One selector
 * and two attribute reads, for a guess made ahead of detection (the content script asks for the
 * analyzer while it detects).
 */
export function declaredKind(doc: Document): { article: boolean; lang: string | null } {
  const og = doc.querySelector('meta[property="og:type" i], meta[name="og:type" i]')?.getAttribute('content');
  return { article: !!og && /article/i.test(og), lang: rootLang(doc) };
}

/** The primary language the root element declares (`lang`, else `xml:lang`), or null. */
function rootLang(doc: Document): string | null {
  const root = doc.documentElement;
  return langOf(root?.getAttribute('lang') ?? root?.getAttribute('xml:lang') ?? null);
}

export function readDeclarations(doc: Document): PageDeclarations {
  const tags = readMetaTags(doc);
  const ld = readJsonLd(doc);
  return { tags, ld, jsonLdTypes: ld.flatMap(typesOf), ogType: firstOf(tags, 'og:type') };
}

/** The article's metadata; `declarations` when they were read already (`readDeclarations`). */
export function readMetadata(doc: Document, options: MetadataOptions = {}, declarations: PageDeclarations = readDeclarations(doc)): ArticleMeta {
  const { tags, ld, jsonLdTypes } = declarations;
  const articleLd = ld.find((o) => typesOf(o).some((t) => ARTICLE_TYPES.test(t)));
  const websiteLd = ld.find((o) => typesOf(o).includes('WebSite'));
  const host = hostOf(options.url ?? doc.URL ?? null);

  const siteName =
    firstOf(tags, 'og:site_name', 'application-name', 'al:ios:app_name', 'twitter:app:name:iphone') ??
    nameOf(articleLd?.publisher) ??
    nameOf(websiteLd?.name) ??
    null;

  // Title: what the page says for machines, else <title> checked against the visible h1.
  const docTitle = collapse(doc.title ?? '');
  const h1s = doc.getElementsByTagName('h1');
  const headings: string[] = [];
  for (let i = 0; i < h1s.length && i < 5; i++) {
    const t = collapse(h1s[i].textContent ?? '');
    if (t) headings.push(t);
  }
  // The first title a page states for machines that agrees with what it shows (Wikipedia's
  // JSON-LD "headline" is a description), else <title> read against the visible h1s.
  const stated = [nameOf(articleLd?.headline), firstOf(tags, 'og:title'), firstOf(tags, 'twitter:title'), firstOf(tags, 'dc.title', 'dcterms.title')]
    .filter((x): x is string => !!x)
    .map(collapse);
  const agrees = (x: string) => {
    const lx = x.toLowerCase();
    return docTitle.toLowerCase().includes(lx.slice(0, 40)) || headings.some((h) => h.toLowerCase().includes(lx.slice(0, 40)) || lx.includes(h.toLowerCase()));
  };
  let title = stated.find(agrees) ?? '';
  if (title) title = stripSiteSuffix(title, siteName, host);
  else if (docTitle) title = titleFromDocument(docTitle, headings, siteName, host);
  else title = stated[0] ?? headings[0] ?? '';

  const byline =
    cleanByline(nameOf(articleLd?.author)) ??
    cleanByline(firstOf(tags, 'author', 'article:author', 'dc.creator', 'dcterms.creator', 'parsely-author', 'sailthru.author', 'byl')) ??
    bylineFromPage(doc, options.root ?? null);

  let publishedTime =
    isoDate(typeof articleLd?.datePublished === 'string' ? articleLd.datePublished : null) ??
    isoDate(firstOf(tags, 'article:published_time', 'datepublished', 'date', 'pubdate', 'publishdate', 'publish-date', 'parsely-pub-date', 'sailthru.date', 'dc.date', 'dc.date.issued', 'dcterms.date', 'dcterms.created', 'og:published_time', 'article.published'));
  publishedTime ??= isoDate(timeFromPage(doc, options.root ?? null));

  const lang =
    rootLang(doc) ??
    langOf(firstOf(tags, 'content-language', 'og:locale', 'language', 'dc.language')) ??
    langOf(typeof articleLd?.inLanguage === 'string' ? articleLd.inLanguage : null);

  return {
    title: collapse(title),
    byline: byline ? collapse(byline) : null,
    siteName: siteName ? collapse(siteName) : null,
    publishedTime,
    lang,
    jsonLdTypes,
    ogType: declarations.ogType,
  };
}

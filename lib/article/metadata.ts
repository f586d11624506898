/**
 * Article metadata from what pages publish for machines (JSON-LD, Open Graph, meta tags) and,
 * failing that, from the visible page (h1, byline elements, <time>).
 */

export interface ArticleMeta {
  title: string;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  lang: string | null;
  /** `@type`s found in JSON-LD (e.g. "NewsArticle"), for the detector. */
  jsonLdTypes: string[];
  ogType: string | null;
}

type JsonObject = Record<string, unknown>;

function metaContent(doc: Document, ...keys: string[]): string | null {
  for (const key of keys) {
    const el =
      doc.querySelector(`meta[property="${key}"]`) ??
      doc.querySelector(`meta[name="${key}"]`) ??
      doc.querySelector(`meta[itemprop="${key}"]`);
    const v = el?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return null;
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
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length && i < 20; i++) {
    const raw = scripts[i].textContent ?? '';
    if (raw.length > 500_000) continue;
    try {
      visit(JSON.parse(raw.replace(/^\s*<!--|-->\s*$/g, '')), 0);
    } catch {
      // Broken JSON-LD is common; it is one signal among many.
    }
  }
  return out;
}

function typesOf(o: JsonObject): string[] {
  const t = o['@type'];
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  return [];
}

function nameOf(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (Array.isArray(v)) {
    const names = v.map(nameOf).filter((x): x is string => !!x);
    return names.length ? names.join(', ') : null;
  }
  if (v && typeof v === 'object') return nameOf((v as JsonObject).name);
  return null;
}

export const ARTICLE_TYPES = /^(?:Article|NewsArticle|BlogPosting|Report|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|ScholarlyArticle|TechArticle|LiveBlogPosting|SocialMediaPosting|Blog)$/;

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** "Palmyra retaken – The Daily Post" → "Palmyra retaken", when the suffix is the site's name. */
export function stripSiteSuffix(title: string, siteName: string | null): string {
  const parts = title.split(/\s+[|–—\-:»·]\s+/);
  if (parts.length < 2) return title;
  const head = parts.slice(0, -1).join(' - ');
  const tail = parts[parts.length - 1];
  if (siteName && collapse(tail).toLowerCase() === collapse(siteName).toLowerCase()) return head;
  // Without a known site name, drop a short tail (≤ 4 words) when the head is long enough.
  if (tail.split(/\s+/).length <= 4 && head.split(/\s+/).length >= 3) return head;
  return title;
}

export function readMetadata(doc: Document): ArticleMeta {
  const ld = readJsonLd(doc);
  const jsonLdTypes = ld.flatMap(typesOf);
  const articleLd = ld.find((o) => typesOf(o).some((t) => ARTICLE_TYPES.test(t)));

  const siteName =
    metaContent(doc, 'og:site_name', 'application-name') ??
    nameOf(articleLd?.publisher) ??
    null;

  const h1 = doc.querySelector('article h1, main h1, h1');
  const h1Text = h1 ? collapse(h1.textContent ?? '') : '';
  const docTitle = collapse(doc.title ?? '');
  const candidates = [
    nameOf(articleLd?.headline),
    metaContent(doc, 'og:title', 'twitter:title', 'dc.title', 'DC.title'),
  ].filter((x): x is string => !!x);
  let title = candidates[0] ?? '';
  if (!title) title = h1Text && docTitle.includes(h1Text) ? h1Text : docTitle ? stripSiteSuffix(docTitle, siteName) : h1Text;
  else title = stripSiteSuffix(collapse(title), siteName);

  let byline =
    nameOf(articleLd?.author) ??
    metaContent(doc, 'author', 'article:author', 'dc.creator', 'DC.creator', 'parsely-author');
  if (byline && /^https?:\/\//.test(byline)) byline = null;
  if (!byline) {
    const el = doc.querySelector('[rel="author"], [itemprop="author"], .byline, .author, [class*="byline"]');
    const t = el ? collapse(el.textContent ?? '') : '';
    if (t && t.length < 100) byline = t.replace(/^by\s+/i, '');
  }

  let publishedTime =
    (typeof articleLd?.datePublished === 'string' ? (articleLd.datePublished as string) : null) ??
    metaContent(doc, 'article:published_time', 'datePublished', 'pubdate', 'date', 'dc.date', 'DC.date.issued');
  if (!publishedTime) {
    const t = doc.querySelector('time[datetime]');
    publishedTime = t?.getAttribute('datetime') ?? null;
  }
  if (publishedTime) {
    const d = new Date(publishedTime);
    publishedTime = Number.isNaN(d.getTime()) ? null : d.toISOString();
  }

  const langAttr = doc.documentElement?.getAttribute('lang') ?? metaContent(doc, 'og:locale', 'language');
  const lang = langAttr ? langAttr.trim().replace('_', '-').split('-')[0].toLowerCase() || null : null;

  return {
    title: collapse(title),
    byline: byline ? collapse(byline) : null,
    siteName: siteName ? collapse(siteName) : null,
    publishedTime,
    lang,
    jsonLdTypes,
    ogType: metaContent(doc, 'og:type'),
  };
}

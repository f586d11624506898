import { ARTICLE_TYPES, readMetadata, type ArticleMeta } from './metadata';
import { isHiddenByMarkup } from '../text/textmap';

/**
 * Article detection on the live DOM: which element holds the article's main text, which of its
 * subtrees are not reading text, and whether the page is an article at all. The page is only
 * read: no attribute or node is added.
 */

export interface ArticleDetection {
  isArticle: boolean;
  confidence: number;
  signals: string[];
  /** The live element that holds the main text (best candidate even when not an article). */
  root: Element | null;
  /** Subtrees inside `root` that are not reading text (share bars, related stories…). */
  skip: (el: Element) => boolean;
  meta: ArticleMeta;
}

export interface DetectOptions {
  /** Bound on elements looked at, so a 100k-node page cannot freeze the tab. */
  maxElements?: number;
  /** The page's address; defaults to the document's. */
  url?: string;
}

/**
 * Class/id words of boxes that are not the story. Long words match as the start of a token
 * ("jp-relatedposts", "share-buttons"); short ones only as whole tokens ("ad", not "admin").
 */
const BOILERPLATE =
  /(?:^|[\s_-])(?:(?:share|sharing|social|related|recommend|recirc|more-stories|read-?more|newsletter|subscri|signup|promo|advert|sponsor|comment|disqus|cookie|consent|gdpr|breadcrumb|author-bio|popular|most-read|trending|outbrain|taboola|sidebar|widget|paywall|jump-link|skip-link)|(?:ads?|tags|tag-list|bio|print-only|modal|popup|banner|toolbar)(?=$|[\s_-]))/i;
const BOILERPLATE_ROLES = /^(?:navigation|complementary|banner|contentinfo|search|dialog|alert|menu|menubar|toolbar)$/;
const BOILERPLATE_TAGS = new Set(['NAV', 'ASIDE', 'FOOTER', 'FORM', 'HEADER', 'DIALOG', 'MENU']);

const POSITIVE = /(?:^|[\s_-])(?:article|story|post|entry|content|body|text|main|blog|prose|rich-text)(?:$|[\s_-])/i;

function classAndId(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
}

export function isBoilerplate(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (BOILERPLATE_TAGS.has(tag)) return true;
  const role = el.getAttribute('role');
  if (role && BOILERPLATE_ROLES.test(role)) return true;
  const ci = classAndId(el);
  return ci.length > 1 && BOILERPLATE.test(ci);
}

interface Scored {
  score: number;
  textLength: number;
  paragraphs: number;
}

const collapsedLength = (s: string) => s.replace(/\s+/g, ' ').trim().length;

function linkTextLength(el: Element): number {
  let n = 0;
  const links = el.getElementsByTagName('a');
  for (let i = 0; i < links.length; i++) n += collapsedLength(links[i].textContent ?? '');
  return n;
}

/**
 * Score containers by the paragraphs they hold (a Readability-style content score computed on
 * the live tree without changing it) and return the best one.
 */
function findCandidate(doc: Document, maxElements: number): { root: Element | null; score: Scored | null } {
  const body = doc.body;
  if (!body) return { root: null, score: null };
  const scores = new Map<Element, Scored>();
  const paragraphs = body.querySelectorAll('p, pre, blockquote, li, td, div');
  const limit = Math.min(paragraphs.length, maxElements);
  for (let i = 0; i < limit; i++) {
    const p = paragraphs[i];
    const tag = p.tagName.toUpperCase();
    if (tag === 'DIV' || tag === 'LI' || tag === 'TD') {
      // Only text-bearing divs/list items count as paragraphs (direct text of their own).
      let direct = 0;
      for (let c = p.firstChild; c; c = c.nextSibling) {
        if (c.nodeType === 3) direct += collapsedLength((c as Text).data);
      }
      if (direct < 80) continue;
    }
    const text = p.textContent ?? '';
    const len = collapsedLength(text);
    if (len < 25) continue;
    let skip = false;
    for (let a: Element | null = p; a && a !== body; a = a.parentElement) {
      if (isBoilerplate(a) || isHiddenByMarkup(a)) {
        skip = true;
        break;
      }
    }
    if (skip) continue;
    const commas = (text.match(/[,，、]/g) ?? []).length;
    const points = 1 + commas + Math.min(Math.floor(len / 100), 3);
    let ancestor = p.parentElement;
    for (let level = 0; ancestor && level < 3; level++, ancestor = ancestor.parentElement) {
      const s = scores.get(ancestor) ?? { score: 0, textLength: 0, paragraphs: 0 };
      s.score += points / (level === 0 ? 1 : level === 1 ? 2 : level * 3);
      if (level === 0) {
        s.textLength += len;
        s.paragraphs += 1;
      }
      scores.set(ancestor, s);
    }
  }
  let best: Element | null = null;
  let bestScore = -Infinity;
  for (const [el, s] of scores) {
    let score = s.score;
    const ci = classAndId(el);
    if (POSITIVE.test(ci)) score *= 1.25;
    const total = collapsedLength(el.textContent ?? '') || 1;
    score *= 1 - Math.min(linkTextLength(el) / total, 1);
    if (score > bestScore) {
      bestScore = score;
      best = el;
    }
  }
  if (!best) return { root: null, score: null };
  // Paragraphs split across sibling wrappers: climb while the parent holds clearly more story
  // (compared with the best candidate, so the climb cannot creep up level by level).
  const bestRaw = scores.get(best)!.score;
  let root = best;
  for (let parent = root.parentElement; parent && parent !== body && parent !== doc.documentElement; parent = parent.parentElement) {
    const ps = scores.get(parent);
    if (!ps || ps.score < bestRaw * 0.6) break;
    root = parent;
  }
  // Text and paragraphs of the chosen root: every scored paragraph parent inside it.
  let textLength = 0;
  let paragraphCount = 0;
  for (const [el, s] of scores) {
    if (s.paragraphs > 0 && (el === root || root.contains(el))) {
      textLength += s.textLength;
      paragraphCount += s.paragraphs;
    }
  }
  return { root, score: { score: bestScore, textLength, paragraphs: paragraphCount } };
}

const NON_ARTICLE_URL = /\/(?:search|login|signin|sign-in|register|signup|cart|checkout|account|tag|tags|category|topics?|section)(?:\/|\?|$)|[?&](?:q|query|s)=/i;

export function detectArticle(doc: Document, options: DetectOptions = {}): ArticleDetection {
  const meta = readMetadata(doc);
  const { root, score } = findCandidate(doc, options.maxElements ?? 20_000);
  const signals: string[] = [];
  let evidence = 0;

  const articleLd = meta.jsonLdTypes.find((t) => ARTICLE_TYPES.test(t));
  if (articleLd) {
    evidence += 2;
    signals.push(`JSON-LD ${articleLd}`);
  }
  if (meta.ogType && /article/i.test(meta.ogType)) {
    evidence += 1;
    signals.push('og:type article');
  }
  if (doc.querySelector('article')) {
    evidence += 0.5;
    signals.push('<article> element');
  }
  const textLength = score?.textLength ?? 0;
  const paragraphs = score?.paragraphs ?? 0;
  if (textLength >= 1500 && paragraphs >= 4) {
    evidence += 2;
    signals.push('long main text');
  } else if (textLength >= 700 && paragraphs >= 3) {
    evidence += 1;
    signals.push('main text');
  } else {
    evidence -= 3;
    signals.push('little continuous text');
  }
  if (root) {
    const total = collapsedLength(root.textContent ?? '') || 1;
    const density = linkTextLength(root) / total;
    if (density > 0.35) {
      evidence -= 2;
      signals.push('mostly links');
    }
  }
  if (doc.querySelector('input[type="password"]')) {
    evidence -= 2;
    signals.push('sign-in form');
  }
  if (meta.jsonLdTypes.some((t) => /^(?:Product|SearchResultsPage|CollectionPage|ItemList|ProfilePage)$/.test(t)) && !articleLd) {
    evidence -= 2;
    signals.push('JSON-LD listing or product');
  }
  const url = options.url ?? doc.URL ?? '';
  if (NON_ARTICLE_URL.test(url) && !articleLd) {
    evidence -= 1;
    signals.push('listing-like address');
  }
  const confidence = 1 / (1 + Math.exp(-evidence));
  return {
    isArticle: evidence > 0.5 && textLength >= 500,
    confidence: Math.round(confidence * 1000) / 1000,
    signals,
    root,
    skip: isBoilerplate,
    meta,
  };
}

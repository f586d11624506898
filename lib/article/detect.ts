import { ARTICLE_TYPES, readMetadata, type ArticleMeta } from './metadata';
import { extractMainText } from './extract';
import { looksLikeBoilerplate } from './boilerplate';

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
  /** Bound on nodes looked at, so a 100k-node page cannot freeze the tab. */
  maxNodes?: number;
  /** @deprecated Use maxNodes. */
  maxElements?: number;
  /** The page's address; defaults to the document's. */
  url?: string;
}

/** Kept for callers that test a single element; detection itself uses the extraction's set. */
export function isBoilerplate(el: Element): boolean {
  return looksLikeBoilerplate(el, el.tagName.toUpperCase());
}

const NON_ARTICLE_URL = /\/(?:search|login|signin|sign-in|register|signup|cart|checkout|account|tag|tags|category|topics?|section)(?:\/|\?|$)|[?&](?:q|query|s)=/i;

export function detectArticle(doc: Document, options: DetectOptions = {}): ArticleDetection {
  const meta = readMetadata(doc);
  const x = extractMainText(doc, { maxNodes: options.maxNodes ?? options.maxElements });
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
  const textLength = x.goodChars;
  const paragraphs = x.goodParagraphs;
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
  if (x.root) {
    const density = x.badChars / (x.goodChars + x.badChars + x.neutralChars || 1);
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
  const skipped = x.skipped;
  return {
    isArticle: evidence > 0.5 && textLength >= 500,
    confidence: Math.round(confidence * 1000) / 1000,
    signals,
    root: x.root,
    skip: (el) => skipped.has(el),
    meta,
  };
}

import { ARTICLE_TYPES, readDeclarations, readMetadata, type ArticleMeta } from './metadata';
import { extractMainTextSteps, type Extraction } from './extract';
import { drain, type Steps } from '../steps';
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
  /** @deprecated The bound is on nodes now; kept as an alias of `maxNodes`. */
  maxElements?: number;
  /** The page's address; defaults to the document's. */
  url?: string;
}

/** Whether an element's own markup marks it as page furniture (nav, share bar, comments…). */
export function isBoilerplate(el: Element): boolean {
  return looksLikeBoilerplate(el, el.tagName.toUpperCase());
}

/** schema.org types of pages that are not one article. */
const NON_ARTICLE_TYPES = /^(?:Product|ProductGroup|Offer|SearchResultsPage|CollectionPage|ItemList|ProfilePage|ImageGallery|VideoObject|VideoGallery|MediaGallery|CheckoutPage|ContactPage|QAPage|FAQPage|Store|Restaurant|Event|Recipe)$/;
const NON_ARTICLE_OG = /^(?:product|profile|video|music|books?\.author|business)/i;
const LISTING_URL = /\/(?:search|tag|tags|category|categories|topics?|section|archive|author|page\/\d+)(?:\/|\?|$)|[?&](?:q|query|s|search)=/i;
const ACCOUNT_URL = /\/(?:login|log-in|signin|sign-in|register|signup|sign-up|cart|basket|checkout|account|subscribe)(?:\/|\?|\.|$)/i;
/** A site's front page: nothing after the host but an index file or tracking parameters
 *  (not "/?p=123", which is how WordPress addresses a post without pretty links). */
function isHomeAddress(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (!/^https?:$/.test(u.protocol) || !/^\/(?:index\.\w+)?$/i.test(u.pathname)) return false;
  for (const key of u.searchParams.keys()) if (!/^(?:utm_\w+|ref|fbclid|gclid|amp)$/i.test(key)) return false;
  return true;
}
const SHOP_URL = /\/(?:products?|shop|store|collections)\//i;
/** A dated or long-slug address: /2026/03/02/… or /news/ferry-strike-ends-after-crews-accept… */
const ARTICLE_URL = /\/(?:19|20)\d\d\/\d\d?\/|\/[^/?#]*[a-z]+-[a-z]+-[a-z]+-[a-z]+[^/?#]*(?:\/|\.html?|$)/i;

/**
 * The decision: evidence for and against, summed; `confidence` is its logistic. Text in the root
 * carries most of the weight; what the page says of itself (JSON-LD, og:type, <article>) and its
 * address tip the balance; page types that are not one article (listing, search, sign-in, shop,
 * comments) pull it down.
 */
function decide(doc: Document, meta: Pick<ArticleMeta, 'jsonLdTypes' | 'ogType'>, x: Extraction, url: string): { isArticle: boolean; confidence: number; signals: string[] } {
  const signals: string[] = [];
  let evidence = 0;
  const say = (weight: number, signal: string) => {
    evidence += weight;
    signals.push(signal);
  };

  const articleLd = meta.jsonLdTypes.find((t) => ARTICLE_TYPES.test(t));
  if (articleLd) say(1.5, `JSON-LD ${articleLd}`);
  if (meta.ogType && /article/i.test(meta.ogType)) say(1, 'og:type article');
  if (x.articleElements > 0) say(0.25, '<article> element');
  // Several <article>s, each titled by a link to itself: a blog's front page or an archive, even
  // when it shows the posts in full (teaser cards are shorter than 300 characters).
  if (x.linkedPosts >= 3) say(-2.5, `${x.linkedPosts} posts titled by links`);
  // WordPress names the kind of page on <body>: "single-post" for a post, "home", "blog",
  // "archive", "search", "error404" for the others.
  const bodyClass = ` ${doc.body?.getAttribute('class') ?? ''} `;
  if (/\s(?:home|blog|archive|category|tag|search|search-results|error404|author|date)\s/.test(bodyClass) && !/\s(?:single|single-post)\s/.test(bodyClass)) say(-1.5, 'page type on <body>');
  else if (/\s(?:single-post|single-format-\w+)\s/.test(bodyClass)) say(0.5, 'single post on <body>');

  const chars = x.goodChars;
  const paras = x.goodParagraphs;
  if (chars >= 1500 && paras >= 4) say(2.5, 'long main text');
  else if (chars >= 800 && paras >= 3) say(1.5, 'main text');
  else if (chars >= 400 && paras >= 2) say(0.75, 'short main text');
  else if (chars >= 250) say(-1.5, 'little continuous text');
  else say(-3, 'almost no continuous text');

  // Listings: search results, section fronts, archives and author pages are headlines that link
  // elsewhere, each with a line or two of summary.
  // A round-up article can link its subheadings too, but then long paragraphs follow each one.
  if (x.linkedHeadings >= 3) {
    const perHeadline = chars / x.linkedHeadings;
    if (perHeadline < 400) say(-Math.min(1 + x.linkedHeadings / 2, 5), `${x.linkedHeadings} linked headlines with short summaries`);
    else say(-0.5, `${x.linkedHeadings} linked headlines`);
  }
  if (x.root) {
    const furniture = x.badChars / (x.goodChars + x.badChars + x.neutralChars || 1);
    if (furniture > 0.35) say(-2, 'mostly links');
  }
  if (x.pageGoodChars > 0 && chars < 0.4 * x.pageGoodChars) say(-1, 'text spread over many boxes');
  if (x.discussionGoodChars > Math.max(chars, 300)) say(-1.5, 'comments outweigh the text');
  // A sign-in page is built around its form; many articles have a small sign-in box elsewhere.
  if (x.passwordField) say(x.passwordInRoot || chars < 800 ? -3 : -0.5, 'sign-in form');
  const otherType = meta.jsonLdTypes.find((t) => NON_ARTICLE_TYPES.test(t));
  const ogArticle = !!meta.ogType && /article/i.test(meta.ogType);
  // A video or gallery embedded in a story brings its own JSON-LD; it decides only when the
  // page does not call itself an article.
  if (otherType && !articleLd && !(ogArticle && /Video|Image|Media/.test(otherType))) say(-2.5, `JSON-LD ${otherType}`);
  if (meta.ogType && NON_ARTICLE_OG.test(meta.ogType)) say(-2.5, `og:type ${meta.ogType}`);
  if (!articleLd) {
    if (isHomeAddress(url)) say(-2, 'home page address');
    else if (ACCOUNT_URL.test(url)) say(-2, 'account or checkout address');
    else if (LISTING_URL.test(url)) say(-1.5, 'listing-like address');
    else if (SHOP_URL.test(url)) say(-1.5, 'shop address');
    else if (ARTICLE_URL.test(url)) say(0.5, 'article-like address');
  }

  const confidence = Math.round((1000 / (1 + Math.exp(-evidence)))) / 1000;
  return { isArticle: evidence > 0.5 && chars >= 300, confidence, signals };
}

const EMPTY_META: ArticleMeta = { title: '', byline: null, siteName: null, publishedTime: null, lang: null, jsonLdTypes: [], ogType: null };

const squash = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** The title repeated as an h2/h3 at the top of the text (h1s are skipped already). */
function dropTitleHeadings(root: Element, title: string, skipped: Set<Element>): void {
  const t = squash(title);
  for (const tag of ['h2', 'h3']) {
    const headings = root.getElementsByTagName(tag);
    for (let i = 0; i < headings.length && i < 3; i++) if (squash(headings[i].textContent ?? '') === t) skipped.add(headings[i]);
  }
}

export function detectArticle(doc: Document, options: DetectOptions = {}): ArticleDetection {
  return drain(detectArticleSteps(doc, options));
}

/** `detectArticle` as steps (lib/steps.ts): the page code cuts a large page's detection into short tasks. */
export function* detectArticleSteps(doc: Document, options: DetectOptions = {}): Steps<ArticleDetection> {
  const url = options.url ?? doc.URL ?? '';
  // A document without a root element (linkedom's parse of an empty or text-only file): nothing
  // to read, and linkedom's `body`/`title` getters throw on it.
  if (!doc.documentElement) return { isArticle: false, confidence: 0, signals: ['empty document'], root: null, skip: () => false, meta: EMPTY_META };
  const x = yield* extractMainTextSteps(doc, { maxNodes: options.maxNodes ?? options.maxElements });
  yield;
  // The decision needs only what the page declares of its kind. The rest of the metadata (title,
  // byline — a walk of the page —, date, language) and the title heading left out of the text are
  // read when first asked for: at once for an article, only on demand for a page that is not one
  // (the content script then stops, and the page pays for detection alone).
  const declarations = readDeclarations(doc);
  const { isArticle, confidence, signals } = decide(doc, declarations, x, url);
  if (x.truncated) signals.push('page too large: only its start was read');
  const skipped = x.skipped;
  let meta: ArticleMeta | null = null;
  const complete = (): ArticleMeta => {
    if (meta === null) {
      meta = readMetadata(doc, { url, root: x.root }, declarations);
      if (x.root && meta.title) dropTitleHeadings(x.root, meta.title, skipped);
    }
    return meta;
  };
  if (isArticle) complete();
  return {
    isArticle,
    confidence,
    signals,
    root: x.root,
    skip: (el) => {
      if (meta === null) complete();
      return skipped.has(el);
    },
    get meta() {
      return complete();
    },
  };
}

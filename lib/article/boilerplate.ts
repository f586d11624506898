import { expandWordPattern } from '../text/word-patterns';
import { once } from '../once';

/**
 * What marks a box as not being the story: its tag, its ARIA role, or the words in its class and
 * id ("share-bar", "related-posts", "newsletter-signup"), and the stock phrases of short lines
 * ("Advertisement", "Read more"). Compiled once; read-only.
 */

/** Tags whose whole subtree is page furniture, wherever it sits. */
export const BOILERPLATE_TAGS = new Set(['NAV', 'ASIDE', 'FOOTER', 'HEADER', 'DIALOG', 'MENU', 'FIGCAPTION']);

export const BOILERPLATE_ROLES = /^(?:navigation|complementary|banner|contentinfo|search|dialog|alertdialog|alert|menu|menubar|toolbar|tablist|status)$/;

/**
 * Class/id words of boxes that are not the story. Long words match as the start of a word
 * ("jp-relatedposts", "share-buttons"; a word starts at the start, after a separator, or at a
 * camelCase hump); short ones only as whole words ("ad", not "admin"; "tags", not "tagline").
 * Written as small patterns (`-?` an optional hyphen, `(?:a|b)` a choice) and expanded into
 * literal words once: matching them is a scan of the class string, not a regular expression of
 * 150 alternatives, whose first use cost ~10 ms of compilation on every page Sift opens.
 */
export const LONG_WORDS = [
  'share', 'sharing', 'sharethis', 'social', 'related', 'recommend', 'recirc', 'more-?(?:stories|from|articles|news|on)',
  'read-?more', 'readnext', 'read-?next', 'newsletter', 'subscri', 'signup', 'sign-?up', 'promo', 'advert', 'sponsor',
  'comment', 'disqus', 'discussion', 'repl(?:y|ies)', 'respond', 'cookie', 'consent', 'gdpr', 'breadcrumb', 'author-?(?:bio|info|box|card|about|details)',
  'about-?(?:the-?)?author', 'popular', 'most-?(?:read|viewed|popular|shared)', 'trending', 'outbrain', 'taboola', 'sidebar',
  'widget', 'paywall', 'skip', 'navbar', 'navigation', 'menu', 'footer', 'masthead', 'toolbar', 'banner', 'modal', 'popup',
  'overlay', 'pagination', 'pager', 'byline', 'dateline', 'timestamp', 'caption', 'credit', 'copyright', 'rss', 'follow',
  'tag-?list', 'taglist', 'keywords', 'header', 'login', 'signin',
  'donate', 'jump', 'slideshow', 'gallery', 'carousel', '(?:video|audio|media|jw)-?player', 'embed', 'print', 'rating', 'reaction',
  'supplement', 'infobox', 'teaser', 'upsell', 'offer', 'cta', 'alert', 'toc', 'table-?of-?contents', 'dfp', 'gpt-', 'google-?ad',
  'edit-?section', 'edit-?link', 'adslot', 'ad-?slot', 'ad-?container', 'ad-?wrapper', 'ad-?unit', 'adunit', 'native-?ad', 'post-?meta', 'entry-?meta',
  'article-?meta', 'meta-?data', 'metadata', 'published', 'pub-?date', 'post-?date', 'entry-?date', 'updated', 'author', 'contributor', 'lede-?art', 'hero',
  'image', 'img', 'photo', 'media', 'figure', 'thumbnail', 'icon', 'logo', 'button', 'btn',
];
export const SHORT_WORDS = ['ad', 'ads', 'edit', 'bio', 'tag', 'tags', 'meta', 'date', 'time', 'hide', 'nav', 'top', 'topics', 'rel', 'aside', 'extra', 'more', 'links', 'utility', 'tools', 'actions'];

/** The separators of class words: white space, `_`, `-`, `:` and `.`. */
function isWordSeparator(c: number): boolean {
  return c === 95 || c === 45 || c === 58 || c === 46 || isSpace(c);
}

/** Words by their first character, each marked whole (must end at a separator) or not. */
type WordIndex = Map<number, { word: string; whole: boolean }[]>;

function wordIndex(prefixes: readonly string[], wholes: readonly string[]): WordIndex {
  const index: WordIndex = new Map();
  const put = (word: string, whole: boolean) => {
    const list = index.get(word.charCodeAt(0));
    if (list) list.push({ word, whole });
    else index.set(word.charCodeAt(0), [{ word, whole }]);
  };
  for (const p of prefixes) for (const w of expandWordPattern(p)) put(w, false);
  for (const p of wholes) for (const w of expandWordPattern(p)) put(w, true);
  return index;
}

/**
 * Does a word of the index start a word of `s` (at the start or after a separator; a whole
 * word must also end at the end or at a separator)? Case-sensitive: `s` is lower case already.
 */
function hasWord(s: string, index: WordIndex): boolean {
  for (let p = 0; p < s.length; p++) {
    if (p > 0 && !isWordSeparator(s.charCodeAt(p - 1))) continue;
    const list = index.get(s.charCodeAt(p));
    if (!list) continue;
    for (const { word, whole } of list) {
      if (!s.startsWith(word, p)) continue;
      const q = p + word.length;
      if (!whole || q === s.length || isWordSeparator(s.charCodeAt(q))) return true;
    }
  }
  return false;
}

const BOILERPLATE_WORDS = once(() => wordIndex(LONG_WORDS, SHORT_WORDS));

/** Class words of the story's own container: they win over furniture words in the same class. */
const STORY_WORDS = once(() => wordIndex([], ['hentry', 'h-entry', '(?:article|story|post|entry|blog|news|main|page)-?(?:body|content|text|entry)', '(?:body|rich)-?text', 'articlebody', 'storytext']));

const CAMEL_HUMP = /([a-z])([A-Z])/g;

/** An id made from a heading ("sharing-with-a-single-developer") names prose, not a box. */
const SLUG_ID = /^[a-z0-9]+(?:[-_][a-z0-9]+){3,}$/;

export function classAndId(el: Element): string {
  const c = el.getAttribute('class');
  let id = el.getAttribute('id');
  if (id && SLUG_ID.test(id)) id = null;
  return c ? (id ? `${c} ${id}` : c) : (id ?? '');
}

/**
 * Boxes of readers' comments and discussion: never the story, even when they hold most of the
 * page's text (a long thread under a short post, or a page of comments alone).
 */
const DISCUSSION_WORDS = once(() => wordIndex(['comment', 'disqus', 'discussion', 'repl(?:y|ies)', 'respond'], []));

/** Not furniture. */
export const NOT_BOILERPLATE = 0;
/** Furniture by its markup, unless it turns out to hold the page's story ("has-sidebar" wrappers). */
export const BOILERPLATE = 1;
/** Discussion: furniture wherever it is. */
export const DISCUSSION = 2;

/** What the element's own markup (tag, role, class, id) says it is, not looking at its text. */
export function boilerplateKind(el: Element, tag: string): number {
  if (tag === 'HTML' || tag === 'BODY' || tag === 'MAIN') return NOT_BOILERPLATE;
  if (BOILERPLATE_TAGS.has(tag)) return BOILERPLATE;
  if (!el.hasAttributes()) return NOT_BOILERPLATE;
  const role = el.getAttribute('role');
  if (role && BOILERPLATE_ROLES.test(role)) return BOILERPLATE;
  if (el.getAttribute('itemprop') === 'articleBody') return NOT_BOILERPLATE;
  const ci = classAndId(el);
  if (ci.length < 2) return NOT_BOILERPLATE;
  // camelCase humps are word starts too ("relatedLinks", "ShareBar").
  const words = ci.replace(CAMEL_HUMP, '$1-$2').toLowerCase();
  if (!hasWord(words, BOILERPLATE_WORDS()) || hasWord(words, STORY_WORDS())) return NOT_BOILERPLATE;
  return hasWord(words, DISCUSSION_WORDS()) ? DISCUSSION : BOILERPLATE;
}

export function looksLikeBoilerplate(el: Element, tag: string): boolean {
  return boilerplateKind(el, tag) !== NOT_BOILERPLATE;
}

/**
 * Whole class names that hide an element with the site's CSS (which Sift does not compute):
 * "sr-only", "visually-hidden", WordPress's "screen-reader-text". Whole names only: Bootstrap's
 * "hidden-xs" hides on phones and shows on a desktop.
 */
const HIDDEN_CLASSES = once(
  () =>
    new Set(
      ['hidden', 'hide', 'is-hidden', 'u-hidden', 'd-none', 'invisible', 'sr-only', 'visually-?hidden', 'screen-reader-text', 'screenreader-only', 'offscreen', 'element-invisible'].flatMap(
        expandWordPattern,
      ),
    ),
);

/** A white-space character as `\s` has it. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

export function hiddenByClass(el: Element): boolean {
  const c = el.getAttribute('class');
  if (c === null) return false;
  // Each class name, compared in ASCII case-insensitively (a name with other characters is none of them).
  for (let p = 0; p < c.length; ) {
    while (p < c.length && isSpace(c.charCodeAt(p))) p++;
    let q = p;
    let ascii = true;
    while (q < c.length && !isSpace(c.charCodeAt(q))) if (c.charCodeAt(q++) > 127) ascii = false;
    if (q > p && ascii && HIDDEN_CLASSES().has(c.slice(p, q).toLowerCase())) return true;
    p = q;
  }
  return false;
}

/** Whole short lines that are furniture in any story ("Advertisement", "Read more", "Share this"). */
export const JUNK_LINE =
  /^(?:(?:copyright|©|\(c\)).*|.*all rights reserved.*|advertisement|advertising|anzeige|publicidad|publicité|sponsored(?: content)?|continue reading(?: below| the main story)?|read more|read next|related(?: articles?| stories| content| coverage)?|see also|more (?:on|from) .{0,40}|share(?: this)?(?: article| story| post)?|follow us.*|tweet|email|print|comments?|skip to .{0,30}|story continues below|article continues below|scroll to continue.*|click here.*|subscribe.*|sign up.*|newsletter.*)[\s:.!»›>…-]*$/i;

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
 */
const WORD_START = String.raw`(?:^|[\s_\-:.])`;
const LONG_WORDS = [
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
const SHORT_WORDS = ['ad', 'ads', 'edit', 'bio', 'tag', 'tags', 'meta', 'date', 'time', 'hide', 'nav', 'top', 'topics', 'rel', 'aside', 'extra', 'more', 'links', 'utility', 'tools', 'actions'];
const BOILERPLATE_WORDS = new RegExp(
  `${WORD_START}(?:(?:${LONG_WORDS.join('|')})|(?:${SHORT_WORDS.join('|')})(?=$|[\\s_\\-:.]))`,
);

/** Class words of the story's own container: they win over furniture words in the same class. */
const STORY_WORDS =
  /(?:^|[\s_\-:.])(?:hentry|h-entry|(?:article|story|post|entry|blog|news|main|page)-?(?:body|content|text|entry)|(?:body|rich)-?text|articlebody|storytext)(?=$|[\s_\-:.])/;

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
const DISCUSSION_WORDS = /(?:^|[\s_\-:.])(?:comment|disqus|discussion|repl(?:y|ies)|respond)/;

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
  if (!BOILERPLATE_WORDS.test(words) || STORY_WORDS.test(words)) return NOT_BOILERPLATE;
  return DISCUSSION_WORDS.test(words) ? DISCUSSION : BOILERPLATE;
}

export function looksLikeBoilerplate(el: Element, tag: string): boolean {
  return boilerplateKind(el, tag) !== NOT_BOILERPLATE;
}

/**
 * Whole class names that hide an element with the site's CSS (which Sift does not compute):
 * "sr-only", "visually-hidden", WordPress's "screen-reader-text". Whole names only: Bootstrap's
 * "hidden-xs" hides on phones and shows on a desktop.
 */
const HIDDEN_CLASS = /(?:^|\s)(?:hidden|hide|is-hidden|u-hidden|d-none|invisible|sr-only|visually-?hidden|screen-reader-text|screenreader-only|offscreen|element-invisible)(?=$|\s)/i;

export function hiddenByClass(el: Element): boolean {
  const c = el.getAttribute('class');
  return c !== null && HIDDEN_CLASS.test(c);
}

/** Whole short lines that are furniture in any story ("Advertisement", "Read more", "Share this"). */
export const JUNK_LINE =
  /^(?:(?:copyright|©|\(c\)).*|.*all rights reserved.*|advertisement|advertising|anzeige|publicidad|publicité|sponsored(?: content)?|continue reading(?: below| the main story)?|read more|read next|related(?: articles?| stories| content| coverage)?|see also|more (?:on|from) .{0,40}|share(?: this)?(?: article| story| post)?|follow us.*|tweet|email|print|comments?|skip to .{0,30}|story continues below|article continues below|scroll to continue.*|click here.*|subscribe.*|sign up.*|newsletter.*)[\s:.!»›>…-]*$/i;

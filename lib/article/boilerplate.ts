import { memoByString, once } from '../once';

/**
 * What marks a box as not being the story: its tag, its ARIA role, or the words in its class and
 * id ("share-bar", "related-posts", "newsletter-signup"), and the stock phrases of short lines
 * ("Advertisement", "Read more"). Compiled once; read-only.
 */

/** Tags whose whole subtree is page furniture, wherever it sits. */
export const BOILERPLATE_TAGS = new Set(['NAV', 'ASIDE', 'FOOTER', 'HEADER', 'DIALOG', 'MENU', 'FIGCAPTION']);

export const BOILERPLATE_ROLES = /^(?:navigation|complementary|banner|contentinfo|search|dialog|alertdialog|alert|menu|menubar|toolbar|tablist|status)$/;

/**
 * ARIA roles of an application's data widgets: a mail client's message list (`grid`), a file tree,
 * a list of options. A story is never inside one, and applications put most of their elements
 * there (a web mail's inbox: thousands of rows of cells), so detection does not walk into them.
 */
export const APP_WIDGET_ROLES = /^(?:grid|treegrid|tree|listbox)$/;

/**
 * Class/id words of boxes that are not the story. Long words match as the start of a word
 * ("jp-relatedposts", "share-buttons"; a word starts at the start, after a separator, or at a
 * camelCase hump); short ones only as whole words ("ad", not "admin"; "tags", not "tagline").
 * Spelled out, each with and without its hyphens (a word that a shorter one starts is left out:
 * "author" covers "author-bio"): matching them is a scan of the class string, not a regular
 * expression of 150 alternatives, whose first use cost ~10 ms of compilation on every page Sift
 * opens, and the list is not expanded from patterns at run time either (up to 1.7 ms cold in a
 * fresh Chromium page).
 */
export const LONG_WORDS = [
  'share', 'sharing', 'social', 'related', 'recommend', 'recirc', 'more-stories', 'more-from', 'more-articles', 'more-news',
  'more-on', 'morestories', 'morefrom', 'morearticles', 'morenews', 'moreon', 'read-more', 'readmore', 'readnext', 'read-next',
  'newsletter', 'subscri', 'signup', 'sign-up', 'promo', 'advert', 'sponsor', 'comment', 'disqus', 'discussion', 'reply',
  'replies', 'respond', 'cookie', 'consent', 'gdpr', 'breadcrumb', 'about-the-author', 'about-theauthor', 'about-author',
  'aboutthe-author', 'abouttheauthor', 'aboutauthor', 'popular', 'most-read', 'most-viewed', 'most-popular', 'most-shared',
  'mostread', 'mostviewed', 'mostpopular', 'mostshared', 'trending', 'outbrain', 'taboola', 'sidebar', 'widget', 'paywall',
  'skip', 'navbar', 'navigation', 'menu', 'footer', 'masthead', 'toolbar', 'banner', 'modal', 'popup', 'overlay', 'pagination',
  'pager', 'byline', 'dateline', 'timestamp', 'caption', 'credit', 'copyright', 'rss', 'follow', 'tag-list', 'taglist',
  'keywords', 'header', 'login', 'signin', 'donate', 'jump', 'slideshow', 'gallery', 'carousel', 'video-player', 'videoplayer',
  'audio-player', 'audioplayer', 'jw-player', 'jwplayer', 'embed', 'print', 'rating', 'reaction', 'supplement', 'infobox',
  'teaser', 'upsell', 'offer', 'cta', 'alert', 'toc', 'table-of-contents', 'table-ofcontents', 'tableof-contents',
  'tableofcontents', 'dfp', 'gpt-', 'google-ad', 'googlead', 'edit-section', 'editsection', 'edit-link', 'editlink', 'adslot',
  'ad-slot', 'ad-container', 'adcontainer', 'ad-wrapper', 'adwrapper', 'ad-unit', 'adunit', 'native-ad', 'nativead',
  'post-meta', 'postmeta', 'entry-meta', 'entrymeta', 'article-meta', 'articlemeta', 'meta-data', 'metadata', 'published',
  'pub-date', 'pubdate', 'post-date', 'postdate', 'entry-date', 'entrydate', 'updated', 'author', 'contributor', 'lede-art',
  'ledeart', 'hero', 'image', 'img', 'photo', 'media', 'figure', 'thumbnail', 'icon', 'logo', 'button', 'btn',
];
export const SHORT_WORDS = ['ad', 'ads', 'edit', 'bio', 'tag', 'tags', 'meta', 'date', 'time', 'hide', 'nav', 'top', 'topics', 'rel', 'aside', 'extra', 'more', 'links', 'utility', 'tools', 'actions'];

/** The separators of class words: white space, `_`, `-`, `:` and `.`. */
function isWordSeparator(c: number): boolean {
  return c === 95 || c === 45 || c === 58 || c === 46 || isSpace(c);
}

/** Words by their first character, each marked whole (must end at a separator) or not. */
type WordIndex = Map<number, { word: string; whole: boolean }[]>;

/** `prefixes`: words that match as a word's start; `wholes`: words that match only whole. */
function wordIndex(prefixes: readonly string[], wholes: readonly string[]): WordIndex {
  const index: WordIndex = new Map();
  const put = (word: string, whole: boolean) => {
    const list = index.get(word.charCodeAt(0));
    if (list) list.push({ word, whole });
    else index.set(word.charCodeAt(0), [{ word, whole }]);
  };
  for (const w of prefixes) put(w, false);
  for (const w of wholes) put(w, true);
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
    // Indexed, not for…of with destructuring: cold code builds an iterator result per word.
    for (let k = 0; k < list.length; k++) {
      const { word, whole } = list[k];
      if (!s.startsWith(word, p)) continue;
      const q = p + word.length;
      if (!whole || q === s.length || isWordSeparator(s.charCodeAt(q))) return true;
    }
  }
  return false;
}

const BOILERPLATE_WORDS = once(() => wordIndex(LONG_WORDS, SHORT_WORDS));

/**
 * Class words of the story's own container: they win over furniture words in the same class.
 * "article-body", "storycontent", "entry-text"…: every head with every tail, hyphened or not, built
 * by two loops (expanding them from a pattern cost 1.4 ms cold on every page in Chromium).
 */
const STORY_WORDS = once(() => {
  const words = ['hentry', 'h-entry', 'body-text', 'bodytext', 'rich-text', 'richtext'];
  for (const head of ['article', 'story', 'post', 'entry', 'blog', 'news', 'main', 'page'])
    for (const tail of ['body', 'content', 'text', 'entry']) words.push(`${head}-${tail}`, head + tail);
  return wordIndex([], words);
});

/**
 * camelCase humps written as word starts: "relatedLinks" → "related-Links" (a hyphen between a
 * lower-case and an upper-case ASCII letter). A loop, not `replace` with a pattern, whose first use
 * cost up to 1.7 ms in a fresh Chromium page.
 */
function splitHumps(s: string): string {
  let out = '';
  let from = 0;
  for (let p = 1; p < s.length; p++) {
    const a = s.charCodeAt(p - 1);
    const b = s.charCodeAt(p);
    if (a >= 97 && a <= 122 && b >= 65 && b <= 90) {
      out += s.slice(from, p) + '-';
      from = p;
    }
  }
  return from === 0 ? s : out + s.slice(from);
}

/** An id made from a heading ("sharing-with-a-single-developer") names prose, not a box. */
const SLUG_ID = /^[a-z0-9]+(?:[-_][a-z0-9]+){3,}$/;

/** An element's class and id attributes as one string of words. */
function classAndId(c: string | null, id: string | null): string {
  if (id && SLUG_ID.test(id)) id = null;
  return c ? (id ? `${c} ${id}` : c) : (id ?? '');
}

/**
 * Boxes of readers' comments and discussion: never the story, even when they hold most of the
 * page's text (a long thread under a short post, or a page of comments alone).
 */
const DISCUSSION_WORDS = once(() => wordIndex(['comment', 'disqus', 'discussion', 'reply', 'replies', 'respond'], []));

/** Not furniture. */
export const NOT_BOILERPLATE = 0;
/** Furniture by its markup, unless it turns out to hold the page's story ("has-sidebar" wrappers). */
export const BOILERPLATE = 1;
/** Discussion: furniture wherever it is. */
export const DISCUSSION = 2;

/** What the element's own markup (tag, role, class, id) says it is, not looking at its text. */
export function boilerplateKind(el: Element, tag: string): number {
  if (!el.hasAttributes()) return markupKind(tag, null, null, null, null);
  return markupKind(tag, el.getAttribute('role'), el.getAttribute('itemprop'), el.getAttribute('class'), el.getAttribute('id'));
}

/** `boilerplateKind` from the element's upper-case tag name and the values of its attributes that say it. */
export function markupKind(tag: string, role: string | null, itemprop: string | null, cls: string | null, id: string | null): number {
  if (tag === 'HTML' || tag === 'BODY' || tag === 'MAIN') return NOT_BOILERPLATE;
  if (BOILERPLATE_TAGS.has(tag)) return BOILERPLATE;
  if (role && BOILERPLATE_ROLES.test(role)) return BOILERPLATE;
  if (itemprop === 'articleBody') return NOT_BOILERPLATE;
  return wordsKind(classAndId(cls, id));
}

/** What the words of a class and id say, remembered: a page repeats its class names. */
const wordsKind = memoByString((ci: string): number => {
  if (ci.length < 2) return NOT_BOILERPLATE;
  // camelCase humps are word starts too ("relatedLinks", "ShareBar").
  const words = splitHumps(ci).toLowerCase();
  if (!hasWord(words, BOILERPLATE_WORDS()) || hasWord(words, STORY_WORDS())) return NOT_BOILERPLATE;
  return hasWord(words, DISCUSSION_WORDS()) ? DISCUSSION : BOILERPLATE;
});

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
      ['hidden', 'hide', 'is-hidden', 'u-hidden', 'd-none', 'invisible', 'sr-only', 'visually-hidden', 'visuallyhidden', 'screen-reader-text', 'screenreader-only', 'offscreen', 'element-invisible'],
    ),
);

/** A white-space character as `\s` has it. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Whether an element's class attribute (its value) hides it, remembered: a page repeats its class names. */
export const hiddenByClassName = memoByString((c: string): boolean => {
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
});

/**
 * Whole short lines that are furniture in any story ("Advertisement", "Read more", "Share this"),
 * case aside and with trailing punctuation (`isJunkLine`): phrases that are the whole line, phrases
 * that open it ("Subscribe to…", "Copyright 2026…"), and "all rights reserved" anywhere.
 */
const JUNK_WHOLE = once(
  () =>
    new Set([
      'advertisement', 'advertising', 'anzeige', 'publicidad', 'publicité', 'sponsored', 'sponsored content', 'continue reading',
      'continue reading below', 'continue reading the main story', 'read more', 'read next', 'related', 'related article',
      'related articles', 'related stories', 'related content', 'related coverage', 'see also', 'share', 'share this',
      'share article', 'share story', 'share post', 'share this article', 'share this story', 'share this post', 'tweet',
      'email', 'print', 'comment', 'comments', 'story continues below', 'article continues below',
    ]),
);
/** The length of the longest whole junk line (JUNK_WHOLE): a longer line is none of them. */
const JUNK_WHOLE_LONGEST = once(() => Math.max(...Array.from(JUNK_WHOLE(), (w) => w.length)));
/** Openings of a junk line, followed by anything on the same line. */
const JUNK_OPENINGS = ['copyright', '©', '(c)', 'follow us', 'scroll to continue', 'click here', 'subscribe', 'sign up', 'newsletter'];
/** Openings followed by at most so many characters ("More from Reuters", "Skip to content"). */
const JUNK_SHORT_OPENINGS: readonly [string, number][] = [['more on ', 40], ['more from ', 40], ['skip to ', 30]];
const ALL_RIGHTS = 'all rights reserved';

/** Characters a junk line may end with, any number of them: white space, `:.!»›>…-`. */
function isTrailing(c: number): boolean {
  return isSpace(c) || c === 58 || c === 46 || c === 33 || c === 0xbb || c === 0x203a || c === 62 || c === 0x2026 || c === 45;
}

/** Where `s`, read from `from`, ends before its trailing punctuation and white space. */
function endBeforeTrailing(s: string, from: number): number {
  let end = s.length;
  while (end > from && isTrailing(s.charCodeAt(end - 1))) end--;
  return end;
}

/** A line break between `from` and `to` (what a pattern's `.` does not cross). */
function breaksLine(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}

/** Upper-case ASCII and Latin-1 letters to lower case, one character for one ("PUBLICITÉ" → "publicité"). */
function lowerLatin1(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7)) {
      out += s.slice(from, i) + String.fromCharCode(c + 32);
      from = i + 1;
    }
  }
  return from === 0 ? s : out + s.slice(from);
}

/**
 * Whether a short line is page furniture by its words alone. String comparisons, not one
 * case-insensitive pattern of 40 alternatives: that compiled twice (interpreted, then native) on its
 * first two uses, 1–4 ms on every page in a fresh Chromium page. Same answers as that pattern
 * (boilerplate.test.ts keeps it as the reference).
 */
export function isJunkLine(line: string): boolean {
  const s = lowerLatin1(line);
  const end = endBeforeTrailing(s, 0);
  // Indexed loops, and the line cut only when a phrase can be the whole of it: detection asks this
  // of every short block of the page. On a web application's 30,000 short cells (a cold detection in
  // Chromium, allocation profile) this function allocated 4.4 of detection's 20 MB with for…of and
  // an unconditional cut, 1.8 MB without.
  if (end <= JUNK_WHOLE_LONGEST() && JUNK_WHOLE().has(s.slice(0, end))) return true;
  for (let k = 0; k < JUNK_OPENINGS.length; k++) {
    const opening = JUNK_OPENINGS[k];
    if (s.startsWith(opening) && !breaksLine(s, opening.length, endBeforeTrailing(s, opening.length))) return true;
  }
  for (let k = 0; k < JUNK_SHORT_OPENINGS.length; k++) {
    const [opening, most] = JUNK_SHORT_OPENINGS[k];
    if (!s.startsWith(opening)) continue;
    const rest = endBeforeTrailing(s, opening.length);
    if (rest - opening.length <= most && !breaksLine(s, opening.length, rest)) return true;
  }
  const at = s.indexOf(ALL_RIGHTS);
  return at >= 0 && at + ALL_RIGHTS.length <= end && !breaksLine(s, 0, end);
}

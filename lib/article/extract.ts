import { hiddenByValues, isBlockTag } from '../text/textmap';
import { APP_WIDGET_ROLES, BOILERPLATE, DISCUSSION, hiddenByClassName, isJunkLine, markupKind } from './boilerplate';
import { drain, type Steps } from '../steps';

/**
 * Main-text extraction on the live DOM, read-only.
 *
 * One bounded walk of the page collects, for every element, how much visible text it holds and
 * how much of that is link text, and for every block (p, li, a div of inline text…) what its own
 * text looks like: a story paragraph ("good"), furniture ("bad": mostly links, stock phrases,
 * boxes marked as share bars, related stories, comments…) or neither ("neutral": headings, short
 * lines, table cells). From those numbers alone, with no second walk of the page:
 *
 * - the root is the element whose story text most outweighs the furniture it also holds
 *   (paragraphs split over sibling wrappers are gathered by their common parent, as long as what
 *   lies between them is lighter than what they add);
 * - inside the root, subtrees that are furniture by markup, that hold more furniture than story,
 *   or that are mostly links are skipped, and so is the title heading (it is metadata).
 */

export interface ExtractOptions {
  /** Nodes (elements and text) visited at most; the rest of a huge page is not looked at. */
  maxNodes?: number;
  /** Diagnostics: called for every element that has text of its own, after classification. */
  trace?: (el: Element, info: { own: number; link: number; kind: string; boilerplate: boolean }) => void;
}

export interface Extraction {
  /** The element that holds the main text; the best candidate even on a page that is not an article. */
  root: Element | null;
  /** Elements inside `root` whose subtree is not reading text. */
  skipped: Set<Element>;
  /** Characters of story-like paragraph text in the root (after pruning). */
  goodChars: number;
  /** Story-like paragraphs in the root (a run of text between <br><br> counts as one). */
  goodParagraphs: number;
  /** Characters of furniture left in the root (link text inside paragraphs, mostly). */
  badChars: number;
  /** Characters of short neutral lines (subheadings, list items, captions…) in the root. */
  neutralChars: number;
  /** Headings in the root that are mostly a link: teasers of other pages (listings, search). */
  linkedHeadings: number;
  /** Visible text and link text of the whole page (bounded walk). */
  pageChars: number;
  pageLinkChars: number;
  /** Story-like paragraph text on the whole page, by text alone (class names not considered). */
  pageGoodChars: number;
  /** Story-like paragraph text inside discussion boxes (comments). */
  discussionGoodChars: number;
  /** <article> elements, and those titled by a link (in their first h1–h3) over 300 characters long. */
  articleElements: number;
  linkedPosts: number;
  /** A password field on the page, and whether it is inside the root. */
  passwordField: boolean;
  passwordInRoot: boolean;
  /** Nodes visited, and whether the bound cut the walk short. */
  visited: number;
  truncated: boolean;
}

const NEVER_TEXT = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS',
  'VIDEO', 'AUDIO', 'SELECT', 'TEXTAREA', 'INPUT', 'BUTTON', 'HEAD', 'TITLE', 'META', 'LINK',
]);

// Element flags.
const F_BLOCK = 1;
const F_BOILER = 2;
const F_DISCUSSION = 4;
const F_H1 = 8;
const F_HEADING = 16;
const F_LINK = 32;
const F_CELL = 64;
const F_BODY = 128;
const F_HIDDEN = 256;
const F_ARTICLE = 512;

// What a block's own text is.
const KIND_NONE = 0;
const KIND_GOOD = 1;
const KIND_BAD = 2;
const KIND_NEUTRAL = 3;
const KIND_NAMES = ['none', 'good', 'bad', 'neutral'];

/** Characters that end a line like a sentence (or a quotation, or a list lead-in). */
const SENTENCE_ENDS = '.!?。！？…"”\'’»)]:';
/** Whether a (trimmed, non-empty) line ends like a sentence: a look at its last character, no pattern to compile cold. */
const endsLikeSentence = (t: string): boolean => SENTENCE_ENDS.includes(t[t.length - 1]);
/** A run between <br>s at least this long counts as a paragraph of its own. */
const LINE_PARAGRAPH = 80;
/** Story paragraphs: long enough, or a sentence of at least a few words; few links. */
const GOOD_LENGTH = 80;
const GOOD_SENTENCE = 25;
const GOOD_MAX_LINKS = 0.35;

/** Weights of the root choice: story minus furniture minus a little for neutral lines. */
const FURNITURE_WEIGHT = 1;
const NEUTRAL_WEIGHT = 0.3;
/** Characters of summary a teaser may have beside its headline. */
const TEASER_SUMMARY = 400;
/** A link that opens a block is a headline from this many characters. */
const HEADLINE_LINK = 15;
/** A box marked as furniture is still the story when it holds this share of the page's story. */
const HOLDS_STORY = 0.5;
/** Nodes walked between two pauses of `extractMainTextSteps`. */
const WALK_STEP = 256;

export function extractMainText(doc: Document, options: ExtractOptions = {}): Extraction {
  return drain(extractMainTextSteps(doc, options));
}

/** `extractMainText` as steps (lib/steps.ts): a pause every WALK_STEP nodes of the walk and between its passes. */
export function* extractMainTextSteps(doc: Document, options: ExtractOptions = {}): Steps<Extraction> {
  const maxNodes = options.maxNodes ?? 200_000;
  // From the root element, not doc.body: parsers can leave an empty first <body> beside the real one.
  // (No fallback to doc.body: without a root element there is no body, and linkedom's getter throws.)
  const start = doc.documentElement;
  const result: Extraction = {
    root: null, skipped: new Set(), goodChars: 0, goodParagraphs: 0, badChars: 0, neutralChars: 0,
    linkedHeadings: 0, pageChars: 0, pageLinkChars: 0, pageGoodChars: 0, discussionGoodChars: 0,
    articleElements: 0, linkedPosts: 0, passwordField: false, passwordInRoot: false, visited: 0, truncated: false,
  };
  if (!start) return result;

  // Per element, in document (pre-)order: a parent's index is smaller than its children's, and a
  // subtree is the contiguous range [i, end[i]).
  // The numbers sit in typed arrays that double when full. Arrays grown element by element by push
  // were a quarter of the garbage of a cold detection on a page of 30,000 elements (5 of 20 MB in an
  // allocation profile); with typed arrays its time went from 218 to 195 ms (median of 10 loads
  // each, interleaved; the 150 KB front page 48 to 44 ms). Sizing them from the page's element
  // count instead gained nothing more in Chromium and cost linkedom a walk.
  const els: Element[] = [];
  let cap = 1024;
  let parent = new Int32Array(cap);
  let end = new Int32Array(cap);
  let flags = new Int32Array(cap);
  let blockOf = new Int32Array(cap); // nearest block ancestor-or-self
  let text = new Int32Array(cap); // visible text in the subtree
  let link = new Int32Array(cap); // of which inside links
  let ownText = new Int32Array(cap); // a block's own inline text (not inside nested blocks)
  let ownLink = new Int32Array(cap);
  let ownEnd = new Uint8Array(cap); // own text ends like a sentence
  const ownShort: string[] = []; // own text while it is short (for stock-phrase lines)
  let leadLink = new Int32Array(cap); // length of the link that opens a block's own text
  let lineStart = new Int32Array(cap); // own text length at the last <br>
  let lines = new Int32Array(cap); // long <br>-separated runs of own text
  const grow = <T extends Int32Array | Uint8Array>(a: T): T => {
    const b = new (a.constructor as { new (n: number): T })(cap);
    b.set(a);
    return b;
  };

  const add = (el: Element, p: number, f: number, b: number): number => {
    const i = els.length;
    if (i === cap) {
      // Every column above (a typed array drops writes past its end without a word).
      cap *= 2;
      parent = grow(parent);
      end = grow(end);
      flags = grow(flags);
      blockOf = grow(blockOf);
      text = grow(text);
      link = grow(link);
      ownText = grow(ownText);
      ownLink = grow(ownLink);
      ownEnd = grow(ownEnd);
      leadLink = grow(leadLink);
      lineStart = grow(lineStart);
      lines = grow(lines);
    }
    els.push(el);
    parent[i] = p;
    end[i] = i + 1;
    flags[i] = f;
    blockOf[i] = f & F_BLOCK ? i : b;
    ownShort.push('');
    return i;
  };
  const endLine = (b: number) => {
    if (ownText[b] - lineStart[b] >= LINE_PARAGRAPH) lines[b]++;
    lineStart[b] = ownText[b];
  };

  // Iterative walk (pages nest thousands deep): parallel stacks of element index, next child,
  // nearest block and whether we are inside a link.
  const idxStack: number[] = [];
  const childStack: (Node | null)[] = [];
  const blockStack: number[] = [];
  const linkStack: boolean[] = [];
  const first = add(start, -1, F_BLOCK, 0);
  idxStack.push(first);
  childStack.push(start.firstChild);
  blockStack.push(first);
  linkStack.push(false);
  let visited = 0;
  let passwordAt = -1; // element holding the first password field

  const close = (i: number) => {
    end[i] = els.length;
    if (flags[i] & F_BLOCK) endLine(i);
    const p = parent[i];
    if (p >= 0) {
      text[p] += text[i];
      link[p] += link[i];
    }
  };

  while (idxStack.length > 0) {
    const top = idxStack.length - 1;
    const node = childStack[top];
    if (node === null) {
      close(idxStack[top]);
      idxStack.pop();
      childStack.pop();
      blockStack.pop();
      linkStack.pop();
      continue;
    }
    childStack[top] = node.nextSibling;
    if (visited % WALK_STEP === 0) yield;
    if (++visited > maxNodes) {
      result.truncated = true;
      // Unwind: the open elements still add up what was seen.
      for (let k = idxStack.length - 1; k >= 0; k--) close(idxStack[k]);
      break;
    }
    const type = node.nodeType;
    if (type === 3) {
      const data = (node as Text).data;
      const t = data.length > 4096 ? data : data.trim();
      const len = t.length;
      if (len === 0) continue;
      const i = idxStack[top];
      const b = blockStack[top];
      // The opening link: all the block's own text so far has been link text.
      if (linkStack[top] && leadLink[b] === ownText[b]) leadLink[b] += len;
      text[i] += len;
      ownText[b] += len;
      if (linkStack[top]) {
        link[i] += len;
        ownLink[b] += len;
      }
      ownEnd[b] = endsLikeSentence(t) ? 1 : 0;
      if (ownShort[b].length < 160) ownShort[b] += (ownShort[b] ? ' ' : '') + t.slice(0, 160);
    } else if (type === 1) {
      const el = node as Element;
      const tag = el.tagName.toUpperCase();
      if (tag === 'BR') {
        endLine(blockStack[top]);
        continue;
      }
      if (NEVER_TEXT.has(tag)) {
        if (tag === 'INPUT' && passwordAt < 0 && el.getAttribute('type')?.toLowerCase() === 'password') passwordAt = idxStack[top];
        continue;
      }
      // The attributes that say what the element is, read in one pass over the names it has:
      // detection asks this of every element of the page, and most have one or two attributes
      // (reading the seven by name was seven calls into the DOM for each).
      let cls: string | null = null;
      let id: string | null = null;
      let role: string | null = null;
      let itemprop: string | null = null;
      if (el.hasAttributes()) {
        let hidden = false;
        let ariaHidden: string | null = null;
        let style: string | null = null;
        const names = el.getAttributeNames();
        for (let k = 0; k < names.length; k++) {
          const name = names[k];
          if (name === 'class') cls = el.getAttribute(name);
          else if (name === 'id') id = el.getAttribute(name);
          else if (name === 'role') role = el.getAttribute(name);
          else if (name === 'itemprop') itemprop = el.getAttribute(name);
          else if (name === 'hidden') hidden = true;
          else if (name === 'aria-hidden') ariaHidden = el.getAttribute(name);
          else if (name === 'style') style = el.getAttribute(name);
        }
        if (hiddenByValues(hidden, ariaHidden, style)) continue;
        if ((cls !== null && hiddenByClassName(cls)) || (role !== null && APP_WIDGET_ROLES.test(role))) {
          // Recorded (so that it is skipped inside the root) but not read.
          add(el, idxStack[top], F_HIDDEN, blockStack[top]);
          continue;
        }
      }
      let f = 0;
      const block = isBlockTag(tag);
      if (block) f |= F_BLOCK;
      if (tag === 'A') f |= F_LINK;
      else if (tag === 'TD' || tag === 'TH') f |= F_CELL;
      else if (tag === 'BODY') f |= F_BODY;
      else if (tag === 'ARTICLE') f |= F_ARTICLE;
      else if (tag === 'H1') f |= F_H1 | F_HEADING;
      else if (tag.length === 2 && tag[0] === 'H' && tag[1] >= '2' && tag[1] <= '6') f |= F_HEADING;
      const bk = markupKind(tag, role, itemprop, cls, id);
      if (bk === BOILERPLATE) f |= F_BOILER;
      else if (bk === DISCUSSION) f |= F_BOILER | F_DISCUSSION;
      const i = add(el, idxStack[top], f, blockStack[top]);
      idxStack.push(i);
      childStack.push(el.firstChild);
      blockStack.push(block ? i : blockStack[top]);
      linkStack.push(linkStack[top] || tag === 'A');
    }
  }
  result.visited = visited;
  result.passwordField = passwordAt >= 0;
  yield;

  const n = els.length;
  // What every block's own text is, by the text alone.
  const kind = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const len = ownText[i];
    if (len === 0 || !(flags[i] & F_BLOCK)) continue;
    const ld = ownLink[i] / len;
    if (ld >= 0.8 || (ld >= 0.5 && len - ownLink[i] < GOOD_SENTENCE)) kind[i] = KIND_BAD;
    else if (flags[i] & F_HEADING) kind[i] = KIND_NEUTRAL;
    else if (len < 160 && isJunkLine(ownShort[i])) kind[i] = KIND_BAD;
    else if (ld < GOOD_MAX_LINKS && (len >= GOOD_LENGTH || (len >= GOOD_SENTENCE && ownEnd[i]))) kind[i] = KIND_GOOD;
    else kind[i] = KIND_NEUTRAL;
  }
  // <article>s titled by a link to themselves: the posts of a blog's front page or archive.
  yield;
  const firstHeadingSeen = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const f = flags[i];
    if (f & F_ARTICLE) result.articleElements++;
    if (!(f & F_HEADING) || els[i].tagName.length !== 2 || els[i].tagName[1] > '3') continue;
    let a = parent[i];
    while (a > 0 && !(flags[a] & F_ARTICLE)) a = parent[a];
    if (a <= 0 || firstHeadingSeen[a]) continue;
    firstHeadingSeen[a] = 1;
    if (text[i] > 0 && link[i] >= 0.6 * text[i] && text[a] >= 300) result.linkedPosts++;
  }

  // Teasers: a headline that links elsewhere with a line or two of summary, as on section
  // fronts, search results, topic pages and "more stories" boxes. The summary is not story text.
  // A headline is a heading that is mostly a link, or a block that opens with a link of headline
  // length; the teaser is the largest box around it with little more text. Linked headings count
  // alone; blocks opening with a link only when three or more such boxes sit side by side (a
  // lede may well open with a linked name).
  yield;
  const teaser = new Uint8Array(n);
  const teaserOfParent = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const f = flags[i];
    const linkedHeading = f & F_HEADING && text[i] > 0 && link[i] >= 0.6 * text[i];
    const linkLed = f & F_BLOCK && !(f & F_HEADING) && leadLink[i] >= HEADLINE_LINK && ownText[i] <= TEASER_SUMMARY + leadLink[i];
    if (!linkedHeading && !linkLed) continue;
    const headline = linkedHeading ? text[i] : leadLink[i];
    let t = i;
    while (parent[t] > 0 && !(flags[parent[t]] & F_BODY) && text[parent[t]] <= headline + TEASER_SUMMARY) t = parent[t];
    if (linkedHeading) teaser[t] = 1;
    else {
      const siblings = teaserOfParent.get(parent[t]);
      if (siblings) siblings.push(t);
      else teaserOfParent.set(parent[t], [t]);
    }
  }
  for (const boxes of teaserOfParent.values()) if (boxes.length >= 3) for (const t of boxes) teaser[t] = 1;
  for (let i = 1; i < n; i++) if (teaser[parent[i]]) teaser[i] = 1;

  const goodRaw = new Float64Array(n);
  for (let i = 0; i < n; i++) if (kind[i] === KIND_GOOD && !teaser[i]) goodRaw[i] = ownText[i] - ownLink[i];
  for (let i = n - 1; i > 0; i--) goodRaw[parent[i]] += goodRaw[i];
  const pageGood = goodRaw[0];

  // Boxes marked as furniture, except one that holds most of the page's story (a "has-sidebar"
  // or "content-sidebar-wrap" wrapper around everything is not a sidebar). Discussion boxes are
  // furniture even then: on a page of comments alone, the comments are not an article.
  yield;
  const boiler = new Uint8Array(n);
  const discussion = new Uint8Array(n);
  for (let i = 1; i < n; i++) {
    const p = parent[i];
    if (discussion[p]) discussion[i] = 1;
    if (boiler[p]) {
      boiler[i] = 1;
      continue;
    }
    const f = flags[i];
    if (f & F_DISCUSSION) {
      boiler[i] = 1;
      discussion[i] = 1;
    } else if (f & F_BOILER && !(pageGood > 0 && goodRaw[i] >= HOLDS_STORY * pageGood)) boiler[i] = 1;
  }

  yield;
  const good = new Float64Array(n);
  const bad = new Float64Array(n);
  const neutral = new Float64Array(n);
  const paras = new Float64Array(n);
  let discussionGood = 0;
  for (let i = 0; i < n; i++) {
    const len = ownText[i];
    if (len === 0) continue;
    const k = kind[i];
    if (options.trace) options.trace(els[i], { own: len, link: ownLink[i], kind: KIND_NAMES[k], boilerplate: boiler[i] === 1 });
    if (discussion[i] && k === KIND_GOOD) discussionGood += len - ownLink[i];
    if (boiler[i]) bad[i] += len;
    else if (k === KIND_GOOD && teaser[i]) neutral[i] += len;
    else if (k === KIND_GOOD) {
      good[i] += len - ownLink[i];
      bad[i] += ownLink[i];
      paras[i] += Math.max(1, lines[i]);
    } else if (k === KIND_BAD) bad[i] += len;
    else if (k === KIND_NEUTRAL) {
      // Short cells of a data table are content (standings, results), not page chrome.
      if (!(flags[i] & F_CELL)) neutral[i] += len;
    } else if (k === KIND_NONE) bad[i] += len; // loose text of a non-block element
  }
  for (let i = n - 1; i > 0; i--) {
    const p = parent[i];
    good[p] += good[i];
    bad[p] += bad[i];
    neutral[p] += neutral[i];
    paras[p] += paras[i];
  }
  result.pageChars = text[0];
  result.pageLinkChars = link[0];
  result.pageGoodChars = pageGood;
  result.discussionGoodChars = discussionGood;

  // The root: the element whose story most outweighs the furniture and the neutral lines it also
  // holds. Ties go to the deeper element (later in document order).
  yield;
  let best = -1;
  let bestValue = 0;
  let body = 0;
  for (let i = 0; i < n; i++) {
    if (flags[i] & F_BODY) body = i;
    if (good[i] === 0 || boiler[i]) continue;
    const v = good[i] - FURNITURE_WEIGHT * bad[i] - NEUTRAL_WEIGHT * neutral[i];
    if (v >= bestValue) {
      bestValue = v;
      best = i;
    }
  }
  // No story-like text anywhere (a front page of teasers, a sign-in form, a gallery): the best
  // candidate, for "Analyse anyway", is the body without the boxes marked as furniture.
  const fallback = best < 0;
  if (fallback) best = body;

  // Prune inside the root.
  const skipped = result.skipped;
  let goodChars = good[best];
  let badChars = bad[best];
  let neutralChars = neutral[best];
  let goodParagraphs = paras[best];
  let linkedHeadings = 0;
  for (let i = best + 1; i < end[best]; ) {
    const f = flags[i];
    if (f & F_HEADING && text[i] > 0 && link[i] >= 0.6 * text[i] && !boiler[i]) linkedHeadings++;
    let skip: boolean;
    if (f & (F_H1 | F_HIDDEN)) skip = true; // the title is metadata, not body text
    else if (!(f & F_BLOCK) && good[i] + bad[i] + neutral[i] === 0) {
      // Inline markup: its text belongs to its block. Leave it out only when marked as furniture
      // and not inside a story paragraph (a "tooltip" link in a sentence is still the sentence).
      skip = boiler[i] === 1 && kind[blockOf[i]] !== KIND_GOOD;
    } else if (fallback) {
      skip = boiler[i] === 1; // no story to protect: leave out only what is marked as furniture
    } else {
      skip =
        boiler[i] === 1 ||
        good[i] < FURNITURE_WEIGHT * bad[i] || // more furniture than story (or furniture alone)
        (text[i] > 0 && link[i] / text[i] > 0.5); // a box of links
    }
    if (skip) {
      skipped.add(els[i]);
      goodChars -= good[i];
      badChars -= bad[i];
      neutralChars -= neutral[i];
      goodParagraphs -= paras[i];
      i = end[i];
      continue;
    }
    i++;
  }
  result.root = els[best];
  result.passwordInRoot = passwordAt >= best && passwordAt < end[best];
  result.goodChars = goodChars;
  result.badChars = badChars;
  result.neutralChars = neutralChars;
  result.goodParagraphs = goodParagraphs;
  result.linkedHeadings = linkedHeadings;
  return result;
}

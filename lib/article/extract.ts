import { isBlockElement, isHiddenByMarkup } from '../text/textmap';
import { JUNK_LINE, looksLikeBoilerplate } from './boilerplate';

/**
 * Main-text extraction on the live DOM, read-only: one bounded walk of the page collects, for
 * every element, how much visible text it holds, how much of it is link text, and — for every
 * block (p, li, a div of inline text…) — what its own text looks like. From those numbers alone
 * (no second walk) it picks the element that holds the story and the subtrees inside it that are
 * not story (share bars, related boxes, captions, ads…), so TextMap can read the text.
 */

export interface ExtractOptions {
  /** Nodes (elements and text) visited at most; the rest of a huge page is not looked at. */
  maxNodes?: number;
}

export interface Extraction {
  root: Element | null;
  /** Elements inside `root` whose subtree is not reading text. */
  skipped: Set<Element>;
  /** Characters of story-like paragraph text in the root (after pruning). */
  goodChars: number;
  /** Story-like paragraphs in the root. */
  goodParagraphs: number;
  /** Characters of link text and of other furniture in the root (after pruning). */
  badChars: number;
  /** Characters of short neutral lines (headings, list items…) in the root. */
  neutralChars: number;
  /** Visible text and link text of the whole page (bounded walk). */
  pageChars: number;
  pageLinkChars: number;
  /** Story-like paragraph text on the whole page, ignoring class names. */
  pageGoodChars: number;
  /** Nodes visited, and whether the bound cut the walk short. */
  visited: number;
  truncated: boolean;
}

const NEVER_TEXT = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS',
  'VIDEO', 'AUDIO', 'SELECT', 'TEXTAREA', 'INPUT', 'BUTTON', 'HEAD', 'TITLE', 'META', 'LINK',
]);

const F_BLOCK = 1;
const F_BOILER = 2;
const F_H1 = 4;
const F_HEADING = 8;
const F_LINK = 16;
const F_HAS_H1 = 32;
const F_CELL = 64;

const KIND_NONE = 0;
const KIND_GOOD = 1;
const KIND_BAD = 2;
const KIND_NEUTRAL = 3;

const SENTENCE_END = /[.!?。！？…"”'’»)\]:]$/;

export function extractMainText(doc: Document, options: ExtractOptions = {}): Extraction {
  const maxNodes = options.maxNodes ?? 200_000;
  // From the root element, not doc.body: parsers can leave an empty first <body> beside the real one.
  const start = doc.documentElement ?? doc.body;
  const empty: Extraction = {
    root: null, skipped: new Set(), goodChars: 0, goodParagraphs: 0, badChars: 0, neutralChars: 0,
    pageChars: 0, pageLinkChars: 0, pageGoodChars: 0, visited: 0, truncated: false,
  };
  if (!start) return empty;

  // Per element, in document (pre-)order; a parent's index is smaller than its children's.
  const els: Element[] = [];
  const parent: number[] = [];
  const end: number[] = []; // one past the last descendant's index
  const flags: number[] = [];
  const text: number[] = [];
  const link: number[] = [];
  const ownText: number[] = [];
  const ownLink: number[] = [];
  const ownCommas: number[] = [];
  const ownEnd: boolean[] = []; // own text ends like a sentence
  const ownShort: string[] = []; // own text while it is short (for stock-phrase lines)
  const blockOf: number[] = []; // nearest block ancestor-or-self

  const add = (el: Element, p: number, f: number, b: number): number => {
    const i = els.length;
    els.push(el);
    blockOf.push(f & F_BLOCK ? i : b);
    parent.push(p);
    end.push(i + 1);
    flags.push(f);
    text.push(0);
    link.push(0);
    ownText.push(0);
    ownLink.push(0);
    ownCommas.push(0);
    ownEnd.push(false);
    ownShort.push('');
    return i;
  };

  // Iterative walk (pages nest thousands deep). A frame: element index, next child, nearest block.
  const idxStack: number[] = [];
  const childStack: (Node | null)[] = [];
  const blockStack: number[] = [];
  const linkStack: boolean[] = [];
  const root0 = add(start, -1, F_BLOCK, 0);
  idxStack.push(root0);
  childStack.push(start.firstChild);
  blockStack.push(root0);
  linkStack.push(false);
  let visited = 0;
  let truncated = false;

  const close = (i: number) => {
    end[i] = els.length;
    const p = parent[i];
    if (p >= 0) {
      text[p] += text[i];
      link[p] += link[i];
      flags[p] |= flags[i] & (F_H1 | F_HAS_H1) ? F_HAS_H1 : 0;
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
    if (++visited > maxNodes) {
      truncated = true;
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
      text[i] += len;
      ownText[b] += len;
      if (linkStack[top]) {
        link[i] += len;
        ownLink[b] += len;
      }
      let commas = 0;
      for (let at = t.indexOf(','); at >= 0 && at < 4096; at = t.indexOf(',', at + 1)) commas++;
      ownCommas[b] += commas;
      ownEnd[b] = SENTENCE_END.test(t);
      if (ownShort[b].length < 160) ownShort[b] += (ownShort[b] ? ' ' : '') + t.slice(0, 160);
    } else if (type === 1) {
      const el = node as Element;
      const tag = el.tagName.toUpperCase();
      if (NEVER_TEXT.has(tag) || isHiddenByMarkup(el)) continue;
      let f = 0;
      const block = isBlockElement(el);
      if (block) f |= F_BLOCK;
      if (tag === 'A') f |= F_LINK;
      else if (tag === 'TD' || tag === 'TH') f |= F_CELL;
      if (tag === 'H1') f |= F_H1 | F_HEADING;
      else if (tag.length === 2 && tag[0] === 'H' && tag[1] >= '2' && tag[1] <= '6') f |= F_HEADING;
      if (looksLikeBoilerplate(el, tag)) f |= F_BOILER;
      const i = add(el, idxStack[top], f, blockStack[top]);
      if (tag === 'BR') {
        // A <br> ends a line of its block: text after it is a new "paragraph" for sentence ends.
        continue;
      }
      idxStack.push(i);
      childStack.push(el.firstChild);
      blockStack.push(block ? i : blockStack[top]);
      linkStack.push(linkStack[top] || tag === 'A');
    }
  }

  const n = els.length;
  // Kind of every block's own text, first without looking at class names.
  const kind = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const len = ownText[i];
    if (len === 0 || !(flags[i] & F_BLOCK)) continue;
    const ld = ownLink[i] / len;
    if (ld >= 0.8 || (ld >= 0.5 && len - ownLink[i] < 25)) kind[i] = KIND_BAD;
    else if (flags[i] & F_HEADING) kind[i] = KIND_NEUTRAL;
    else if (len < 160 && JUNK_LINE.test(ownShort[i])) kind[i] = KIND_BAD;
    else if (ld < 0.35 && (len >= 80 || (len >= 25 && ownEnd[i]))) kind[i] = KIND_GOOD;
    else kind[i] = KIND_NEUTRAL;
  }
  const goodRaw = new Float64Array(n);
  for (let i = 0; i < n; i++) if (kind[i] === KIND_GOOD) goodRaw[i] = ownText[i] - ownLink[i];
  for (let i = n - 1; i > 0; i--) goodRaw[parent[i]] += goodRaw[i];
  const pageGood = goodRaw[0];

  // Boxes marked as furniture, except one holding most of the page's story (a "has-sidebar"
  // wrapper around everything is not a sidebar).
  const boiler = new Uint8Array(n);
  for (let i = 1; i < n; i++) {
    if (boiler[parent[i]]) {
      boiler[i] = 1;
      continue;
    }
    if (!(flags[i] & F_BOILER)) continue;
    const holdsStory = pageGood > 0 && goodRaw[i] >= 0.5 * pageGood;
    if (!holdsStory) boiler[i] = 1;
  }

  const tr = (globalThis as any).__siftTrace; if (tr) for (let i = 0; i < n; i++) if (ownText[i] || flags[i] & F_BOILER) tr(els[i], { own: ownText[i], link: ownLink[i], kind: kind[i], boiler: boiler[i], f: flags[i], short: ownShort[i].slice(0, 40) });
  const good = new Float64Array(n);
  const bad = new Float64Array(n);
  const neutral = new Float64Array(n);
  const paras = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const len = ownText[i];
    if (len === 0) continue;
    if (boiler[i]) {
      bad[i] += len;
      continue;
    }
    const k = kind[i];
    if (k === KIND_GOOD) {
      good[i] += len - ownLink[i];
      bad[i] += ownLink[i];
      paras[i] += 1;
    } else if (k === KIND_BAD) bad[i] += len;
    else if (k === KIND_NEUTRAL) {
      // Short cells of a data table are content (standings, results), not chrome.
      if (!(flags[i] & F_CELL)) neutral[i] += len;
    }
    else bad[i] += len; // inline text of a non-block root
  }
  for (let i = n - 1; i > 0; i--) {
    const p = parent[i];
    good[p] += good[i];
    bad[p] += bad[i];
    neutral[p] += neutral[i];
    paras[p] += paras[i];
  }

  // The root: the element whose story outweighs the furniture it also holds the most.
  const ALPHA = Number(process.env.SIFT_A ?? 1);
  const BETA = Number(process.env.SIFT_B ?? 0.3);
  let best = -1;
  let bestValue = 0;
  for (let i = 0; i < n; i++) {
    if (good[i] === 0 || boiler[i]) continue;
    const v = good[i] - ALPHA * bad[i] - BETA * neutral[i];
    if (v >= bestValue) {
      bestValue = v;
      best = i;
    }
  }
  if (best < 0) {
    // No story-like paragraph anywhere: the best candidate is the element with the most text.
    return { ...empty, root: null, pageChars: text[0], pageLinkChars: link[0], pageGoodChars: pageGood, visited, truncated };
  }

  // Prune inside the root: furniture boxes, blocks that are mostly links, the title heading.
  const skipped = new Set<Element>();
  let goodChars = good[best];
  let badChars = bad[best];
  let neutralChars = neutral[best];
  let goodParagraphs = paras[best];
  const drop = (i: number) => {
    skipped.add(els[i]);
    goodChars -= good[i];
    badChars -= bad[i];
    neutralChars -= neutral[i];
    goodParagraphs -= paras[i];
  };
  for (let i = best + 1; i < end[best]; ) {
    const f = flags[i];
    let skip = false;
    if (f & F_H1) skip = true;
    else if (!(f & F_BLOCK) && good[i] + bad[i] + neutral[i] === 0) {
      // Inline markup: its text belongs to its block. Leave it out only when marked as furniture
      // and not inside a story paragraph (a "tooltip" link in a sentence is still the sentence).
      skip = boiler[i] === 1 && kind[blockOf[i]] !== KIND_GOOD;
    } else if (boiler[i]) skip = true;
    else if (good[i] === 0 && bad[i] > 0) skip = true;
    else if (good[i] < bad[i]) skip = true;
    else if (text[i] > 0 && link[i] / text[i] > 0.5) skip = true;
    if (skip) {
      drop(i);
      i = end[i];
    } else i++;
  }

  return {
    root: els[best],
    skipped,
    goodChars,
    goodParagraphs,
    badChars,
    neutralChars,
    pageChars: text[0],
    pageLinkChars: link[0],
    pageGoodChars: pageGood,
    visited,
    truncated,
  };
}

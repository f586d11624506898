import type { Span } from '../schema';
import { drain, type Steps } from '../steps';

/**
 * TextMap: the article's flat text and the way back to the live DOM.
 *
 * Built once per analysis by one walk of the article root. `text` has runs of
 * whitespace collapsed to one space, zero-width characters dropped and block
 * boundaries turned into paragraph breaks ("\n\n"). Every character of `text`
 * that came from the page belongs to exactly one segment, a run of characters
 * copied 1:1 from one Text node, so an offset maps back to (node, offset) and a
 * span to a live Range without touching the page.
 */

/** Nodes walked between two pauses of `TextMap.buildSteps`. */
const WALK_STEP = 16;

export interface TextSegment {
  node: Text;
  /** Offset in `node.data` of the segment's first character. */
  domStart: number;
  textStart: number;
  textEnd: number;
}

export interface DomPoint {
  node: Text;
  offset: number;
}

export interface TextMapOptions {
  /** Subtrees to leave out (navigation, share bars, …), decided by the article stage. */
  skip?: (el: Element) => boolean;
  /** Stop reading after this many characters of output (huge pages stay bounded). */
  maxChars?: number;
  /** Stop after visiting this many nodes. */
  maxNodes?: number;
}

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'CAPTION', 'CENTER', 'DD', 'DETAILS', 'DIALOG',
  'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4',
  'H5', 'H6', 'HEADER', 'HGROUP', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY',
  'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);

/** Elements whose content is never reading text. */
const NEVER_TEXT = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS',
  'VIDEO', 'AUDIO', 'SELECT', 'TEXTAREA', 'INPUT', 'BUTTON', 'HEAD', 'TITLE', 'META', 'LINK',
]);

/** Whitespace as HTML collapses it, plus NBSP, which news sites use between numbers and words. */
const WS_RE = /[\s\u00A0]/;
// Zero-width space/joiners, word joiner, BOM and soft hyphen take no place in reading text:
// RUN_RE leaves them out, so "Pal\u00ADmyra" reads "Palmyra" (two segments).
const RUN_RE = /[^\s\u00A0\u200B-\u200D\u2060\uFEFF\u00AD]+/g;

export function isHiddenByMarkup(el: Element): boolean {
  // Most elements have no attribute at all: one call instead of three (jsdom makes each costly).
  return el.hasAttributes() && hiddenByValues(el.hasAttribute('hidden'), el.getAttribute('aria-hidden'), el.getAttribute('style'));
}

/** `isHiddenByMarkup` from the values of an element's `hidden` (present or not), `aria-hidden` and `style`. */
export function hiddenByValues(hidden: boolean, ariaHidden: string | null, style: string | null): boolean {
  return hidden || ariaHidden === 'true' || (!!style && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style));
}

export function isBlockElement(el: Element): boolean {
  return isBlockTag(el.tagName.toUpperCase());
}

/** `isBlockElement` by the element's upper-case tag name. */
export function isBlockTag(tag: string): boolean {
  return BLOCK_TAGS.has(tag);
}

export class TextMap {
  readonly text: string;
  readonly segments: readonly TextSegment[];
  /** Paragraph spans (block-level runs of text), in order. */
  readonly paragraphs: readonly Span[];
  /** True when a bound (maxChars / maxNodes) cut the walk short. */
  readonly truncated: boolean;

  private constructor(text: string, segments: TextSegment[], paragraphs: Span[], truncated: boolean) {
    this.text = text;
    this.segments = segments;
    this.paragraphs = paragraphs;
    this.truncated = truncated;
  }

  static build(root: Element, options: TextMapOptions = {}): TextMap {
    return drain(TextMap.buildSteps(root, options));
  }

  /** `build` as steps (lib/steps.ts): a pause every WALK_STEP nodes of the walk. */
  static *buildSteps(root: Element, options: TextMapOptions = {}): Steps<TextMap> {
    const { skip, maxChars = 2_000_000, maxNodes = 400_000 } = options;
    const parts: string[] = [];
    const segments: TextSegment[] = [];
    const paragraphs: Span[] = [];
    let length = 0;
    let paragraphStart = 0;
    // What separates the next run from the previous one: 0 nothing, 1 a space, 2 a paragraph break.
    let pending = 0;
    let visited = 0;
    let truncated = false;
    let last: TextSegment | null = null;

    const breakParagraph = () => {
      pending = 2;
    };

    const emitText = (node: Text) => {
      const data = node.data;
      RUN_RE.lastIndex = 0;
      let match: RegExpExecArray | null;
      let prevEnd = 0;
      while ((match = RUN_RE.exec(data)) !== null) {
        const gap = data.slice(prevEnd, match.index);
        if (WS_RE.test(gap) && pending === 0) pending = 1;
        const run = match[0];
        if (length > 0 && pending === 2) {
          paragraphs.push({ start: paragraphStart, end: length });
          parts.push('\n\n');
          length += 2;
          paragraphStart = length;
          last = null;
        } else if (length > 0 && pending === 1) {
          // A single plain space in the same node maps 1:1: extend the segment instead of cutting it.
          if (last && last.node === node && gap === ' ' && last.domStart + (last.textEnd - last.textStart) === prevEnd) {
            parts.push(' ' + run);
            length += 1 + run.length;
            last.textEnd = length;
            pending = 0;
            prevEnd = match.index + run.length;
            if (length >= maxChars) { truncated = true; return; }
            continue;
          }
          parts.push(' ');
          length += 1;
          last = null;
        } else if (length === 0) {
          paragraphStart = 0;
        }
        pending = 0;
        const seg: TextSegment = { node, domStart: match.index, textStart: length, textEnd: length + run.length };
        segments.push(seg);
        last = seg;
        parts.push(run);
        length += run.length;
        prevEnd = match.index + run.length;
        if (length >= maxChars) { truncated = true; return; }
      }
      if (prevEnd < data.length && WS_RE.test(data.slice(prevEnd)) && pending === 0) pending = 1;
    };

    // Iterative walk: pages nest 10,000 levels deep and must not overflow the stack.
    type Frame = { el: Element; child: Node | null; block: boolean };
    const stack: Frame[] = [{ el: root, child: root.firstChild, block: true }];
    while (stack.length > 0 && !truncated) {
      const frame = stack[stack.length - 1];
      const node = frame.child;
      if (node === null) {
        stack.pop();
        if (frame.block) breakParagraph();
        continue;
      }
      frame.child = node.nextSibling;
      if (++visited > maxNodes) { truncated = true; break; }
      if (visited % WALK_STEP === 0) yield;
      if (node.nodeType === 3) {
        emitText(node as Text);
      } else if (node.nodeType === 1) {
        const el = node as Element;
        const tag = el.tagName.toUpperCase();
        if (tag === 'BR') { breakParagraph(); continue; }
        if (NEVER_TEXT.has(tag) || isHiddenByMarkup(el) || (skip && skip(el))) {
          if (BLOCK_TAGS.has(tag)) breakParagraph();
          continue;
        }
        const block = BLOCK_TAGS.has(tag);
        if (block) breakParagraph();
        stack.push({ el, child: el.firstChild, block });
      }
    }
    if (length > paragraphStart) {
      paragraphs.push({ start: paragraphStart, end: length });
    }
    return new TextMap(parts.join(''), segments, paragraphs, truncated);
  }

  /** Index of the last segment starting at or before `offset`, or -1. */
  private segmentIndexAt(offset: number): number {
    const segs = this.segments;
    let lo = 0;
    let hi = segs.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (segs[mid].textStart <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /**
   * The DOM point of a text offset. For a range start (`'start'`) an offset on a separator moves
   * forward to the next character from the page; for a range end (`'end'`) it moves back.
   */
  domPoint(offset: number, side: 'start' | 'end'): DomPoint | null {
    const segs = this.segments;
    if (segs.length === 0) return null;
    const i = this.segmentIndexAt(side === 'end' ? offset - 1 : offset);
    if (side === 'start') {
      if (i >= 0 && offset < segs[i].textEnd) {
        const s = segs[i];
        return { node: s.node, offset: s.domStart + (offset - s.textStart) };
      }
      const next = segs[i + 1];
      return next ? { node: next.node, offset: next.domStart } : null;
    }
    if (i < 0) return null;
    const s = segs[i];
    const clamped = Math.min(offset, s.textEnd);
    return { node: s.node, offset: s.domStart + (clamped - s.textStart) };
  }

  /** The text span covered by the reading text inside `el`, or null when none of it is in the map. */
  spanOf(el: Node): Span | null {
    // Walk the element's text nodes (not compareDocumentPosition: DOM implementations disagree on it).
    const index = this.segmentIndex();
    let first = -1;
    let last = -1;
    const stack: Node[] = [el];
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (n.nodeType === 3) {
        const range = index.get(n as Text);
        if (range) {
          if (first < 0 || range[0] < first) first = range[0];
          if (range[1] > last) last = range[1];
        }
        continue;
      }
      for (let c = n.lastChild; c; c = c.previousSibling) stack.push(c);
    }
    return first < 0 ? null : { start: this.segments[first].textStart, end: this.segments[last].textEnd };
  }

  /** The text offset at a DOM point (e.g. from `caretPositionFromPoint`), or -1 outside the map. */
  offsetAt(node: Node, offset: number): number {
    if (node.nodeType !== 3) return -1;
    const segs = this.segments;
    const range = this.segmentIndex().get(node as Text);
    if (!range) return -1;
    for (let i = range[0]; i <= range[1]; i++) {
      const s = segs[i];
      const len = s.textEnd - s.textStart;
      if (offset >= s.domStart && offset <= s.domStart + len) return s.textStart + (offset - s.domStart);
    }
    return -1;
  }

  /** Text node → [first, last] segment index, built on first use. */
  private nodeIndex: Map<Text, [number, number]> | null = null;
  private segmentIndex(): Map<Text, [number, number]> {
    if (!this.nodeIndex) {
      const index = new Map<Text, [number, number]>();
      this.segments.forEach((s, i) => {
        const range = index.get(s.node);
        if (range) range[1] = i;
        else index.set(s.node, [i, i]);
      });
      this.nodeIndex = index;
    }
    return this.nodeIndex;
  }
}

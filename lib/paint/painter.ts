import type { Analysis, Span } from '../schema';
import type { TextMap, TextSegment } from '../text/textmap';
import type { Category } from '../categories';
import { ALL_HIGHLIGHT_NAMES, FLASH_HIGHLIGHT, highlightRules, highlightScope, paletteHighlightName, type PageScheme } from './palette';
import { NearViewport, observerOf, type NearItem, type RangeSet } from './near-viewport';
import { PageSheet } from './sheet';

/**
 * Paints an Analysis on the live page. With the CSS Custom Highlight API (Chromium 105+,
 * Firefox 140+) no node of the page changes: ranges are registered in `CSS.highlights` under one
 * name per category and styled by `::highlight()` rules that the document adopts only while
 * highlights show (palette.ts `highlightRules`, sheet.ts; a long article's ranges are registered
 * only near the screen: near-viewport.ts). Where the API is
 * missing, the fallback wraps text in `<sift-mark>` elements and unwrapping restores the very same
 * text nodes.
 */

export interface PaintSpan extends Span {
  category: Category;
}

/** Most ranges painted per page: beyond this, highlights stop helping and start costing. */
export const MAX_PAINTED = 4000;

/**
 * Most ranges registered all at once. The founding article has 123, the sample article 54, the 1 MB
 * page 190; the 5,000- and 10,000-word fixtures (627 and 1,247) register those near the screen.
 */
export const REGISTERED_AT_ONCE = 300;

/** Every span Sift highlights, by category, in text order. */
export function paintSpans(analysis: Analysis): PaintSpan[] {
  const spans: PaintSpan[] = [];
  for (const actor of analysis.actors) for (const m of actor.mentions) spans.push({ start: m.start, end: m.end, category: actor.type });
  for (const c of analysis.claims) spans.push({ start: c.start, end: c.end, category: 'claim' });
  for (const f of analysis.footnotes) for (const c of f.citations) spans.push({ start: c.start, end: c.end, category: 'footnote' });
  return spans.sort((a, b) => a.start - b.start);
}

interface HighlightRegistry {
  set(name: string, h: unknown): void;
  delete(name: string): boolean;
  has(name: string): boolean;
}
type HighlightCtor = new (...ranges: Range[]) => unknown;

function highlightApi(win: Window | null): { registry: HighlightRegistry; Highlight: HighlightCtor } | null {
  const w = win as unknown as { CSS?: { highlights?: HighlightRegistry }; Highlight?: HighlightCtor } | null;
  const registry = w?.CSS?.highlights;
  const Highlight = w?.Highlight;
  return registry && typeof Highlight === 'function' ? { registry, Highlight } : null;
}

interface Piece {
  seg: number;
  node: Text;
  from: number;
  to: number;
  category: Category;
  /** Text offset of the piece's first character. */
  textStart: number;
}

export interface PainterOptions {
  forceFallback?: boolean;
  /** The article's background: dark pages get the `-dark` highlight names (see palette.ts). */
  scheme?: PageScheme;
  /** Whether the browser draws lines in `::highlight()` (`highlightLinesPainted`); default true. */
  lines?: boolean;
  /** The element whose text is painted: the `::highlight()` rules are scoped to it (`highlightScope`). */
  root?: Element | null;
}

export class HighlightPainter {
  readonly mode: 'highlight-api' | 'fallback';
  readonly scheme: PageScheme;
  /** Whether the highlights show their lines (else their tints alone, see palette.ts). */
  readonly lines: boolean;
  private readonly api: ReturnType<typeof highlightApi>;
  private marks: Element[] = [];
  /** Fallback only: the text node inside each mark → the text offset of its first character. */
  private markText = new WeakMap<Text, number>();
  /** Fallback only: every mark with its text span, in text order. */
  private markSpans: { mark: Element; start: number; end: number }[] = [];
  private flashTimer: ReturnType<typeof setTimeout> | null = null;
  /** A long article's registration near the screen, while painted (near-viewport.ts). */
  private near: NearViewport | null = null;
  /** The `::highlight()` rules of this painter's names, in the document while anything is highlighted. */
  private readonly sheet: PageSheet | null;
  /** Ranges registered by the last `paint` (the flash aside). */
  private painted = false;

  constructor(
    private readonly doc: Document,
    private readonly map: TextMap,
    options: PainterOptions = {},
  ) {
    this.api = options.forceFallback ? null : highlightApi(doc.defaultView);
    this.mode = this.api ? 'highlight-api' : 'fallback';
    this.scheme = options.scheme ?? 'light';
    // Marks are elements: their lines are drawn whatever the browser does in ::highlight().
    this.lines = this.mode === 'fallback' || (options.lines ?? true);
    const escape = (doc.defaultView as (Window & typeof globalThis) | null)?.CSS?.escape;
    const scope = highlightScope(options.root ?? null, typeof escape === 'function' ? (id) => escape(id) : undefined);
    this.sheet = this.api ? new PageSheet(doc, highlightRules(this.scheme, this.lines, scope)) : null;
  }

  /**
   * The text offset of a DOM point (a caret under the pointer), or -1 outside the article. In the
   * fallback the marks split text nodes, so points inside a mark are mapped through the mark.
   */
  offsetAt(node: Node, offset: number): number {
    const at = this.map.offsetAt(node, offset);
    if (at >= 0 || this.mode === 'highlight-api') return at;
    const start = node.nodeType === 3 ? this.markText.get(node as Text) : undefined;
    return start === undefined ? -1 : start + offset;
  }

  /** The text span of an element's reading text (a focused link), or null. */
  spanOfElement(el: Element): Span | null {
    const span = this.map.spanOf(el);
    if (span || this.mode === 'highlight-api') return span;
    let start = Infinity;
    let end = -1;
    for (const mark of this.marks) {
      if (!el.contains(mark)) continue;
      const text = mark.firstChild as Text | null;
      const from = text ? this.markText.get(text) : undefined;
      if (from === undefined || !text) continue;
      start = Math.min(start, from);
      end = Math.max(end, from + text.data.length);
    }
    return end >= 0 ? { start, end } : null;
  }

  /** A live Range for a text span, or null when the span is not on the page. */
  range(start: number, end: number): Range | null {
    // Fallback: wrapping split the text nodes the map points into; the marks know where they are.
    if (this.markSpans.length > 0) {
      const hits = this.markSpans.filter((m) => m.start < end && m.end > start);
      if (hits.length > 0) {
        const r = this.doc.createRange();
        r.setStartBefore(hits[0].mark);
        r.setEndAfter(hits[hits.length - 1].mark);
        return r;
      }
    }
    const a = this.map.domPoint(start, 'start');
    const b = this.map.domPoint(end, 'end');
    if (!a || !b) return null;
    const r = this.doc.createRange();
    try {
      r.setStart(a.node, a.offset);
      r.setEnd(b.node, b.offset);
    } catch {
      return null; // the page changed under us
    }
    return r.collapsed ? null : r;
  }

  /**
   * Paint the spans of the enabled categories; returns the number of ranges painted. Past
   * `REGISTERED_AT_ONCE` ranges, only those near the screen are registered at any time (see
   * near-viewport.ts); the count is of them all.
   */
  paint(spans: readonly PaintSpan[], enabled: Record<Category, boolean>): number {
    this.unpaint();
    const visible = spans.filter((s) => enabled[s.category]).slice(0, MAX_PAINTED);
    if (!this.api) return this.wrap(visible);
    const byCategory = new Map<Category, Range[]>();
    let count = 0;
    for (const s of visible) {
      const r = this.range(s.start, s.end);
      if (!r) continue;
      let list = byCategory.get(s.category);
      if (!list) byCategory.set(s.category, (list = []));
      list.push(r);
      count++;
    }
    this.painted = count > 0;
    if (this.painted) this.sheet?.show();
    else if (!this.flashTimer) this.sheet?.hide();
    const win = this.doc.defaultView;
    const Observer = observerOf(win);
    if (count <= REGISTERED_AT_ONCE || !win || !Observer) {
      for (const [category, ranges] of byCategory) this.api.registry.set(paletteHighlightName(category, this.scheme, this.lines), new this.api.Highlight(...ranges));
      return count;
    }
    const highlights: RangeSet[] = [];
    const items: NearItem[] = [];
    for (const ranges of byCategory.values()) {
      const index = highlights.push(new this.api.Highlight() as RangeSet) - 1;
      for (const range of ranges) items.push({ highlight: index, range });
    }
    this.near = new NearViewport(win, Observer, highlights, items);
    // Registered in the categories' order, as above, with the ranges near the screen already in.
    let i = 0;
    for (const category of byCategory.keys()) this.api.registry.set(paletteHighlightName(category, this.scheme, this.lines), highlights[i++]);
    return count;
  }

  /** Remove every highlight; the page is as it was before `paint`, its stylesheets too. */
  clear(): void {
    this.unpaint();
    if (this.api) this.api.registry.delete(FLASH_HIGHLIGHT);
    if (this.flashTimer) clearTimeout(this.flashTimer);
    this.flashTimer = null;
    this.sheet?.hide();
  }

  /** The categories' highlights removed (a flash under way stays, and so do the rules it needs). */
  private unpaint(): void {
    this.near?.disconnect();
    this.near = null;
    this.painted = false;
    if (this.api) for (const name of ALL_HIGHLIGHT_NAMES) this.api.registry.delete(name);
    this.unwrap();
  }

  /** Scroll a span into view and flash it briefly. */
  reveal(start: number, end: number, options: { smooth?: boolean } = {}): boolean {
    const r = this.range(start, end);
    if (!r) return false;
    const el = (r.startContainer.parentElement ?? null) as HTMLElement | null;
    const rect = r.getBoundingClientRect?.();
    const win = this.doc.defaultView;
    if (win && rect && (rect.width > 0 || rect.height > 0)) {
      const reduce = win.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
      win.scrollBy({ top: rect.top - win.innerHeight / 3, behavior: reduce || options.smooth === false ? 'auto' : 'smooth' });
    } else el?.scrollIntoView?.({ block: 'center' });
    if (this.api) {
      this.sheet?.show();
      this.api.registry.set(FLASH_HIGHLIGHT, new this.api.Highlight(r));
      if (this.flashTimer) clearTimeout(this.flashTimer);
      this.flashTimer = setTimeout(() => {
        this.api?.registry.delete(FLASH_HIGHLIGHT);
        this.flashTimer = null;
        if (!this.painted) this.sheet?.hide();
      }, 1600);
    }
    return true;
  }

  /** Pieces of spans, one per text-node segment, so a span across elements wraps cleanly. */
  private pieces(spans: readonly PaintSpan[]): Piece[] {
    const segs: readonly TextSegment[] = this.map.segments;
    const out: Piece[] = [];
    let si = 0;
    for (const s of spans) {
      while (si > 0 && segs[si].textStart > s.start) si--;
      while (si < segs.length && segs[si].textEnd <= s.start) si++;
      for (let i = si; i < segs.length && segs[i].textStart < s.end; i++) {
        const seg = segs[i];
        const from = Math.max(s.start, seg.textStart) - seg.textStart + seg.domStart;
        const to = Math.min(s.end, seg.textEnd) - seg.textStart + seg.domStart;
        if (to > from) out.push({ seg: i, node: seg.node, from, to, category: s.category, textStart: Math.max(s.start, seg.textStart) });
      }
    }
    return out;
  }

  private wrap(spans: readonly PaintSpan[]): number {
    const pieces = this.pieces(spans);
    // Overlapping spans (a claim containing an actor) wrap once: the first one wins.
    const kept: Piece[] = [];
    for (const p of pieces.sort((a, b) => a.seg - b.seg || a.from - b.from)) {
      const prev = kept[kept.length - 1];
      if (prev && prev.node === p.node && p.from < prev.to) continue;
      kept.push(p);
    }
    // Wrap from the end of the document backwards, so earlier offsets stay valid after splits.
    for (let i = kept.length - 1; i >= 0; i--) {
      const p = kept[i];
      const node = p.node;
      if (p.to > node.data.length) continue;
      const tail = node.splitText(p.to);
      const middle = node.splitText(p.from);
      const mark = this.doc.createElement('sift-mark');
      mark.setAttribute('data-category', p.category);
      mark.setAttribute('data-palette', this.scheme);
      middle.parentNode!.insertBefore(mark, tail);
      mark.appendChild(middle);
      this.markText.set(middle, p.textStart);
      this.markSpans.push({ mark, start: p.textStart, end: p.textStart + (p.to - p.from) });
      this.marks.push(mark);
    }
    this.markSpans.reverse();
    return kept.length;
  }

  private unwrap(): void {
    // Undo in reverse order of wrapping: each mark's previous sibling is the original text node.
    for (let i = this.marks.length - 1; i >= 0; i--) {
      const mark = this.marks[i];
      const before = mark.previousSibling as Text | null;
      const after = mark.nextSibling as Text | null;
      const inner = mark.textContent ?? '';
      if (before && before.nodeType === 3) {
        before.appendData(inner + (after && after.nodeType === 3 ? after.data : ''));
        if (after && after.nodeType === 3) after.remove();
        mark.remove();
      } else {
        mark.replaceWith(...Array.from(mark.childNodes));
      }
    }
    this.marks = [];
    this.markSpans = [];
    this.markText = new WeakMap();
  }
}

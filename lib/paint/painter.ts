import type { Analysis, Span } from '../schema';
import type { TextMap, TextSegment } from '../text/textmap';
import { CATEGORIES, highlightName, type Category } from '../categories';

/**
 * Paints an Analysis on the live page. With the CSS Custom Highlight API (Chromium 105+,
 * Firefox 140+) no node of the page changes: ranges are registered in `CSS.highlights` under one
 * name per category and styled by `::highlight()` rules in the content script's CSS. Where the API
 * is missing, the fallback wraps text in `<sift-mark>` elements and unwrapping restores the very
 * same text nodes.
 */

export interface PaintSpan extends Span {
  category: Category;
}

/** Most ranges painted per page: beyond this, highlights stop helping and start costing. */
export const MAX_PAINTED = 4000;

export const FLASH_HIGHLIGHT = 'sift-flash';

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
}

export class HighlightPainter {
  readonly mode: 'highlight-api' | 'fallback';
  private readonly api: ReturnType<typeof highlightApi>;
  private marks: Element[] = [];
  private flashTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly doc: Document,
    private readonly map: TextMap,
    options: { forceFallback?: boolean } = {},
  ) {
    this.api = options.forceFallback ? null : highlightApi(doc.defaultView);
    this.mode = this.api ? 'highlight-api' : 'fallback';
  }

  /** A live Range for a text span, or null when the span is not on the page. */
  range(start: number, end: number): Range | null {
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

  /** Paint the spans of the enabled categories; returns the number of ranges painted. */
  paint(spans: readonly PaintSpan[], enabled: Record<Category, boolean>): number {
    this.clear();
    const visible = spans.filter((s) => enabled[s.category]).slice(0, MAX_PAINTED);
    if (this.api) {
      const byCategory = new Map<Category, Range[]>();
      for (const s of visible) {
        const r = this.range(s.start, s.end);
        if (!r) continue;
        let list = byCategory.get(s.category);
        if (!list) byCategory.set(s.category, (list = []));
        list.push(r);
      }
      let count = 0;
      for (const [category, ranges] of byCategory) {
        this.api.registry.set(highlightName(category), new this.api.Highlight(...ranges));
        count += ranges.length;
      }
      return count;
    }
    return this.wrap(visible);
  }

  /** Remove every highlight; the page is as it was before `paint`. */
  clear(): void {
    if (this.api) {
      for (const c of CATEGORIES) this.api.registry.delete(highlightName(c));
      this.api.registry.delete(FLASH_HIGHLIGHT);
    }
    this.unwrap();
  }

  /** Scroll a span into view and flash it briefly. */
  reveal(start: number, end: number): boolean {
    const r = this.range(start, end);
    if (!r) return false;
    const el = (r.startContainer.parentElement ?? null) as HTMLElement | null;
    const rect = r.getBoundingClientRect?.();
    const win = this.doc.defaultView;
    if (win && rect && (rect.width > 0 || rect.height > 0)) {
      const reduce = win.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
      win.scrollBy({ top: rect.top - win.innerHeight / 3, behavior: reduce ? 'auto' : 'smooth' });
    } else el?.scrollIntoView?.({ block: 'center' });
    if (this.api) {
      this.api.registry.set(FLASH_HIGHLIGHT, new this.api.Highlight(r));
      if (this.flashTimer) clearTimeout(this.flashTimer);
      this.flashTimer = setTimeout(() => {
        this.api?.registry.delete(FLASH_HIGHLIGHT);
        this.flashTimer = null;
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
        if (to > from) out.push({ seg: i, node: seg.node, from, to, category: s.category });
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
      middle.parentNode!.insertBefore(mark, tail);
      mark.appendChild(middle);
      this.marks.push(mark);
    }
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
  }
}

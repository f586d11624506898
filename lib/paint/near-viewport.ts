/**
 * A long article's highlights, registered only near the screen. Chromium repaints the whole page
 * whenever a highlight changes, and that paint draws every highlighted piece of text in the area it
 * records, which reaches thousands of pixels below the screen. On the 10,000-word fixture, the paint
 * of all 1,247 ranges was the content script's longest task, 38–52 ms
 * (`npm run trace:browser -- generated/long-10000.html`).
 *
 * Here each range belongs to the block it starts in, and an IntersectionObserver adds a block's ranges
 * to their highlights when the block comes within one screen height of the screen, and takes them
 * out when it goes further. The observer follows every change of layout (images arriving, the window
 * resized, text folded away) without a layout read of ours; the first set is read once, at once, so
 * that the first frame already has it.
 */

/** The part of a registered Highlight this uses (a setlike of ranges). */
export interface RangeSet {
  add(range: Range): unknown;
  delete(range: Range): boolean;
}

export interface NearItem {
  /** Index of the highlight (in the caller's list) the range belongs to. */
  highlight: number;
  range: Range;
}

type ObserverCtor = new (callback: (entries: { target: Element; isIntersecting: boolean }[]) => void, options: { rootMargin: string }) => {
  observe(el: Element): void;
  disconnect(): void;
};

/** Elements that flow inside a line: a range in one belongs to the block around it. */
const INLINE = new Set(['A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'CODE', 'DATA', 'DFN', 'EM', 'FONT', 'I', 'KBD', 'MARK', 'Q', 'S', 'SAMP', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR']);

function blockOf(node: Node): Element | null {
  let el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  while (el && INLINE.has(el.tagName.toUpperCase()) && el.parentElement) el = el.parentElement;
  return el;
}

/** The IntersectionObserver of a window, or null where there is none (then everything is near). */
export function observerOf(win: Window | null): ObserverCtor | null {
  const ctor = (win as unknown as { IntersectionObserver?: ObserverCtor } | null)?.IntersectionObserver;
  return typeof ctor === 'function' ? ctor : null;
}

export class NearViewport {
  private readonly byBlock = new Map<Element, NearItem[]>();
  private readonly shown = new Set<Element>();
  private readonly observer: InstanceType<ObserverCtor>;

  constructor(
    win: Window,
    Observer: ObserverCtor,
    private readonly highlights: readonly RangeSet[],
    items: readonly NearItem[],
  ) {
    for (const item of items) {
      const block = blockOf(item.range.startContainer);
      if (!block) continue;
      let list = this.byBlock.get(block);
      if (!list) this.byBlock.set(block, (list = []));
      list.push(item);
    }
    // One screen height above and below: a reader scrolling finds the next screen already painted.
    const h = win.innerHeight;
    for (const block of this.byBlock.keys()) {
      const r = block.getBoundingClientRect();
      this.show(block, r.bottom >= -h && r.top <= 2 * h && (r.width > 0 || r.height > 0));
    }
    this.observer = new Observer((entries) => {
      for (const e of entries) this.show(e.target, e.isIntersecting);
    }, { rootMargin: '100% 0px' });
    for (const block of this.byBlock.keys()) this.observer.observe(block);
  }

  /** How many blocks have their ranges registered now. */
  get blocksShown(): number {
    return this.shown.size;
  }

  disconnect(): void {
    this.observer.disconnect();
  }

  private show(block: Element, near: boolean): void {
    if (near === this.shown.has(block)) return;
    const items = this.byBlock.get(block);
    if (!items) return;
    if (near) this.shown.add(block);
    else this.shown.delete(block);
    for (const { highlight, range } of items) {
      if (near) this.highlights[highlight].add(range);
      else this.highlights[highlight].delete(range);
    }
  }
}

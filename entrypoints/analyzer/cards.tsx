import { render } from 'preact';
import cardCss from '@/components/cards/card.css?inline';
import { CardView, LiveRegion } from '@/components/cards/CardView';
import { announcement, actorCard, claimCard, footnoteCard, needsDetails, type CardContent } from '@/lib/cards/content';
import { placeCard, type Box } from '@/lib/cards/placement';
import {
  buildTargetIndex,
  pointInRects,
  sameTarget,
  stepPosition,
  targetsAtOffset,
  targetsInSpan,
  type CardTarget,
  type TargetIndex,
} from '@/lib/cards/targets';
import type { Category } from '@/lib/categories';
import { t } from '@/lib/i18n';
import type { BackgroundLookup } from '@/lib/kb/load';
import type { HighlightPainter } from '@/lib/paint/painter';
import type { PageScheme } from '@/lib/paint/palette';
import type { Analysis } from '@/lib/schema';

/**
 * Hover cards on the page, like Wikipedia's reference previews: hovering or focusing a highlight
 * (or stepping to it with the keyboard command) shows what Sift knows about it in a small card.
 *
 * Highlights are not elements, so the pointer is mapped to text: the caret under it
 * (`caretPositionFromPoint`) → a TextMap offset → the Analysis spans there, confirmed by the
 * span's client rects. Pointer handling is throttled and listeners exist only while a page has
 * highlights. The card lives in a closed shadow root on one host element that is in the page only
 * while a card is shown. Nothing here takes focus.
 */

export interface CardPage {
  analysis: Analysis;
  painter: HighlightPainter;
  scheme: PageScheme;
  enabled: Record<Category, boolean>;
  /** The article root: focus outside it is ignored without further work. */
  root: Element | null;
}

type Opener = 'pointer' | 'focus' | 'keyboard';
type TimerName = 'move' | 'show' | 'hide' | 'announce' | 'frame';

interface Shown {
  target: CardTarget;
  opener: Opener;
  anchor: () => Box | null;
  position: { index: number; total: number } | null;
  focused?: Element;
}

/** One pointer check per this many ms while the pointer moves. */
export const POINTER_THROTTLE_MS = 50;
/** Hover intent before a card opens, and before it moves to another highlight. */
export const SHOW_DELAY_MS = 300;
export const SWITCH_DELAY_MS = 120;
/** Grace period to move the pointer from the text into the card. */
export const HIDE_DELAY_MS = 300;
/** A focused element with more reading text than this is a container, not a marker or a name. */
const MAX_FOCUS_SPAN = 160;

interface CaretDocument {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
}

function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const d = doc as unknown as CaretDocument;
  if (typeof d.caretPositionFromPoint === 'function') {
    const p = d.caretPositionFromPoint.call(doc, x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint.call(doc, x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}

const boxOf = (r: { left: number; top: number; right: number; bottom: number }): Box => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });

export class CardController {
  private page: CardPage | null = null;
  private index: TargetIndex = { targets: [], maxLength: 0 };
  private listeners: AbortController | null = null;
  private host: HTMLElement | null = null;
  private mount: HTMLElement | null = null;
  private shown: Shown | null = null;
  private pending: CardTarget | null = null;
  private pointer: { x: number; y: number; overCard: boolean } | null = null;
  private timers: Record<TimerName, number> = { move: 0, show: 0, hide: 0, announce: 0, frame: 0 };
  private cursor = -1;
  private details: BackgroundLookup | null = null;
  private detailsState: 'idle' | 'loading' | 'loaded' | 'failed' = 'idle';
  /** Counts the analyses attached: an answer for an earlier one is dropped. */
  private detailsRun = 0;
  private live = '';

  constructor(
    private readonly doc: Document,
    /** The knowledge base's backgrounds of these actors. */
    private readonly loadDetails: (ids: readonly string[]) => Promise<BackgroundLookup>,
  ) {}

  /** Whether a card is in the page now (tests and the session read it). */
  get isOpen(): boolean {
    return this.shown !== null;
  }

  /** Explain a painted page. Listeners are added only when there is something to explain. */
  attach(page: CardPage): void {
    this.detach();
    this.page = page;
    // The backgrounds loaded are those of the previous analysis's actors.
    this.detailsRun++;
    this.details = null;
    this.detailsState = 'idle';
    this.index = buildTargetIndex(page.analysis, page.enabled);
    if (this.index.targets.length === 0) return;
    const win = this.doc.defaultView;
    const ac = new AbortController();
    this.listeners = ac;
    const passive = { capture: true, passive: true, signal: ac.signal };
    this.doc.addEventListener('pointermove', this.onPointerMove, passive);
    this.doc.addEventListener('pointerout', this.onPointerOut, passive);
    this.doc.addEventListener('pointerdown', this.onPointerDown, passive);
    this.doc.addEventListener('focusin', this.onFocusIn, passive);
    this.doc.addEventListener('focusout', this.onFocusOut, passive);
    this.doc.addEventListener('keydown', this.onKeyDown, passive);
    win?.addEventListener('scroll', this.onViewportChange, passive);
    win?.addEventListener('resize', this.onViewportChange, passive);
  }

  /** Stop: close the card, remove the host and every listener and timer. */
  detach(): void {
    this.hide();
    this.listeners?.abort();
    this.listeners = null;
    this.clearTimer('move');
    this.pointer = null;
    this.page = null;
    this.index = { targets: [], maxLength: 0 };
    this.cursor = -1;
  }

  /** The keyboard command: bring the next/previous highlight into view with its card. */
  step(direction: 1 | -1): { position: number; total: number } | null {
    const page = this.page;
    const targets = this.index.targets;
    if (!page || targets.length === 0) return null;
    let current = this.cursor;
    // The reader scrolled away from the last step: continue from what is on screen.
    if (current >= 0 && !(this.shown?.opener === 'keyboard' && this.isOnScreen(targets[current]))) current = -1;
    const firstVisible = current < 0 ? this.firstOnScreen() : 0;
    let pos = stepPosition(targets.length, current, direction, firstVisible);
    for (let tries = 0; tries < targets.length; tries++) {
      const target = targets[pos];
      const range = page.painter.range(target.start, target.end);
      if (range && page.painter.reveal(target.start, target.end)) {
        this.cursor = pos;
        const position = { index: pos, total: targets.length };
        this.show(target, 'keyboard', () => this.firstRect(range), { position });
        return { position: pos + 1, total: targets.length };
      }
      pos = (pos + direction + targets.length) % targets.length;
    }
    return null;
  }

  hide(): void {
    this.clearTimer('show');
    this.clearTimer('hide');
    this.clearTimer('announce');
    this.clearTimer('frame');
    this.pending = null;
    this.shown = null;
    this.live = '';
    const host = this.host;
    this.host = null;
    if (this.mount) render(null, this.mount);
    this.mount = null;
    if (host) {
      try {
        if (host.matches(':popover-open')) host.hidePopover();
      } catch {
        // No popover support: nothing to hide.
      }
      host.remove();
    }
  }

  // --- Events ------------------------------------------------------------------------------------

  private onPointerMove = (e: PointerEvent): void => {
    if (e.pointerType === 'touch') return;
    this.pointer = { x: e.clientX, y: e.clientY, overCard: this.host !== null && e.target === this.host };
    if (!this.timers.move) this.timers.move = window.setTimeout(this.checkPointer, POINTER_THROTTLE_MS);
  };

  private onPointerOut = (e: PointerEvent): void => {
    // Left the window.
    if (e.relatedTarget === null && this.shown?.opener === 'pointer') this.scheduleHide();
  };

  private onPointerDown = (e: PointerEvent): void => {
    if (!this.shown || (this.host && e.target === this.host)) return;
    if (this.shown.opener !== 'focus') this.hide();
  };

  private onFocusIn = (e: FocusEvent): void => {
    const page = this.page;
    const el = e.target as Element | null;
    if (!page || !el || el.nodeType !== 1 || el === this.host) return;
    if (page.root && !page.root.contains(el)) return;
    const span = page.painter.spanOfElement(el);
    if (!span || span.end - span.start > MAX_FOCUS_SPAN) return;
    const [target] = targetsInSpan(this.index, span);
    if (!target) return;
    this.show(target, 'focus', () => boxOf(el.getBoundingClientRect()), { focused: el });
  };

  private onFocusOut = (e: FocusEvent): void => {
    if (this.shown?.opener === 'focus' && e.target === this.shown.focused) this.hide();
  };

  private onKeyDown = (e: KeyboardEvent): void => {
    if (this.shown && (e.key === 'Escape' || e.key === 'Esc')) this.hide();
  };

  private onViewportChange = (): void => {
    if (!this.shown || this.timers.frame) return;
    this.timers.frame = window.requestAnimationFrame(() => {
      this.timers.frame = 0;
      if (!this.shown) return;
      const anchor = this.shown.anchor();
      const vh = this.doc.defaultView?.innerHeight ?? 0;
      if (this.shown.opener === 'pointer' && (!anchor || anchor.bottom < 0 || anchor.top > vh)) this.hide();
      else this.position();
    });
  };

  private checkPointer = (): void => {
    this.timers.move = 0;
    const p = this.pointer;
    if (!p || !this.page) return;
    if (p.overCard) {
      this.clearTimer('hide');
      this.cancelPending();
      return;
    }
    const hit = this.hitTest(p.x, p.y);
    if (hit && sameTarget(hit.target, this.shown?.target ?? null)) {
      this.clearTimer('hide');
      this.cancelPending();
      return;
    }
    if (hit) {
      if (!sameTarget(hit.target, this.pending)) {
        this.cancelPending();
        this.pending = hit.target;
        const { range, rect } = hit;
        this.timers.show = window.setTimeout(
          () => {
            this.timers.show = 0;
            this.pending = null;
            const rects = () => range.getClientRects();
            // Anchor to the line under the pointer (a name can wrap across two lines).
            this.show(hit.target, 'pointer', () => {
              const all = rects();
              return all.length > rect ? boxOf(all[rect]) : all.length > 0 ? boxOf(all[0]) : null;
            });
          },
          this.shown ? SWITCH_DELAY_MS : SHOW_DELAY_MS,
        );
      }
      return;
    }
    this.cancelPending();
    if (this.shown?.opener === 'pointer') this.scheduleHide();
  };

  // --- Hit testing --------------------------------------------------------------------------------

  /** The highlight under a viewport point: caret → text offset → spans, confirmed by their rects. */
  private hitTest(x: number, y: number): { target: CardTarget; range: Range; rect: number } | null {
    const page = this.page!;
    const caret = caretAt(this.doc, x, y);
    if (!caret) return null;
    const offset = page.painter.offsetAt(caret.node, caret.offset);
    if (offset < 0) return null;
    for (const target of targetsAtOffset(this.index, offset)) {
      const range = page.painter.range(target.start, target.end);
      if (!range) continue;
      const rect = pointInRects(x, y, range.getClientRects());
      if (rect >= 0) return { target, range, rect };
    }
    return null;
  }

  private firstRect(range: Range): Box | null {
    const rects = range.getClientRects();
    return rects.length > 0 ? boxOf(rects[0]) : null;
  }

  private isOnScreen(target: CardTarget): boolean {
    const r = this.page?.painter.range(target.start, target.end)?.getBoundingClientRect();
    const vh = this.doc.defaultView?.innerHeight ?? 0;
    return !!r && r.bottom > 0 && r.top < vh;
  }

  /** The first target (reading order) whose text is at or below the top of the viewport. */
  private firstOnScreen(): number {
    const targets = this.index.targets;
    const painter = this.page!.painter;
    let lo = 0;
    let hi = targets.length - 1;
    let found = targets.length;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = painter.range(targets[mid].start, targets[mid].end)?.getBoundingClientRect();
      if (r && r.bottom >= 0) {
        found = mid;
        hi = mid - 1;
      } else lo = mid + 1;
    }
    return found;
  }

  // --- Showing ------------------------------------------------------------------------------------

  private show(target: CardTarget, opener: Opener, anchor: () => Box | null, extra: { position?: Shown['position']; focused?: Element } = {}): void {
    this.clearTimer('hide');
    this.cancelPending();
    this.shown = { target, opener, anchor, position: extra.position ?? null, focused: extra.focused };
    const content = this.content(target);
    if (!content) {
      this.hide();
      return;
    }
    if (!this.ensureHost()) return;
    this.live = '';
    this.draw(content);
    this.position();
    // Screen readers hear cards reached from the keyboard (command or focus), not hover cards. The
    // text is set after the region is in the page so that it is announced.
    this.clearTimer('announce');
    if (opener !== 'pointer') {
      const shown = this.shown;
      this.timers.announce = window.setTimeout(() => {
        this.timers.announce = 0;
        if (this.shown !== shown) return;
        this.live = announcement(content, t, shown.position ?? undefined);
        this.draw(this.content(shown.target) ?? content);
      }, 80);
    }
  }

  private content(target: CardTarget): CardContent | null {
    const a = this.page?.analysis;
    if (!a) return null;
    if (target.kind === 'footnote') return a.footnotes[target.index] ? footnoteCard(a.footnotes[target.index]) : null;
    if (target.kind === 'claim') return a.claims[target.index] ? claimCard(a.claims[target.index]) : null;
    const actor = a.actors[target.index];
    if (!actor) return null;
    if (needsDetails(actor) && this.detailsState === 'idle') this.fetchDetails(a.actors.filter(needsDetails).map((x) => x.id));
    return actorCard(actor, this.details?.(actor.id) ?? null, this.detailsState === 'loading');
  }

  /** The knowledge base's descriptions (of the article's actors) load the first time a card needs one. */
  private fetchDetails(ids: readonly string[]): void {
    this.detailsState = 'loading';
    const run = this.detailsRun;
    this.loadDetails(ids).then(
      (d) => {
        if (run !== this.detailsRun) return;
        this.details = d;
        this.detailsState = 'loaded';
        this.redraw();
      },
      () => {
        if (run !== this.detailsRun) return;
        this.detailsState = 'failed';
        this.redraw();
      },
    );
  }

  private redraw(): void {
    if (!this.shown || !this.mount) return;
    const content = this.content(this.shown.target);
    if (!content) return;
    this.draw(content);
    this.position();
  }

  private draw(content: CardContent): void {
    if (!this.mount || !this.shown || !this.page) return;
    render(
      <>
        <CardView content={content} category={this.shown.target.category} scheme={this.page.scheme} lines={this.page.painter.lines} position={this.shown.position} />
        <LiveRegion text={this.live} />
      </>,
      this.mount,
    );
  }

  /** Place the card by its anchor, inside the viewport. */
  private position(): void {
    const card = this.mount?.firstElementChild as HTMLElement | null;
    const anchor = this.shown?.anchor();
    const win = this.doc.defaultView;
    if (!card || !win) return;
    if (!anchor) {
      this.hide();
      return;
    }
    const viewport = { width: this.doc.documentElement.clientWidth || win.innerWidth, height: win.innerHeight };
    card.style.maxHeight = '';
    const size = card.getBoundingClientRect();
    const place = placeCard(anchor, { width: size.width, height: size.height }, viewport);
    card.style.left = `${place.left}px`;
    card.style.top = `${place.top}px`;
    card.style.maxHeight = `${Math.min(place.maxHeight, Math.round(viewport.height * 0.6), 420)}px`;
  }

  /** The one host element, in the page only while a card is shown; its shadow root is closed. */
  private ensureHost(): boolean {
    if (this.host?.isConnected && this.mount) return true;
    this.hideHostOnly();
    const doc = this.doc;
    let host: HTMLElement;
    let root: ShadowRoot;
    try {
      host = doc.createElement('sift-card');
      try {
        root = host.attachShadow({ mode: 'closed' });
      } catch {
        // The page defined a custom element by that name: a plain element does the same job.
        host = doc.createElement('div');
        root = host.attachShadow({ mode: 'closed' });
      }
    } catch {
      return false; // not an HTML document (an SVG or XML page): no card
    }
    adoptStyles(doc, root);
    const mount = doc.createElement('div');
    root.append(mount);
    doc.documentElement.append(host);
    // The top layer keeps the card above the page's own stacking (sticky headers, z-index wars).
    try {
      host.setAttribute('popover', 'manual');
      host.showPopover();
    } catch {
      host.removeAttribute('popover');
    }
    this.host = host;
    this.mount = mount;
    return true;
  }

  private hideHostOnly(): void {
    if (this.mount) render(null, this.mount);
    this.host?.remove();
    this.host = null;
    this.mount = null;
  }

  private scheduleHide(): void {
    if (this.timers.hide) return;
    this.timers.hide = window.setTimeout(() => {
      this.timers.hide = 0;
      if (this.shown?.opener === 'pointer') this.hide();
    }, HIDE_DELAY_MS);
  }

  private cancelPending(): void {
    this.clearTimer('show');
    this.pending = null;
  }

  private clearTimer(name: TimerName): void {
    const id = this.timers[name];
    if (!id) return;
    if (name === 'frame') window.cancelAnimationFrame(id);
    else window.clearTimeout(id);
    this.timers[name] = 0;
  }
}

/**
 * The card's styles, inside the shadow root. A constructed stylesheet is not subject to the page's
 * `style-src` CSP; where it cannot be adopted, a <style> element inside the shadow root does.
 */
function adoptStyles(doc: Document, root: ShadowRoot): void {
  try {
    const Sheet = (doc.defaultView as (Window & typeof globalThis) | null)?.CSSStyleSheet ?? CSSStyleSheet;
    const sheet = new Sheet();
    sheet.replaceSync(cardCss);
    root.adoptedStyleSheets = [sheet];
    if (root.adoptedStyleSheets.length === 1) return;
  } catch {
    // Fall through to a <style> element.
  }
  const style = doc.createElement('style');
  style.textContent = cardCss;
  root.append(style);
}

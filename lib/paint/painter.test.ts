// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { TextMap } from '../text/textmap';
import { HighlightPainter, REGISTERED_AT_ONCE, type PaintSpan } from './painter';
import { DEFAULT_SETTINGS } from '../settings';
import { el } from '@/tests/unit/dom';

describe('HighlightPainter fallback (no Highlight API)', () => {
  it('wraps spans in marks and restores the exact same page when cleared', () => {
    document.body.replaceChildren(el('article', { id: 'r' }, el('p', {}, 'ISIL took ', el('b', {}, 'Palmyra'), ' and 400 fighters died.'), el('p', {}, 'Putin spoke.')));
    const root = document.getElementById('r')!;
    const before = root.innerHTML;
    const firstText = root.querySelector('p')!.firstChild;
    const map = TextMap.build(root);
    const painter = new HighlightPainter(document, map, { forceFallback: true });
    expect(painter.mode).toBe('fallback');
    const t = map.text;
    const span = (s: string, category: 'armed-group' | 'place' | 'claim' | 'person') => ({ start: t.indexOf(s), end: t.indexOf(s) + s.length, category });
    const n = painter.paint([span('ISIL', 'armed-group'), span('Palmyra', 'place'), span('400 fighters', 'claim'), span('Putin', 'person')], DEFAULT_SETTINGS.categories);
    expect(n).toBe(4);
    expect(Array.from(root.querySelectorAll('sift-mark')).map((m) => m.textContent)).toEqual(['ISIL', 'Palmyra', '400 fighters', 'Putin']);
    painter.clear();
    expect(root.innerHTML).toBe(before);
    expect(root.querySelector('p')!.firstChild).toBe(firstText);
    expect(root.querySelector('p')!.childNodes.length).toBe(3);
  });

  it('paints only enabled categories', () => {
    document.body.replaceChildren(el('p', { id: 'r' }, 'ISIL and 400 fighters.'));
    const root = document.getElementById('r')!;
    const map = TextMap.build(root);
    const painter = new HighlightPainter(document, map, { forceFallback: true });
    const n = painter.paint(
      [
        { start: 0, end: 4, category: 'armed-group' },
        { start: 9, end: 21, category: 'claim' },
      ],
      { ...DEFAULT_SETTINGS.categories, claim: false },
    );
    expect(n).toBe(1);
    painter.clear();
    expect(root.innerHTML).toBe('ISIL and 400 fighters.');
  });
});

describe('HighlightPainter for cards', () => {
  it('maps points and elements to text offsets through fallback marks (hit-testing without the API)', () => {
    document.body.replaceChildren(el('article', { id: 'r' }, el('p', {}, 'ISIL took ', el('a', { href: '#fn1' }, 'Palmyra'), ' and Putin spoke.')));
    const root = document.getElementById('r')!;
    const map = TextMap.build(root);
    const t = map.text;
    const painter = new HighlightPainter(document, map, { forceFallback: true, scheme: 'dark' });
    const span = (s: string, category: 'place' | 'person') => ({ start: t.indexOf(s), end: t.indexOf(s) + s.length, category });
    painter.paint([span('Palmyra', 'place'), span('Putin', 'person')], DEFAULT_SETTINGS.categories);
    const marks = Array.from(root.querySelectorAll('sift-mark'));
    expect(marks.map((m) => m.getAttribute('data-palette'))).toEqual(['dark', 'dark']);
    // A caret inside a mark (its text node is new: the map does not know it) still maps to the text.
    expect(painter.offsetAt(marks[1].firstChild!, 2)).toBe(t.indexOf('Putin') + 2);
    expect(painter.offsetAt(root.querySelector('p')!.firstChild!, 1)).toBe(1);
    expect(painter.spanOfElement(root.querySelector('a')!)).toEqual({ start: t.indexOf('Palmyra'), end: t.indexOf('Palmyra') + 7 });
    expect(painter.range(t.indexOf('Putin'), t.indexOf('Putin') + 5)!.toString()).toBe('Putin');
    painter.clear();
    expect(painter.offsetAt(marks[1].firstChild!, 2)).toBe(-1);
  });

  it('registers the dark-page names on dark pages, the tint names where lines are not drawn, and clears them all', () => {
    document.body.replaceChildren(el('p', { id: 'r' }, 'ISIL and 400 fighters in Syria.'));
    const registry = new Map<string, unknown>();
    // A stand-in Highlight API on the document's window (happy-dom has none).
    const win = document.defaultView!;
    const saved = { CSS: Object.getOwnPropertyDescriptor(win, 'CSS'), Highlight: Object.getOwnPropertyDescriptor(win, 'Highlight') };
    Object.defineProperty(win, 'CSS', { configurable: true, value: { highlights: registry } });
    Object.defineProperty(win, 'Highlight', {
      configurable: true,
      value: class {
        ranges: Range[];
        constructor(...ranges: Range[]) {
          this.ranges = ranges;
        }
      },
    });
    try {
      const map = TextMap.build(document.getElementById('r')!);
      const spans = [
        { start: 0, end: 4, category: 'armed-group' as const },
        { start: 9, end: 21, category: 'claim' as const },
        { start: 25, end: 30, category: 'country' as const },
      ];
      const dark = new HighlightPainter(document, map, { scheme: 'dark' });
      expect(dark.mode).toBe('highlight-api');
      dark.paint(spans, DEFAULT_SETTINGS.categories);
      expect([...registry.keys()].sort()).toEqual(['sift-actor-armed-group-dark', 'sift-actor-country-dark', 'sift-claim-dark']);
      // Firefox before 146: the country, which has no tint of its own, and the armed group, which
      // also gets a text colour there, are registered under their tint names; the claim is as it is.
      const lineless = new HighlightPainter(document, map, { scheme: 'dark', lines: false });
      lineless.paint(spans, DEFAULT_SETTINGS.categories);
      expect([...registry.keys()].sort()).toEqual(['sift-actor-armed-group-dark-tint', 'sift-actor-country-dark-tint', 'sift-claim-dark']);
      lineless.clear();
      expect(registry.size).toBe(0);
      const light = new HighlightPainter(document, map);
      light.paint(spans, DEFAULT_SETTINGS.categories);
      light.clear();
      expect(registry.size).toBe(0);
      light.paint(spans, DEFAULT_SETTINGS.categories);
      expect([...registry.keys()].sort()).toEqual(['sift-actor-armed-group', 'sift-actor-country', 'sift-claim']);
    } finally {
      for (const [key, d] of Object.entries(saved)) {
        if (d) Object.defineProperty(win, key, d);
        else delete (win as unknown as Record<string, unknown>)[key];
      }
    }
  });
});

describe('HighlightPainter stylesheet', () => {
  // Its ::highlight() rules apply to every element of the page: they are in the document only while
  // something is highlighted (palette.ts highlightRules).
  it('adopts its ::highlight() rules while something is highlighted, and only then', () => {
    document.body.replaceChildren(el('p', { id: 'r' }, 'ISIL and 400 fighters in Syria.'));
    const win = document.defaultView!;
    const saved = { CSS: Object.getOwnPropertyDescriptor(win, 'CSS'), Highlight: Object.getOwnPropertyDescriptor(win, 'Highlight') };
    Object.defineProperty(win, 'CSS', { configurable: true, value: { highlights: new Map() } });
    Object.defineProperty(win, 'Highlight', { configurable: true, value: class {} });
    const own = new win.CSSStyleSheet();
    own.replaceSync('p { color: red; }');
    document.adoptedStyleSheets = [own];
    // (happy-dom's parser keeps no ::highlight() rule: palette.test.ts checks the rules' text.)
    const ours = () => document.adoptedStyleSheets.filter((sheet) => sheet !== own);
    try {
      const map = TextMap.build(document.getElementById('r')!);
      const spans = [{ start: 9, end: 21, category: 'claim' as const }];
      const painter = new HighlightPainter(document, map);
      expect(ours()).toEqual([]);
      painter.paint(spans, { ...DEFAULT_SETTINGS.categories, claim: false });
      expect(ours(), 'nothing highlighted, no rules').toEqual([]);
      painter.paint(spans, DEFAULT_SETTINGS.categories);
      expect(ours()).toHaveLength(1);
      // The page's own sheet stays, and ours is not adopted twice.
      painter.paint(spans, DEFAULT_SETTINGS.categories);
      expect(document.adoptedStyleSheets).toHaveLength(2);
      expect(document.adoptedStyleSheets[0]).toBe(own);
      // A page that sets its sheets itself drops ours: the next paint adopts it again.
      document.adoptedStyleSheets = [own];
      painter.paint(spans, DEFAULT_SETTINGS.categories);
      expect(ours()).toHaveLength(1);
      painter.clear();
      expect(ours()).toEqual([]);
      expect(document.adoptedStyleSheets).toEqual([own]);
    } finally {
      document.adoptedStyleSheets = [];
      for (const [key, d] of Object.entries(saved)) {
        if (d) Object.defineProperty(win, key, d);
        else delete (win as unknown as Record<string, unknown>)[key];
      }
    }
  });
});

describe('HighlightPainter on a long article (ranges registered near the screen)', () => {
  it('registers the ranges of the blocks near the screen, follows the observer, and disconnects when cleared', () => {
    const paragraphs = Array.from({ length: 120 }, (_, i) => el('p', {}, `ISIL took Palmyra and ${i + 1} fighters died.`));
    document.body.replaceChildren(el('article', { id: 'r' }, ...paragraphs));
    const registry = new Map<string, Set<Range>>();
    const observers: { callback: (entries: { target: Element; isIntersecting: boolean }[]) => void; observed: Element[]; connected: boolean; margin: string }[] = [];
    const win = document.defaultView!;
    const saved = ['CSS', 'Highlight', 'IntersectionObserver'].map((key) => [key, Object.getOwnPropertyDescriptor(win, key)] as const);
    Object.defineProperty(win, 'CSS', { configurable: true, value: { highlights: registry } });
    Object.defineProperty(win, 'Highlight', {
      configurable: true,
      value: class extends Set<Range> {
        constructor(...ranges: Range[]) {
          super(ranges);
        }
      },
    });
    Object.defineProperty(win, 'IntersectionObserver', {
      configurable: true,
      value: class {
        o: (typeof observers)[number];
        constructor(callback: (typeof observers)[number]['callback'], options: { rootMargin: string }) {
          this.o = { callback, observed: [], connected: true, margin: options.rootMargin };
          observers.push(this.o);
        }
        observe(target: Element) {
          this.o.observed.push(target);
        }
        disconnect() {
          this.o.connected = false;
        }
      },
    });
    // The first paragraph is on the screen; happy-dom lays nothing out, so every other box is empty.
    paragraphs[0].getBoundingClientRect = () => ({ top: 10, bottom: 40, left: 0, right: 600, width: 600, height: 30, x: 0, y: 10, toJSON: () => ({}) }) as DOMRect;
    try {
      const map = TextMap.build(document.getElementById('r')!);
      const spans: PaintSpan[] = [];
      for (const m of map.text.matchAll(/ISIL|Palmyra|\d+ fighters/g)) spans.push({ start: m.index, end: m.index + m[0].length, category: m[0] === 'ISIL' ? 'armed-group' : m[0] === 'Palmyra' ? 'place' : 'claim' });
      expect(spans.length).toBeGreaterThan(REGISTERED_AT_ONCE);
      const painter = new HighlightPainter(document, map);
      expect(painter.paint(spans, DEFAULT_SETTINGS.categories)).toBe(spans.length);
      const texts = () => Object.fromEntries([...registry].map(([name, h]) => [name, [...h].map((r) => r.toString())]));
      // Registered in the categories' order, with the first screen's ranges already in.
      expect(texts()).toEqual({ 'sift-actor-armed-group': ['ISIL'], 'sift-actor-place': ['Palmyra'], 'sift-claim': ['1 fighters'] });
      const [observer] = observers;
      expect(observer.margin).toBe('100% 0px');
      expect(observer.observed).toHaveLength(paragraphs.length);
      // Scrolled: the first paragraph went away, the 50th came near.
      observer.callback([
        { target: paragraphs[0], isIntersecting: false },
        { target: paragraphs[49], isIntersecting: true },
      ]);
      expect(texts()).toEqual({ 'sift-actor-armed-group': ['ISIL'], 'sift-actor-place': ['Palmyra'], 'sift-claim': ['50 fighters'] });
      // The observer's first report repeats what is known: nothing changes.
      observer.callback([{ target: paragraphs[49], isIntersecting: true }]);
      expect(texts()['sift-claim']).toEqual(['50 fighters']);
      painter.clear();
      expect(registry.size).toBe(0);
      expect(observer.connected).toBe(false);
      // A short article is registered whole, with no observer.
      const short = new HighlightPainter(document, map);
      expect(short.paint(spans.slice(0, 30), DEFAULT_SETTINGS.categories)).toBe(30);
      expect(observers).toHaveLength(1);
      expect([...registry.values()].reduce((n, h) => n + h.size, 0)).toBe(30);
      short.clear();
    } finally {
      for (const [key, d] of saved) {
        if (d) Object.defineProperty(win, key, d);
        else delete (win as unknown as Record<string, unknown>)[key];
      }
    }
  });
});

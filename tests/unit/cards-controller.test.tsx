// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CardController, HIDE_DELAY_MS, POINTER_THROTTLE_MS, SHOW_DELAY_MS } from '@/entrypoints/analyzer/cards';
import { HighlightPainter } from '@/lib/paint/painter';
import type { Analysis } from '@/lib/schema';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { TextMap } from '@/lib/text/textmap';
import { createKnowledgeBase, type KbDetailsDataV1 } from '@/lib/kb/knowledge-base';
import { el } from './dom';

// The card controller in a DOM without layout: geometry and the caret are stubbed, so this checks
// the life cycle (host in the page only while a card shows, listeners gone after detach), hover
// intent, Escape, focus on footnote links, keyboard steps and lazy details. The real browsers run
// the same paths in tests/e2e/cards.e2e.ts.

/** The test page: an article with a footnote marker, and a paragraph outside it. */
const page = () => [
  el('article', { id: 'a' }, el('p', {}, 'Vladimir Putin met ISIL envoys, Putin said.', el('sup', {}, el('a', { id: 'm', href: '#fn1' }, '1')))),
  el('p', { id: 'outside' }, 'Elsewhere.'),
];

let shadowRoots: ShadowRoot[] = [];
const controllers: CardController[] = [];
let caret: { node: Node; offset: number } | null = null;

/** Backgrounds from a knowledge base whose details know Putin (version 1 formats, as the tests' small data). */
const kbWith = (details: KbDetailsDataV1) => {
  const kb = createKnowledgeBase({ version: 1, entities: [], aliases: {} }, details);
  return (id: string) => kb.background(id);
};

function setup(details = vi.fn(async (_ids: readonly string[]) => kbWith({ 'wd:Q7747': { description: 'President of Russia.', aliases: [], country: 'RU', wikidata: 'Q7747' } }))) {
  document.body.replaceChildren(...page());
  const root = document.getElementById('a')!;
  const map = TextMap.build(root);
  const text = map.text;
  const at = (s: string, from = 0) => ({ start: text.indexOf(s, from), end: text.indexOf(s, from) + s.length, text: s });
  const analysis: Analysis = {
    schemaVersion: 1,
    source: 'test',
    isArticle: true,
    article: { title: null, byline: null, siteName: null, publishedTime: null, lang: 'en', text, wordCount: 8 },
    actors: [
      { id: 'wd:Q7747', name: 'Vladimir Putin', type: 'person', mentions: [at('Vladimir Putin'), at('Putin', 20)], background: null },
      { id: 'wd:Q2429253', name: 'Islamic State', type: 'armed-group', mentions: [at('ISIL')], background: null },
    ],
    claims: [],
    footnotes: [{ label: '1', citations: [{ ...at('1'), sentence: text }], note: { text: 'The note.', links: ['https://example.org/n'] } }],
    summary: [],
    timingsMs: { total: 0 },
  };
  const painter = new HighlightPainter(document, map);
  const controller = new CardController(document, details);
  controllers.push(controller);
  controller.attach({ analysis, painter, scheme: 'light', enabled: DEFAULT_SETTINGS.categories, root });
  return { controller, details, text, root };
}

const host = () => document.querySelector('sift-card');
const shadowText = () => shadowRoots.at(-1)?.textContent ?? '';
const move = (x = 5, y = 5, target: EventTarget = document.body) => target.dispatchEvent(new PointerEvent('pointermove', { clientX: x, clientY: y, bubbles: true, composed: true }));

beforeEach(() => {
  vi.useFakeTimers();
  shadowRoots = [];
  const attach = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const root = attach.call(this, init);
    shadowRoots.push(root);
    return root;
  });
  const rect = { left: 0, top: 0, right: 100, bottom: 20, width: 100, height: 20, x: 0, y: 0, toJSON: () => ({}) };
  vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(() => [rect] as unknown as DOMRectList);
  vi.spyOn(Range.prototype, 'getBoundingClientRect').mockImplementation(() => rect as DOMRect);
  caret = null;
  (document as unknown as { caretPositionFromPoint: unknown }).caretPositionFromPoint = () => (caret ? { offsetNode: caret.node, offset: caret.offset } : null);
});

afterEach(() => {
  for (const c of controllers.splice(0)) c.detach();
  expect(document.querySelectorAll('sift-card')).toHaveLength(0);
  vi.useRealTimers();
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

describe('CardController', () => {
  it('shows a card after hover intent, in a closed shadow root, and removes the host when the pointer leaves', async () => {
    const { controller } = setup();
    const p = document.querySelector('p')!.firstChild!;
    caret = { node: p, offset: 'Vladimir Putin met '.length + 2 }; // inside "ISIL"
    move();
    await vi.advanceTimersByTimeAsync(POINTER_THROTTLE_MS + 10);
    expect(host()).toBeNull(); // not yet: hover intent
    await vi.advanceTimersByTimeAsync(SHOW_DELAY_MS);
    expect(host()).not.toBeNull();
    expect(host()!.shadowRoot).toBeNull(); // closed
    expect(shadowRoots.at(-1)!.mode).toBe('closed');
    expect(shadowText()).toContain('Islamic State');
    expect(document.activeElement).toBe(document.body); // nothing took focus
    // Pointer moves off the highlight: the card goes after a grace period.
    caret = { node: p, offset: 'Vladimir Putin met ISIL envoys'.length - 2 };
    move();
    await vi.advanceTimersByTimeAsync(POINTER_THROTTLE_MS + HIDE_DELAY_MS + 10);
    expect(host()).toBeNull();
    expect(controller.isOpen).toBe(false);
  });

  it('keeps the card while the pointer is on it, and closes it on Escape', async () => {
    setup();
    caret = { node: document.querySelector('p')!.firstChild!, offset: 3 }; // "Vladimir Putin"
    move();
    await vi.advanceTimersByTimeAsync(POINTER_THROTTLE_MS + SHOW_DELAY_MS + 10);
    expect(host()).not.toBeNull();
    caret = null;
    move(5, 5, host()!); // over the card (events from inside the shadow root are retargeted to the host)
    await vi.advanceTimersByTimeAsync(POINTER_THROTTLE_MS + HIDE_DELAY_MS + 10);
    expect(host()).not.toBeNull();
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(host()).toBeNull();
  });

  it('loads the knowledge-base details once, when a card first needs them', async () => {
    const { details } = setup();
    caret = { node: document.querySelector('p')!.firstChild!, offset: 3 };
    move();
    await vi.advanceTimersByTimeAsync(POINTER_THROTTLE_MS + SHOW_DELAY_MS + 10);
    expect(details).toHaveBeenCalledTimes(1);
    // Those of the article's actors, in one question.
    expect(details).toHaveBeenCalledWith(['wd:Q7747', 'wd:Q2429253']);
    await vi.advanceTimersByTimeAsync(0);
    expect(shadowText()).toContain('President of Russia.');
  });

  it('shows the footnote card when its marker link gets focus, and hides it on blur', async () => {
    setup();
    const marker = document.getElementById('m') as HTMLAnchorElement;
    marker.focus();
    expect(host()).not.toBeNull();
    expect(shadowText()).toContain('The note.');
    expect(document.activeElement).toBe(marker); // focus stays on the page's link
    await vi.advanceTimersByTimeAsync(100);
    expect(shadowRoots.at(-1)!.querySelector('[aria-live]')!.textContent).toContain('The note.');
    marker.blur();
    expect(host()).toBeNull();
  });

  it('steps through the highlights in reading order with the position announced', async () => {
    const { controller } = setup();
    const steps = [controller.step(1), controller.step(1), controller.step(1), controller.step(1), controller.step(1)];
    expect(steps.map((s) => s?.position)).toEqual([1, 2, 3, 4, 1]);
    expect(steps[0]!.total).toBe(4);
    expect(shadowText()).toContain('Vladimir Putin');
    await vi.advanceTimersByTimeAsync(100);
    expect(shadowRoots.at(-1)!.querySelector('[aria-live]')!.textContent).toContain('Vladimir Putin');
    expect(controller.step(-1)?.position).toBe(4);
    expect(shadowText()).toContain('1'); // the footnote
  });

  it('removes the host, every listener and every timer on detach', async () => {
    const { controller } = setup();
    controller.step(1);
    expect(host()).not.toBeNull();
    controller.detach();
    expect(host()).toBeNull();
    caret = { node: document.querySelector('p')!.firstChild!, offset: 3 };
    move();
    document.getElementById('m')!.focus();
    expect(vi.getTimerCount()).toBe(0);
    expect(host()).toBeNull();
    expect(controller.step(1)).toBeNull();
  });

  it('adds no listener at all when nothing is highlighted', () => {
    document.body.replaceChildren(...page());
    const add = vi.spyOn(document, 'addEventListener');
    const map = TextMap.build(document.getElementById('a')!);
    const controller = new CardController(document, async () => kbWith({}));
    controller.attach({
      analysis: { schemaVersion: 1, source: '', isArticle: true, article: null, actors: [], claims: [], footnotes: [], summary: [], timingsMs: { total: 0 } },
      painter: new HighlightPainter(document, map),
      scheme: 'light',
      enabled: DEFAULT_SETTINGS.categories,
      root: null,
    });
    expect(add).not.toHaveBeenCalled();
  });
});

// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Actor, Analysis } from '@/lib/schema';
import type { PageState } from '@/lib/messaging';
import { REPO } from '@/tests/unit/dom';
import { getMessage, loadMessages, type Messages } from '@/tests/unit/messages';
import { forgetUiLanguage } from '@/lib/i18n';

// oxlint-disable-next-line no-script-url -- the tests check that such addresses never become links
const SCRIPT_URL = 'javascript:alert(1)';

vi.mock('@/lib/messaging', async (original) => ({ ...(await original<typeof import('@/lib/messaging')>()), sendMessage: vi.fn(), isTabLoading: vi.fn() }));
const messaging = await import('@/lib/messaging');
const sendMessage = vi.mocked(messaging.sendMessage);
const isTabLoading = vi.mocked(messaging.isTabLoading);
const { overviewOf } = messaging;
const { Popup } = await import('./Popup');
const { groupActors, isUnsourced } = await import('./model');

// The popup's views in a DOM (happy-dom), with the page's answers given by the test: every state,
// the sections, the safe links, the jumps, and the strings in English and in French.

const sample = (): Analysis => JSON.parse(readFileSync(path.join(REPO, 'tests/fixtures/sample-article/expected.json'), 'utf8')) as Analysis;
const ready = (analysis: Analysis, extra: Partial<PageState> = {}): PageState => ({ status: 'ready', analysis, highlightsOn: true, painted: 10, hostname: 'www.gazette.example', ...extra });

let root: HTMLElement;
function useLanguage(messages: Messages, tag: string) {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string | string[]) => getMessage(messages, key, subs)) as never);
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue(tag);
  forgetUiLanguage();
}
function answer(state: PageState | Error) {
  sendMessage.mockImplementation((async (type: string) => {
    if (state instanceof Error) throw state;
    return type === 'jumpTo' ? true : state;
  }) as never);
}
const $ = (sel: string) => root.querySelector<HTMLElement>(sel);
const $$ = (sel: string) => Array.from(root.querySelectorAll<HTMLElement>(sel));
const until = (check: () => unknown) => vi.waitFor(() => expect(check()).toBeTruthy(), { timeout: 4000, interval: 20 });

beforeEach(() => {
  fakeBrowser.reset();
  useLanguage(loadMessages('en'), 'en-GB');
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
  sendMessage.mockReset();
  isTabLoading.mockReset();
});

describe('popup', () => {
  it('shows the article at a glance, every section, and the backgrounds once loaded', async () => {
    const a = sample();
    // The content script's analysis carries no descriptions: the popup loads them.
    for (const x of a.actors) x.background = null;
    answer(ready(a));
    const us = a.actors.find((x) => x.id === 'wd:Q30')!;
    const loadBackgrounds = vi.fn(async () => (id: string) => (id === us.id ? { description: 'Country in North America.', aliases: ['USA', 'US'], country: 'US', wikidata: 'Q30' } : null));
    render(<Popup tabId={7} loadBackgrounds={loadBackgrounds} />, root);
    // The first screen comes first, the long lists below it in the task after its frame.
    await until(() => $('#actors'));
    await until(() => $('#footnotes'));
    expect($('#title')!.textContent).toBe(a.article!.title);
    expect($('#meta')!.textContent).toMatch(/The Sift Sample Gazette · Lena Okafor · 14 Oct 2026 · 2 min read/);
    expect($$('#summary li')).toHaveLength(a.summary.length);
    expect($$('#actors .actor')).toHaveLength(a.actors.length);
    expect($$('#claims li.claim')).toHaveLength(a.claims.length);
    expect($$('#claims .badge-unsourced')).toHaveLength(a.claims.filter(isUnsourced).length);
    expect($$('#footnotes li.footnote').map((li) => li.dataset.label)).toEqual(a.footnotes.map((f) => f.label));
    // Footnote markers inside the quoted sentences are superscripts read as "Footnote 1", not digits run into a word.
    const first = $$('#summary li')[0];
    expect(first.textContent).toMatch(/wells dry\.Footnote 1$/);
    expect(first.querySelector('sup.marker')!.textContent).toBe('Footnote 1');
    const citing = $('#footnotes li[data-label="2"] .citing')!;
    expect(citing.querySelector('sup.marker')!.textContent).toBe('Footnote 2');
    expect(citing.textContent).toMatch(/malnourished\.Footnote 2$/);
    // Backgrounds arrive after the first frame, with "More" for aliases, country and links.
    await until(() => loadBackgrounds.mock.calls.length === 1 && $(`.actor[data-id="wd:Q30"] .background`));
    const li = $('.actor[data-id="wd:Q30"]')!;
    expect(li.querySelector('.background')!.textContent).toBe('Country in North America.');
    expect(li.querySelector<HTMLElement>('.actor-more')!.hidden).toBe(true);
    li.querySelector<HTMLButtonElement>('.disclosure')!.click();
    await until(() => !li.querySelector<HTMLElement>('.actor-more')!.hidden);
    expect(li.querySelector('.disclosure')!.getAttribute('aria-expanded')).toBe('true');
    expect(li.querySelector('.actor-more')!.textContent).toContain('United States');
    expect(li.querySelector('.actor-more')!.textContent).toContain('USA · US');
    expect($('#actors-note')!.textContent).toContain(`1 of ${a.actors.length} actors`);
  });

  it('shows the backgrounds the page carries with its first screen, without asking for them', async () => {
    const a = sample();
    // The actor listed first, which the first frame draws.
    const firstId = groupActors(a.actors)[0].actors[0].item.id;
    for (const x of a.actors) x.background = x.id === firstId ? { description: 'Known to the knowledge base.', aliases: [], country: 'US', wikidata: 'Q30' } : null;
    answer(ready(a, { backgroundsIn: true }));
    const loadBackgrounds = vi.fn(async () => () => null);
    render(<Popup tabId={7} loadBackgrounds={loadBackgrounds} firstOverview={Promise.resolve(overviewOf(ready(a, { backgroundsIn: true })))} />, root);
    await until(() => $('#actors'));
    // In the first screen's own render: no "loading" phase, and the count of those known.
    expect($(`.actor[data-id="${firstId}"] .background`)!.textContent).toBe('Known to the knowledge base.');
    expect($('#actors-note')!.textContent).toContain(`1 of ${a.actors.length} actors`);
    await until(() => $('#footnotes'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(loadBackgrounds).not.toHaveBeenCalled();
  });

  it('shows its first screen from the overview sent before it rendered, then the lists from the whole state', async () => {
    const a = sample();
    let give: (s: PageState) => void = () => {};
    sendMessage.mockImplementation(((type: string) => (type === 'getPageState' ? new Promise<PageState>((resolve) => (give = resolve)) : Promise.resolve(true))) as never);
    const overview = overviewOf(ready(a));
    // The overview carries no claims, footnotes or article text: counts and markers stand for them.
    expect(JSON.stringify(overview).length).toBeLessThan(JSON.stringify(ready(a)).length / 2);
    render(<Popup tabId={7} firstOverview={Promise.resolve(overview)} />, root);
    await until(() => $('#actors'));
    expect($('#title')!.textContent).toBe(a.article!.title);
    expect($$('#summary li')).toHaveLength(a.summary.length);
    expect($$('#summary li')[0].querySelector('sup.marker')!.textContent).toBe('Footnote 1');
    expect($('.contents a[href="#claims"] .count')!.textContent!.trim()).toBe(String(a.claims.length));
    expect($('.contents a[href="#footnotes"] .count')!.textContent!.trim()).toBe(String(a.footnotes.length));
    // The whole state is asked for once, and the lists wait for it.
    await until(() => sendMessage.mock.calls.some(([type]) => type === 'getPageState'));
    expect(sendMessage.mock.calls.filter(([type]) => type === 'getPageState')).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 300));
    expect($('#claims')).toBeNull();
    give(ready(a));
    await until(() => $('#footnotes'));
    expect($$('#claims li.claim')).toHaveLength(a.claims.length);
    expect($$('#footnotes li.footnote')).toHaveLength(a.footnotes.length);
  });

  it('asks for nothing more when the overview is not of an analysed article', async () => {
    const a = sample();
    answer(ready(a));
    render(<Popup tabId={7} firstOverview={Promise.resolve(overviewOf({ status: 'not-article', analysis: a, highlightsOn: true, painted: 0, hostname: 'x.example' }))} />, root);
    await until(() => $('#analyse-anyway'));
    expect($('#title')!.textContent).toBe(a.article!.title);
    await new Promise((r) => setTimeout(r, 200));
    expect(sendMessage).not.toHaveBeenCalled();
  });

  it('shows the lists below the first screen even when no frame comes (a document not being rendered)', async () => {
    const a = sample();
    answer(ready(a));
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation(() => 0);
    render(<Popup tabId={7} />, root);
    await until(() => $('#actors'));
    expect($('#claims')).toBeNull();
    await until(() => $('#footnotes'));
    expect($$('#claims li.claim')).toHaveLength(a.claims.length);
  });

  it('draws the first actors in its first frame, with the whole list\'s counts, and every actor after it', async () => {
    const { ActorList, FIRST_FRAME_ACTORS } = await import('./ActorList');
    const person = (i: number): Actor => ({ id: `p${i}`, name: `Person ${i}`, type: 'person', mentions: [{ start: i, end: i + 1, text: 'x' }], background: null });
    const actors = [...Array.from({ length: 12 }, (_, i) => person(i)), { ...person(20), id: 'o1', name: 'Org', type: 'organization' as const }];
    render(<ActorList actors={actors} backgroundOf={undefined} onJump={() => {}} firstFrame />, root);
    expect($$('#actors .actor')).toHaveLength(FIRST_FRAME_ACTORS);
    expect($('#actors-h .count')!.textContent).toBe('13');
    expect($('#actors .group[data-type="person"] h3 .count')!.textContent).toBe('12');
    // No "Show all" for a group cut short in the first frame: the rest follow at once.
    expect($$('#actors .show-more')).toHaveLength(0);
    expect($('#actors .group[data-type="organization"]')).toBeNull();
    render(<ActorList actors={actors} backgroundOf={undefined} onJump={() => {}} />, root);
    expect($$('#actors .group[data-type="person"] .actor')).toHaveLength(8);
    expect($$('#actors .group[data-type="organization"] .actor')).toHaveLength(1);
    expect($$('#actors .show-more')).toHaveLength(1);
  });

  it('jumps to an item in the page and announces it', async () => {
    const a = sample();
    answer(ready(a));
    render(<Popup tabId={7} />, root);
    await until(() => $('#claims'));
    $$('#claims .claim-text')[0].click();
    const first = $$('#claims li.claim')[0].dataset.index;
    await until(() => sendMessage.mock.calls.some(([type]) => type === 'jumpTo'));
    expect(sendMessage).toHaveBeenCalledWith('jumpTo', { kind: 'claim', index: Number(first) }, 7);
    await until(() => $('#announce')!.textContent!.startsWith('Shown in the page'));
    $('#footnotes li[data-label="4"] .citation[data-occurrence="1"] button')!.click();
    await until(() => sendMessage.mock.calls.some(([type, t]) => type === 'jumpTo' && (t as { kind: string }).kind === 'footnote'));
    expect(sendMessage).toHaveBeenCalledWith('jumpTo', { kind: 'footnote', index: 3, occurrence: 1 }, 7);
  });

  it('never makes a non-web link clickable, and says when the page has no note', async () => {
    const a = sample();
    a.footnotes = [
      { label: '1', citations: [{ start: 0, end: 1, sentence: 'A sentence citing one.' }], note: { text: 'A note.', links: [SCRIPT_URL, 'data:text/html,hi', 'https://example.org/x'] } },
      { label: '2', citations: [{ start: 2, end: 3, sentence: 'Another sentence.' }], note: null },
    ];
    answer(ready(a));
    render(<Popup tabId={7} />, root);
    await until(() => $('#footnotes li.footnote'));
    const anchors = $$('#footnotes a');
    expect(anchors.map((x) => x.getAttribute('href'))).toEqual(['https://example.org/x']);
    expect(anchors[0].getAttribute('target')).toBe('_blank');
    expect(anchors[0].getAttribute('rel')).toBe('noopener noreferrer');
    expect($$('#footnotes .unsafe-link').map((x) => x.textContent)).toEqual([SCRIPT_URL, 'data:text/html,hi']);
    expect($('#footnotes li[data-label="2"] .note.missing')!.textContent).toBe('No note on the page for this marker.');
    expect($('#footnotes-note')!.textContent).toBe('1 of 2 footnotes have no note on the page.');
  });

  it('says when a page is not an article, and analyses it on request', async () => {
    const a = sample();
    answer({ status: 'not-article', analysis: { ...a, isArticle: false, actors: [], claims: [], footnotes: [], summary: [] }, highlightsOn: false, painted: 0, hostname: 'news.example' });
    render(<Popup tabId={3} />, root);
    await until(() => $('#analyse-anyway'));
    expect($('#status')!.textContent).toContain('does not look like an article');
    answer(ready(a));
    $('#analyse-anyway')!.click();
    await until(() => $('#actors'));
    expect(sendMessage).toHaveBeenCalledWith('analyzeAnyway', undefined, 3);
  });

  it('says when the analysis failed, with a retry', async () => {
    answer({ status: 'error', analysis: null, highlightsOn: false, painted: 0, hostname: 'x.example', error: 'boom' });
    render(<Popup tabId={3} />, root);
    await until(() => $('#retry'));
    expect($('#status')!.textContent).toBe('Sift could not analyse this page: boom');
    expect($('#title')!.textContent).toBe('The analysis failed');
  });

  it('says when the page is still loading, then when Sift cannot run on a finished page', async () => {
    answer(new Error('Could not establish connection. Receiving end does not exist.'));
    isTabLoading.mockResolvedValue(true);
    render(<Popup tabId={3} />, root);
    await until(() => $('#status')?.textContent?.includes('still loading'));
    isTabLoading.mockResolvedValue(false);
    await until(() => $('#status')?.textContent?.includes('do not let extensions'));
    expect($('#title')!.textContent).toBe('Sift cannot run here');
  });

  it('says when Sift is off on the site, with the way back', async () => {
    answer({ status: 'site-disabled', analysis: null, highlightsOn: false, painted: 0, hostname: 'www.example.com' });
    render(<Popup tabId={3} />, root);
    await until(() => $('#site-on'));
    expect($('#title')!.textContent).toBe('example.com');
  });

  it('warns on pages in a language the analysis is not built for', async () => {
    const a = sample();
    a.article = { ...a.article!, lang: 'de' };
    answer(ready(a));
    render(<Popup tabId={3} />, root);
    await until(() => $('#lang-notice'));
    expect($('#lang-notice')!.textContent).toContain('German');
  });

  it('on an article in another language: says which, that nothing was painted, and analyses it on request', async () => {
    const language = { lang: 'fr', declared: 'en', title: 'Le port attendra le printemps', siteName: 'La Gazette' };
    answer({ status: 'other-language', analysis: null, highlightsOn: false, painted: 0, hostname: 'gazette.example', language });
    render(<Popup tabId={3} />, root);
    await until(() => $('#analyse-anyway'));
    expect($('#status')!.textContent).toBe('This article is in French.');
    expect($('#lang-notice')!.textContent).toContain('built for English');
    expect($('#title')!.textContent).toBe('Le port attendra le printemps');
    expect($('#meta')!.textContent).toBe('La Gazette');
    const a = sample();
    a.article = { ...a.article!, lang: 'fr' };
    answer(ready(a));
    $('#analyse-anyway')!.click();
    await until(() => $('#actors'));
    expect(sendMessage).toHaveBeenCalledWith('analyzeAnyway', undefined, 3);
    // Analysed anyway, the popup still says the analysis is not built for the page's language.
    expect($('#lang-notice')!.textContent).toContain('French');
  });

  it('says in French when the article is in another language', async () => {
    useLanguage(loadMessages('fr'), 'fr');
    answer({ status: 'other-language', analysis: null, highlightsOn: false, painted: 0, hostname: 'zeitung.example', language: { lang: 'de', declared: null, title: null, siteName: null } });
    render(<Popup tabId={3} />, root);
    await until(() => $('#analyse-anyway'));
    expect($('#status')!.textContent).toBe('Cet article est en allemand.');
    expect($('#lang-notice')!.textContent).toContain('conçue pour l’anglais');
    expect($('#title')!.textContent).toBe('zeitung.example');
  });

  it('speaks French when the browser does, with no string left untranslated', async () => {
    useLanguage(loadMessages('fr'), 'fr');
    answer(ready(sample()));
    render(<Popup tabId={3} />, root);
    await until(() => $('#footnotes'));
    expect($('#actors-h')!.textContent).toMatch(/^Acteurs/);
    expect($('#claims-h')!.textContent).toContain('Chiffres avancés');
    expect($('#reading-time')!.textContent).toBe('2 min de lecture');
    expect($('#meta')!.textContent).toContain('14 oct. 2026');
    // No message key shows through, and nothing fell back to English headings.
    expect(root.textContent).not.toMatch(/\b(popup|options|type|kind|hint)[A-Z]\w+/);
    expect(root.textContent).not.toMatch(/Numeric claims|Footnotes|Show in page/);
  });
});

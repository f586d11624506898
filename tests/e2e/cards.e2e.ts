import { test, expect, forgetRequests, remoteRequests } from './harness/fixtures';
import { waitFor } from './harness/driver';
import { readHighlights, waitForHighlights } from './helpers';
import { hostCount, highlightPoint, hover, messenger, parsedSource, readCard, serializedDom, waitForCard, waitForNoCard } from './cards-helpers';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO } from './harness/fixtures';
import { TYPE_KEY } from '@/lib/cards/content';
import { buildTargetIndex } from '@/lib/cards/targets';
import { paletteHighlightName } from '@/lib/paint/palette';

// The in-page reading experience (issues 4, 6, 9; promises 2, 4, 5 of issue 11): hover and focus
// cards, keyboard steps, hostile pages, dark pages, and a page left exactly as it was. Each test
// runs in Chromium and in Firefox. The card's closed shadow root is read through the automation
// protocol (PageHandle.evaluateInShadow); the page itself cannot see into it.

const MESSAGES = JSON.parse(readFileSync(path.join(REPO, 'public/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;
const isWikidata = (href: string | null) => !!href && /^https:\/\/www\.wikidata\.org\/wiki\/Q\d+$/.test(href);

test('hovering an actor shows its card: name, type, background, mentions, a link opened only on click', async ({ harness }) => {
  const page = await harness.driver.newPage();
  await page.goto(harness.server.url('palmyra'));
  await waitForHighlights(page, 'sift-actor-person');
  const m = await messenger(harness.driver, page);
  const { analysis } = await m.state();
  const actor = analysis!.actors.find((a) => a.mentions.some((x) => x.text === 'Putin'))!;
  expect(actor, 'an actor mentioned as "Putin"').toBeTruthy();

  const requestsBefore = harness.driver.requests.length;
  await hover(page, await highlightPoint(page, paletteHighlightName(actor.type, 'light'), 'Putin'));
  const card = await waitForCard(page, 'actor card', (c) => c.kind === 'actor' && !c.descMuted);
  expect(card.name).toBe(actor.name);
  expect(card.type).toBe(MESSAGES[TYPE_KEY[actor.type]].message);
  expect(card.count).toBe(actor.mentions.length === 1 ? '1 mention in this article' : `${actor.mentions.length} mentions in this article`);
  expect(card.desc.length).toBeGreaterThan(10); // the knowledge base's one line, loaded for the card
  expect(card.scheme).toBe('light');
  expect(card.markup).toBe(0);
  // The card sits in the top layer of the page, inside the viewport, and nothing took focus.
  expect(card.host.topElementIsHost).toBe(true);
  expect(card.host.popoverOpen).toBe(true);
  expect(card.rect.left).toBeGreaterThanOrEqual(0);
  expect(card.rect.top).toBeGreaterThanOrEqual(0);
  expect(card.rect.left + card.rect.width).toBeLessThanOrEqual(card.viewport.width);
  expect(card.rect.top + card.rect.height).toBeLessThanOrEqual(card.viewport.height);
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);

  // The link: https only, its address shown as text, a new tab, no referrer; nothing fetched on hover.
  const link = card.links.find((l) => isWikidata(l.href));
  expect(link, 'a Wikidata link').toBeTruthy();
  expect(link!.text).toBe(link!.href);
  expect(link!.target).toBe('_blank');
  expect(link!.rel).toBe('noopener noreferrer');
  expect(harness.driver.requests.slice(requestsBefore).filter((u) => !u.startsWith(harness.server.origin))).toEqual([]);
  await page.screenshot(harness.shot('card-actor'));

  // Into the card (it stays), then a real click on the link reaches it. The test cancels the
  // navigation itself so that nothing leaves the machine.
  await page.evaluateInShadow('sift-card', (root) => {
    const a = root.querySelector('a') as HTMLAnchorElement;
    a.addEventListener('click', (e) => {
      e.preventDefault();
      a.setAttribute('data-test-clicked', String(e.isTrusted));
    });
  });
  await page.mouseMove(link!.x, link!.y);
  await new Promise((r) => setTimeout(r, 600)); // longer than the hide delay
  expect(await readCard(page)).not.toBeNull();
  // Hovering the card and its link sent nothing out, from any context.
  expect(remoteRequests(harness)).toEqual([]);
  await page.mouseClick(link!.x, link!.y);
  await waitFor('the click on the card link', () => page.evaluateInShadow('sift-card', (root) => root.querySelector('a')?.getAttribute('data-test-clicked') === 'true'));
  // Chromium preconnects to a link's host when the user presses on it (its own speculation, before
  // the page's click handler runs): the user's click, not Sift, so it is not held against Sift.
  // The preconnect may reach the proxy a moment after the click: give it that moment.
  await new Promise((r) => setTimeout(r, 500));
  forgetRequests(harness, (e) => e === 'CONNECT www.wikidata.org:443');

  // Away from any highlight: the card goes, and its host with it.
  await page.mouseMove(5, 5);
  await waitForNoCard(page);
  expect(page.errors).toEqual([]);
  await m.close();
  await page.close();
});

test('footnote cards: the note on hover and on focus of a linked marker; "no note" for plain markers', async ({ harness }) => {
  const page = await harness.driver.newPage();
  await page.goto(harness.server.url('sample-article'));
  await waitForHighlights(page, 'sift-footnote');

  // Hover the first marker.
  await hover(page, await highlightPoint(page, 'sift-footnote', '1'));
  let card = await waitForCard(page, 'footnote 1 on hover', (c) => c.kind === 'footnote');
  expect(card.note).toContain('World Food Programme, Horn of Africa market monitor');
  expect(card.links.map((l) => l.href)).toEqual(['https://example.org/wfp-market-monitor']);
  await page.mouseMove(5, 5);
  await waitForNoCard(page);

  // Focus a marker link from the keyboard: the card shows, focus stays on the link, the note is announced.
  await page.focus('#fnref4 a');
  card = await waitForCard(page, 'footnote 4 on focus', (c) => c.kind === 'footnote' && c.live.length > 0);
  expect(card.note).toContain('OCHA Financial Tracking Service');
  expect(card.count).toContain('2'); // note 4 is cited twice
  expect(card.live).toContain('OCHA Financial Tracking Service');
  expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.getAttribute('href'))).toBe('#fn4');
  await page.screenshot(harness.shot('card-footnote-focus'));
  await page.evaluate(() => (document.activeElement as HTMLElement).blur());
  await waitForNoCard(page);

  // The founding article has plain [n] markers and no notes: the card says so.
  await page.goto(harness.server.url('palmyra'));
  await waitForHighlights(page, 'sift-footnote');
  await hover(page, await highlightPoint(page, 'sift-footnote', '[1]'));
  card = await waitForCard(page, 'a footnote without a note', (c) => c.kind === 'footnote');
  expect(card.noteMuted).toBe(true);
  expect(card.note).toBe('The page shows this marker but no note for it.');
  expect(card.links).toEqual([]);
  expect(page.errors).toEqual([]);
  await page.close();
});

test('the keyboard command steps through the highlights in reading order; Escape closes the card', async ({ harness }) => {
  const page = await harness.driver.newPage();
  await page.goto(harness.server.url('sample-article'));
  await waitForHighlights(page, 'sift-footnote');
  const m = await messenger(harness.driver, page);
  const { analysis } = await m.state();
  const { targets } = buildTargetIndex(analysis!);
  const text = analysis!.article!.text;

  const first = await m.send('stepHighlight', { direction: 'next' });
  expect(first).toEqual({ position: 1, total: targets.length });
  let card = await waitForCard(page, 'the first highlight', (c) => c.live.length > 0);
  expect(card.live).toContain(`1 of ${targets.length}`);
  expect(card.text).toContain(`1 of ${targets.length}`);
  // The flash marks the same span the card explains, scrolled into view.
  const flash = await waitFor('the flash', async () => (await readHighlights(page))['sift-flash']?.[0]);
  expect(flash).toBe(text.slice(targets[0].start, targets[0].end));

  for (let i = 2; i <= 4; i++) expect(await m.send('stepHighlight', { direction: 'next' })).toEqual({ position: i, total: targets.length });
  card = await waitForCard(page, 'the fourth highlight', (c) => c.live.includes(`4 of ${targets.length}`));
  const fourth = targets[3];
  const fourthText = text.slice(fourth.start, fourth.end);
  if (fourth.kind === 'actor') expect(card.name).toBe(analysis!.actors[fourth.index].name);
  if (fourth.kind === 'claim') expect(card.text).toContain(fourthText);
  const inView = await page.evaluate((s) => {
    const r = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('sift-flash');
    let ok = false;
    r?.forEach((range) => {
      const b = range.getBoundingClientRect();
      ok = range.toString() === s && b.top >= 0 && b.bottom <= innerHeight;
    });
    return ok;
  }, fourthText);
  expect(inView).toBe(true);
  await page.screenshot(harness.shot('card-keyboard-step'));

  expect(await m.send('stepHighlight', { direction: 'previous' })).toEqual({ position: 3, total: targets.length });
  await waitForCard(page, 'back to the third', (c) => c.text.includes(`3 of ${targets.length}`));

  await page.press('Escape');
  await waitForNoCard(page);
  expect(await hostCount(page)).toBe(0);

  // Highlights off: nothing to step through.
  await m.send('setTabHighlights', false);
  expect(await m.send('stepHighlight', { direction: 'next' })).toBeNull();
  expect(await hostCount(page)).toBe(0);
  expect(page.errors).toEqual([]);
  await m.close();
  await page.close();
});

test('a hostile page (all: unset !important, hidden popovers, broken built-ins, strict CSP with Trusted Types) still gets readable cards', async ({ harness }) => {
  const page = await harness.driver.newPage();
  await page.goto(harness.server.url('cards-hostile'));
  const h = await waitForHighlights(page, 'sift-actor-person');
  expect(h['sift-actor-person']).toEqual(expect.arrayContaining(['Vladimir Putin']));
  // The page world is broken as intended.
  expect(await page.evaluate(() => { try { JSON.parse('1'); return 'works'; } catch { return 'broken'; } })).toBe('broken');
  // Its CSP holds Trusted Types with no policy (Chromium enforces them; Firefox ESR 140 has none):
  // the analyser's scripts, which the content script imports from the package, came all the same.
  if (harness.driver.name === 'chromium') {
    expect(await page.evaluate(() => { try { document.createElement('div').innerHTML = '<b>x</b>'; return 'allowed'; } catch { return 'refused'; } })).toBe('refused');
  }

  await hover(page, await highlightPoint(page, 'sift-actor-person', 'Vladimir Putin'));
  const card = await waitForCard(page, 'actor card on a hostile page', (c) => c.kind === 'actor');
  expect(card.name).toBe('Vladimir Putin');
  // Readable: our styles, not the page's.
  expect(card.style).toMatchObject({ display: 'block', position: 'absolute', background: 'rgb(255, 255, 255)', color: 'rgb(27, 28, 31)', fontSize: '14px', visibility: 'visible', opacity: '1' });
  expect(card.style.fontFamily).toContain('system-ui');
  expect(card.rect.width).toBeGreaterThanOrEqual(200);
  expect(card.rect.height).toBeGreaterThan(60);
  expect(card.host.display).toBe('block');
  expect(card.host.position).toBe('fixed');
  expect(card.host.topElementIsHost).toBe(true);
  await page.screenshot(harness.shot('card-hostile'));
  await page.mouseMove(5, 5);
  await waitForNoCard(page);

  // A note carrying markup and a javascript: link: text only, nothing runs, nothing clickable.
  await page.focus('#r2 a');
  const note = await waitForCard(page, 'footnote 2 on a hostile page', (c) => c.kind === 'footnote');
  expect(note.note).toContain('<svg onload="window.pwned=2">');
  expect(note.markup).toBe(0);
  // The javascript: link is never clickable (the footnote stage may drop it; the card would show it as text).
  expect(note.links).toEqual([]);
  // oxlint-disable-next-line no-script-url -- the hostile payload under test, compared as text
  expect(note.unsafe.every((u) => u.startsWith('javascript:'))).toBe(true);
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned ?? null)).toBeNull();
  await page.close();
});

test('toggling the highlights off restores the page exactly, with a card open before', async ({ harness }) => {
  const page = await harness.driver.newPage();
  await page.goto(harness.server.url('sample-article'));
  await waitForHighlights(page, 'sift-footnote');
  // Painting changed no node: the live DOM is the source as parsed.
  const before = await serializedDom(page);
  expect(before).toBe(await parsedSource(page));

  await hover(page, await highlightPoint(page, 'sift-footnote', '1'));
  await waitForCard(page, 'a card');
  expect(await serializedDom(page)).not.toBe(before); // the host is there while the card shows
  // Text selection with the mouse still works across highlights…
  const para = await page.evaluate(() => {
    let p: Element | null = null;
    document.querySelectorAll('article p').forEach((x) => {
      if (!p && x.textContent!.startsWith('Donors have been slow')) p = x;
    });
    if (!p) throw new Error('no paragraph');
    p = p as Element;
    p.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    const r = document.createRange();
    r.selectNodeContents(p);
    const rects = r.getClientRects();
    const a = rects[0];
    const b = rects[rects.length - 1];
    return { from: { x: a.left + 1, y: a.top + a.height / 2 }, to: { x: b.right - 1, y: b.top + b.height / 2 } };
  });
  await page.mouseDrag(para.from, para.to);
  const selected = await page.evaluate(() => getSelection()!.toString());
  expect(selected).toContain('United Nations Office for the Coordination of Humanitarian Affairs appealed for $2.6 billion');
  await page.evaluate(() => getSelection()!.removeAllRanges());
  // …and a link under a highlight is still a link.
  const marker = await page.evaluate(() => {
    const a = document.querySelector('#fnref4 a')!;
    const b = a.getBoundingClientRect();
    return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
  });
  await page.mouseClick(marker.x, marker.y);
  await waitFor('the marker link to navigate', () => page.evaluate(() => location.hash === '#fn4'));

  const m = await messenger(harness.driver, page);
  await m.send('toggleHighlights');
  await waitFor('highlights cleared', async () => Object.keys(await readHighlights(page)).length === 0);
  await waitForNoCard(page);
  await page.evaluate(() => getSelection()!.removeAllRanges());
  expect(await serializedDom(page)).toBe(before);
  // And on again: highlights back, the DOM still untouched.
  await m.send('toggleHighlights');
  await waitForHighlights(page, 'sift-footnote');
  expect(await serializedDom(page)).toBe(before);
  expect(await page.evaluate(() => (document.querySelector('#fnref1 a') as HTMLAnchorElement).href.endsWith('#fn1'))).toBe(true);
  expect(page.errors).toEqual([]);
  await m.close();
  await page.close();
});

test('a dark page gets the dark-page palette and a dark card; a light page does not', async ({ harness }) => {
  const page = await harness.driver.newPage();
  await page.goto(harness.server.url('dark-article'));
  const h = await waitForHighlights(page, 'sift-actor-person-dark');
  const names = Object.keys(h);
  // (Where lines are not drawn, the untinted categories' names end in -dark-tint.)
  expect(names.filter((n) => !/-dark(?:-tint)?$/.test(n))).toEqual([]);
  expect(h['sift-actor-person-dark']).toEqual(expect.arrayContaining(['Vladimir Putin']));

  await hover(page, await highlightPoint(page, 'sift-actor-person-dark', 'Dmitry Peskov'));
  const card = await waitForCard(page, 'a dark card', (c) => c.kind === 'actor');
  expect(card.scheme).toBe('dark');
  expect(card.style.background).toBe('rgb(31, 35, 41)');
  expect(card.style.color).toBe('rgb(236, 239, 243)');
  await page.screenshot(harness.shot('card-dark'));
  await page.mouseMove(5, 5);
  await waitForNoCard(page);

  // The footnote marker on the dark page, by keyboard focus.
  await page.focus('#ref-1 a');
  const note = await waitForCard(page, 'a dark footnote card', (c) => c.kind === 'footnote');
  expect(note.scheme).toBe('dark');
  expect(note.links.map((l) => l.href)).toEqual(['https://example.org/crossing-count']);

  await page.goto(harness.server.url('sample-article'));
  const light = await waitForHighlights(page, 'sift-footnote');
  expect(Object.keys(light).filter((n) => /-dark(?:-tint)?$/.test(n))).toEqual([]);
  expect(page.errors).toEqual([]);
  await page.close();
});

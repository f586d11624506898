import { test, expect } from './harness/fixtures';
import { waitFor } from './harness/driver';
import { categoryName, count, highlightsInside, paintedPixels, readHighlights, text, waitForHighlights, waitForSelector } from './helpers';

// The foundation, as a reader meets it: the founding article highlighted, the popup, the switches,
// a page that is not an article. Each test runs in Chromium and in Firefox (see playwright.config).

test('highlights the founding article inside the article only', async ({ harness }) => {
  const page = await harness.driver.newPage();
  await page.goto(harness.server.url('palmyra'));
  const h = await waitForHighlights(page, 'sift-actor-armed-group');
  expect(h['sift-actor-armed-group']).toEqual(expect.arrayContaining(['ISIL', 'PKK', 'Jamaatul Ahrar']));
  expect(h['sift-actor-person']).toEqual(expect.arrayContaining(['Bashar al-Assad', 'Putin', 'Rami Abdulrahman', 'Dmitry Peskov']));
  expect(h['sift-actor-media']).toEqual(['DEBKAfile']);
  expect(h['sift-claim']).toEqual(expect.arrayContaining(['around 30 people', 'at least 70 people', '400 of their fighters', 'at least 40 sorties', 'at least 20% of its territory']));
  expect(h['sift-footnote']).toHaveLength(14); // [1]–[13], with [5] cited twice
  // Never in comments, sidebars, related stories or navigation.
  expect(await highlightsInside(page, '#comments, aside, .jp-relatedposts, nav, .site-footer')).toEqual([]);
  expect(page.errors).toEqual([]);
  await page.screenshot(harness.shot('palmyra-page'));
  await page.close();
});

// Every category must show on the page, not only be registered: a style the browser does not paint
// (Firefox before 146 draws no text-decoration in ::highlight()) would leave a category invisible.
test('every highlighted category changes the pixels of its text', async ({ harness }) => {
  const page = await harness.driver.newPage();
  await page.setViewport(1200, 800);
  await page.goto(harness.server.url('palmyra'));
  await waitForHighlights(page, 'sift-actor-armed-group');
  const painted = await paintedPixels(page);
  // Where lines are not drawn, some categories are registered under their -tint names.
  const categories = Object.keys(painted).map(categoryName);
  expect(categories).toEqual(expect.arrayContaining(['sift-actor-country', 'sift-actor-place', 'sift-actor-person', 'sift-claim', 'sift-footnote']));
  console.log(`[${harness.driver.name}] pixels changed per highlight: ${JSON.stringify(painted)}`);
  for (const [name, pixels] of Object.entries(painted)) expect(pixels, `${name}: pixels changed by its highlight`).toBeGreaterThanOrEqual(20);
  expect(page.errors).toEqual([]);
  await page.close();
});

// The claims and footnote markers do not need the knowledge base: they are painted as soon as they
// are found, and the actors follow once the tagger has run.
test('the claims and footnote markers show first, then the actors', async ({ harness }) => {
  const page = await harness.driver.newPage();
  await page.goto(harness.server.url('generated/palmyra-frames.html'));
  await waitForHighlights(page, 'sift-actor-person');
  const seen = (await page.evaluate(() => (window as unknown as { __siftFrames: string[][] }).__siftFrames)).map((names) => names.map(categoryName));
  const first = seen.find((names) => names.length > 0);
  expect(first).toEqual(['sift-claim', 'sift-footnote']);
  expect(seen.at(-1)).toEqual(expect.arrayContaining(['sift-claim', 'sift-footnote', 'sift-actor-person', 'sift-actor-armed-group']));
  expect(page.errors).toEqual([]);
  await page.close();
});

// The content script runs once the document is parsed: a page whose embedded frame (an ad, a
// player) is still arriving is highlighted before its load event (the frame here takes 2.5 s).
test('highlights do not wait for the page to finish loading', async ({ harness }) => {
  const page = await harness.driver.newPage();
  await page.goto(harness.server.url('generated/palmyra-slow-frame.html'));
  const atLoad = (await page.evaluate(() => (window as unknown as { __siftAtLoad?: string[] }).__siftAtLoad))?.map(categoryName);
  expect(atLoad).toEqual(expect.arrayContaining(['sift-claim', 'sift-footnote']));
  await waitForHighlights(page, 'sift-actor-person');
  expect(page.errors).toEqual([]);
  await page.close();
});

// A page that its script builds at the load event is an empty shell when the content script first
// looks: it is looked at again once it has loaded.
// A long article's highlights are registered near the screen only (lib/paint/near-viewport.ts): the
// paint of them all was the content script's longest task on the 10,000-word page. The reader must
// not notice: wherever they scroll, the text on screen is highlighted.
test('a long article is highlighted wherever the reader scrolls, with only the ranges near the screen registered', async ({ harness }) => {
  const page = await harness.driver.newPage();
  await page.setViewport(1200, 800);
  await page.goto(harness.server.url('generated/long-5000.html'));
  await waitForHighlights(page, 'sift-claim');
  // Where the registered ranges are, in screen heights from the top of the screen, and how many
  // claims are on the screen (the fixture repeats paragraphs with numbers all the way down).
  const where = () =>
    page.evaluate(() => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      const tops: number[] = [];
      registry.forEach((h) => h.forEach((r) => tops.push(r.getBoundingClientRect().top / innerHeight)));
      const claims = Array.from(registry.get('sift-claim') ?? []).filter((r) => {
        const b = r.getBoundingClientRect();
        return b.top >= 0 && b.bottom <= innerHeight;
      }).length;
      return { n: tops.length, min: Math.min(...tops), max: Math.max(...tops), claims };
    });
  const atTop = await where();
  expect(atTop.claims).toBeGreaterThan(0);
  // Up to a screen height around the screen (the block a range is in may reach a little further).
  expect(atTop.max).toBeLessThan(2.5);
  const height = await page.evaluate(() => document.documentElement.scrollHeight / innerHeight);
  expect(height).toBeGreaterThan(6);
  for (const at of [0.5, 1]) {
    await page.evaluate((f) => window.scrollTo(0, f * (document.documentElement.scrollHeight - innerHeight)), at);
    const there = await waitFor(`claims highlighted on screen at ${at * 100}% of the article`, async () => {
      const w = await where();
      return w.claims > 0 && w.min > -2.5 ? w : null;
    });
    expect(there.max).toBeLessThan(2.5);
  }
  expect(page.errors).toEqual([]);
  await page.close();
});

test('an article that the page builds at its load event is analysed', async ({ harness }) => {
  const page = await harness.driver.newPage();
  await page.goto(harness.server.url('generated/palmyra-built-at-load.html'));
  const seen = await waitForHighlights(page, 'sift-actor-person');
  expect(seen['sift-claim']).toEqual(expect.arrayContaining(['400 of their fighters']));
  const popup = await harness.driver.openPopup(page);
  // The first screen comes first; the claims and footnotes below it in the next task.
  await waitForSelector(popup, '#actors');
  await waitForSelector(popup, '#footnotes');
  expect(await text(popup, '#title')).toBe('The Assad regime retakes Palmyra from ISIL');
  await popup.close();
  expect(page.errors).toEqual([]);
  await page.close();
});

test('popup shows the analysis and its switches toggle the highlights', async ({ harness }) => {
  const page = await harness.driver.newPage();
  await page.goto(harness.server.url('palmyra'));
  await waitForHighlights(page);
  const popup = await harness.driver.openPopup(page);
  // The first screen comes first; the claims and footnotes below it in the next task.
  await waitForSelector(popup, '#actors');
  await waitForSelector(popup, '#footnotes');
  expect(await text(popup, '#title')).toBe('The Assad regime retakes Palmyra from ISIL');
  expect(await count(popup, '#summary li')).toBeGreaterThanOrEqual(2);
  expect(await text(popup, '#actors')).toContain('Islamic State');
  expect(await text(popup, '#claims')).toContain('400 of their fighters');
  expect(await count(popup, '#footnotes li.footnote')).toBe(13);
  expect(await count(popup, '#footnotes .note.missing')).toBe(13);
  await popup.screenshot(harness.shot('palmyra-popup'), { fullPage: true });

  // The toolbar badge counts the actors highlighted in this tab.
  const badge = () =>
    popup.evaluate(async () => {
      const api = ((globalThis as { browser?: unknown }).browser ?? (globalThis as { chrome?: unknown }).chrome) as {
        action: { getBadgeText(d: { tabId: number }): Promise<string> };
      };
      return api.action.getBadgeText({ tabId: Number(new URLSearchParams(location.search).get('tabId')) });
    });
  const actorCount = await text(popup, '#actors-h .count');
  await waitFor('the badge', async () => (await badge()) === actorCount);

  // All highlights off in this tab, then on again.
  await popup.click('#toggle-highlights');
  await waitFor('highlights cleared', async () => Object.keys(await readHighlights(page)).length === 0);
  await waitFor('the badge cleared', async () => (await badge()) === '');
  await popup.click('#toggle-highlights');
  await waitForHighlights(page);

  // One category off (a setting): its highlight disappears, the others stay.
  await popup.click('details.categories summary');
  await popup.click('input[data-category="claim"]');
  await waitFor('claims hidden', async () => {
    const h = await readHighlights(page);
    return !h['sift-claim'] && (h['sift-actor-person']?.length ?? 0) > 0;
  });
  await popup.click('input[data-category="claim"]');
  await waitForHighlights(page, 'sift-claim');

  // Clicking an actor scrolls the page to it and flashes it.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await popup.click('#actors .actor-name');
  await waitFor('the flash highlight', async () => ((await readHighlights(page))['sift-flash']?.length ?? 0) === 1);
  await popup.close();
  await page.close();
});

test('a page that is not an article is left alone, and "Analyse anyway" works', async ({ harness }) => {
  const page = await harness.driver.newPage();
  await page.goto(harness.server.url('news-front'));
  const popup = await harness.driver.openPopup(page);
  await waitForSelector(popup, '#analyse-anyway');
  expect(await text(popup, '#status')).toContain('does not look like an article');
  expect(await readHighlights(page)).toEqual({});
  await popup.screenshot(harness.shot('news-front-popup'));
  await popup.click('#analyse-anyway');
  await waitForSelector(popup, '#claims');
  await popup.close();
  await page.close();
});

test('footnotes with notes and links on a page of our own', async ({ harness }) => {
  const page = await harness.driver.newPage();
  await page.goto(harness.server.url('sample-article'));
  await waitForHighlights(page, 'sift-footnote');
  await page.screenshot(harness.shot('sample-page'));
  const popup = await harness.driver.openPopup(page);
  await waitForSelector(popup, '#footnotes li.footnote');
  expect(await count(popup, '#footnotes li.footnote')).toBe(5);
  expect(await count(popup, '#footnotes .links a[target="_blank"]')).toBe(3);
  expect(await text(popup, '#footnotes li[data-label="4"] .note')).toContain('OCHA Financial Tracking Service');
  await popup.screenshot(harness.shot('sample-popup'), { fullPage: true });
  await popup.close();
  await page.close();
});

test('re-analyses after a single-page-app navigation', async ({ harness }) => {
  const page = await harness.driver.newPage();
  await page.goto(harness.server.url('spa'));
  const first = await waitForHighlights(page);
  expect(first['sift-claim']).toEqual(expect.arrayContaining(['6 percent']));
  await page.evaluate(() => (document.querySelector('a[data-story="b"]') as HTMLAnchorElement).click());
  const second = await waitFor('highlights of the new story', async () => {
    const h = await readHighlights(page);
    return h['sift-claim']?.some((c) => c.includes('$2.1 billion')) ? h : null;
  });
  expect(second['sift-claim']).not.toContain('6 percent');
  expect(page.errors).toEqual([]);
  await page.close();
});

import { test, expect } from './harness/fixtures';
import { waitFor } from './harness/driver';
import { readHighlights, text, waitForHighlights, waitForSelector } from './helpers';

// Pages in other languages (issue 11, promise 8): an article Sift's analysis is not built for is
// left alone — nothing painted, the popup says which language it is in and offers "Analyse
// anyway" — whether the page declares no language or declares English by template. English pages
// are highlighted as before, with or without a declaration. Chromium and Firefox.

for (const [fixture, how] of [
  ['french-article', 'no lang attribute'],
  ['french-article-lang-en', 'lang="en" declared wrongly'],
] as const) {
  test(`a French article (${how}) is not highlighted; the popup says why; "Analyse anyway" paints`, async ({ harness }) => {
    const page = await harness.driver.newPage();
    await page.goto(harness.server.url(fixture));
    const popup = await harness.driver.openPopup(page);
    await waitForSelector(popup, '.other-language #analyse-anyway');
    expect(await text(popup, '#status')).toBe('This article is in French.');
    expect(await text(popup, '#lang-notice')).toContain('built for English');
    expect(await text(popup, '#title')).toContain('Sécheresse');
    // The decision is made: nothing is painted, now or a moment later.
    expect(await readHighlights(page)).toEqual({});
    await new Promise((r) => setTimeout(r, 750));
    expect(await readHighlights(page)).toEqual({});
    await popup.screenshot(harness.shot(`${fixture}-popup`));

    // On request Sift reads it anyway, paints it, and the popup keeps saying it is not English.
    await popup.click('#analyse-anyway');
    await waitForHighlights(page, 'sift-claim');
    await waitForSelector(popup, '#claims');
    expect(await text(popup, '#lang-notice')).toContain('French');
    // The page's own scripts saw no error.
    expect(page.errors).toEqual([]);
    await popup.close();
    await page.close();
  });
}

test('English articles are still highlighted, with or without a declared language', async ({ harness }) => {
  for (const url of [harness.server.url('sample-article'), `${harness.server.origin}/generated/sample-no-lang.html`]) {
    const page = await harness.driver.newPage();
    await page.goto(url);
    const h = await waitForHighlights(page, 'sift-claim');
    expect(Object.keys(h).length).toBeGreaterThan(2);
    const popup = await harness.driver.openPopup(page);
    await waitForSelector(popup, '#actors');
    expect(await popup.evaluate(() => document.querySelector('#lang-notice'))).toBeNull();
    await waitFor('the popup to stay on the analysis', async () => (await text(popup, '#claims')).length > 0);
    await popup.close();
    await page.close();
  }
});

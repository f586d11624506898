import { test, expect, forgetRequests, launchBrowser, remoteRequests, type Harness } from './harness/fixtures';
import { waitFor, type PageHandle } from './harness/driver';
import { readHighlights, text, waitForHighlights, waitForSelector } from './helpers';
import { highlightPoint, hover, messenger, waitForCard, waitForNoCard } from './cards-helpers';
import { GECKO_ID } from './harness/firefox';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// Issue 11 in the real browsers, each test in Chromium and in Firefox: page text never becomes
// HTML (promise 2), the page cannot command Sift (3), nothing leaves the machine from any of Sift's
// contexts (6), and hostile or odd pages (8). The hostile-CSS/broken-built-ins page (4) and the
// exact DOM restore (5) are in cards.e2e.ts, the React page (5) in react-hydration.e2e.ts, other
// languages (8) in language.e2e.ts; the extension reload (8) and the browser restart (9) are below.

/** Payload globals and server hits: the proof that nothing ran. */
async function expectNothingRan(h: Harness, ...pages: PageHandle[]) {
  for (const p of pages) expect(await p.evaluate(() => (window as unknown as { siftPwned?: string[] }).siftPwned ?? null), `payloads run in ${p.url()}`).toBeNull();
  expect(h.server.pwned, 'payload images requested').toEqual([]);
}

/** Elements and attributes that only markup from page text could have made in an extension page. */
function injectedMarkup(page: PageHandle) {
  return page.evaluate(() => {
    const found: string[] = [];
    document.querySelectorAll('*').forEach((el) => {
      for (const a of Array.from(el.attributes)) if (/^on/i.test(a.name)) found.push(`${el.tagName} ${a.name}`);
      if (/^(IMG|IFRAME|OBJECT|EMBED|FRAME)$/.test(el.tagName)) found.push(el.tagName);
      if (el.tagName === 'SCRIPT' && !el.hasAttribute('src')) found.push('inline SCRIPT');
      if (el.tagName.toLowerCase() === 'svg' && el.getAttribute('aria-hidden') !== 'true') found.push('svg');
    });
    document.querySelectorAll('a[href]').forEach((a) => {
      const href = a.getAttribute('href')!.trim().toLowerCase();
      if (!/^(https:|http:|#)/.test(href)) found.push(`link ${href.slice(0, 40)}`);
    });
    return found;
  });
}

test('page text carrying markup stays text in the cards and the popup, and nothing runs', async ({ harness }) => {
  const page = await harness.driver.newPage();
  await page.goto(harness.server.url('security-xss'));
  await waitForHighlights(page, 'sift-footnote');
  const m = await messenger(harness.driver, page);
  const { analysis } = await m.state();
  const a = analysis!;
  // The page's text reached the Analysis as it is, markup and all.
  expect(a.article!.title).toContain('<img src=');
  expect(a.article!.byline).toContain('<img src=');
  expect(a.footnotes[0].note!.text).toContain('<img src=');
  expect(a.footnotes[1].note!.text).toContain('<svg onload=');
  expect(a.claims.find((c) => c.text === 'at least 40 people')!.sentence).toContain('<svg onload=');
  expect(a.actors.some((x) => x.name.includes('siftPwned'))).toBe(true);

  // The cards: an actor, a claim whose sentence carries a payload, and both footnote notes.
  await hover(page, await highlightPoint(page, 'sift-actor-person', 'Antonio Guterres'));
  let card = await waitForCard(page, 'the actor next to a payload', (c) => c.kind === 'actor');
  expect(card.markup).toBe(0);
  await page.mouseMove(5, 5);
  await waitForNoCard(page);
  await hover(page, await highlightPoint(page, 'sift-claim', 'at least 40 people'));
  card = await waitForCard(page, 'a claim', (c) => c.kind === 'claim');
  expect(card.markup).toBe(0);
  await page.mouseMove(5, 5);
  await waitForNoCard(page);
  for (const [ref, payload] of [['#ref1 a', '<img src='], ['#ref2 a', '<svg onload=']] as const) {
    await page.focus(ref);
    card = await waitForCard(page, `the note of ${ref}`, (c) => c.kind === 'footnote' && c.note.includes(payload));
    expect(card.markup).toBe(0);
    // Web addresses in a note's text are links by design; nothing else is.
    expect(card.links.filter((l) => !/^https?:\/\//.test(l.href ?? '')), JSON.stringify(card.links)).toEqual([]);
    await page.evaluate(() => (document.activeElement as HTMLElement).blur());
    await waitForNoCard(page);
  }

  // The popup: title, byline and site, actors, claims, summary and notes, all as text.
  const popup = await harness.driver.openPopup(page);
  await waitForSelector(popup, '#footnotes li.footnote');
  expect(await text(popup, '#title')).toBe(a.article!.title);
  expect(await text(popup, '#meta')).toContain('Mara Quell <img src=');
  expect(await text(popup, '#actors')).toContain('siftPwned');
  expect(await text(popup, '#summary')).toContain('<img src=');
  expect(await text(popup, '#footnotes')).toContain('<svg onload=');
  // Open every disclosure, so that everything the popup can show is in its DOM.
  await popup.evaluate(() => document.querySelectorAll<HTMLButtonElement>('button[aria-expanded="false"]').forEach((b) => b.click()));
  expect(await injectedMarkup(popup)).toEqual([]);
  await expectNothingRan(harness, page, popup);
  expect(popup.errors).toEqual([]);
  expect(page.errors).toEqual([]);
  await popup.close();
  await m.close();
  await page.close();
});

test('the page cannot command Sift: no runtime, forged window messages, WXT events, probing the package', async ({ harness }) => {
  const page = await harness.driver.newPage();
  await page.goto(harness.server.url('sample-article'));
  const before = await waitForHighlights(page, 'sift-footnote');
  const extensionId = harness.driver.name === 'firefox' ? GECKO_ID : new URL(harness.driver.extensionOrigin).host;
  const tried = await page.evaluate(async (id) => {
    const out: Record<string, string> = {};
    const g = globalThis as unknown as { chrome?: { runtime?: { sendMessage?: (...a: unknown[]) => unknown } }; browser?: unknown };
    // No messaging API reaches Sift from the page (no externally_connectable).
    out.runtime = typeof g.chrome?.runtime?.sendMessage === 'function' ? 'present' : 'absent';
    out.browser = typeof g.browser;
    if (out.runtime === 'present') {
      try {
        await g.chrome!.runtime!.sendMessage!(id, { id: 1, type: 'toggleHighlights', data: undefined, timestamp: Date.now() });
        out.sent = 'accepted';
      } catch (e) {
        out.sent = `refused: ${(e as Error).message}`;
      }
    }
    // Messages shaped like Sift's protocol, through the window.
    for (const type of ['toggleHighlights', 'setTabHighlights', 'analyzeAnyway', 'jumpTo']) {
      window.postMessage({ id: 7, type, data: type === 'setTabHighlights' ? false : undefined, timestamp: Date.now() }, '*');
    }
    // WXT's "a newer content script started" event, whose name (extension id + entrypoint) any
    // page can know: it must not switch Sift off.
    const started = `${id}:content:wxt:content-script-started`;
    document.dispatchEvent(new CustomEvent(started, { detail: { contentScriptName: 'content', messageId: 'page' } }));
    window.postMessage({ type: started, contentScriptName: 'content', messageId: 'page' }, '*');
    // The package's files are not at a guessable address.
    if (location.protocol === 'http:' && id.length === 32) {
      for (const file of ['kb/index.txt', 'analyzer.js', 'later.js', 'cards.js']) {
        out[`probe ${file}`] = await fetch(`chrome-extension://${id}/${file}`).then(
          (r) => `status ${r.status}`,
          () => 'blocked',
        );
      }
      // Nor can the page run the analyser's scripts in its own world.
      out.script = await new Promise<string>((resolve) => {
        const s = document.createElement('script');
        s.src = `chrome-extension://${id}/analyzer.js`;
        s.onload = () => resolve('loaded');
        s.onerror = () => resolve('blocked');
        document.head.append(s);
      });
    }
    return out;
  }, extensionId);
  expect(tried.runtime).toBe('absent');
  expect(tried.browser).toBe('undefined');
  if (harness.driver.name === 'chromium') {
    for (const file of ['kb/index.txt', 'analyzer.js', 'later.js', 'cards.js']) expect(tried[`probe ${file}`], file).toBe('blocked');
    expect(tried.script).toBe('blocked');
  }

  // Sift still answers its own popup and still highlights, exactly as before.
  await new Promise((r) => setTimeout(r, 500));
  const m = await messenger(harness.driver, page);
  const state = await m.state();
  expect(state.status).toBe('ready');
  expect(state.highlightsOn).toBe(true);
  expect(await readHighlights(page)).toEqual(before);
  expect(await m.send('setTabHighlights', false)).toMatchObject({ highlightsOn: false });
  await waitFor('highlights off by Sift itself', async () => Object.keys(await readHighlights(page)).length === 0);
  // Only the browser's refusal of the page's own probe.
  expect(page.errors.filter((e) => !/kb\/index\.txt|(?:analyzer|later|cards)\.js|net::ERR_FAILED/.test(e))).toEqual([]);
  await m.close();
  await page.close();
});

test('no request leaves the machine, from any context, and the harness would see one that did', async ({ harness }) => {
  // Normal use: an article, its cards' knowledge base, the popup and the options page.
  const page = await harness.driver.newPage();
  await page.goto(harness.server.url('palmyra'));
  await waitForHighlights(page, 'sift-actor-person');
  const popup = await harness.driver.openPopup(page);
  await waitForSelector(popup, '#actors');
  await waitFor('backgrounds loaded', async () => (await text(popup, '#actors-note')).length > 0);
  const options = await harness.driver.openExtensionPage('options.html');
  await waitForSelector(options, 'main');
  expect(remoteRequests(harness)).toEqual([]);

  // Canaries: one request to a non-local address from each kind of context. The proxy answers
  // them itself; nothing leaves the machine.
  const canary = (where: string) => `http://sift-canary.invalid/${where}`;
  const fetchFrom = (p: PageHandle, where: string) => p.evaluate((u) => fetch(u).then(() => 'sent', () => 'sent'), canary(where));
  await fetchFrom(page, 'page');
  await fetchFrom(popup, 'popup');
  await fetchFrom(options, 'options');
  await harness.driver.fetchFromBackground(canary('background'));
  const seen = await waitFor('the canaries', () => {
    const r = remoteRequests(harness);
    return ['page', 'popup', 'options', 'background'].every((w) => r.some((e) => e.includes(canary(w)))) ? r : null;
  });
  // The proxy sees every context, including the ones the automation protocol does not (Firefox's background page).
  for (const w of ['page', 'popup', 'options', 'background']) expect(seen.some((e) => e.startsWith('proxy: ') && e.includes(canary(w))), w).toBe(true);
  forgetRequests(harness, (e) => e.includes('sift-canary.invalid'));
  expect(remoteRequests(harness)).toEqual([]);
  await options.close();
  await popup.close();
  await page.close();
});

test('reloading or updating the extension with a tab open: no errors, the old copy torn down, one live copy', async ({ harness }) => {
  // A browser of its own: in Chromium the extension does not come back (see ExtensionDriver.reloadExtension).
  const driver = await launchBrowser(harness.driver.name, { proxy: harness.proxy.address });
  try {
    const page = await driver.newPage();
    await page.goto(harness.server.url('sample-article'));
    const before = await waitForHighlights(page, 'sift-footnote');
    await driver.reloadExtension();
    await page.bringToFront();
    if (driver.name === 'chromium') {
      // The orphaned copy removes its highlights and shows no card: nothing can command it any more.
      await waitFor('the orphaned copy to tear down', async () => Object.keys(await readHighlights(page)).length === 0, 5_000);
      await page.focus('#fnref4 a');
      const at = await page.evaluate(() => {
        const b = document.querySelector('#fnref1 a')!.getBoundingClientRect();
        return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
      });
      await hover(page, at);
      await new Promise((r) => setTimeout(r, 800));
      expect(await page.evaluate(() => document.querySelectorAll('sift-card').length)).toBe(0);
    } else {
      // Firefox puts the new version into open tabs: one copy answers and highlights, one card shows.
      // The highlights alone do not tell which copy painted them (the registry is the document's, and
      // the old copy's ranges may still be in it): the new copy's answer does, and its cards are
      // attached in the same task that paints its full analysis.
      const m = await messenger(driver, page);
      await waitFor('the new copy to answer with its analysis', async () => {
        const state = await m.state().catch(() => null);
        return state?.status === 'ready' && state.painted > 0;
      });
      await m.close();
      expect(JSON.stringify(await readHighlights(page))).toBe(JSON.stringify(before));
      await page.focus('#fnref4 a');
      await waitForCard(page, 'a footnote card from the new copy', (c) => c.kind === 'footnote');
      expect(await page.evaluate(() => document.querySelectorAll('sift-card').length)).toBe(1);
      // The reloaded extension works on the next page too.
      const next = await driver.newPage();
      await next.goto(harness.server.url('sample-article'));
      expect(await waitForHighlights(next, 'sift-footnote')).toEqual(before);
      expect(next.errors).toEqual([]);
    }
    expect(page.errors).toEqual([]);
  } finally {
    await driver.close();
  }
});

test('settings survive a browser restart: a site switched off stays off, and switches back on', async ({ harness }) => {
  const profileDir = mkdtempSync(path.join(tmpdir(), `sift-restart-${harness.driver.name}-`));
  try {
    let driver = await launchBrowser(harness.driver.name, { proxy: harness.proxy.address, profileDir });
    try {
      const page = await driver.newPage();
      await page.goto(harness.server.url('sample-article'));
      await waitForHighlights(page, 'sift-footnote');
      const popup = await driver.openPopup(page);
      await popup.click('#site-off');
      await waitForSelector(popup, '#site-on');
      await popup.close();
      await waitFor('the page cleared', async () => Object.keys(await readHighlights(page)).length === 0, 5_000);
    } finally {
      await driver.close();
    }
    // The same profile, a new browser process: the setting was written to disk and is read back.
    driver = await launchBrowser(harness.driver.name, { proxy: harness.proxy.address, profileDir });
    try {
      const page = await driver.newPage();
      await page.goto(harness.server.url('sample-article'));
      const popup = await driver.openPopup(page);
      await waitForSelector(popup, '#site-on');
      expect(await text(popup, '#status')).toContain('off on this site');
      expect(Object.keys(await readHighlights(page))).toEqual([]);
      // Switching it back on after the restart works, and paints.
      await popup.click('#site-on');
      await waitForHighlights(page, 'sift-footnote');
      await popup.close();
      expect(page.errors).toEqual([]);
    } finally {
      await driver.close();
    }
  } finally {
    rmSync(profileDir, { recursive: true, force: true });
  }
});

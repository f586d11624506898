import type { ExtensionDriver, ExtensionPageApi, PageHandle } from './harness/driver';
import { waitFor } from './harness/driver';
import type { PageState, ProtocolMap } from '@/lib/messaging';

/**
 * Helpers for the hover-card tests. The card lives in a closed shadow root, which page scripts
 * cannot reach: `PageHandle.evaluateInShadow` reads it through the automation protocol. Every
 * function that runs in the page avoids `Array.prototype.map` and `JSON.parse`, which the hostile
 * fixture breaks in the page world.
 */

export const HOST = 'sift-card';

export interface CardState {
  kind: string | null;
  scheme: string | null;
  text: string;
  name: string;
  type: string;
  desc: string;
  descMuted: boolean;
  note: string;
  noteMuted: boolean;
  count: string;
  live: string;
  links: { href: string | null; text: string; target: string | null; rel: string | null; x: number; y: number }[];
  unsafe: string[];
  markup: number;
  style: { display: string; position: string; background: string; color: string; fontSize: string; fontFamily: string; visibility: string; opacity: string };
  rect: { left: number; top: number; width: number; height: number };
  viewport: { width: number; height: number };
  host: { display: string; position: string; popoverOpen: boolean; topElementIsHost: boolean };
}

/** What the card in the page shows now, or null when there is none. */
export async function readCard(page: PageHandle): Promise<CardState | null> {
  return page.evaluateInShadow(HOST, (root) => {
    const card = root.querySelector('.card') as HTMLElement | null;
    if (!card) return null;
    const cs = getComputedStyle(card);
    const r = card.getBoundingClientRect();
    const host = root.host as HTMLElement;
    const hs = getComputedStyle(host);
    const txt = (sel: string) => root.querySelector(sel)?.textContent ?? '';
    const links: CardState['links'] = [];
    root.querySelectorAll('a').forEach((a) => {
      const b = a.getBoundingClientRect();
      links.push({ href: a.getAttribute('href'), text: a.textContent ?? '', target: a.getAttribute('target'), rel: a.getAttribute('rel'), x: b.left + b.width / 2, y: b.top + b.height / 2 });
    });
    const unsafe: string[] = [];
    root.querySelectorAll('.unsafe').forEach((s) => {
      unsafe.push(s.textContent ?? '');
    });
    let popoverOpen = false;
    try {
      popoverOpen = host.matches(':popover-open');
    } catch {
      popoverOpen = false;
    }
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 20));
    return {
      kind: card.getAttribute('data-kind'),
      scheme: card.getAttribute('data-scheme'),
      text: card.textContent ?? '',
      name: txt('.name'),
      type: txt('.type'),
      desc: txt('.desc'),
      descMuted: !!root.querySelector('.desc.muted'),
      note: txt('.note'),
      noteMuted: !!root.querySelector('.note.muted'),
      count: txt('.count'),
      live: txt('[aria-live]'),
      links,
      unsafe,
      markup: root.querySelectorAll('img, svg, script, iframe, object').length,
      style: {
        display: cs.display,
        position: cs.position,
        background: cs.backgroundColor,
        color: cs.color,
        fontSize: cs.fontSize,
        fontFamily: cs.fontFamily,
        visibility: cs.visibility,
        opacity: cs.opacity,
      },
      rect: { left: r.left, top: r.top, width: r.width, height: r.height },
      viewport: { width: document.documentElement.clientWidth, height: innerHeight },
      host: { display: hs.display, position: hs.position, popoverOpen, topElementIsHost: top === host },
    } satisfies CardState;
  });
}

export function waitForCard(page: PageHandle, what: string, check: (c: CardState) => boolean = () => true, timeoutMs = 10_000): Promise<CardState> {
  return waitFor(`the card: ${what}`, async () => {
    const c = await readCard(page);
    return c && check(c) ? c : null;
  }, timeoutMs);
}

export function hostCount(page: PageHandle): Promise<number> {
  return page.evaluate((sel) => document.querySelectorAll(sel).length, HOST);
}

export async function waitForNoCard(page: PageHandle): Promise<void> {
  await waitFor('the card to close', async () => (await hostCount(page)) === 0, 10_000);
}

/**
 * The centre of the `nth` highlighted range named `name` whose text is `text`, after scrolling it
 * to the middle of the viewport. Reads the page's highlight registry.
 */
export async function highlightPoint(page: PageHandle, name: string, text: string, nth = 0): Promise<{ x: number; y: number }> {
  const at = await page.evaluate(
    (a) => {
      const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
      // (Under its -tint name where the browser draws no lines, see readHighlights.)
      const h = registry?.get(a.name) ?? registry?.get(`${a.name}-tint`);
      if (!h) return null;
      let seen = 0;
      let found: Range | null = null;
      h.forEach((r) => {
        if (found || r.toString() !== a.text) return;
        if (seen === a.nth) found = r;
        seen++;
      });
      if (!found) return null;
      const range = found as Range;
      (range.startContainer.parentElement as HTMLElement).scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
      const b = range.getClientRects()[0];
      return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    },
    { name, text, nth },
  );
  if (!at) throw new Error(`no highlight ${name} "${text}" #${nth}`);
  return at;
}

/** Hover like a reader: arrive near the point, then on it, and wait for hover intent. */
export async function hover(page: PageHandle, at: { x: number; y: number }): Promise<void> {
  await page.mouseMove(Math.max(1, at.x - 40), at.y + 60);
  await page.mouseMove(at.x, at.y);
}

/**
 * Sends protocol messages to a page's content script from an extension page, as the background
 * and the popup do (headless browsers cannot press extension shortcuts). Uses the popup tab that
 * knows the page's tab id, and brings the page back to the front.
 */
export async function messenger(driver: ExtensionDriver, page: PageHandle) {
  const popup = await driver.openPopup(page);
  // (puppeteer's url() can lag behind a moz-extension:// navigation: ask the page itself.)
  const tabId = Number(await popup.evaluate(() => new URLSearchParams(location.search).get('tabId')));
  if (!(tabId >= 0)) throw new Error(`no tab id in the popup (${tabId})`);
  let seq = 1;
  await page.bringToFront();
  return {
    async send<K extends keyof ProtocolMap>(type: K, data?: Parameters<ProtocolMap[K]>[0]): Promise<ReturnType<ProtocolMap[K]>> {
      const reply = await popup.evaluate(
        async (m) => {
          const g = globalThis as unknown as { browser?: unknown; chrome?: unknown };
          const api = (g.browser ?? g.chrome) as ExtensionPageApi & { tabs: { sendMessage(tabId: number, message: unknown): Promise<unknown> } };
          return api.tabs.sendMessage(m.tabId, { id: m.id, type: m.type, data: m.data, timestamp: Date.now() });
        },
        { tabId, id: seq++, type, data },
      );
      await page.bringToFront();
      const r = reply as { res?: unknown; err?: { message?: string } } | undefined;
      if (!r || r.err) throw new Error(`${type} failed: ${r?.err?.message ?? 'no reply'}`);
      return r.res as ReturnType<ProtocolMap[K]>;
    },
    state(): Promise<PageState> {
      return this.send('getPageState');
    },
    close: () => popup.close(),
  };
}

/** The page's whole serialised DOM (the promise: Sift leaves it exactly as it found it). */
export function serializedDom(page: PageHandle): Promise<string> {
  return page.evaluate(() => document.documentElement.outerHTML);
}

/** The page's source parsed as the browser parsed it, with no script run and no extension. */
export function parsedSource(page: PageHandle): Promise<string> {
  return page.evaluate(async () => {
    const html = await (await fetch(location.href)).text();
    return new DOMParser().parseFromString(html, 'text/html').documentElement.outerHTML;
  });
}

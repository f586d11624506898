import type { PageHandle } from './harness/driver';
import { waitFor } from './harness/driver';

/** What Sift painted, read from the page world's highlight registry: name → highlighted texts. */
export function readHighlights(page: PageHandle): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
    registry?.forEach((h, name) => {
      const texts: string[] = [];
      h.forEach((r) => texts.push(r.toString()));
      out[name] = texts;
    });
    return out;
  });
}

/** Highlighted ranges that lie inside elements matching `selector` (e.g. comments, sidebars). */
export function highlightsInside(page: PageHandle, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const found: string[] = [];
    const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
    const boxes = Array.from(document.querySelectorAll(sel));
    registry?.forEach((h, name) =>
      h.forEach((r) => {
        if (boxes.some((b) => b.contains(r.startContainer))) found.push(`${name}: ${r.toString()}`);
      }),
    );
    return found;
  }, selector);
}

/** Waits until Sift has painted the whole analysis with highlight `name` in it; returns name → texts. */
export async function waitForHighlights(page: PageHandle, name = 'sift-claim'): Promise<Record<string, string[]>> {
  // The claims and footnote markers are painted first, the actors with everything else once the
  // whole analysis is done (and the cards are ready): wait for both.
  return waitFor(`highlight ${name} in the whole analysis`, async () => {
    const h = await readHighlights(page);
    return (h[name]?.length ?? 0) > 0 && Object.keys(h).some((k) => k.startsWith('sift-actor-')) ? h : null;
  });
}

export function text(page: PageHandle, selector: string): Promise<string> {
  return page.evaluate((sel) => document.querySelector(sel)?.textContent ?? '', selector);
}

export function count(page: PageHandle, selector: string): Promise<number> {
  return page.evaluate((sel) => document.querySelectorAll(sel).length, selector);
}

export async function waitForSelector(page: PageHandle, selector: string): Promise<void> {
  await waitFor(`${selector} in ${page.url()}`, () => page.evaluate((sel) => !!document.querySelector(sel), selector));
}

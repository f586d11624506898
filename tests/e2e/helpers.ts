import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PageHandle } from './harness/driver';
import { waitFor } from './harness/driver';

/**
 * A highlight's category name as registered in any browser: where no lines are drawn (Firefox
 * before 146) some categories are registered under a `-tint` name (lib/paint/palette.ts).
 */
export function categoryName(registered: string): string {
  return registered.replace(/-tint$/, '');
}

/**
 * What Sift painted, read from the page world's highlight registry: name → highlighted texts. Where
 * the browser draws no lines (Firefox before 146), some categories are registered under a `-tint`
 * name; they count as their category's name (`categoryName`, repeated in the page) unless `raw`.
 */
export function readHighlights(page: PageHandle, raw = false): Promise<Record<string, string[]>> {
  return page.evaluate((asRegistered) => {
    const out: Record<string, string[]> = {};
    const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
    registry?.forEach((h, name) => {
      const texts: string[] = [];
      h.forEach((r) => texts.push(r.toString()));
      out[asRegistered ? name : name.replace(/-tint$/, '')] = texts;
    });
    return out;
  }, raw);
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

/**
 * Waits until the popup has drawn every section: its first frame holds the first screen (the first
 * few actors), the render after it every list (components/Popup.tsx marks `sift-popup-complete`).
 */
export function waitForWholePopup(popup: PageHandle): Promise<true> {
  return waitFor('every section of the popup', () => popup.evaluate(() => performance.getEntriesByName('sift-popup-complete').length > 0 || null));
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

/**
 * How many screen pixels each highlight changes: for every registered highlight name, its
 * longest range is brought into view and the viewport is captured with all highlights and again without
 * that one; the pixels that differ inside the range's boxes (and the few pixels under them, where
 * an underline may fall) are counted. A category whose style the browser does not paint counts 0.
 */
export async function paintedPixels(page: PageHandle): Promise<Record<string, number>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sift-pixels-'));
  try {
    return await paintedPixelsIn(page, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function paintedPixelsIn(page: PageHandle, dir: string): Promise<Record<string, number>> {
  const names = Object.keys(await readHighlights(page, true)).filter((n) => n !== 'sift-flash');
  const out: Record<string, number> = {};
  for (const name of names) {
    const boxes = await page.evaluate((n) => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      // The longest of its ranges: a short word's underline is only a few dozen pixels.
      const range = Array.from(registry.get(n) ?? [])
        .filter((r) => r.getClientRects().length > 0)
        .sort((a, b) => b.toString().length - a.toString().length)[0];
      if (!range) return null;
      const first = range.getClientRects()[0];
      window.scrollTo(0, window.scrollY + first.top - window.innerHeight / 2);
      return Array.from(range.getClientRects()).map((b) => ({ x: b.left, y: b.top, w: b.width, h: b.height }));
    }, name);
    if (!boxes) continue;
    const frames = () => page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
    await frames();
    const on = path.join(dir, `${name}-on.png`);
    const off = path.join(dir, `${name}-off.png`);
    await page.screenshot(on);
    await page.evaluate((n) => {
      const registry = (CSS as unknown as { highlights: Map<string, unknown> }).highlights;
      (window as unknown as { __siftHeld: unknown }).__siftHeld = registry.get(n);
      registry.delete(n);
    }, name);
    await frames();
    await page.screenshot(off);
    await page.evaluate((n) => {
      const registry = (CSS as unknown as { highlights: Map<string, unknown> }).highlights;
      registry.set(n, (window as unknown as { __siftHeld: unknown }).__siftHeld);
    }, name);
    const png = (file: string) => `data:image/png;base64,${readFileSync(file).toString('base64')}`;
    out[name] = await page.evaluate(
      async ({ a, b, boxes }) => {
        const load = (src: string) =>
          new Promise<HTMLImageElement>((resolve, reject) => {
            const img = new Image();
            img.onload = () => resolve(img);
            img.onerror = () => reject(new Error('screenshot did not decode'));
            img.src = src;
          });
        const pixels = (img: HTMLImageElement) => {
          const canvas = document.createElement('canvas');
          canvas.width = img.naturalWidth;
          canvas.height = img.naturalHeight;
          const ctx = canvas.getContext('2d')!;
          ctx.drawImage(img, 0, 0);
          return ctx.getImageData(0, 0, canvas.width, canvas.height);
        };
        const [ia, ib] = await Promise.all([load(a), load(b)]);
        const pa = pixels(ia);
        const pb = pixels(ib);
        const scale = pa.width / window.innerWidth;
        let changed = 0;
        for (const box of boxes) {
          const x0 = Math.max(0, Math.floor(box.x * scale));
          const x1 = Math.min(pa.width, Math.ceil((box.x + box.w) * scale));
          const y0 = Math.max(0, Math.floor(box.y * scale));
          const y1 = Math.min(pa.height, Math.ceil((box.y + box.h + 4) * scale));
          for (let y = y0; y < y1; y++)
            for (let x = x0; x < x1; x++) {
              const i = (y * pa.width + x) * 4;
              const d = Math.max(Math.abs(pa.data[i] - pb.data[i]), Math.abs(pa.data[i + 1] - pb.data[i + 1]), Math.abs(pa.data[i + 2] - pb.data[i + 2]));
              if (d > 12) changed++;
            }
        }
        return changed;
      },
      { a: png(on), b: png(off), boxes },
    );
  }
  return out;
}

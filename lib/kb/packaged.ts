import { browser } from 'wxt/browser';
import type { FetchKb } from './load';
import { readKbIndex } from './index-file';
import { readKbDetails } from './details-file';
import { yieldToPage } from '../steps';

/**
 * The knowledge-base files packaged with the extension, as the content script and the analyzer fetch
 * the index (a web-accessible resource, see wxt.config.ts) and the background the details. Kept
 * apart from `load.ts`, which stays free of extension APIs.
 */
async function fetchFile(path: 'kb/index.txt' | 'kb/details.txt'): Promise<Response> {
  const res = await fetch(browser.runtime.getURL(`/${path}`));
  if (!res.ok) throw new Error(`cannot load ${path}: ${res.status}`);
  return res;
}

/**
 * The index's bytes, gathered off the page's main thread: the analyzer asks for them once the claims
 * are painted and reads them (`readKbIndex`) while the actors' code is being imported.
 *
 * Through a Blob: in a content script, Chromium read the 1.5 MB body of `arrayBuffer()` (and of a
 * stream reader) on the page's main thread in one task of 42–60 ms ("SimpleWatcher::OnHandleReady"
 * in `npm run trace:browser -- generated/long-10000.html`); `blob()` leaves the body to the browser
 * and the trace shows no such task. (An extension page reads it either way without a long task.)
 */
export async function fetchIndexBytes(): Promise<ArrayBuffer> {
  return (await (await fetchFile('kb/index.txt')).blob()).arrayBuffer();
}

/**
 * The packaged files as `loadKnowledgeBase` and `loadBackgrounds` ask for them: the index read with
 * pauses, the page getting its main thread back between them (`readKbIndex`), from `indexBytes` when
 * the caller fetched them ahead (the analyzer), else fetched now; the details kept as bytes and
 * looked up in place (`readKbDetails`; only the background reads them: entrypoints/background.ts).
 */
export function packagedKb(indexBytes?: Promise<ArrayBuffer>): FetchKb {
  return async (path) =>
    path === 'kb/index.txt' ? readKbIndex(indexBytes ?? fetchIndexBytes(), yieldToPage) : readKbDetails(new Uint8Array(await (await fetchFile(path)).arrayBuffer()));
}

/** The packaged files, each fetched when asked for (the background's backgrounds). */
export const fetchPackaged: FetchKb = packagedKb();

import { browser, type PublicPath } from 'wxt/browser';
import type { FetchKb } from './load';
import { readKbIndex } from './index-file';
import { DETAILS_HEADER, type DetailShardPath } from './details-file';
import { yieldToPage } from '../steps';

/**
 * The knowledge-base files packaged with the extension, as the content script and the analyzer fetch
 * the index (a web-accessible resource, see wxt.config.ts) and the background the details. Kept
 * apart from `load.ts`, which stays free of extension APIs.
 */
async function fetchFile(path: 'kb/index.txt' | typeof DETAILS_HEADER | DetailShardPath): Promise<Response> {
  // (The shards' names are built from their numbers: `/kb/details/00.txt` and on are public paths.)
  const res = await fetch(browser.runtime.getURL(`/${path}` as PublicPath));
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
 * the caller fetched them ahead (the analyzer), else fetched now; the details' header parsed, and
 * a shard of them as bytes, looked up in place (only the background reads them:
 * entrypoints/background.ts).
 */
export function packagedKb(indexBytes?: Promise<ArrayBuffer>): FetchKb {
  return async (path) => {
    if (path === 'kb/index.txt') return readKbIndex(indexBytes ?? fetchIndexBytes(), yieldToPage);
    const res = await fetchFile(path);
    return path === DETAILS_HEADER ? res.json() : new Uint8Array(await res.arrayBuffer());
  };
}

/** The packaged files, each fetched when asked for (the background's backgrounds). */
export const fetchPackaged: FetchKb = packagedKb();

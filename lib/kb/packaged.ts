import { browser } from 'wxt/browser';
import type { FetchKb } from './load';
import { readKbIndex } from './index-file';
import { yieldToPage } from '../steps';

/**
 * The knowledge-base files packaged with the extension, as the popup, the content script and the
 * analyzer fetch them (they are web-accessible resources, see wxt.config.ts). Kept apart from
 * `load.ts`, which stays free of extension APIs.
 */
async function fetchFile(path: 'kb/index.txt' | 'kb/details.json'): Promise<Response> {
  const res = await fetch(browser.runtime.getURL(`/${path}`));
  if (!res.ok) throw new Error(`cannot load ${path}: ${res.status}`);
  return res;
}

/**
 * The index's bytes, gathered off the page's main thread: the content script asks for them as soon
 * as a page is an article, and the analyzer reads them (`readKbIndex`) once the claims are painted,
 * so that decoding them does not delay the first highlights.
 *
 * Through a Blob: in a content script, Chromium read the 1.5 MB body of `arrayBuffer()` (and of a
 * stream reader) on the page's main thread in one task of 42–60 ms ("SimpleWatcher::OnHandleReady"
 * in `npm run trace:browser -- generated/long-10000.html`); `blob()` leaves the body to the browser
 * and the trace shows no such task. (An extension page reads it either way without a long task.)
 */
export async function fetchIndexBytes(): Promise<ArrayBuffer> {
  return (await (await fetchFile('kb/index.txt')).blob()).arrayBuffer();
}

/** A packaged file's body, left to the browser in a Blob until it is read (see `fetchIndexBytes`). */
function fetchBlob(path: 'kb/index.txt' | 'kb/details.json'): Promise<Blob> {
  return fetchFile(path).then((res) => res.blob());
}

/**
 * The packaged files as `loadKnowledgeBase` and `loadBackgrounds` ask for them: the index read with
 * pauses, the page getting its main thread back between them (`readKbIndex`), from `indexBytes` when
 * the caller fetched them ahead (the analyzer), else fetched now; the details parsed whole, from
 * `detailsBody` when the caller fetched it ahead (the popup). The details' body goes through a Blob
 * as the index's does: read with `json()`, it held the page's main thread for two tasks of 186 and
 * 191 ms when a hover card first needed a description (CDP trace of a hover on the founding article).
 */
export function packagedKb(indexBytes?: Promise<ArrayBuffer>, detailsBody?: Promise<Blob>): FetchKb {
  return async (path) =>
    path === 'kb/index.txt' ? readKbIndex(indexBytes ?? fetchIndexBytes(), yieldToPage) : JSON.parse(await (await (detailsBody ?? fetchBlob(path))).text());
}

/** The packaged files, each fetched when asked for (the hover cards). */
export const fetchPackaged: FetchKb = packagedKb();

/**
 * The packaged files with the details fetched now and read when asked for: the popup starts them as
 * soon as it knows the page has actors, so that the 4.5 MB travel while it draws its first screen,
 * and reads them after that screen's first frame.
 */
export function prefetchedKb(): FetchKb {
  const details = fetchBlob('kb/details.json');
  // Read (and a failure reported) when asked for; never asked for, nothing is left unhandled.
  details.catch(() => {});
  return packagedKb(undefined, details);
}

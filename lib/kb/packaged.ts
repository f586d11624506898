import { browser } from 'wxt/browser';
import type { FetchKb } from './load';
import { readKbIndex } from './index-file';
import { yieldToPage } from '../steps';

/**
 * The knowledge-base files packaged with the extension, as the popup, the content script and the
 * analyzer fetch them (they are web-accessible resources, see wxt.config.ts). Kept apart from
 * `load.ts`, which stays free of extension APIs. The index is decoded and read with pauses, the
 * page getting its main thread back between them (`readKbIndex`).
 */
export const fetchPackaged: FetchKb = async (path) => {
  const res = await fetch(browser.runtime.getURL(`/${path}`));
  if (!res.ok || !res.body) throw new Error(`cannot load ${path}: ${res.status}`);
  return path === 'kb/index.txt' ? readKbIndex(res.body, yieldToPage) : res.json();
};

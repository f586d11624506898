import { browser } from 'wxt/browser';
import type { FetchJson } from './load';

/**
 * The knowledge-base files packaged with the extension, as the popup, the content script and the
 * analyzer fetch them (they are web-accessible resources, see wxt.config.ts). Kept apart from
 * `load.ts`, which stays free of extension APIs.
 */
export const fetchPackaged: FetchJson = async (path) => {
  const res = await fetch(browser.runtime.getURL(`/${path}`));
  if (!res.ok) throw new Error(`cannot load ${path}: ${res.status}`);
  return res.json();
};

import { createKnowledgeBase, type KbDetailsData, type KbIndexData, type KnowledgeBase } from './knowledge-base';

/**
 * Loading the bundled knowledge base in a browser context: `fetchJson` is given by the caller
 * (extension pages and content scripts fetch their own packaged files), so this module stays free
 * of extension APIs. The index is parsed once per page and the details only on demand.
 */
export type FetchJson = (path: 'kb/index.json' | 'kb/details.json') => Promise<unknown>;

let indexPromise: Promise<KbIndexData> | null = null;
let detailsPromise: Promise<KbDetailsData> | null = null;

export async function loadKnowledgeBase(fetchJson: FetchJson, withDetails = false): Promise<KnowledgeBase> {
  indexPromise ??= fetchJson('kb/index.json') as Promise<KbIndexData>;
  if (withDetails) detailsPromise ??= fetchJson('kb/details.json') as Promise<KbDetailsData>;
  const [index, details] = await Promise.all([indexPromise, withDetails ? detailsPromise : undefined]);
  return createKnowledgeBase(index, details ?? undefined);
}

export async function loadDetails(fetchJson: FetchJson): Promise<KbDetailsData> {
  detailsPromise ??= fetchJson('kb/details.json') as Promise<KbDetailsData>;
  return detailsPromise;
}

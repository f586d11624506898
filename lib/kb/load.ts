import { createKnowledgeBase, type KbDetailsData, type KbIndexData, type KnowledgeBase } from './knowledge-base';

/**
 * Loading the bundled knowledge base in a browser context: `fetchKb` is given by the caller
 * (extension pages and content scripts fetch their own packaged files), so this module stays free
 * of extension APIs. The index is read once it has arrived (`readKbIndex`, index-file.ts) and looked
 * up in place, once per page; the details are fetched only when a view asks (a hover card, the popup)
 * and share it.
 */

/** The index (`kb/index.txt`, read with `readKbIndex`) or the details (`kb/details.json`, parsed). */
export type FetchKb = (path: 'kb/index.txt' | 'kb/details.json') => Promise<unknown>;

let indexOnly: Promise<KnowledgeBase> | null = null;
let withDetails: Promise<KnowledgeBase> | null = null;

/** The knowledge base for recognising names (index only). */
export function loadKnowledgeBase(fetchKb: FetchKb): Promise<KnowledgeBase> {
  indexOnly ??= (fetchKb('kb/index.txt') as Promise<KbIndexData>).then((index) => createKnowledgeBase(index));
  return indexOnly;
}

/** The knowledge base with the details (descriptions, aliases, Wikidata ids) attached. */
export function loadKnowledgeBaseWithDetails(fetchKb: FetchKb): Promise<KnowledgeBase> {
  withDetails ??= Promise.all([loadKnowledgeBase(fetchKb), fetchKb('kb/details.json') as Promise<KbDetailsData>]).then(([kb, details]) =>
    kb.withDetails(details),
  );
  return withDetails;
}

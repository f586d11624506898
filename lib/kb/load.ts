import { createKnowledgeBase, type KbDetailsData, type KbIndexData, type KnowledgeBase } from './knowledge-base';

/**
 * Loading the bundled knowledge base in a browser context: `fetchJson` is given by the caller
 * (extension pages and content scripts fetch their own packaged files), so this module stays free
 * of extension APIs. The index is parsed and turned into a lookup table once per page; the
 * details are fetched only when a view asks (a hover card, the popup) and share that table.
 */
export type FetchJson = (path: 'kb/index.json' | 'kb/details.json') => Promise<unknown>;

let indexOnly: Promise<KnowledgeBase> | null = null;
let withDetails: Promise<KnowledgeBase> | null = null;

/** The knowledge base for recognising names (index only). */
export function loadKnowledgeBase(fetchJson: FetchJson): Promise<KnowledgeBase> {
  indexOnly ??= (fetchJson('kb/index.json') as Promise<KbIndexData>).then((index) => createKnowledgeBase(index));
  return indexOnly;
}

/** The knowledge base with the details (descriptions, aliases, Wikidata ids) attached. */
export function loadKnowledgeBaseWithDetails(fetchJson: FetchJson): Promise<KnowledgeBase> {
  withDetails ??= Promise.all([loadKnowledgeBase(fetchJson), fetchJson('kb/details.json') as Promise<KbDetailsData>]).then(([kb, details]) =>
    kb.withDetails(details),
  );
  return withDetails;
}

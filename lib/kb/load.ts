import { createKnowledgeBase, EMPTY_KB, type KbDetailsData, type KbIndexData, type KnowledgeBase } from './knowledge-base';
import type { ActorBackground } from '../schema';

/**
 * Loading the bundled knowledge base in a browser context: `fetchKb` is given by the caller
 * (extension pages and content scripts fetch their own packaged files), so this module stays free
 * of extension APIs. The index is read once it has arrived (`readKbIndex`, index-file.ts) and looked
 * up in place, once per page; the details are read by the background alone, once while it runs
 * (`loadBackgrounds`), and views get the backgrounds they show from it (`getBackgrounds`).
 */

/** The index (`kb/index.txt`, read with `readKbIndex`) or the details (`kb/details.txt`, read with `readKbDetails`). */
export type FetchKb = (path: 'kb/index.txt' | 'kb/details.txt') => Promise<unknown>;

/** An entity's background by id, from the details file (null: the knowledge base has none). */
export type BackgroundLookup = (id: string) => ActorBackground | null;

let indexOnly: Promise<KnowledgeBase> | null = null;
let backgrounds: Promise<BackgroundLookup> | null = null;

/** The knowledge base for recognising names (index only). */
export function loadKnowledgeBase(fetchKb: FetchKb): Promise<KnowledgeBase> {
  indexOnly ??= (fetchKb('kb/index.txt') as Promise<KbIndexData>).then((index) => createKnowledgeBase(index));
  return indexOnly;
}

/**
 * The details (descriptions, aliases, Wikidata ids) as backgrounds by id, for the background to answer
 * the views that show them (the popup, hover cards): the index is not needed to read them, and is not
 * loaded for them. Loaded once; after a failure the next call tries again.
 */
export function loadBackgrounds(fetchKb: FetchKb): Promise<BackgroundLookup> {
  backgrounds ??= (fetchKb('kb/details.txt') as Promise<KbDetailsData>).then(
    (details) => {
      const kb = EMPTY_KB.withDetails(details);
      return (id: string) => kb.background(id);
    },
    (e: unknown) => {
      backgrounds = null;
      throw e;
    },
  );
  return backgrounds;
}

import { createKnowledgeBase, EMPTY_KB, type KbIndexData, type KnowledgeBase } from './knowledge-base';
import { DETAILS_HEADER, detailShard, detailShardPath, detailsOf, type DetailShardPath, type KbDetailsDataV5, type KbDetailsHeader } from './details-file';
import type { ActorBackground } from '../schema';

/**
 * Loading the bundled knowledge base in a browser context: `fetchKb` is given by the caller
 * (extension pages and content scripts fetch their own packaged files), so this module stays free
 * of extension APIs. The index is read once it has arrived (`readKbIndex`, index-file.ts) and looked
 * up in place, once per page; the details are read by the background alone, the shards its views
 * ask for, each once while it runs (`loadBackgrounds`); views get the backgrounds they show from it
 * (`getBackgrounds`).
 */

/**
 * The index (`kb/index.txt`, read with `readKbIndex`), the details' header (parsed) or one of their
 * shards (its bytes): details-file.ts.
 */
export type FetchKb = (path: 'kb/index.txt' | typeof DETAILS_HEADER | DetailShardPath) => Promise<unknown>;

/** An entity's background by id, from the details (null: the knowledge base has none). */
export type BackgroundLookup = (id: string) => ActorBackground | null;

let indexOnly: Promise<KnowledgeBase> | null = null;
/** The details' header, then its shards, each fetched once (`shards`) and kept in `details` when it comes. */
let details: Promise<{ data: KbDetailsDataV5; kb: KnowledgeBase }> | null = null;
const shards = new Map<number, Promise<void>>();

/** The knowledge base for recognising names (index only). */
export function loadKnowledgeBase(fetchKb: FetchKb): Promise<KnowledgeBase> {
  indexOnly ??= (fetchKb('kb/index.txt') as Promise<KbIndexData>).then((index) => createKnowledgeBase(index));
  return indexOnly;
}

/**
 * The backgrounds of `ids` (descriptions, aliases, Wikidata ids), for the background to answer the
 * views that show them (the popup, hover cards): the details' header, then the shards holding them,
 * are fetched, each once (the index is not needed, and not loaded). The lookup answers for those
 * ids, and for any other whose shard has come; what failed is fetched again when next asked for.
 */
export async function loadBackgrounds(ids: readonly string[], fetchKb: FetchKb): Promise<BackgroundLookup> {
  details ??= (fetchKb(DETAILS_HEADER) as Promise<KbDetailsHeader>).then(
    (header) => {
      const data = detailsOf(header);
      return { data, kb: EMPTY_KB.withDetails(data) };
    },
    (e: unknown) => {
      details = null;
      throw e;
    },
  );
  const { data, kb } = await details;
  await Promise.all([...new Set(ids.map((id) => detailShard(data, id)))].map((n) => loadShard(data, n, fetchKb)));
  return (id) => kb.background(id);
}

function loadShard(data: KbDetailsDataV5, n: number, fetchKb: FetchKb): Promise<void> {
  let shard = shards.get(n);
  if (!shard) {
    shard = (fetchKb(detailShardPath(n)) as Promise<Uint8Array>).then(
      (bytes) => {
        data.shards[n] = bytes;
      },
      (e: unknown) => {
        shards.delete(n);
        throw e;
      },
    );
    shards.set(n, shard);
  }
  return shard;
}

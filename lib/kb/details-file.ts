/**
 * The knowledge-base details: descriptions, aliases, Wikidata ids, dates and sources, in
 * `kb/details/`. Written by the build (`formatKbDetails`); read by the background a few shards at a
 * time (lib/kb/load.ts), by the CLI and the scripts whole (`readKbDetails`); looked up in place
 * (`findDetailRow`): nothing is parsed but the header and the line found.
 *
 * Version 5:
 * - `kb/details/header.json`: `version`, `build` (the index's, see index-file.ts), `inputs` (a
 *   digest of the build's inputs), `sources` (what the build read: title, licence, sha256 of each
 *   file) and `starts`: the first id of each shard after the first.
 * - `kb/details/00.txt`, `01.txt` … (the shard's number in two or more hex digits), UTF-8 text:
 *   one line per entity, every line sorted by the UTF-8 bytes of its id, cut into `DETAIL_SHARDS`
 *   runs of as many lines (give or take one). A line is the id, then tab-separated description,
 *   aliases (`|`), Wikidata QID, country, source letter (o overlay, p phoenix, c countries,
 *   g geonames) with `d` when the description is derived, date from, date to (trailing empty
 *   fields left out). No field holds a tab or a newline, and no alias a `|`.
 *
 * Why shards: the background reads the details for the few actors a page names. Reading them as
 * one 4.5 MB JSON file (version 3) held the reader's thread 114–158 ms in an extension page of
 * Firefox, where the background shares its thread with the popup. A popup opened on an analysed
 * article while another extension page read them drew its first frame at 290 ms (median of 5
 * opens) while the JSON was read, 159 while the same bytes were only fetched, 112 while 16 files
 * of 17 KB were, and 105 with nothing read; a second round: the bytes 114, 16 files of 33 KB 99,
 * nothing 99. Runs of sorted lines, not shards by hash: neighbouring ids share words, and 128 runs
 * compress to 998 KiB against 1,178 KiB for 128 shards by hash (890 KiB as one file; zlib level 9).
 * Throwaway .tmp/ffbg3.mts, .tmp/ffhold.mts and .tmp/shardgz.py.
 */

export const DETAIL_SHARDS = 128;

export interface KbDetailsHeader {
  version: 5;
  build: string;
  /** Digest of the build's inputs (sources, overlay, build code): see scripts/kb/sources.ts. */
  inputs?: string;
  sources: { id: string; title: string; licence: string; version?: string; sha256: Record<string, string> }[];
  /** The first id of each shard after the first: the shards are runs of the sorted ids. */
  starts: string[];
}

export type DetailShardPath = `kb/details/${string}.txt`;
export const DETAILS_HEADER = 'kb/details/header.json';

/** The details as read so far: the header's build and shard starts, and the shards read, by number. */
export interface KbDetailsDataV5 {
  version: 5;
  build: string;
  /** `starts` from the header, as UTF-8 bytes. */
  readonly starts: readonly Uint8Array[];
  /** Each shard's bytes, undefined until read. */
  readonly shards: (Uint8Array | undefined)[];
}

const NEWLINE = 10;
const TAB = 9;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The details with no shard read yet, from the header. */
export function detailsOf(header: KbDetailsHeader): KbDetailsDataV5 {
  if (header.version !== 5) throw new Error(`kb/details is version ${String(header.version)}; this reader reads version 5`);
  return { version: 5, build: header.build, starts: header.starts.map((id) => encoder.encode(id)), shards: Array.from({ length: header.starts.length + 1 }) };
}

/** The shard an id's line is in, if the details have it. */
export function detailShard(details: Pick<KbDetailsDataV5, 'starts'>, id: string): number {
  const key = encoder.encode(id);
  let lo = 0;
  let hi = details.starts.length;
  // The number of starts at or before the key.
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareBytes(details.starts[mid], key) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The packaged file of a shard. */
export function detailShardPath(shard: number): DetailShardPath {
  return `kb/details/${shard.toString(16).padStart(2, '0')}.txt`;
}

/** Byte order of UTF-8 strings (the same as code point order). */
function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/** The files' texts: the header, and the shards' lines, `id\trow`, in the order `findDetailRow` searches. */
export function formatKbDetails(
  header: Omit<KbDetailsHeader, 'version' | 'starts'>,
  rows: readonly (readonly [id: string, row: string])[],
  shardCount = DETAIL_SHARDS,
): { header: string; shards: string[] } {
  const lines = rows.map(([id, row]) => {
    if (/[\t\n]/.test(id) || row.includes('\n')) throw new Error(`details row for ${id} holds a tab or newline`);
    return { id, key: encoder.encode(id), line: `${id}\t${row}\n` };
  });
  lines.sort((a, b) => compareBytes(a.key, b.key));
  for (let i = 1; i < lines.length; i++) if (compareBytes(lines[i - 1].key, lines[i].key) === 0) throw new Error(`two details rows for ${lines[i].id}`);
  // `shardCount` runs whose lengths differ by one line at most (fewer when there are fewer lines).
  const count = Math.max(1, Math.min(shardCount, lines.length));
  const runs = Array.from({ length: count }, (_, i) => lines.slice(Math.floor((i * lines.length) / count), Math.floor(((i + 1) * lines.length) / count)));
  const full: KbDetailsHeader = { version: 5, ...header, starts: runs.slice(1).map((run) => run[0].id) };
  return { header: `${JSON.stringify(full)}\n`, shards: runs.map((run) => run.map((l) => l.line).join('')) };
}

/** The details with every shard read with `read` (a file's bytes by its path): the CLI, the scripts. */
export function readKbDetails(headerText: string, read: (path: DetailShardPath) => Uint8Array): KbDetailsDataV5 {
  const details = detailsOf(JSON.parse(headerText) as KbDetailsHeader);
  details.shards.forEach((_, i) => (details.shards[i] = read(detailShardPath(i))));
  return details;
}

/**
 * The row of `id` (its fields after the id, tab-separated), or undefined when its shard has none
 * or was not read: a binary search over the shard's lines, comparing bytes in place; only the line
 * found is decoded.
 */
export function findDetailRow(details: KbDetailsDataV5, id: string): string | undefined {
  const bytes = details.shards[detailShard(details, id)];
  if (!bytes) return undefined;
  const key = encoder.encode(id);
  // Both bounds are line starts; the line searched is the one holding the middle byte.
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    let start = (lo + hi) >>> 1;
    while (start > lo && bytes[start - 1] !== NEWLINE) start--;
    let end = bytes.indexOf(NEWLINE, start);
    if (end < 0 || end > hi) end = hi;
    let tab = start;
    while (tab < end && bytes[tab] !== TAB) tab++;
    const c = compareBytes(key, bytes.subarray(start, tab));
    if (c === 0) return tab < end ? decoder.decode(bytes.subarray(tab + 1, end)) : '';
    if (c < 0) hi = start;
    else lo = end + 1;
  }
  return undefined;
}

/**
 * The knowledge-base details file, `kb/details.txt`: written by the build (`formatKbDetails`), read
 * from its bytes (`readKbDetails`) in the background, the CLI and the scripts, and looked up in
 * place (`findDetailRow`): nothing is parsed when it loads but its first line.
 *
 * Version 4, UTF-8 text:
 * - The first line is the header, JSON: `version`, `build` (the index's, see index-file.ts),
 *   `inputs` (a digest of the build's inputs) and `sources` (what the build read: title, licence,
 *   sha256 of each file).
 * - Then one line per entity, sorted by the UTF-8 bytes of its id: the id, then tab-separated
 *   description, aliases (`|`), Wikidata QID, country, source letter (o overlay, p phoenix,
 *   c countries, g geonames) with `d` when the description is derived, date from, date to
 *   (trailing empty fields left out). No field holds a tab, a newline or (aliases) a `|`.
 *
 * Version 3 was one JSON object holding the ids and the rows as two strings. Reading it held the
 * reader's main thread while the 4.5 MB were parsed: 114–158 ms in an extension page of Firefox
 * (where the background shares its thread with the popup), against 8–10 ms for the bytes alone
 * (throwaway .tmp/ffbg3.mts, three reads of each).
 */

export interface KbDetailsHeader {
  version: 4;
  build: string;
  /** Digest of the build's inputs (sources, overlay, build code): see scripts/kb/sources.ts. */
  inputs?: string;
  sources: { id: string; title: string; licence: string; version?: string; sha256: Record<string, string> }[];
}

/** A details file as read: its header, and its bytes for `findDetailRow`. */
export interface KbDetailsDataV4 extends KbDetailsHeader {
  readonly bytes: Uint8Array;
  /** Offset of the first entity's line. */
  readonly rowsStart: number;
}

const NEWLINE = 10;
const TAB = 9;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Byte order of UTF-8 strings (the same as code point order). */
function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/** The file's text: the header, then `id\trow` per entity in the order `findDetailRow` searches. */
export function formatKbDetails(header: KbDetailsHeader, rows: readonly (readonly [id: string, row: string])[]): string {
  const keyed = rows.map(([id, row]) => {
    if (/[\t\n]/.test(id) || row.includes('\n')) throw new Error(`details row for ${id} holds a tab or newline`);
    return { key: encoder.encode(id), line: `${id}\t${row}` };
  });
  keyed.sort((a, b) => compareBytes(a.key, b.key));
  for (let i = 1; i < keyed.length; i++) if (compareBytes(keyed[i - 1].key, keyed[i].key) === 0) throw new Error(`two details rows for ${keyed[i].line.split('\t')[0]}`);
  return `${JSON.stringify(header)}\n${keyed.map((k) => k.line).join('\n')}\n`;
}

/** The header, read from the file's first line; the rest is left as bytes. */
export function readKbDetails(bytes: Uint8Array): KbDetailsDataV4 {
  const end = bytes.indexOf(NEWLINE);
  if (end < 0) throw new Error('kb/details.txt has no header line');
  const header = JSON.parse(decoder.decode(bytes.subarray(0, end))) as KbDetailsHeader;
  if (header.version !== 4) throw new Error(`kb/details.txt is version ${String(header.version)}; this reader reads version 4`);
  return { ...header, bytes, rowsStart: end + 1 };
}

/**
 * The row of `id` (its fields after the id, tab-separated), or undefined: a binary search over the
 * lines, comparing bytes in place; only the line found is decoded.
 */
export function findDetailRow(details: KbDetailsDataV4, id: string): string | undefined {
  const { bytes } = details;
  const key = encoder.encode(id);
  // Both bounds are line starts; the line searched is the one holding the middle byte.
  let lo = details.rowsStart;
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

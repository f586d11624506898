import type { ActorType } from '../schema';

/**
 * The knowledge-base index file, `kb/index.txt`: written by the build (`formatKbIndex`), read whole
 * in Node (`parseKbIndex`) and read in slices as it arrives in a page (`readKbIndex`). It imports
 * nothing but types: the content script, which reads the index, bundles it without the rest of the
 * knowledge base (knowledge-base.ts builds a value when loaded, which a bundle cannot leave out).
 */

/**
 * `kb/index.txt`, version 4: an open-addressing hash table made at build time, as lines of text, so
 * that a page reads it as it arrives, a slice at a time (`readKbIndex`): no JSON parse,
 * no table built, no key hashed or copied at load.
 * - The first line is the header, JSON: `version`, `build`, `types`, `bits`, `maxWords`, `size`,
 *   and the number of `weak` and `others` lines. Then come the `1 << bits` slot lines, the weak
 *   lines and the others lines, each line ended by a newline.
 * - `build`: a digest of the index, repeated in the details file built with it.
 * - `slots`: one line per slot of the table; an empty line is a free slot. A key lives in the first
 *   free slot from `keyHash(key) & ((1 << bits) - 1)` on (linear probing; `keyHash` is in
 *   knowledge-base.ts). A slot holds the key and the entity it leads to: `key|type|country|id|name`,
 *   where `key` is left empty when it is the name in lower case, `type` is an index into `types`,
 *   `country` an ISO code or empty, and `id` either a Wikidata QID ("Q858" → `wd:Q858`), a kb id
 *   without its prefix, `~` for `kb:` + `slug(name)` + `-` + the country in lower case (places:
 *   `kb:brussels-be`), or empty for `kb:` + `slug(name)`. A key several entities share with no clear
 *   winner holds `key|-`.
 * - `weak`: keys that are weak evidence on their own (a place name that is also a common word or
 *   given name, a name several entities share), sorted: trust them only with context.
 * - `others`: the entities a shared key may refer to, `key` then one `\t`-separated
 *   `type|country|id|name` per entity, lines sorted by key: a place name several places carry
 *   ("Victoria"), a surname several people share ("Bush"). `candidates` lists them.
 * - `maxWords`: the longest key, in words; `size`: the number of entities.
 */
export interface KbIndexDataV4 {
  version: 4;
  build: string;
  types: ActorType[];
  bits: number;
  maxWords: number;
  size: number;
  slots: readonly string[];
  weak: readonly string[];
  others: readonly string[];
}

/** The header line of `kb/index.txt`: the index without its lines, and how many weak and others lines follow the slots. */
interface KbIndexHeader extends Omit<KbIndexDataV4, 'slots' | 'weak' | 'others'> {
  weak: number;
  others: number;
}

/** `kb/index.txt` as written by the build. */
export function formatKbIndex(index: KbIndexDataV4): string {
  const { slots, weak, others, ...rest } = index;
  const header: KbIndexHeader = { ...rest, weak: weak.length, others: others.length };
  return `${[JSON.stringify(header), ...slots, ...weak, ...others].join('\n')}\n`;
}

/** `kb/index.txt` read whole (Node: the CLI, scripts and tests). */
export function parseKbIndex(text: string): KbIndexDataV4 {
  const lines = text.split('\n');
  if (lines.pop() !== '') throw new Error('kb/index.txt: the file is cut short');
  return kbIndexFromLines(lines);
}

/** The index from the lines of `kb/index.txt` (without their newlines), checked against its header. */
function kbIndexFromLines(lines: string[]): KbIndexDataV4 {
  const header = JSON.parse(lines[0] ?? 'null') as KbIndexHeader | null;
  if (header?.version !== 4) throw new Error(`kb/index.txt: version ${header?.version} is not read here`);
  const slotsEnd = 1 + (1 << header.bits);
  const weakEnd = slotsEnd + header.weak;
  if (lines.length !== weakEnd + header.others) throw new Error('kb/index.txt: the file is damaged');
  const { weak: _w, others: _o, ...rest } = header;
  return { ...rest, slots: lines.slice(1, slotsEnd), weak: lines.slice(slotsEnd, weakEnd), others: lines.slice(weakEnd) };
}

/**
 * Bytes decoded and split between two pauses: a few milliseconds of work on a cold page, in 6
 * slices for the bundled index (each pause can cost 4 ms where timers are clamped).
 */
const SLICE_BYTES = 256 * 1024;

/**
 * `kb/index.txt` from its response body, a slice of bytes at a time, pausing (`pause`) after each:
 * the file (1.4 MB) arrives in one or two chunks, and decoding and splitting it whole would be one
 * long task of the page's main thread (reading the earlier JSON index with `Response.json()` was one
 * of 32–44 ms in traced loads of the founding article).
 */
export async function readKbIndex(body: ReadableStream<Uint8Array>, pause: () => Promise<void>): Promise<KbIndexDataV4> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const lines: string[] = [];
  // The start of a line whose end is in a later slice.
  let partial = '';
  const take = (text: string) => {
    const parts = (partial + text).split('\n');
    partial = parts.pop()!;
    for (const line of parts) lines.push(line);
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    for (let at = 0; at < value.length; at += SLICE_BYTES) {
      take(decoder.decode(value.subarray(at, at + SLICE_BYTES), { stream: true }));
      await pause();
    }
  }
  take(decoder.decode());
  if (partial !== '') throw new Error('kb/index.txt: the file is cut short');
  return kbIndexFromLines(lines);
}

import type { ActorType } from '../schema';

/**
 * The knowledge-base index file, `kb/index.txt`: written by the build (`formatKbIndex`), read whole
 * in Node (`parseKbIndex`) and from its bytes in a page (`readKbIndex`). It imports
 * nothing but types: the content script, which reads the index, bundles it without the rest of the
 * knowledge base (knowledge-base.ts builds a value when loaded, which a bundle cannot leave out).
 */

/**
 * `kb/index.txt`, version 6: an open-addressing hash table made at build time, as lines of text
 * that a page looks up in place: no JSON parse, no table built, no line split, no key hashed or
 * copied at load.
 * - The file is ASCII, so that a page decodes it into a one-byte string: a character outside ASCII
 *   is written `\u` and its UTF-16 code unit in four lower-case hex digits ("Syri\u00eb"), and read
 *   back when its line is read. No line holds a `\` of its own. (Version 5 wrote them as they are:
 *   decoding its 1.5 MB into a two-byte string took Chromium 20–26 ms of the page's main thread,
 *   the ASCII file 6–7 ms.)
 * - The first line is the header, JSON: `version`, `build`, `types`, `bits`, `maxWords`, `size`,
 *   and the number of `weak` and `others` lines. The second line gives the length of every line
 *   after it, as written (`lengthCode`): one character, `LENGTH_BASE` + the length, for a line
 *   shorter than LONG_LINE, otherwise `~` and two base-94 digits; so that a reader finds the lines
 *   without splitting the text. Then come the `1 << bits` slot lines, the weak lines and the
 *   others lines, each line ended by a newline.
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
interface KbIndexFields {
  version: 6;
  build: string;
  types: ActorType[];
  bits: number;
  maxWords: number;
  size: number;
}

/** The index as the build makes it, line by line (`formatKbIndex`). */
export interface KbIndexSource extends KbIndexFields {
  slots: readonly string[];
  weak: readonly string[];
  others: readonly string[];
}

/** The index as read (`parseKbIndex`, `readKbIndex`): its lines, in place in the file's text. */
export interface KbIndexDataV6 extends KbIndexFields {
  slots: KbLines;
  weak: KbLines;
  others: KbLines;
}

/** The header line of `kb/index.txt`: the index without its lines, and how many weak and others lines follow the slots. */
interface KbIndexHeader extends KbIndexFields {
  weak: number;
  others: number;
}

/** A line's length is written as the character of this code plus the length (a space for an empty line)… */
const LENGTH_BASE = 32;
/** …when it is shorter than this; a longer line's length is `~` and two digits (`LENGTH_BASE` + 0–93 each). */
const LONG_LINE = 94;
const MAX_LINE = LONG_LINE * LONG_LINE - 1;

/** A line's length, as the lengths line writes it. */
function lengthCode(length: number): string {
  if (length < LONG_LINE) return String.fromCharCode(LENGTH_BASE + length);
  return `~${String.fromCharCode(LENGTH_BASE + Math.floor(length / LONG_LINE), LENGTH_BASE + (length % LONG_LINE))}`;
}

/** A line as written: every character outside ASCII escaped. */
function escapeLine(line: string): string {
  return line.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A line as read (the escapes that `escapeLine` wrote, read back). */
function unescapeLine(line: string): string {
  return line.replace(/\\u([0-9a-f]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * Consecutive lines of the index's text, read where they are: line `i` runs from `starts[from + i]`
 * to the newline before `starts[from + i + 1]`.
 */
export class KbLines {
  constructor(
    private readonly text: string,
    private readonly starts: Uint32Array,
    private readonly from: number,
    readonly length: number,
  ) {}

  /** Line `i`, without its newline, its escapes read back. */
  at(i: number): string {
    const k = this.from + i;
    const end = this.starts[k + 1] - 1;
    // Checked here rather than for every line at load (4–6 ms of a cold page): lengths that do not
    // meet the newlines mean a damaged file.
    if (this.text.charCodeAt(end) !== 10) throw new Error('kb/index.txt: the file is damaged');
    const line = this.text.slice(this.starts[k], end);
    return line.indexOf('\\') < 0 ? line : unescapeLine(line);
  }

  /** Whether line `i` is empty (a free slot), without reading it. */
  isEmpty(i: number): boolean {
    const k = this.from + i;
    return this.starts[k + 1] - this.starts[k] === 1;
  }

  /** Every line (the knowledge-base evaluation's counts and the tests). */
  all(): string[] {
    return Array.from({ length: this.length }, (_, i) => this.at(i));
  }
}

/** `kb/index.txt` as written by the build. */
export function formatKbIndex(index: KbIndexSource): string {
  const { slots, weak, others, ...rest } = index;
  const header: KbIndexHeader = { ...rest, weak: weak.length, others: others.length };
  const lines: string[] = [];
  let lengths = '';
  for (const line of [...slots, ...weak, ...others]) {
    const written = escapeLine(line);
    if (written.length > MAX_LINE || line.includes('\n') || line.includes('\\')) throw new Error(`kb/index.txt: a line cannot be written: ${line.slice(0, 40)}`);
    lines.push(written);
    lengths += lengthCode(written.length);
  }
  return `${[JSON.stringify(header), lengths, ...lines].join('\n')}\n`;
}

/** `kb/index.txt` read whole, in Node (the CLI, scripts and tests) and in a page (`readKbIndex`). */
export function parseKbIndex(text: string): KbIndexDataV6 {
  const headerEnd = text.indexOf('\n');
  const header = JSON.parse(headerEnd < 0 ? 'null' : text.slice(0, headerEnd)) as KbIndexHeader | null;
  if (header?.version !== 6) throw new Error(`kb/index.txt: version ${header?.version} is not read here`);
  const lengthsEnd = text.indexOf('\n', headerEnd + 1);
  const slotCount = 1 << header.bits;
  const count = slotCount + header.weak + header.others;
  const starts = new Uint32Array(count + 1);
  let at = lengthsEnd + 1;
  let p = headerEnd + 1;
  for (let i = 0; i < count; i++) {
    if (p >= lengthsEnd) throw new Error('kb/index.txt: the file is damaged');
    let length = text.charCodeAt(p++) - LENGTH_BASE;
    if (length === LONG_LINE) {
      length = (text.charCodeAt(p) - LENGTH_BASE) * LONG_LINE + text.charCodeAt(p + 1) - LENGTH_BASE;
      p += 2;
    }
    starts[i] = at;
    at += length + 1;
  }
  if (p !== lengthsEnd) throw new Error('kb/index.txt: the file is damaged');
  starts[count] = at;
  if (at > text.length) throw new Error('kb/index.txt: the file is cut short');
  if (at < text.length || text.charCodeAt(at - 1) !== 10) throw new Error('kb/index.txt: the file is damaged');
  const { weak, others, ...rest } = header;
  return {
    ...rest,
    slots: new KbLines(text, starts, 0, slotCount),
    weak: new KbLines(text, starts, slotCount, weak),
    others: new KbLines(text, starts, slotCount + weak, others),
  };
}

/**
 * `kb/index.txt` from its bytes (gathered off the page's main thread while the analysis ran): a
 * pause, the text decoded whole (6–7 ms of Chromium's main thread for the ASCII file, see above),
 * another pause, and the lines found from the lengths line (6–14 ms on the founding article when
 * last measured, with version 5). Version 4, which had no lengths line, was decoded in slices and
 * split into lines: 28–49 ms.
 */
export async function readKbIndex(bytes: ArrayBuffer | Uint8Array | Promise<ArrayBuffer>, pause: () => Promise<void>): Promise<KbIndexDataV6> {
  const whole = await bytes;
  await pause();
  const text = new TextDecoder().decode(whole);
  await pause();
  return parseKbIndex(text);
}

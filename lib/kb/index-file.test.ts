import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createKnowledgeBase, keyHash } from './knowledge-base';
import { formatKbIndex, parseKbIndex, readKbIndex, type KbIndexDataV6, type KbIndexSource } from './index-file';
import { REPO } from '@/tests/unit/dom';

/** Slot lines placed as the build places them: from the key's hash on, in the first free slot. */
function table(bits: number, entries: [key: string, line: string][]): string[] {
  const slots = Array.from({ length: 1 << bits }, () => '');
  for (const [key, line] of entries) {
    let h = keyHash(key) & ((1 << bits) - 1);
    while (slots[h] !== '') h = (h + 1) & ((1 << bits) - 1);
    slots[h] = line;
  }
  return slots;
}

// A small index by hand: keys implied by the name and one written out, a shared key, weak keys.
const SMALL: KbIndexSource = {
  version: 6,
  build: 'test',
  types: ['person', 'organization', 'armed-group', 'government', 'military', 'media', 'country', 'place'],
  bits: 2,
  maxWords: 2,
  size: 3,
  slots: table(2, [
    ['nice', '|7|FR|~|Nice'],
    ['bush', 'bush|-'],
    ['syrie', 'syrie|6|SY|Q858|Syrië'],
  ]),
  weak: ['bush', 'nice'],
  others: ['bush\t0|US|Q207|George W. Bush\t0|US|Q23505|George H. W. Bush'],
};

/** The index as read, line by line again (what the build wrote, if it was read right). */
function source(index: KbIndexDataV6): KbIndexSource {
  return { ...index, slots: index.slots.all(), weak: index.weak.all(), others: index.others.all() };
}

describe('kb/index.txt', () => {
  it('reads back what the build writes, in an ASCII file', () => {
    const text = formatKbIndex(SMALL);
    const [header, lengths, ...lines] = text.split('\n');
    expect(header).toBe('{"version":6,"build":"test","types":["person","organization","armed-group","government","military","media","country","place"],"bits":2,"maxWords":2,"size":3,"weak":2,"others":1}');
    expect(/[\u0080-\uffff]/.test(text)).toBe(false);
    // "Syrië" is written with its ë escaped, and read back.
    expect(lines).toContain('syrie|6|SY|Q858|Syri\\u00eb');
    // One character per line: 32 + its length as written.
    expect([...lengths].map((c) => c.charCodeAt(0) - 32)).toEqual(lines.slice(0, -1).map((l) => l.length));
    const index = parseKbIndex(text);
    expect(source(index)).toEqual(SMALL);
    expect(index.slots.all().map((_, i) => index.slots.isEmpty(i))).toEqual(SMALL.slots.map((l) => l === ''));
  });

  it('writes long lines with a longer length, and refuses lines it cannot write', () => {
    const entity = (n: number) => `0|US|Q${n}|Žofia Nováková ${n}`;
    const others = [93, 94, 95, 2000].map((n) => {
      let line = `key${n}`;
      while (line.length < n) line += `\t${entity(line.length)}`;
      return line.slice(0, n);
    });
    const long = { ...SMALL, others };
    const text = formatKbIndex(long);
    expect(/[\u0080-\uffff]/.test(text)).toBe(false);
    expect(source(parseKbIndex(text))).toEqual(long);
    expect(() => formatKbIndex({ ...SMALL, weak: ['a'.repeat(94 * 94)] })).toThrow(/cannot be written/);
    expect(() => formatKbIndex({ ...SMALL, weak: ['a\\u0041'] })).toThrow(/cannot be written/);
  });

  it('refuses a file cut short or damaged (a line that does not end where its length says, when it is read), and another version', () => {
    const text = formatKbIndex(SMALL);
    expect(() => parseKbIndex(text.slice(0, -1))).toThrow(/cut short/);
    expect(() => parseKbIndex(text.replace('|7|FR|~|Nice\n', ''))).toThrow(/cut short/);
    expect(() => parseKbIndex(`${text}extra\n`)).toThrow(/damaged/);
    // A line one character longer and another one shorter: the lengths no longer meet the newlines.
    expect(() => parseKbIndex(text.replace('|7|FR|~|Nice\n', '|7|FR|~|Nicee\n').replace('bush|-\n', 'bush|\n')).slots.all()).toThrow(/damaged/);
    expect(() => parseKbIndex(text.replace('"version":6', '"version":5'))).toThrow(/version 5/);
    expect(() => formatKbIndex({ ...SMALL, weak: ['a\nb'] })).toThrow(/cannot be written/);
  });

  it('is read the same from its bytes as whole, pausing before decoding and before finding the lines, from the bytes or a promise of them', async () => {
    const bytes = new TextEncoder().encode(formatKbIndex(SMALL));
    for (const given of [bytes, Promise.resolve(bytes.slice().buffer)]) {
      const steps: string[] = [];
      const decode = vi.spyOn(TextDecoder.prototype, 'decode');
      const index = await readKbIndex(given, async () => void steps.push(`pause after ${decode.mock.calls.length} decodes`));
      decode.mockRestore();
      expect(source(index)).toEqual(SMALL);
      expect(steps).toEqual(['pause after 0 decodes', 'pause after 1 decodes']);
    }
    await expect(readKbIndex(bytes.subarray(0, bytes.length - 1), async () => {})).rejects.toThrow(/cut short/);
  });

  it('reads the bundled index into the knowledge base the CLI loads', async () => {
    const text = readFileSync(path.join(REPO, 'public/kb/index.txt'));
    let pauses = 0;
    const index = await readKbIndex(new Uint8Array(text), async () => void pauses++);
    expect(pauses).toBe(2);
    expect(source(index)).toEqual(source(parseKbIndex(text.toString('utf8'))));
    expect(createKnowledgeBase(index).lookup('Syrian Observatory for Human Rights')?.type).toBe('organization');
  });

  it('looks keys up in the slot lines: implied and explicit keys, shared and weak ones', () => {
    const kb = createKnowledgeBase(parseKbIndex(formatKbIndex(SMALL)));
    expect(kb.lookup('Nice')).toEqual({ id: 'kb:nice-fr', type: 'place', name: 'Nice', country: 'FR' });
    expect(kb.lookup('Syrië')?.id).toBe('wd:Q858');
    expect(kb.lookup('Damascus')).toBeNull();
    expect(kb.lookup('Bush')).toBeNull();
    expect(kb.candidates('Bush').map((e) => e.id)).toEqual(['wd:Q207', 'wd:Q23505']);
    expect(kb.isWeak('Nice')).toBe(true);
    expect(kb.isWeak('Syrie')).toBe(false);
  });
});

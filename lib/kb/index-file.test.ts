import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createKnowledgeBase, keyHash } from './knowledge-base';
import { formatKbIndex, parseKbIndex, readKbIndex, type KbIndexDataV4 } from './index-file';
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
const SMALL: KbIndexDataV4 = {
  version: 4,
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

/** A response body that arrives in the given chunks of bytes. */
function bodyOf(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const c of chunks) controller.enqueue(c);
      controller.close();
    },
  });
}

describe('kb/index.txt', () => {
  it('reads back what the build writes', () => {
    const text = formatKbIndex(SMALL);
    expect(text.split('\n')[0]).toBe('{"version":4,"build":"test","types":["person","organization","armed-group","government","military","media","country","place"],"bits":2,"maxWords":2,"size":3,"weak":2,"others":1}');
    expect(parseKbIndex(text)).toEqual(SMALL);
  });

  it('refuses a file cut short or damaged, and another version', () => {
    const text = formatKbIndex(SMALL);
    expect(() => parseKbIndex(text.slice(0, -1))).toThrow(/cut short/);
    expect(() => parseKbIndex(text.replace('|7|FR|~|Nice\n', ''))).toThrow(/damaged/);
    expect(() => parseKbIndex(text.replace('"version":4', '"version":3'))).toThrow(/version 3/);
  });

  it('is read the same in slices as whole, pausing between slices, whatever the chunks (a character split across them too)', async () => {
    const bytes = new TextEncoder().encode(formatKbIndex(SMALL));
    // "Syrië": ë is two bytes; cut between them, and at every other place.
    const cuts = [bytes.indexOf(0xc3) + 1, 1, 7, bytes.length - 1];
    for (const cut of cuts) {
      let pauses = 0;
      const index = await readKbIndex(bodyOf([bytes.subarray(0, cut), bytes.subarray(cut)]), async () => void pauses++);
      expect(index).toEqual(SMALL);
      expect(pauses).toBe(2);
    }
    await expect(readKbIndex(bodyOf([bytes.subarray(0, bytes.length - 1)]), async () => {})).rejects.toThrow(/cut short/);
  });

  it('reads the bundled index in slices of at most 256 KB, pausing after each, into the knowledge base the CLI loads', async () => {
    const text = readFileSync(path.join(REPO, 'public/kb/index.txt'));
    let pauses = 0;
    const index = await readKbIndex(bodyOf([new Uint8Array(text)]), async () => void pauses++);
    expect(pauses).toBe(Math.ceil(text.length / 262144));
    expect(index).toEqual(parseKbIndex(text.toString('utf8')));
    expect(createKnowledgeBase(index).lookup('Syrian Observatory for Human Rights')?.type).toBe('organization');
  });

  it('looks keys up in the slot lines: implied and explicit keys, shared and weak ones', () => {
    const kb = createKnowledgeBase(SMALL);
    expect(kb.lookup('Nice')).toEqual({ id: 'kb:nice-fr', type: 'place', name: 'Nice', country: 'FR' });
    expect(kb.lookup('Syrië')?.id).toBe('wd:Q858');
    expect(kb.lookup('Damascus')).toBeNull();
    expect(kb.lookup('Bush')).toBeNull();
    expect(kb.candidates('Bush').map((e) => e.id)).toEqual(['wd:Q207', 'wd:Q23505']);
    expect(kb.isWeak('Nice')).toBe(true);
    expect(kb.isWeak('Syrie')).toBe(false);
  });
});

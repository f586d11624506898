import { describe, expect, it } from 'vitest';
import { findDetailRow, formatKbDetails, readKbDetails } from './details-file';
import { createKnowledgeBase } from './knowledge-base';

const header = { version: 4 as const, build: 'b1', sources: [{ id: 'overlay', title: 'Overlay', licence: 'MIT', sha256: { 'overlay.json': 'ab' } }] };
const bytesOf = (text: string) => new TextEncoder().encode(text);

describe('the details file', () => {
  it('finds every id and no other, whatever the order given and the ids’ scripts', () => {
    // Ids with accents, CJK and a character outside the BMP (UTF-8 byte order differs from
    // UTF-16 code-unit order there), prefixes of one another, and one id with an empty row.
    const ids = ['kb:zeta', 'kb:a', 'kb:ab', 'kb:abc', 'wd:Q1', 'wd:Q10', 'wd:Q2', 'kb:éire', 'kb:東京', 'kb:\u{1F600}x', 'kb:\uFFFDy', 'kb:empty'];
    for (let n = 1; n <= 300; n++) ids.push(`kb:n${n}`);
    const rows = ids.map((id, i) => [id, id === 'kb:empty' ? '' : `row ${i}\t${id.toUpperCase()}`] as const);
    // A permutation of the rows (7919 is prime to their number).
    const shuffled = rows.map((_, i) => rows[(i * 7919) % rows.length]);
    const details = readKbDetails(bytesOf(formatKbDetails(header, shuffled)));
    expect(details.build).toBe('b1');
    expect(details.sources[0].licence).toBe('MIT');
    for (const [id, row] of rows) expect(findDetailRow(details, id)).toBe(row);
    for (const id of ['', 'kb:', 'kb:aa', 'kb:abcd', 'wd:Q', 'wd:Q3', 'kb:zzz', 'a', 'zz', 'kb:東', 'kb:n0', 'kb:n301']) expect(findDetailRow(details, id)).toBeUndefined();
  });

  it('finds the only row, and none in a file without rows', () => {
    expect(findDetailRow(readKbDetails(bytesOf(formatKbDetails(header, [['kb:one', 'One.']]))), 'kb:one')).toBe('One.');
    expect(findDetailRow(readKbDetails(bytesOf(formatKbDetails(header, []))), 'kb:one')).toBeUndefined();
  });

  it('refuses rows it could not find again, and files of another version', () => {
    expect(() => formatKbDetails(header, [['kb:a\tb', 'x']])).toThrow(/tab or newline/);
    expect(() => formatKbDetails(header, [['kb:a', 'x\ny']])).toThrow(/tab or newline/);
    expect(() => formatKbDetails(header, [['kb:a', 'x'], ['kb:a', 'y']])).toThrow(/two details rows/);
    expect(() => readKbDetails(bytesOf('{"version":3}\n'))).toThrow(/version 3/);
    expect(() => readKbDetails(bytesOf('no header'))).toThrow(/header/);
  });

  it('gives the backgrounds its rows describe, and belongs to the index of its build', () => {
    const details = readKbDetails(
      bytesOf(formatKbDetails(header, [['wd:Q7747', 'President of Russia.\tPutin|V. Putin\tQ7747\tRU\tod\t2000-05-07'], ['kb:isw', 'Think tank.\t\t\tUS\tp']])),
    );
    const kb = createKnowledgeBase({ version: 1, entities: [], aliases: {} }, details);
    expect(kb.background('wd:Q7747')).toEqual({
      description: 'President of Russia.',
      aliases: ['Putin', 'V. Putin'],
      wikidata: 'Q7747',
      country: 'RU',
      source: 'overlay',
      derived: true,
      dates: { from: '2000-05-07', to: null },
    });
    expect(kb.background('kb:isw')).toEqual({ description: 'Think tank.', aliases: [], wikidata: null, country: 'US', source: 'phoenix' });
    expect(kb.background('kb:none')).toBeNull();
  });
});

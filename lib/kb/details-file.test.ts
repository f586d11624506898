import { describe, expect, it } from 'vitest';
import { DETAIL_SHARDS, detailShard, detailShardPath, detailsOf, findDetailRow, formatKbDetails, readKbDetails, type KbDetailsDataV5, type KbDetailsHeader } from './details-file';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createKnowledgeBase } from './knowledge-base';
import { parseKbIndex } from './index-file';
import { REPO } from '@/tests/unit/dom';

const header = { build: 'b1', sources: [{ id: 'overlay', title: 'Overlay', licence: 'MIT', sha256: { 'overlay.json': 'ab' } }] };
const encode = (text: string) => new TextEncoder().encode(text);

/** The files formatFiles wrote, read back as the CLI reads them. */
function readBack(files: ReturnType<typeof formatKbDetails>): KbDetailsDataV5 {
  return readKbDetails(files.header, (file) => encode(files.shards[parseInt(file.slice('kb/details/'.length), 16)]));
}

describe('the details files', () => {
  it('cuts the sorted lines into shards, and finds every id and no other, whatever the order given and the ids’ scripts', () => {
    // Ids with accents, CJK and a character outside the BMP (UTF-8 byte order differs from
    // UTF-16 code-unit order there), prefixes of one another, and one id with an empty row;
    // enough of them that shards hold several lines.
    const ids = ['kb:zeta', 'kb:a', 'kb:ab', 'kb:abc', 'wd:Q1', 'wd:Q10', 'wd:Q2', 'kb:éire', 'kb:東京', 'kb:\u{1F600}x', 'kb:\uFFFDy', 'kb:empty'];
    for (let n = 1; n <= 3000; n++) ids.push(`kb:n${n}`);
    const rows = ids.map((id, i) => [id, id === 'kb:empty' ? '' : `row ${i}\t${id.toUpperCase()}`] as const);
    // A permutation of the rows (7919 is prime to their number).
    const shuffled = rows.map((_, i) => rows[(i * 7919) % rows.length]);
    const files = formatKbDetails(header, shuffled);
    expect(files.shards).toHaveLength(DETAIL_SHARDS);
    const written = JSON.parse(files.header) as KbDetailsHeader;
    expect(written).toEqual({ version: 5, ...header, starts: expect.any(Array) });
    expect(written.starts).toHaveLength(DETAIL_SHARDS - 1);
    const details = readBack(files);
    for (const [id] of rows) expect(files.shards[detailShard(details, id)]).toContain(`${id}\t`);
    // Runs of as many lines, give or take one, each starting where the header says.
    const lengths = files.shards.map((s) => s.split('\n').length - 1);
    expect(Math.max(...lengths) - Math.min(...lengths)).toBeLessThanOrEqual(1);
    written.starts.forEach((id, i) => expect(files.shards[i + 1].startsWith(`${id}\t`)).toBe(true));
    expect(details.build).toBe('b1');
    for (const [id, row] of rows) expect(findDetailRow(details, id)).toBe(row);
    for (const id of ['', 'kb:', 'kb:aa', 'kb:abcd', 'wd:Q', 'wd:Q3', 'kb:zzz', 'a', 'zz', 'kb:東', 'kb:n0', 'kb:n3001']) expect(findDetailRow(details, id)).toBeUndefined();
  });

  it('names the shards by their number in hex, and cuts fewer lines than shards into one shard per line', () => {
    expect([0, 10, 255, 256].map(detailShardPath)).toEqual(['kb/details/00.txt', 'kb/details/0a.txt', 'kb/details/ff.txt', 'kb/details/100.txt']);
    const files = formatKbDetails(header, [['kb:b', 'B.'], ['kb:a', 'A.'], ['kb:c', 'C.']]);
    expect(files.shards).toEqual(['kb:a\tA.\n', 'kb:b\tB.\n', 'kb:c\tC.\n']);
    expect((JSON.parse(files.header) as KbDetailsHeader).starts).toEqual(['kb:b', 'kb:c']);
  });

  it('finds nothing in a shard not read, nor in empty files', () => {
    const files = formatKbDetails(header, [['kb:one', 'One.'], ['kb:two', 'Two.']]);
    const details = detailsOf(JSON.parse(files.header) as KbDetailsHeader);
    expect(findDetailRow(details, 'kb:two')).toBeUndefined();
    details.shards[detailShard(details, 'kb:two')] = encode(files.shards[1]);
    expect(findDetailRow(details, 'kb:two')).toBe('Two.');
    expect(findDetailRow(details, 'kb:one')).toBeUndefined();
    expect(findDetailRow(readBack(formatKbDetails(header, [])), 'kb:one')).toBeUndefined();
  });

  it('refuses rows it could not find again, and files of another version', () => {
    expect(() => formatKbDetails(header, [['kb:a\tb', 'x']])).toThrow(/tab or newline/);
    expect(() => formatKbDetails(header, [['kb:a', 'x\ny']])).toThrow(/tab or newline/);
    expect(() => formatKbDetails(header, [['kb:a', 'x'], ['kb:a', 'y']])).toThrow(/two details rows/);
    expect(() => readKbDetails('{"version":4}', () => encode(''))).toThrow(/version 4/);
  });

  it('gives the backgrounds its rows describe, and belongs to the index of its build', () => {
    const details = readBack(formatKbDetails(header, [['wd:Q7747', 'President of Russia.\tPutin|V. Putin\tQ7747\tRU\tod\t2000-05-07'], ['kb:isw', 'Think tank.\t\t\tUS\tp']]));
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
    // With the bundled index, of another build: refused.
    const index = parseKbIndex(readFileSync(path.join(REPO, 'public/kb/index.txt'), 'utf8'));
    expect(() => createKnowledgeBase(index, details)).toThrow(/build b1\) does not belong to kb\/index.txt/);
  });
});

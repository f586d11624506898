import { describe, expect, it } from 'vitest';
import { BMP_PROPERTIES, bmp, bmpRanges, decodeRanges, encodeRanges } from './bmp-classes';
import { BMP_RANGES, BMP_UNICODE } from './bmp-classes-data';

describe('bmp classes', () => {
  // Checked with the Unicode version they were generated from (Node 20 here and on CI; another Node
  // may know another version: regenerate with scripts/build-bmp-classes.ts to move to it).
  it.skipIf(process.versions.unicode !== BMP_UNICODE).each(BMP_PROPERTIES)('\\p{%s}: the generated ranges are exactly the first plane of the property, and its rewriting matches them', (p) => {
    const ranges = bmpRanges(new RegExp(String.raw`\p{${p}}`, 'u'));
    expect(decodeRanges(BMP_RANGES[p])).toEqual(ranges);
    expect(bmpRanges(bmp(new RegExp(String.raw`^\p{${p}}$`, 'u')))).toEqual(ranges);
    expect(bmpRanges(bmp(new RegExp(String.raw`^[\p{${p}}]$`, 'u')))).toEqual(ranges);
  });

  it('encodes ranges as text and back', () => {
    const ranges: [number, number][] = [[0, 0], [65, 90], [92, 92], [0x100, 0x100], [0x102, 0xffff]];
    expect(encodeRanges(ranges)).toBe('0,1t+p,2,4k,2+1ed9');
    expect(decodeRanges(encodeRanges(ranges))).toEqual(ranges);
  });

  it('rewrites properties inside a class and alone, keeps flags, escapes and other properties', () => {
    const original = /(?:\p{Lu}[\p{L}'’.-]*\s*){1,3}|\[\p{N}\]|[\p{Ps}\p{Pi}]/gu;
    const re = bmp(original);
    expect(re.flags).toBe('gu');
    expect(re.source).not.toMatch(/\\p\{(?:Lu|L|N)\}/);
    expect(re.source).toContain(String.raw`\p{Ps}`);
    const text = 'Said Éric Zola-Ngô, “x” (Ǉ) [7]';
    expect(text.match(re)).toEqual(['Said Éric Zola-Ngô', '“', '(', 'Ǉ', '[7]']);
    expect(text.match(re)).toEqual(text.match(original));
    expect(bmp(/[^\p{L}]+/u).exec('Łódź — Kraków')?.[0]).toBe(' — ');
    // Letters beyond U+FFFF are what it leaves out.
    expect(/^\p{L}$/u.test('𝐀')).toBe(true);
    expect(bmp(/^\p{L}$/u).test('𝐀')).toBe(false);
  });

  it('shares one rewriting per source and flags, and makes a new one for g or y', () => {
    expect(bmp(/^\p{Lu}/u)).toBe(bmp(/^\p{Lu}/u));
    expect(bmp(/^\p{Lu}/iu)).not.toBe(bmp(/^\p{Lu}/u));
    expect(bmp(/^\p{Lu}/iu).flags).toBe('iu');
    expect(bmp(/^\p{Lu}/u).flags).toBe('u');
    const a = bmp(/\p{L}+/gu);
    expect(a).not.toBe(bmp(/\p{L}+/gu));
    a.exec('ab cd');
    expect(a.lastIndex).toBe(2);
    expect(bmp(/\p{L}+/gu).lastIndex).toBe(0);
  });

  it('takes the source and flags as strings (the builds pass them so) for the same expression', () => {
    expect(bmp('^\\p{Lu}', 'u')).toBe(bmp(/^\p{Lu}/u));
    const g = bmp('\\p{L}+', 'gu');
    expect([g.source, g.flags]).toEqual([bmp(/\p{L}+/gu).source, 'gu']);
    expect(g).not.toBe(bmp('\\p{L}+', 'gu'));
  });

  it('matches as the original does on text of many scripts', () => {
    const text = 'Der Bürgermeister Łukasz Żółw, Ангела Петрова, Σωκράτης, 李小龍 and محمد said 12 ١٢ ¾ e\u0301 Ǆemal ǅemal.';
    for (const re of [/\p{L}+/gu, /\p{Lu}\p{Ll}+/gu, /[\p{L}\p{N}\p{M}]+/gu, /\p{Nd}+/gu, /[\p{Lu}\p{Lt}]/gu, /[^\p{L}\s]+/gu]) {
      expect(text.match(bmp(re)), re.source).toEqual(text.match(re));
    }
  });
});

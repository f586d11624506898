import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences';

const texts = (t: string) => splitSentences(t).map((s) => s.text);

describe('splitSentences', () => {
  it('keeps abbreviations, initials and decimals inside sentences', () => {
    expect(texts('Mr. Smith met Dr. Jones in the U.S. capital. George W. Bush said 3.5 per cent. No. 1 was first.')).toEqual([
      'Mr. Smith met Dr. Jones in the U.S. capital.',
      'George W. Bush said 3.5 per cent.',
      'No. 1 was first.',
    ]);
  });

  it('ends a sentence after "U.S." when a new sentence clearly starts', () => {
    expect(texts('They flew to the U.S. The next day they left.')).toEqual(['They flew to the U.S.', 'The next day they left.']);
  });

  it('attaches footnote markers glued to a full stop to their sentence', () => {
    expect(texts('Istanbul respectively.[1] In Iraq ISIL struck.[2] Reportedly it was so.')).toEqual([
      'Istanbul respectively.[1]',
      'In Iraq ISIL struck.[2]',
      'Reportedly it was so.',
    ]);
  });

  it('uses DOM markers (superscripts) as sentence ends', () => {
    const t = 'Prices rose next year.5 In Kenya prices fell.';
    const marker = { start: t.indexOf('5'), end: t.indexOf('5') + 1 };
    expect(splitSentences(t, undefined, [marker]).map((s) => s.text)).toEqual(['Prices rose next year.5', 'In Kenya prices fell.']);
  });

  it('never crosses a paragraph break and keeps offsets exact', () => {
    const t = 'A heading\n\nFirst sentence here. Second one.';
    const s = splitSentences(t);
    expect(s.map((x) => x.text)).toEqual(['A heading', 'First sentence here.', 'Second one.']);
    for (const x of s) expect(t.slice(x.start, x.end)).toBe(x.text);
  });
});

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

  it('breaks by rule: quotes and brackets stay with the stop, lower case and digits continue', () => {
    expect(texts('He said: "We will stay." Then he left. (It rained.) At 5 p.m. on Sunday the U.S.A. team won 2.5 to 1. Why? Nobody knew!')).toEqual([
      'He said: "We will stay."',
      'Then he left.',
      '(It rained.)',
      'At 5 p.m. on Sunday the U.S.A. team won 2.5 to 1.',
      'Why?',
      'Nobody knew!',
    ]);
    expect(texts('It was done. — and more. The end... the rest. Stop. [a] note.')).toEqual(['It was done. — and more.', 'The end... the rest.', 'Stop. [a] note.']);
    expect(texts('One line\nanother line.')).toEqual(['One line', 'another line.']);
  });

  it('keeps a bracketed marker and a closing bracket with the sentence they follow', () => {
    expect(texts('(Control was granted in the 1860s.[48]) Following concerns, they moved.[49] Next came more.')).toEqual([
      '(Control was granted in the 1860s.[48])',
      'Following concerns, they moved.[49]',
      'Next came more.',
    ]);
  });

  it('never crosses a paragraph break and keeps offsets exact', () => {
    const t = 'A heading\n\nFirst sentence here. Second one.';
    const s = splitSentences(t);
    expect(s.map((x) => x.text)).toEqual(['A heading', 'First sentence here.', 'Second one.']);
    for (const x of s) expect(t.slice(x.start, x.end)).toBe(x.text);
  });
});

describe('splitSentences on news text', () => {
  it.each([
    ['The U.S. Army said on Tuesday it would leave. Gen. John Smith agreed.', ['The U.S. Army said on Tuesday it would leave.', 'Gen. John Smith agreed.']],
    ['J. K. Rowling wrote it. J.R.R. Tolkien did too.', ['J. K. Rowling wrote it.', 'J.R.R. Tolkien did too.']],
    ['They live in Washington, D.C. The city is big.', ['They live in Washington, D.C.', 'The city is big.']],
    ['He met St. Louis officials at 3 p.m. Tuesday. They talked.', ['He met St. Louis officials at 3 p.m. Tuesday.', 'They talked.']],
    ['It happened at 9 a.m. The police arrived later.', ['It happened at 9 a.m.', 'The police arrived later.']],
    ['The company, Acme Inc., said it grew 3.5 per cent. Shares rose.', ['The company, Acme Inc., said it grew 3.5 per cent.', 'Shares rose.']],
    ['She lives at No. 10 Downing Street. No one knew.', ['She lives at No. 10 Downing Street.', 'No one knew.']],
    ['It was Sept. 11 when it began. Ms. Jones and Mrs. Brown were there.', ['It was Sept. 11 when it began.', 'Ms. Jones and Mrs. Brown were there.']],
    ['Lt. Col. James Smith said it. Capt. Jones did not.', ['Lt. Col. James Smith said it.', 'Capt. Jones did not.']],
    ['"I am leaving," he said. "Goodbye." Then he left.', ['"I am leaving," he said.', '"Goodbye."', 'Then he left.']],
    ['‘We didn’t play,’ said Gerrard. ‘We looked nervous.’', ['‘We didn’t play,’ said Gerrard.', '‘We looked nervous.’']],
    ['The rate fell to 4.5%. It was 5.1% a year ago.', ['The rate fell to 4.5%.', 'It was 5.1% a year ago.']],
    ['The U.S.-led coalition struck. The U.K. joined.', ['The U.S.-led coalition struck.', 'The U.K. joined.']],
  ])('%s', (text, expected) => {
    const s = splitSentences(text);
    expect(s.map((x) => x.text)).toEqual(expected);
    for (const x of s) expect(text.slice(x.start, x.end)).toBe(x.text);
  });
});

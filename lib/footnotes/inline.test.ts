import { describe, expect, it } from 'vitest';
import { markerPieces, markersOf, sentenceStart } from './inline';
import type { Footnote } from '../schema';

const text = 'Prices rose in September, the agency said.1 In Baidoa a sack cost $48.[2] Nothing else.';
const at = (s: string) => text.indexOf(s);
const footnotes: Footnote[] = [
  { label: '2', citations: [{ start: at('[2]'), end: at('[2]') + 3, sentence: '' }], note: null },
  { label: '1', citations: [{ start: at('.1') + 1, end: at('.1') + 2, sentence: '' }], note: null },
];

describe('footnote markers inside sentences', () => {
  const markers = markersOf(footnotes);

  it('lists every marker in text order', () => {
    expect(markers.map((m) => m.label)).toEqual(['1', '2']);
  });

  it('splits a sentence around the markers it holds', () => {
    const first = 'Prices rose in September, the agency said.1';
    expect(markerPieces(first, 0, markers)).toEqual([{ text: 'Prices rose in September, the agency said.' }, { text: '1', marker: '1' }]);
    const second = 'In Baidoa a sack cost $48.[2]';
    expect(markerPieces(second, at(second), markers)).toEqual([{ text: 'In Baidoa a sack cost $48.' }, { text: '[2]', marker: '2' }]);
  });

  it('leaves a sentence without markers, or of unknown place, whole', () => {
    expect(markerPieces('Nothing else.', at('Nothing'), markers)).toEqual([{ text: 'Nothing else.' }]);
    expect(markerPieces('Prices rose.1', -1, markers)).toEqual([{ text: 'Prices rose.1' }]);
  });

  it('ignores a marker that only partly overlaps the sentence', () => {
    expect(markerPieces('$48.[2', at('$48'), markers)).toEqual([{ text: '$48.[2' }]);
  });

  it('finds a citing sentence by the marker it holds, not by an earlier copy', () => {
    const twice = 'It rose.1 Later. It rose.1';
    expect(sentenceStart(twice, 'It rose.1', twice.lastIndexOf('1'))).toBe(17);
    expect(sentenceStart(twice, 'It rose.1', 8)).toBe(0);
    expect(sentenceStart(twice, 'Absent.', 8)).toBe(-1);
  });
});

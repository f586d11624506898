import { describe, expect, it } from 'vitest';
import { leadingLabel, markerLabel, stripLeadingLabel } from './labels';

describe('marker labels', () => {
  it('reads the label a marker stands for', () => {
    expect(['1', '[12]', '(3)', '^4', '[a]', '[note 1]', '[n 2]', '[1:1]', '*', '†', '[iv]'].map(markerLabel)).toEqual([
      '1', '12', '3', '4', 'a', 'note 1', 'n 2', '1', '*', '†', 'iv',
    ]);
  });

  it('rejects what is not a marker', () => {
    expect(['edit', '[edit]', 'citation needed', '2019', '$5', '', '1 History', '#', '↩'].map(markerLabel)).toEqual(Array(9).fill(null));
  });
});

describe('note labels', () => {
  it('reads a written-out label at the start of a note', () => {
    expect(leadingLabel('[1] Author, title.')).toEqual({ label: '1', kind: 'bracket', rest: 4 });
    expect(leadingLabel('[^src]: Source.')).toEqual({ label: 'src', kind: 'bracket', rest: 8 });
    expect(leadingLabel('2. Second.')).toEqual({ label: '2', kind: 'numbered', rest: 3 });
    expect(leadingLabel('† Re-elected.')).toEqual({ label: '†', kind: 'symbol', rest: 2 });
    expect(leadingLabel('* * *')).toBeNull();
    expect(leadingLabel('[edit] the page')).toBeNull();
    expect(leadingLabel('2019 was a year.')).toBeNull();
  });

  it('strips only a copy of the note’s own label', () => {
    expect(stripLeadingLabel('1. World Bank.', '1')).toBe('World Bank.');
    expect(stripLeadingLabel('[1] World Bank.', '1')).toBe('World Bank.');
    expect(stripLeadingLabel('[^1]: World Bank.', '1')).toBe('World Bank.');
    expect(stripLeadingLabel('^ World Bank.', '1')).toBe('World Bank.');
    expect(stripLeadingLabel('* Provisional.', '*')).toBe('Provisional.');
    expect(stripLeadingLabel('1.5 million people.', '1')).toBe('1.5 million people.');
    expect(stripLeadingLabel('12 people.', '1')).toBe('12 people.');
    expect(stripLeadingLabel('See. Ibid.', '1')).toBe('See. Ibid.');
  });
});

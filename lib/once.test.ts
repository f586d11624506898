import { describe, expect, it } from 'vitest';
import { memoByString, once } from './once';

describe('once', () => {
  it('makes the value on first use only', () => {
    let made = 0;
    const value = once(() => ++made);
    expect(made).toBe(0);
    expect([value(), value()]).toEqual([1, 1]);
  });
});

describe('memoByString', () => {
  it('answers as the function does, asking it once per string', () => {
    const asked: string[] = [];
    const length = memoByString((s: string) => (asked.push(s), s.length));
    expect([length('ab'), length('abc'), length('ab'), length('')]).toEqual([2, 3, 2, 0]);
    expect(asked).toEqual(['ab', 'abc', '']);
  });

  it('forgets all it knows when full, and still answers right', () => {
    const asked: string[] = [];
    const upper = memoByString((s: string) => (asked.push(s), s === s.toUpperCase()), 2);
    expect([upper('A'), upper('b'), upper('C'), upper('A')]).toEqual([true, false, true, true]);
    // 'C' came with two known: they were forgotten, so 'A' was asked again.
    expect(asked).toEqual(['A', 'b', 'C', 'A']);
  });
});

import { describe, expect, it } from 'vitest';
import { recognizeQuantities } from './numbers';

const one = (text: string) => {
  const qs = recognizeQuantities(text);
  expect(qs).toHaveLength(1);
  const q = qs[0];
  return { text: text.slice(q.start, q.end), value: q.value, type: q.type, currency: q.currency ?? null, hedge: q.hedge ?? null };
};

describe('recognizeQuantities', () => {
  it.each([
    ['400', 400],
    ['13,000', 13000],
    ['12,34,567.89', 1234567.89],
    ['1 234 567', 1234567],
    ['3.38', 3.38],
    ['.08', 0.08],
    ['1.3e6', 1.3e6],
    ['forty', 40],
    ['twenty-one', 21],
    ['three hundred and thirty one', 331],
    ['two hundred and two thousand', 202000],
    ['twenty-one trillion and three hundred', 21000000000300],
    ['a dozen', 12],
    ['half a dozen', 6],
    ['three dozen', 36],
    ['2 million', 2e6],
    ['10k', 1e4],
    ['1.2b', 1.2e9],
    ['13 lakh', 1.3e6],
    ['one and a half', 1.5],
    ['two hundred point seventy-one', 200.71],
    ['nine point nought four', 9.04],
    ['2 1/4', 2.25],
    ['half million', 500000],
  ])('reads %s as %d', (text, value) => {
    const q = one(text);
    expect(q.text).toBe(text);
    expect(q.value).toBeCloseTo(value, 6);
  });

  it('reads fractions and ratios as shares', () => {
    expect(one('two-thirds')).toMatchObject({ type: 'share', value: 2 / 3 });
    expect(one('a fifth')).toMatchObject({ type: 'share', value: 0.2 });
    expect(one('three quarters')).toMatchObject({ type: 'share', value: 0.75 });
    expect(one('7/32')).toMatchObject({ type: 'number', value: 7 / 32 });
    expect(one('one in five')).toMatchObject({ type: 'ratio', value: 0.2 });
    expect(one('one out of three').value).toBeCloseTo(1 / 3);
  });

  it('reads percentages', () => {
    expect(one('20%')).toMatchObject({ text: '20%', type: 'percent', value: 20 });
    expect(one('20 percent')).toMatchObject({ type: 'percent', value: 20 });
    expect(one('15 per cent')).toMatchObject({ type: 'percent', value: 15 });
    expect(one('80-percent')).toMatchObject({ type: 'percent', value: 80 });
    expect(one('half a percentage point')).toMatchObject({ type: 'percent', value: 0.5 });
  });

  it('reads money with its scale and currency', () => {
    expect(one('$48.2 million')).toMatchObject({ value: 48.2e6, currency: 'USD', type: 'money' });
    expect(one('€6 billion')).toMatchObject({ value: 6e9, currency: 'EUR' });
    expect(one('£3bn')).toMatchObject({ value: 3e9, currency: 'GBP' });
    expect(one('$48')).toMatchObject({ value: 48, currency: 'USD' });
    expect(one('€850m')).toMatchObject({ value: 850e6, currency: 'EUR' });
    expect(one('US$ 150 million')).toMatchObject({ value: 150e6, currency: 'USD' });
    expect(one('HK$10.05 billion')).toMatchObject({ value: 10.05e9, currency: 'HKD' });
    expect(one('176 Hong Kong dollars')).toMatchObject({ value: 176, currency: 'HKD' });
    expect(one('five million yen')).toMatchObject({ value: 5e6, currency: 'JPY' });
    expect(one('Rs 24 lakh')).toMatchObject({ value: 2.4e6, currency: 'INR' });
    expect(one('3 dollars 50 cents')).toMatchObject({ value: 3.5, currency: 'USD' });
  });

  it('keeps "a" and possessives out of currency prefixes', () => {
    expect(one('a $48.2 million contract').text).toBe('$48.2 million');
  });

  it('reads vague multiples with their hedge', () => {
    expect(one('hundreds of people')).toMatchObject({ text: 'hundreds', value: 100, hedge: 'hundreds of' });
    expect(one('tens of thousands of people')).toMatchObject({ text: 'tens of thousands', value: 1e4, hedge: 'tens of' });
    expect(one('dozens of')).toMatchObject({ value: 12, hedge: 'dozens of' });
    expect(one('can cost billions.')).toMatchObject({ value: 1e9, hedge: 'billions' });
  });

  it('tells ordinals from fractions', () => {
    expect(one('the 6th fatality')).toMatchObject({ type: 'ordinal', value: 6 });
    expect(one('twenty-first')).toMatchObject({ type: 'ordinal', value: 21 });
    expect(one('eight seconds')).toMatchObject({ type: 'number', value: 8 });
  });

  it('splits what is not one number', () => {
    expect(recognizeQuantities('22,24,26,31.').map((q) => q.value)).toEqual([22, 24, 26, 31]);
    expect(recognizeQuantities('roughly 400 737 Max jets').map((q) => q.value)).toEqual([400, 737]);
    expect(recognizeQuantities('192.168.1.2').every((q) => q.dotted)).toBe(true);
    expect(recognizeQuantities('see https://example.org/a?q=30%25%2020%')).toEqual([]);
    expect(recognizeQuantities('The one you mentioned')).toEqual([]);
  });

  it('is not fooled by words of the prototype', () => {
    expect(recognizeQuantities('the constructor of toString and valueOf')).toEqual([]);
  });

  it('reads long text in linear time', () => {
    const para = 'Officials said at least 40 people were killed and 1,200 wounded, costing $3.5 billion, about 20% of the budget. ';
    const short = para.repeat(50);
    const long = para.repeat(800);
    const t0 = performance.now();
    recognizeQuantities(short);
    const t1 = performance.now();
    recognizeQuantities(long);
    const t2 = performance.now();
    expect(recognizeQuantities(long)).toHaveLength(800 * 4);
    // 16 times the text in well under 64 times the time (a quadratic scan would take 256 times).
    expect(t2 - t1).toBeLessThan(Math.max(64 * (t1 - t0), 200));
  });
});

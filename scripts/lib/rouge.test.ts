import { describe, expect, it } from 'vitest';
import { rouge, rougeTokens } from './rouge';

describe('ROUGE as summ-gold/README.md defines it', () => {
  it('tokenises: lowercase, non-[a-z0-9] as space, Porter stems of tokens longer than 3', () => {
    expect(rougeTokens("The U.S. troops were fighting -- isn't it?")).toEqual(['the', 'u', 's', 'troop', 'were', 'fight', 'isn', 't', 'it']);
  });

  it('is 1 for a perfect summary and 0 for a disjoint one', () => {
    expect(rouge(['police arrest two men'], ['police arrest two men'])).toEqual({ r1: 1, r2: 1, rlsum: 1 });
    expect(rouge(['cats sleep'], ['police arrest two men'])).toEqual({ r1: 0, r2: 0, rlsum: 0 });
  });

  it('clips counts and takes F1 of precision and recall', () => {
    // pred: the the the cat (4 tokens); ref: the cat sat (3). Unigram hits: the×1 + cat = 2.
    const r = rouge(['the the the cat'], ['the cat sat']);
    const p = 2 / 4;
    const rc = 2 / 3;
    expect(r.r1).toBeCloseTo((2 * p * rc) / (p + rc), 10);
    // Bigrams: pred {the the ×2, the cat}, ref {the cat, cat sat}: 1 hit, P 1/3, R 1/2.
    expect(r.r2).toBeCloseTo((2 * (1 / 3) * (1 / 2)) / (1 / 3 + 1 / 2), 10);
  });

  it('takes the union LCS of each reference line over the candidate sentences (RLsum)', () => {
    // Lin (2004) §3.2's example: r = w1..w5, c1 = w1 w2 w6 w7 w8, c2 = w1 w3 w8 w9 w5.
    // Union LCS = w1 w2 w3 w5 → 4 hits; R = 4/5, P = 4/10.
    const r = rouge(['w1 w2 w6 w7 w8', 'w1 w3 w8 w9 w5'], ['w1 w2 w3 w4 w5']);
    expect(r.rlsum).toBeCloseTo((2 * 0.4 * 0.8) / 1.2, 10);
  });
});

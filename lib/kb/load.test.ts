import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { KbDetailsDataV1 } from './knowledge-base';

// The loader keeps what it loaded in module state: each test imports a fresh copy.
let load: typeof import('./load');
beforeEach(async () => {
  vi.resetModules();
  load = await import('./load');
});

const details: KbDetailsDataV1 = { 'wd:Q7747': { description: 'President of Russia.', aliases: ['Putin'], country: 'RU', wikidata: 'Q7747' } };

describe('loading backgrounds for the views', () => {
  it('reads the details file alone (not the index), once', async () => {
    const fetchKb = vi.fn(async (path: string) => {
      if (path !== 'kb/details.txt') throw new Error(`asked for ${path}`);
      return structuredClone(details);
    });
    const [a, b] = await Promise.all([load.loadBackgrounds(fetchKb), load.loadBackgrounds(fetchKb)]);
    expect(a('wd:Q7747')?.description).toBe('President of Russia.');
    expect(a('wd:Q1')).toBeNull();
    expect(b).toBe(a);
    expect(fetchKb.mock.calls).toEqual([['kb/details.txt']]);
  });

  it('tries again after a failure', async () => {
    let fail = true;
    const fetchKb = vi.fn(async () => {
      if (fail) throw new Error('offline');
      return structuredClone(details);
    });
    await expect(load.loadBackgrounds(fetchKb)).rejects.toThrow('offline');
    fail = false;
    expect((await load.loadBackgrounds(fetchKb))('wd:Q7747')?.country).toBe('RU');
    expect(fetchKb).toHaveBeenCalledTimes(2);
  });
});

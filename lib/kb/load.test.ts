import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DETAILS_HEADER, detailShard, detailShardPath, detailsOf, formatKbDetails, type KbDetailsHeader } from './details-file';

// The loader keeps what it loaded in module state: each test imports a fresh copy.
let load: typeof import('./load');
beforeEach(async () => {
  vi.resetModules();
  load = await import('./load');
});

const rows = [
  ['wd:Q7747', 'President of Russia.\tPutin\tQ7747\tRU'],
  ['wd:Q30', 'Country in North America.\tUSA|US\tQ30\tUS'],
  ['wd:Q90', 'Capital of France.\t\tQ90\tFR'],
] as const;
// One shard per row.
const files = formatKbDetails({ build: 'test', sources: [] }, rows);
const header = JSON.parse(files.header) as KbDetailsHeader;
const shardOf = (id: string) => detailShardPath(detailShard(detailsOf(header), id));
const read = async (path: string) => {
  if (path === DETAILS_HEADER) return structuredClone(header);
  if (!path.startsWith('kb/details/')) throw new Error(`asked for ${path}`);
  return new TextEncoder().encode(files.shards[parseInt(path.slice('kb/details/'.length), 16)]);
};

describe('loading backgrounds for the views', () => {
  it('reads the header, then the shards holding the ids asked for (not the index), each once', async () => {
    // wd:Q8, unknown, would be in wd:Q7747's shard; wd:Q30 is in another.
    const fetchKb = vi.fn(read);
    const [a, b] = await Promise.all([load.loadBackgrounds(['wd:Q7747', 'wd:Q8'], fetchKb), load.loadBackgrounds(['wd:Q7747'], fetchKb)]);
    expect(a('wd:Q7747')?.description).toBe('President of Russia.');
    expect(a('wd:Q8')).toBeNull();
    expect(b('wd:Q7747')).toBe(a('wd:Q7747'));
    const asked = () => fetchKb.mock.calls.map(([p]) => p);
    expect(asked()[0]).toBe(DETAILS_HEADER);
    expect(asked().slice(1).sort()).toEqual([...new Set([shardOf('wd:Q7747'), shardOf('wd:Q8')])].sort());
    expect(asked()).not.toContain(shardOf('wd:Q30'));
    // Another id: its shard alone.
    const before = asked().length;
    const c = await load.loadBackgrounds(['wd:Q30', 'wd:Q7747'], fetchKb);
    expect(c('wd:Q30')?.aliases).toEqual(['USA', 'US']);
    expect(asked().slice(before)).toEqual([shardOf('wd:Q30')]);
  });

  it('tries again after a failure', async () => {
    let fail = true;
    const fetchKb = vi.fn(async (path: string) => {
      if (fail) throw new Error('offline');
      return read(path);
    });
    await expect(load.loadBackgrounds(['wd:Q7747'], fetchKb)).rejects.toThrow('offline');
    fail = false;
    expect((await load.loadBackgrounds(['wd:Q7747'], fetchKb))('wd:Q7747')?.country).toBe('RU');
    expect(fetchKb.mock.calls.map(([p]) => p)).toEqual([DETAILS_HEADER, DETAILS_HEADER, shardOf('wd:Q7747')]);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, getSettings, isSiteDisabled, normalizeSettings, updateSettings } from '@/lib/settings';
import { REPO } from './dom';

const FIXTURES = path.join(REPO, 'tests/fixtures/settings');

describe('settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('falls back to the defaults on a fresh install', async () => {
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('has a stored fixture for every version up to the current one', () => {
    const versions = readdirSync(FIXTURES).map((f) => Number(/^v(\d+)\.json$/.exec(f)?.[1])).filter(Boolean).sort();
    expect(versions).toEqual(Array.from({ length: SETTINGS_VERSION }, (_, i) => i + 1));
  });

  // Every older version, stored as the extension of that version wrote it, loads into the current
  // shape through the migrations (storage item meta `v` says which version wrote it).
  for (const file of readdirSync(FIXTURES)) {
    const version = Number(/^v(\d+)\.json$/.exec(file)?.[1]);
    it(`loads settings written by version ${version}`, async () => {
      const stored = JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8'));
      await fakeBrowser.storage.local.set({ settings: stored, settings$: { v: version } });
      const s = await getSettings();
      expect(Object.keys(s).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
      expect(s.enabled).toBe(stored.enabled);
      expect(s.disabledSites).toEqual(['example.com', 'news.example.org']);
      expect(s.categories.organization).toBe(false);
    });
  }

  it('repairs damaged storage field by field instead of failing', () => {
    const s = normalizeSettings({ enabled: 'yes', categories: { person: false, bogus: true, claim: 3 }, disabledSites: ['a.com', 42] });
    expect(s.enabled).toBe(true);
    expect(s.categories.person).toBe(false);
    expect(s.categories.claim).toBe(true);
    expect('bogus' in s.categories).toBe(false);
    expect(s.disabledSites).toEqual(['a.com']);
    expect(normalizeSettings(null)).toEqual(DEFAULT_SETTINGS);
    // Only the object's own fields count; an endless off list is cut, not rejected.
    expect(normalizeSettings({ categories: Object.create({ person: false }) }).categories.person).toBe(true);
    const many = Array.from({ length: 6000 }, (_, i) => `site${i}.example`);
    expect(normalizeSettings({ disabledSites: many }).disabledSites).toHaveLength(5000);
  });

  it('turns Sift off for a site and its subdomains', async () => {
    const s = await updateSettings((x) => ({ ...x, disabledSites: [...x.disabledSites, 'WWW.News.Example'] }));
    expect(isSiteDisabled(s, 'news.example')).toBe(true);
    expect(isSiteDisabled(s, 'live.news.example')).toBe(true);
    expect(isSiteDisabled(s, 'othernews.example')).toBe(false);
    expect((await getSettings()).disabledSites).toEqual(['news.example']);
  });
});

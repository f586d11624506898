import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO } from './dom';
import { getMessage, loadMessages } from './messages';

// Every UI string lives in public/_locales: English complete, and every other language complete
// too (same keys, same placeholders), so that a translation is a file, not a code change.
const LOCALES = readdirSync(path.join(REPO, 'public/_locales'));

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(REPO, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f))
    .map((f) => path.join(REPO, dir, f));
}

/** Keys passed to t('…') in the UI code (and the manifest's __MSG_…__). */
function usedKeys(): Set<string> {
  const keys = new Set<string>();
  for (const file of [...sourceFiles('components'), ...sourceFiles('entrypoints'), ...sourceFiles('lib/cards'), path.join(REPO, 'lib/i18n.ts')]) {
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(/\bt\(\s*(?:on \? )?'([A-Za-z]\w*)'(?:\s*:\s*'([A-Za-z]\w*)')?/g)) {
      keys.add(m[1]);
      if (m[2]) keys.add(m[2]);
    }
    for (const m of src.matchAll(/'(popup|options|type|kind|hint|card)[A-Z]\w*'/g)) keys.add(m[0].slice(1, -1));
  }
  for (const m of readFileSync(path.join(REPO, 'wxt.config.ts'), 'utf8').matchAll(/__MSG_(\w+)__/g)) keys.add(m[1]);
  return keys;
}

const placeholders = (message: string) => [...message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((m) => m[1].toLowerCase()).sort();

describe('localisation', () => {
  const en = loadMessages('en');

  it('has English and at least one more language', () => {
    expect(LOCALES).toContain('en');
    expect(LOCALES.length).toBeGreaterThanOrEqual(2);
  });

  it('has every string the code uses in English, and no string the code does not use', () => {
    const used = usedKeys();
    expect([...used].filter((k) => !en[k]).sort()).toEqual([]);
    expect(Object.keys(en).filter((k) => !used.has(k)).sort()).toEqual([]);
  });

  for (const lang of LOCALES.filter((l) => l !== 'en')) {
    it(`${lang} is complete: same keys, same placeholders, translated`, () => {
      const other = loadMessages(lang);
      expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
      for (const key of Object.keys(en)) {
        expect(placeholders(other[key].message), `${lang} ${key}`).toEqual(placeholders(en[key].message));
        expect(other[key].placeholders ?? {}, `${lang} ${key}`).toEqual(en[key].placeholders ?? {});
      }
      // Translated: identical strings are only short words and names both languages share.
      const shared = new Set(['popupWikidata', 'typeOrganization', 'optionsVersion']);
      const same = Object.keys(en).filter((k) => en[k].message === other[k].message && en[k].message.length > 12 && !shared.has(k));
      expect(same).toEqual([]);
    });
  }

  it('declares every placeholder it uses, with positional content', () => {
    for (const lang of LOCALES) {
      for (const [key, entry] of Object.entries(loadMessages(lang))) {
        for (const name of placeholders(entry.message)) expect(entry.placeholders?.[name]?.content, `${lang} ${key} $${name}$`).toMatch(/^\$\d$/);
      }
    }
  });

  it('substitutes like the browsers do', () => {
    expect(getMessage(en, 'popupSomeNotesMissing', ['2', '5'])).toBe('2 of 5 footnotes have no note on the page.');
    expect(getMessage(loadMessages('fr'), 'popupMinutes', '3')).toBe('3 min de lecture');
  });

  it('keeps the store listing within its limits', () => {
    for (const lang of LOCALES) {
      const m = loadMessages(lang);
      expect(m.extName.message.length, `${lang} extName`).toBeLessThanOrEqual(75);
      expect(m.extDescription.message.length, `${lang} extDescription`).toBeLessThanOrEqual(132);
      expect(m.extShortName.message.length, `${lang} extShortName`).toBeLessThanOrEqual(12);
    }
  });
});

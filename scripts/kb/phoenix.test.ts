import { describe, expect, it } from 'vitest';
import { parsePhoenix, phoenixDate } from './phoenix';
import { properCase } from './words';

describe('reading the Phoenix dictionaries', () => {
  it('reads six- and eight-digit dates, the 2014 data putting two-digit years after 2020 in the 1900s', () => {
    expect(phoenixDate('000717')).toBe('2000-07-17');
    expect(phoenixDate('830101')).toBe('1983-01-01');
    expect(phoenixDate('19240101')).toBe('1924-01-01');
    expect(phoenixDate('2004017')).toBeNull();
  });

  it('gives records without codes of their own the next block of codes, and keeps synonyms and comments', () => {
    const text = [
      '# a comment',
      'LEONID_BREZHNEV_  # CountryInfo.txt',
      'LEONID_ILYICH_BREZHNEV',
      '\t[RUSGOV 641014-821110]',
      'HAMAS_  #  kkl 21 Mar 13',
      '+ISLAMIC_RESISTANCE_MOVEMENT',
      '+KHALED_MESHAAL',
      '\t[PSEREBHMS]',
      'KREMLIN_ [RUSGOV >080508]',
    ].join('\n');
    const records = parsePhoenix('test', text);
    expect(records.map((r) => r.name)).toEqual(['LEONID BREZHNEV', 'LEONID ILYICH BREZHNEV', 'HAMAS', 'KREMLIN']);
    expect(records[0].roles).toEqual([{ code: 'RUSGOV', from: '1964-10-14', to: '1982-11-10' }]);
    expect(records[1].roles).toEqual(records[0].roles);
    expect(records[0].comment).toBe('CountryInfo.txt');
    expect(records[2].synonyms).toEqual(['ISLAMIC RESISTANCE MOVEMENT', 'KHALED MESHAAL']);
    expect(records[3].roles).toEqual([{ code: 'RUSGOV', from: '2008-05-08', to: null }]);
  });
});

describe('proper case', () => {
  const words = new Set(['observatory', 'for', 'human', 'rights', 'security', 'council', 'group', 'army', 'who', 'syrian', 'bashar']);
  const known = (w: string) => words.has(w);
  it('writes names, particles and acronyms as English news does', () => {
    expect(properCase('BASHAR AL-ASSAD', known)).toBe('Bashar al-Assad');
    expect(properCase('SYRIAN OBSERVATORY FOR HUMAN RIGHTS', known)).toBe('Syrian Observatory for Human Rights');
    expect(properCase('UN SECURITY COUNCIL', known)).toBe('UN Security Council');
    expect(properCase('NATO', known)).toBe('NATO');
    expect(properCase('PKK', known)).toBe('PKK');
    expect(properCase('JABHAT AL NUSRA', known)).toBe('Jabhat al Nusra');
    expect(properCase('MR ASSAD', known)).toBe('Mr Assad');
    expect(properCase('WHO', known)).toBe('WHO');
    expect(properCase('DEBKAfile', known)).toBe('DEBKAfile');
  });
});

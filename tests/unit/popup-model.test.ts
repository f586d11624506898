import { describe, expect, it } from 'vitest';
import type { Actor, Claim } from '@/lib/schema';
import { categoryCounts, groupActors, groupClaims, isSafeLink, isUnsourced, primaryLanguage, readingMinutes, siteFromInput, validQid, wikidataUrl, wikipediaUrl } from '@/components/model';

// oxlint-disable-next-line no-script-url -- the tests check that such addresses never become links
const SCRIPT_URL = 'javascript:alert(1)';

const actor = (id: string, type: Actor['type'], starts: number[]): Actor => ({
  id,
  name: id,
  type,
  mentions: starts.map((start) => ({ start, end: start + 2, text: 'xx' })),
  background: null,
});
const claim = (kind: Claim['kind'], source: string | null, footnotes: string[] = []): Claim => ({
  start: 0,
  end: 1,
  text: '1',
  sentence: '1',
  value: 1,
  unit: null,
  kind,
  hedge: null,
  source,
  footnotes,
});

describe('popup model', () => {
  it('groups actors by type in the legend order, most mentioned first, then by first mention', () => {
    const groups = groupActors([actor('a', 'place', [50]), actor('b', 'person', [40]), actor('c', 'person', [10, 90]), actor('d', 'person', [5])]);
    expect(groups.map((g) => g.type)).toEqual(['person', 'place']);
    expect(groups[0].actors.map((x) => [x.item.id, x.index])).toEqual([
      ['c', 2],
      ['d', 3],
      ['b', 1],
    ]);
  });

  it('groups claims by kind and keeps their Analysis index', () => {
    const groups = groupClaims([claim('count', null), claim('casualties', 'X'), claim('count', null, ['2'])]);
    expect(groups.map((g) => [g.kind, g.claims.map((c) => c.index)])).toEqual([
      ['casualties', [1]],
      ['count', [0, 2]],
    ]);
  });

  it('calls a claim unsourced only without a source and without a footnote', () => {
    expect(isUnsourced(claim('count', null))).toBe(true);
    expect(isUnsourced(claim('count', 'the ministry'))).toBe(false);
    expect(isUnsourced(claim('count', null, ['4']))).toBe(false);
  });

  it('counts the highlights of each category', () => {
    const counts = categoryCounts({ actors: [actor('a', 'person', [1, 2]), actor('b', 'person', [3])], claimCount: 1, footnoteCount: 0 });
    expect(counts).toMatchObject({ person: 2, claim: 1, footnote: 0, place: 0 });
    expect(Object.values(categoryCounts(null)).every((n) => n === 0)).toBe(true);
  });

  it('makes only http(s) addresses clickable', () => {
    expect(isSafeLink('https://example.org/a')).toBe(true);
    expect(isSafeLink('http://example.org')).toBe(true);
    for (const bad of [SCRIPT_URL, SCRIPT_URL.replace('javascript', 'JavaScript'), ` ${SCRIPT_URL}`, 'data:text/html,x', 'file:///etc/passwd', 'chrome://settings', 'vbscript:x', '/relative', 'example.org', ''])
      expect(isSafeLink(bad), bad).toBe(false);
  });

  it('builds Wikidata and Wikipedia links only from a well-formed QID', () => {
    expect(validQid('Q30')).toBe('Q30');
    for (const bad of ['q30', 'Q0', 'Q30x', SCRIPT_URL.slice(0, 11), null, undefined, '']) expect(validQid(bad as string)).toBeNull();
    expect(wikidataUrl('Q30')).toBe('https://www.wikidata.org/wiki/Q30');
    expect(wikipediaUrl('Q30', 'fr')).toBe('https://www.wikidata.org/wiki/Special:GoToLinkedPage/frwiki/Q30');
    expect(wikipediaUrl('Q30', 'x/../')).toBe('https://www.wikidata.org/wiki/Special:GoToLinkedPage/enwiki/Q30');
  });

  it('gives a reading time of at least one minute', () => {
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(467)).toBe(2);
    expect(readingMinutes(5000)).toBe(22);
  });

  it('reads the primary language of a tag', () => {
    expect(primaryLanguage('en-GB')).toBe('en');
    expect(primaryLanguage('FR')).toBe('fr');
    expect(primaryLanguage(null)).toBeNull();
    expect(primaryLanguage('1234')).toBeNull();
  });

  it('turns what a reader types into a site name', () => {
    expect(siteFromInput('https://www.News.Example/world?x=1')).toBe('news.example');
    expect(siteFromInput('  example.com  ')).toBe('example.com');
    expect(siteFromInput('blog.example.co.uk/path')).toBe('blog.example.co.uk');
    for (const bad of ['', 'not a site!', SCRIPT_URL, 'exa_mple.com', '-bad.com']) expect(siteFromInput(bad), bad).toBeNull();
  });
});

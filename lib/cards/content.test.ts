/* oxlint-disable no-script-url -- hostile `javascript:` addresses are the input under test: they must never become links. */
import { describe, expect, it } from 'vitest';
import type { Actor, Claim, Footnote } from '../schema';
import { actorCard, announcement, claimCard, clip, footnoteCard, MAX_NOTE, needsDetails, regionName, safeLink, wikidataLink } from './content';

const putin: Actor = {
  id: 'wd:Q7747',
  name: 'Vladimir Putin',
  type: 'person',
  mentions: [
    { start: 0, end: 14, text: 'Vladimir Putin' },
    { start: 40, end: 45, text: 'Putin' },
    { start: 90, end: 95, text: 'putin' },
  ],
  background: null,
};
const details = {
  description: 'President of Russia since 2012, and from 2000 to 2008.',
  aliases: ['Putin', 'President Putin', 'Vladimir Vladimirovich Putin', 'VVP', 'V. Putin', 'Владимир Путин'],
  country: 'RU',
  wikidata: 'Q7747',
};

describe('safeLink: only http(s) addresses become clickable', () => {
  it('keeps http and https, normalised', () => {
    expect(safeLink('https://example.org/a b')).toEqual({ href: 'https://example.org/a%20b', text: 'https://example.org/a b' });
    expect(safeLink('http://example.org/').href).toBe('http://example.org/');
  });

  it('shows everything else as text', () => {
    for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', 'file:///etc/passwd', 'not a url', '//example.org/x', 'https://user:pw@example.org/']) {
      const link = safeLink(bad);
      expect(link.href, bad).toBeNull();
      expect(link.text.length).toBeGreaterThan(0);
    }
  });

  it('can demand https (links Sift makes) and cuts long addresses for display', () => {
    expect(safeLink('http://example.org/', ['https:']).href).toBeNull();
    const long = `https://example.org/${'x'.repeat(300)}`;
    const link = safeLink(long);
    expect(link.href).toBe(long);
    expect(link.text.length).toBeLessThanOrEqual(120);
    expect(link.text.endsWith('…')).toBe(true);
  });

  it('makes Wikidata links only from real QIDs', () => {
    expect(wikidataLink('Q7747')).toEqual({ href: 'https://www.wikidata.org/wiki/Q7747', text: 'https://www.wikidata.org/wiki/Q7747' });
    expect(wikidataLink('Q0')).toBeNull();
    expect(wikidataLink('Q7747/../../evil')).toBeNull();
    expect(wikidataLink('javascript:alert(1)')).toBeNull();
    expect(wikidataLink(null)).toBeNull();
  });
});

describe('actor cards', () => {
  it('say name, type, mentions, the other forms used, and the background once loaded', () => {
    const loading = actorCard(putin, null, true);
    expect(loading).toMatchObject({ name: 'Vladimir Putin', type: 'person', mentions: 3, namesInText: ['Putin'], description: null, background: 'loading' });
    expect(loading.link?.href).toBe('https://www.wikidata.org/wiki/Q7747'); // from the wd: id, before details arrive
    const card = actorCard(putin, details);
    expect(card.background).toBe('known');
    expect(card.description).toBe(details.description);
    expect(card.country).toBe('RU');
    // Aliases: not the name, not a form already listed, at most four.
    expect(card.aliases).toEqual(['President Putin', 'Vladimir Vladimirovich Putin', 'VVP', 'V. Putin']);
  });

  it('prefer the background the Analysis already carries', () => {
    const withBg = { ...putin, background: { ...details, description: 'From the analysis.' } };
    expect(needsDetails(withBg)).toBe(false);
    expect(actorCard(withBg, details).description).toBe('From the analysis.');
  });

  it('say when the knowledge base does not know the actor', () => {
    const unknown: Actor = { id: 'new:lena-okafor', name: 'Lena Okafor', type: 'person', mentions: [{ start: 0, end: 11, text: 'Lena Okafor' }], background: null };
    expect(needsDetails(unknown)).toBe(false);
    const card = actorCard(unknown, null, true);
    expect(card).toMatchObject({ background: 'unknown', description: null, link: null, aliases: [], namesInText: [] });
  });

  it('drop malformed countries and clip long descriptions', () => {
    const card = actorCard(putin, { ...details, country: '<b>', description: 'word '.repeat(200) });
    expect(card.country).toBeNull();
    expect(card.description!.length).toBeLessThanOrEqual(280);
  });
});

describe('footnote cards', () => {
  const note: Footnote = {
    label: '4',
    citations: [
      { start: 1, end: 2, sentence: 'a' },
      { start: 5, end: 6, sentence: 'b' },
    ],
    note: { text: 'OCHA Financial Tracking Service <img src=x onerror=alert(1)>', links: ['https://example.org/fts', 'javascript:alert(1)'] },
  };

  it('show the note as text with only safe links clickable', () => {
    const card = footnoteCard(note);
    expect(card.label).toBe('4');
    expect(card.citations).toBe(2);
    expect(card.note!.text).toContain('<img src=x onerror=alert(1)>'); // text, rendered as text
    expect(card.note!.links.map((l) => l.href)).toEqual(['https://example.org/fts', null]);
  });

  it('do not repeat an address the card lists as a link', () => {
    const card = footnoteCard({ ...note, note: { text: 'OCHA appeal (sample reference). https://example.org/fts ↩', links: ['https://example.org/fts'] } });
    expect(card.note!.text).toBe('OCHA appeal (sample reference). ↩');
    const only = footnoteCard({ ...note, note: { text: 'https://example.org/fts', links: ['https://example.org/fts'] } });
    expect(only.note!.text).toBe('https://example.org/fts');
  });

  it('say so when the page has no note', () => {
    expect(footnoteCard({ label: '7', citations: [{ start: 0, end: 3, sentence: '' }], note: null })).toEqual({ kind: 'footnote', label: '7', note: null, citations: 1 });
  });

  it('clip very long notes', () => {
    expect(footnoteCard({ ...note, note: { text: 'x '.repeat(1000), links: [] } }).note!.text.length).toBeLessThanOrEqual(MAX_NOTE);
  });
});

describe('claim cards and announcements', () => {
  const claim: Claim = { start: 0, end: 20, text: 'at least 40 sorties', sentence: '', value: 40, unit: 'sorties', kind: 'count', hedge: 'at least', source: null, footnotes: ['8'] };
  const t = (key: string, subs?: string | string[]) => (subs === undefined ? `[${key}]` : `[${key} ${([] as string[]).concat(subs).join(',')}]`);

  it('carry hedge, source and footnotes', () => {
    expect(claimCard(claim)).toEqual({ kind: 'claim', text: 'at least 40 sorties', claimKind: 'count', hedge: 'at least', source: null, footnotes: ['8'] });
  });

  it('are announced as one sentence each, with the position when stepping', () => {
    expect(announcement(actorCard(putin, details), t, { index: 2, total: 57 })).toBe(
      '[cardPosition 3,57]. Vladimir Putin, [cardTypePerson]. [cardMentions 3]. President of Russia since 2012, and from 2000 to 2008.',
    );
    expect(announcement(actorCard({ ...putin, mentions: putin.mentions.slice(0, 1) }), t)).toBe('Vladimir Putin, [cardTypePerson]. [cardMentionsOne].');
    expect(announcement(footnoteCard({ label: '7', citations: [], note: null }), t)).toBe('[cardFootnote 7]. [cardNoNote].');
    expect(announcement(claimCard(claim), t)).toBe('[cardClaim]: at least 40 sorties. [cardUnsourced].');
  });

  it('name countries in the reader’s language when the runtime can', () => {
    expect(regionName('SY', 'en')).toBe('Syria');
    expect(regionName('ZZZ', 'en')).toBe('ZZZ');
  });

  it('clip at a word boundary', () => {
    expect(clip('one two three four five six', 16)).toBe('one two three…');
    expect(clip('abcdefghijklmnopqrstuvwxyz', 10)).toBe('abcdefghi…');
    expect(clip('  short  text ', 50)).toBe('short text');
  });
});

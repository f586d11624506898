import { describe, expect, it } from 'vitest';
import { findActors } from './recognize';
import { splitSentences } from '../text/sentences';
import { createKnowledgeBase, aliasKey, EMPTY_KB } from '../kb/knowledge-base';
import type { Span } from '../schema';

const kb = createKnowledgeBase({
  version: 1,
  entities: [
    ['wd:Q2429253', 'armed-group', 'Islamic State', null],
    ['wd:Q7747', 'person', 'Vladimir Putin', 'RU'],
    ['kb:kremlin', 'government', 'Kremlin', 'RU'],
  ],
  aliases: Object.fromEntries(
    [
      ['ISIL', 0], ['ISIS', 0], ['Islamic State', 0], ['Daesh', 0],
      ['Putin', 1], ['Vladimir Putin', 1], ['Kremlin', 2],
    ].map(([a, i]) => [aliasKey(a as string), i as number]),
  ),
});

function actors(text: string, ignore: Span[] = [], base = kb) {
  return findActors({ text, sentences: splitSentences(text), ignore, kb: base });
}
const mentions = (text: string, ignore: Span[] = []) => actors(text, ignore).flatMap((a) => a.mentions.map((m) => m.text));

describe('findActors', () => {
  it('merges every name of a knowledge-base entity into one actor', () => {
    const a = actors('ISIL fighters fled. Analysts say ISIS is weaker, and the Islamic State lost towns. Daesh denied it.');
    const is = a.filter((x) => x.id === 'wd:Q2429253');
    expect(is).toHaveLength(1);
    expect(is[0].mentions.map((m) => m.text)).toEqual(['ISIL', 'ISIS', 'Islamic State', 'Daesh']);
    expect(is[0].type).toBe('armed-group');
  });

  it('finds unknown people and merges their surname and honorific forms', () => {
    const text = 'The analyst Eric Reeves said the plan had failed. "It is the worst," said Mr. Reeves. Reeves has studied Sudan for years.';
    const a = actors(text, [], EMPTY_KB);
    const reeves = a.filter((x) => x.mentions.some((m) => m.text.includes('Reeves')));
    expect(reeves).toHaveLength(1);
    expect(reeves[0].type).toBe('person');
    expect(reeves[0].mentions.map((m) => m.text)).toEqual(['Eric Reeves', 'Reeves', 'Reeves']);
  });

  it('keeps offsets honest and possessives outside the name', () => {
    const text = "Putin's spokesman spoke for the Kremlin's press office.";
    for (const a of actors(text)) for (const m of a.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(mentions(text)).toEqual(expect.arrayContaining(['Putin', 'Kremlin']));
  });

  it('reports no adjective, holiday or religion', () => {
    const found = mentions('On Good Friday Syrian and Russian officials met Christians and Sunni Muslims before Easter in Damascus.');
    for (const no of ['Good Friday', 'Syrian', 'Russian', 'Christians', 'Sunni', 'Muslims', 'Easter']) expect(found).not.toContain(no);
  });

  it('honours the ignore spans of footnote markers', () => {
    const text = 'The Kremlin denied it.[12] Putin agreed.';
    const at = text.indexOf('[12]');
    const found = actors(text, [{ start: at, end: at + 4 }]);
    for (const a of found) for (const m of a.mentions) expect(m.end <= at || m.start >= at + 4).toBe(true);
    expect(found.map((a) => a.name)).toEqual(expect.arrayContaining(['Kremlin', 'Vladimir Putin']));
  });

  it('leaves out the byline and the signature that closes a post', () => {
    const text = 'By Lena Okafor\n\nThe Kremlin said Putin would speak on Monday.\n\nJane Doe';
    const found = mentions(text);
    expect(found).not.toContain('Lena Okafor');
    expect(found).not.toContain('Jane Doe');
    expect(found).toContain('Kremlin');
  });

  it('ties an acronym to the organisation it abbreviates', () => {
    const a = actors('The International Monetary Fund expects growth. Economists at the IMF disagree.', [], EMPTY_KB);
    const imf = a.find((x) => x.mentions.some((m) => m.text === 'IMF'));
    expect(imf?.mentions.map((m) => m.text)).toEqual(['International Monetary Fund', 'IMF']);
    expect(imf?.type).toBe('organization');
  });

  it('takes no link code or identifier for a name (an embedded tweet\'s pic.twitter.com/MYwRz9euaq)', () => {
    const text = 'Delhi chief minister Arvind Kejriwal posted a photo. pic.twitter.com/MYwRz9euaq — Arvind Kejriwal (@ArvindKejriwal) November 1, 2019. Kejriwal urged calm. fCX2Ptc7YN';
    const found = mentions(text);
    expect(found).toEqual(expect.arrayContaining(['Arvind Kejriwal']));
    expect(found.filter((m) => /\d/.test(m))).toEqual([]);
  });

  it('takes no sentence-opening word for a name ("Moreover", "Yeah", "Week")', () => {
    const text = 'Moreover, the council met. “Yeah, we know,” said Tim Clark. Regardless, Clark left. Week after week nothing changed. Hey, look.';
    expect(mentions(text).sort()).toEqual(['Clark', 'Tim Clark']);
    // A sentence adverb before its comma, a pronoun with its verb; a given name stays.
    const more = "Essentially, the plan failed. I've seen it. Silego I've known for years. Kelly, the analyst, disagreed with Michael Shadlen on Nov. 3.";
    expect(mentions(more).sort()).toEqual(['Kelly', 'Michael Shadlen', 'Silego']);
    // A month's abbreviation in brackets, where the tagger took it for an organisation.
    expect(actors('The findings were published today (Nov. 18) in the journal BMJ Case Reports.', [], EMPTY_KB).flatMap((a) => a.mentions.map((m) => m.text))).not.toContain('Nov.');
  });

  it('keeps two organisations the knowledge base knows apart apart across "and"', () => {
    const orgs = createKnowledgeBase({
      version: 1,
      entities: [
        ['wd:Q1065', 'organization', 'United Nations', null],
        ['wd:Q458', 'organization', 'European Union', null],
      ],
      aliases: Object.fromEntries([['United Nations', 0], ['UN', 0], ['European Union', 1], ['EU', 1]].map(([a, i]) => [aliasKey(a as string), i as number])),
    });
    const a = actors('The United Nations and European Union stressed that the decision changed nothing. The EU said so again.', [], orgs);
    expect(a.map((x) => x.id).sort()).toEqual(['wd:Q1065', 'wd:Q458']);
    expect(a.find((x) => x.id === 'wd:Q458')!.mentions.map((m) => m.text)).toEqual(['European Union', 'EU']);
    // The sentence's "The" is not part of the name.
    expect(a.find((x) => x.id === 'wd:Q1065')!.mentions.map((m) => m.text)).toEqual(['United Nations']);
  });

  it('counts the first words of an organisation\'s full name as that organisation, not a place\'s', () => {
    const places = createKnowledgeBase({ version: 1, entities: [['wd:Q60', 'place', 'New York', 'US']], aliases: { [aliasKey('New York')]: 0 } });
    const a = actors('The Kohelet Policy Forum said so. Kohelet Policy experts agreed, said Avi Bell. New York Times reporters and New York officials met.', [], places);
    const kohelet = a.filter((x) => x.mentions.some((m) => m.text.startsWith('Kohelet')));
    expect(kohelet).toHaveLength(1);
    expect(kohelet[0]).toMatchObject({ name: 'Kohelet Policy Forum', type: 'organization' });
    expect(kohelet[0].mentions.map((m) => m.text)).toEqual(['Kohelet Policy Forum', 'Kohelet Policy']);
    expect(a.find((x) => x.name === 'New York Times')?.mentions.map((m) => m.text)).toEqual(['New York Times']);
  });

  it('takes a one-word country listed with countries for the country ("Egypt and Jordan"), not elsewhere', () => {
    const lands = createKnowledgeBase({
      version: 1,
      entities: [
        ['wd:Q79', 'country', 'Egypt', 'EG'],
        ['wd:Q810', 'country', 'Jordan', 'JO'],
        ['wd:Q801', 'country', 'Israel', 'IL'],
      ],
      aliases: Object.fromEntries([['Egypt', 0], ['Jordan', 1], ['Israel', 2]].map(([a, i]) => [aliasKey(a as string), i as number])),
    });
    const listed = actors('The only two Arab states to have signed peace treaties with Israel - Egypt and Jordan - also sharply criticised the move.', [], lands);
    expect(listed.find((x) => x.mentions.some((m) => m.text === 'Jordan'))).toMatchObject({ id: 'wd:Q810', type: 'country' });
    const player = actors('Michael Jordan scored 40 points. Jordan and Scottie Pippen left early.', [], lands);
    expect(player.find((x) => x.mentions.some((m) => m.text === 'Jordan'))?.type).toBe('person');
  });

  it('takes no run of adjectives for a person ("Regional Economic" of a report\'s title), but keeps people whose names end so', () => {
    const note = actors('IMF, Regional Economic Outlook: Sub-Saharan Africa, October 2026.', [], EMPTY_KB);
    expect(note.map((a) => a.name)).not.toContain('Regional Economic');
    // A given name among the words keeps the person.
    expect(actors('The economist Eric Marshal said prices would rise.', [], EMPTY_KB).map((a) => `${a.type}:${a.name}`)).toContain('person:Eric Marshal');
    expect(actors('Officials said Natalie Royal had resigned.', [], EMPTY_KB).map((a) => `${a.type}:${a.name}`)).toContain('person:Natalie Royal');
  });

  it('returns nothing for text without names', () => {
    expect(actors('it was a quiet day, and nothing happened at all.')).toEqual([]);
    expect(actors('')).toEqual([]);
  });
});

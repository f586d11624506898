import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze, fillDocumentWithText } from '@/lib/analysis';
import { splitSentences } from '@/lib/text/sentences';
import { bundledKb, fixtureDocument, htmlDocument, SHARED } from '@/tests/unit/dom';
import { isOpinion, summarize, summaryCandidates } from './summarize';

const run = (text: string, title: string | null = null) =>
  summarize({ text, title, sentences: splitSentences(text), actorSpans: [], claimSpans: [] });

const NEWS = [
  'Flooding forced 2,000 people from their homes in the river town of Elmsford on Tuesday, officials said.',
  'The river rose four metres overnight after three days of heavy rain across the valley.',
  'Emergency crews used boats to reach families trapped on the upper floors of houses near the bridge.',
  'The mayor, Anna Berg, said the town had not seen water this high since 1947.',
  '"We are doing everything we can," Berg told reporters at the town hall.',
  'Schools will stay closed until Friday while engineers inspect the bridge.',
  'Forecasters expect more rain at the weekend, but less than last week.',
  'A shelter at the sports centre has taken in about 300 people.',
  'Volunteers brought food, blankets and dry clothes to the shelter.',
  'The regional government has promised money to repair the flood walls.',
].join(' ');

describe('summarize', () => {
  it('returns whole sentences in reading order with honest offsets', () => {
    const s = run(NEWS);
    expect(s.length).toBe(3);
    for (const x of s) expect(NEWS.slice(x.start, x.end)).toBe(x.text);
    const starts = s.map((x) => x.start);
    expect(starts).toEqual(starts.toSorted((a, b) => a - b));
    // A news report's summary starts with its lead.
    expect(s[0].text).toMatch(/^Flooding forced 2,000 people/);
  });

  it('gives fewer sentences for short texts and nothing for a heading alone', () => {
    expect(run('A heading without a full stop')).toEqual([]);
    expect(run('The council met on Monday to discuss the budget. It agreed to cut spending by five per cent.')).toHaveLength(1);
    const six = NEWS.split(/(?<=\.) /).slice(0, 6).join(' ');
    expect(run(six)).toHaveLength(2);
  });

  it('leaves out headings, "Scroll down for video" and a repeated caption', () => {
    const text =
      'Flood town\n\nFlooding forced 2,000 people from their homes in the river town of Elmsford on Tuesday, officials said. Scroll down for video.\n\n' +
      'Flooding forced 2,000 people from their homes in the river town of Elmsford on Tuesday.\n\n' +
      NEWS.split(/(?<=\.) /).slice(1).join(' ');
    const s = run(text).map((x) => x.text);
    expect(s.some((x) => /Scroll down/.test(x))).toBe(false);
    expect(s.filter((x) => x.startsWith('Flooding forced'))).toHaveLength(1);
    expect(summaryCandidates(text, splitSentences(text)).map((c) => c.text)).not.toContain('Flood town');
  });

  it('leaves out page furniture: publication stamps, follow prompts, "scroll down for …"', () => {
    const body = NEWS.split(/(?<=\.) /);
    const text = [
      'By Daily Mail Reporter',
      'PUBLISHED: 10:01 EST, 14 April 2015 | UPDATED: 12:30 EST, 14 April 2015',
      `${body[0]} Scroll down for video of the rescue on the river.`,
      body.slice(1, 4).join(' '),
      'Scroll down for the latest pictures from the flooded town and the rescue.',
      'Follow @ElmsfordNews on Twitter for updates as the river keeps rising tonight.',
      body.slice(4).join(' '),
    ].join('\n\n');
    const cands = summaryCandidates(text, splitSentences(text)).map((c) => c.text);
    expect(cands.some((c) => /PUBLISHED|Scroll down|Follow @/.test(c)), cands.join('\n')).toBe(false);
    // The lead survives the furniture glued to its paragraph.
    expect(cands).toContain(body[0]);
    // A sentence that merely mentions publishing stays.
    const plain = 'The report was published on Monday by the council after a long delay in the review.';
    expect(summaryCandidates(plain, splitSentences(plain))).toHaveLength(1);
  });

  it('tells an opinion piece from a news report', () => {
    expect(isOpinion(summaryCandidates(NEWS, splitSentences(NEWS)))).toBe(false);
    const opinion = [
      'The council has finally approved the new tram line after ten years of debate.',
      'Fortunately the plan survived the last vote, despite the usual objections.',
      'In my view the line is the best thing to happen to the city in decades.',
      'Critics say it costs too much, but what is the cost of doing nothing?',
      'Undoubtedly the works will be disruptive for a year or two.',
      'Yet every city that built a tram line has seen its centre revive.',
      'We should stop treating public transport as a luxury.',
      'The real lesson is that the tram shows the city can still build things.',
      'Hopefully the next project will take less than a decade.',
      'The first trams are due to run in 2027.',
    ].join(' ');
    expect(isOpinion(summaryCandidates(opinion, splitSentences(opinion)))).toBe(true);
    // The point of the piece, not just its first lines.
    expect(run(opinion, 'The tram line shows the city can still build').map((x) => x.text)).toContain(
      'The real lesson is that the tram shows the city can still build things.',
    );
  });
});

// The founding article is an opinion piece: its first paragraph is about other attacks, and its
// argument comes late. Its summary must name that argument: the Assad government's recapture of
// Palmyra, with Russia's backing, shows they are fighting ISIL in earnest.
describe.each([
  [
    'blog page',
    () => analyze(fixtureDocument('palmyra'), { kb: bundledKb(), url: 'https://omouggos.example/2016/03/palmyra/' }),
  ],
  [
    'plain text',
    () => {
      const doc = htmlDocument('<!doctype html><html><body></body></html>');
      const root = fillDocumentWithText(doc, readFileSync(path.join(SHARED, 'seed/palmyra-article.txt'), 'utf8'));
      return analyze(doc, { kb: bundledKb(), root });
    },
  ],
])('the founding article’s summary (%s)', (_, analyse) => {
  const a = analyse();
  const sentences = a.summary.map((s) => s.text);

  it('states the argument: the recapture, backed by Russia, shows they fight ISIL', () => {
    const argument = sentences.find(
      (s) => /Palmyra/.test(s) && /\b(?:recapture|retak\w*|capture)\b/i.test(s) && /\b(?:Putin|Russia\w*)\b/.test(s) && /\bfight\w*\b[^.]*\bISIL\b/.test(s),
    );
    expect(argument, sentences.join('\n')).toBeDefined();
    expect(sentences.join(' '), sentences.join('\n')).toMatch(/\bRussia/);
  });

  it('does not open with the digression about other attacks', () => {
    expect(sentences.some((s) => /terrorist attacks|Brussels|Lahore|Yemen/.test(s)), sentences.join('\n')).toBe(false);
    expect(a.summary.length).toBeGreaterThanOrEqual(3);
    expect(a.summary.length).toBeLessThanOrEqual(5);
  });
});

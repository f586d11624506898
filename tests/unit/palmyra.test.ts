import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze, fillDocumentWithText } from '@/lib/analysis';
import { bundledKb, fixtureDocument, htmlDocument, SHARED } from './dom';

// The founding article, as the blog page fixture (tests/fixtures/palmyra) and as the plain text
// of ../shared/seed. Every actor found and merged; every claim with its value, hedge, footnote.

function palmyraFromText() {
  const doc = htmlDocument('<!doctype html><html><body></body></html>');
  const root = fillDocumentWithText(doc, readFileSync(path.join(SHARED, 'seed/palmyra-article.txt'), 'utf8'));
  return analyze(doc, { kb: bundledKb(), root });
}

describe.each([
  ['blog page', () => analyze(fixtureDocument('palmyra'), { kb: bundledKb(), url: 'https://omouggos.example/2016/03/palmyra/' })],
  ['plain text', palmyraFromText],
])('the founding article (%s)', (_, run) => {
  const a = run();
  const actor = (name: string) => a.actors.find((x) => x.name === name);

  it('is an article whose offsets are honest', () => {
    expect(a.isArticle).toBe(true);
    const text = a.article!.text;
    for (const x of a.actors) for (const m of x.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    for (const c of a.claims) expect(text.slice(c.start, c.end)).toBe(c.text);
    for (const s of a.summary) expect(text.slice(s.start, s.end)).toBe(s.text);
    for (const f of a.footnotes) for (const c of f.citations) expect(text.slice(c.start, c.end)).toBe(`[${f.label}]`);
  });

  it('finds and merges the actors compromise misses', () => {
    expect(actor('Islamic State')?.type).toBe('armed-group');
    expect(actor('Islamic State')!.mentions.length).toBeGreaterThanOrEqual(30);
    expect(actor("Kurdistan Workers' Party")?.mentions.map((m) => m.text)).toEqual(['PKK']);
    expect(actor('Jamaat-ul-Ahrar')?.mentions.map((m) => m.text)).toEqual(['Jamaatul Ahrar']);
    expect(actor('DEBKAfile')?.type).toBe('media');
    expect(actor('Kremlin')?.type).toBe('government');
    expect(actor('Dmitry Peskov')?.type).toBe('person');
    expect(actor('Syrian Observatory for Human Rights')?.type).toBe('organization');
    expect(actor('Rami Abdulrahman')?.type).toBe('person');
    const assad = actor('Bashar al-Assad')!;
    expect(new Set(assad.mentions.map((m) => m.text))).toEqual(new Set(['Bashar al-Assad', 'Assad']));
    expect(a.actors.filter((x) => x.name.includes('Assad') && x.type === 'person')).toHaveLength(1);
    for (const notActor of ['Good Friday', 'Easter', 'Syrian', 'Russian', 'Christians', 'Muslims', 'Sunni']) {
      expect(a.actors.flatMap((x) => x.mentions.map((m) => m.text))).not.toContain(notActor);
    }
  });

  it('finds every numeric claim with its value, hedge and footnote', () => {
    const claim = (text: string) => a.claims.find((c) => c.text === text);
    expect(claim('around 30 people')).toMatchObject({ value: 30, hedge: 'around', kind: 'casualties', footnotes: ['2'] });
    expect(claim('at least 70 people')).toMatchObject({ value: 70, hedge: 'at least', kind: 'casualties', footnotes: ['4'] });
    expect(claim('400 of their fighters')).toMatchObject({ value: 400, unit: 'fighters', kind: 'casualties', source: 'Rami Abdulrahman', footnotes: ['5'] });
    expect(claim('at least 40 sorties')).toMatchObject({ value: 40, hedge: 'at least', unit: 'sorties', footnotes: ['8'] });
    expect(claim('158 targets')).toMatchObject({ value: 158, unit: 'targets', footnotes: ['8'] });
    expect(claim('around 100 ISIL fighters')).toMatchObject({ value: 100, hedge: 'around', kind: 'casualties', footnotes: ['8'] });
    expect(claim('at least 20% of its territory')).toMatchObject({ value: 20, kind: 'percent', hedge: 'at least', footnotes: ['13'] });
    // The year in "May of 2015" and the footnote markers are not claims.
    expect(a.claims.map((c) => c.value)).not.toContain(2015);
  });

  it('ties the 13 footnote markers to their sentences, with no notes on the page', () => {
    expect(a.footnotes.map((f) => f.label)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13']);
    expect(a.footnotes.every((f) => f.note === null)).toBe(true);
    expect(a.footnotes.find((f) => f.label === '5')!.citations).toHaveLength(2);
    expect(a.footnotes.find((f) => f.label === '12')!.citations[0].sentence).toBe(
      'Already has the Syrian army stated that its next targets will be Deir al-Zor and ISIL’s capital Raqqa.[12]',
    );
  });

  it('summarises in a few sentences from the text', () => {
    expect(a.summary.length).toBeGreaterThanOrEqual(2);
    expect(a.summary.length).toBeLessThanOrEqual(5);
  });
});

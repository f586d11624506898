import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitSentences } from '../text/sentences';
import { HEDGES_BEFORE, findClaims, hedgeBefore, isPeopleWord, type FootnoteMarker } from './claims';
import { bmp } from '../text/bmp-classes';

function claims(text: string, markers: FootnoteMarker[] = []) {
  return findClaims({ text, sentences: splitSentences(text, undefined, markers), markers });
}
const only = (text: string) => {
  const cs = claims(text);
  expect(cs.map((c) => c.text)).toHaveLength(1);
  return cs[0];
};

describe('findClaims: what is a claim', () => {
  it('counts with what they count, hedge and kind', () => {
    expect(only('Russian warplanes conducted at least 40 sorties against the town.')).toMatchObject({ text: 'at least 40 sorties', value: 40, unit: 'sorties', hedge: 'at least', kind: 'count' });
    expect(only('ISIL lost 400 of their fighters in the battle, killed by airstrikes.')).toMatchObject({ text: '400 of their fighters', unit: 'fighters', kind: 'casualties' });
    expect(only('Shelling killed around 30 people in the old town.')).toMatchObject({ value: 30, hedge: 'around', kind: 'casualties' });
    expect(only('Roughly 13,000 US troops remain in the country.')).toMatchObject({ text: 'Roughly 13,000 US troops', value: 13000, unit: 'troops', hedge: 'roughly' });
  });

  it('reads words, vague multiples and shares', () => {
    expect(only('Two gunmen died in the assault.')).toMatchObject({ value: 2, kind: 'casualties' });
    expect(only('Hundreds of Islamists assaulted the embassy.')).toMatchObject({ value: 100, hedge: 'hundreds of', unit: 'islamists' });
    expect(only('Tens of thousands of workers will find no work.')).toMatchObject({ value: 10000, hedge: 'tens of' });
    expect(only('A dozen villages were cut off.')).toMatchObject({ value: 12, unit: 'villages' });
    expect(only('One in five households has no water.')).toMatchObject({ value: 20, kind: 'percent' });
    expect(only('Nearly two-thirds of the residents had fled.')).toMatchObject({ value: 66.67, kind: 'percent', hedge: 'nearly' });
    expect(only('They took at least 20% of its territory.')).toMatchObject({ value: 20, kind: 'percent', unit: 'territory' });
  });

  it('does not take an ordinal for a fraction', () => {
    const c = only('The club suffered a fifth consecutive failed season.');
    expect(c).toMatchObject({ value: 5, kind: 'count' });
    expect(claims('He won a third term in office.')).toEqual([]);
    expect(only('About a fifth of the budget goes to defence.')).toMatchObject({ value: 20, kind: 'percent', hedge: 'about' });
  });

  it('leaves out "one" as a pronoun and numbers that count nothing', () => {
    expect(claims('As such one shouldn’t take his withdrawals at face value.')).toEqual([]);
    expect(claims('If these two are not keen on fighting, who is?')).toEqual([]);
    expect(claims('It is one of the world’s most accomplished clubs.')).toEqual([]);
    expect(claims('At one point the talks stalled.')).toEqual([]);
    expect(only('The cell had only one toilet.')).toMatchObject({ value: 1, unit: 'toilet' });
  });

  it('keeps the currency and scale of money', () => {
    expect(only('The deal is worth $48 to the company.')).toMatchObject({ value: 48, unit: 'USD', kind: 'money' });
    expect(only('It won a $48.2 million army contract.')).toMatchObject({ value: 48.2e6, unit: 'USD' });
    expect(only('The fund holds €6 billion.')).toMatchObject({ value: 6e9, unit: 'EUR' });
    expect(only('Alibaba raised up to £3bn in Hong Kong.')).toMatchObject({ value: 3e9, unit: 'GBP', hedge: 'up to' });
  });

  it('reads ranges as a lower bound and an upper', () => {
    expect(only('Between 200 and 300 patients may leave.')).toMatchObject({ value: 200, upper: 300, unit: 'patients' });
    expect(only('The harvest may recover to between 18 and 20 million tonnes.')).toMatchObject({ value: 18e6, upper: 20e6, kind: 'measure', unit: 'tonnes' });
    expect(only('Traffic accounts for 40 to 80 percent of the pollution.')).toMatchObject({ value: 40, upper: 80, kind: 'percent' });
    // A change is not a range.
    expect(claims('Problematic use rose from 0.90 percent to 1.23 percent.').map((c) => c.value)).toEqual([0.9, 1.23]);
    expect(claims('Oil fell 3.38% to $55.12 per barrel.').map((c) => c.kind)).toEqual(['percent', 'money']);
  });

  it('measures with their units', () => {
    expect(only('The convoy travelled 85 km from the border.')).toMatchObject({ value: 85, unit: 'km', kind: 'measure' });
    expect(only('Temperatures peaked at 43.5C in the capital.')).toMatchObject({ value: 43.5, unit: '°C', kind: 'measure' });
    expect(only('The base lies inside a 55-kilometer zone.')).toMatchObject({ value: 55, unit: 'km', kind: 'measure' });
  });

  it('ends a hyphenated count at its noun, not at the verb after it', () => {
    expect(only('A 50-kilogram sack cost more than ever.')).toMatchObject({ text: '50-kilogram sack', kind: 'measure', unit: 'kg' });
    expect(only('A ten-part series aired on Monday.')).toMatchObject({ text: 'ten-part series', value: 10 });
    expect(only('They extended their 11-game losing streak.')).toMatchObject({ text: '11-game losing streak', value: 11 });
  });
});

describe('findClaims: numbers of no claim', () => {
  it.each([
    ['dates and years', 'The group captured the city in May of 2015 and on 21 July, 2016.'],
    ['dates written US style', 'In a joint statement published Oct. 25, the ministries spoke. On Sept. 25, 2018 they met.'],
    ['times', 'The bomb went off at 09:40 and again at 3 pm local time.'],
    ['durations', 'The siege lasted 40 days, after 18 years of war and a 10-year sentence.'],
    ['ages', 'The 56-year-old, aged 26 or above, said Jane Doe, 34, a local.'],
    ['identifiers', 'F-16 jets, COVID-19 cases, the G20 summit and the S&P 500 index.'],
    ['footnote-like references', 'As the report says [1], it was so.'],
    ['scores and records', 'They lost 24-17 on Monday and are 4-7 this season, 2-6 in the AFC.'],
    ['phone numbers', 'Call +1 555 0134 or 0800 123 456 for tickets.'],
    ['section numbers', 'Under Section 3 and Article 5 of the number eight treaty.'],
    ['list numbering', '1. Preheat the oven.'],
    ['decades', 'Like the 1930s, the 2008-9 crisis was deep.'],
  ])('%s', (_, text) => {
    expect(claims(text).map((c) => c.text)).toEqual([]);
  });

  it('takes a year that counts something for a count', () => {
    expect(only('The rebels freed 1500 prisoners.')).toMatchObject({ value: 1500, unit: 'prisoners' });
  });
});

describe('findClaims: sources and footnotes', () => {
  it('finds who the sentence attributes the number to', () => {
    expect(only('According to Rami Abdulrahman, director of the Observatory, 400 fighters were killed.').source).toBe('Rami Abdulrahman');
    expect(only('Two service members have been killed, the US military said in a statement.').source).toBe('US military');
    expect(only('More than 2,500 civilians were killed, according to the United Nations.').source).toBe('United Nations');
    expect(only('“We buried 23 people in one day,” said Ahmed Nour, a volunteer.').source).toBe('Ahmed Nour');
    expect(only('Michigan health authorities are reporting a 6th fatality.')).toMatchObject({ value: 6, kind: 'casualties', source: 'Michigan health authorities' });
    expect(only('Roughly 13,000 US troops remain.').source).toBeNull();
  });

  it('does not take a relative clause for an attribution', () => {
    expect(only('Among adults, the number who said they had used cannabis rose by 23 percent.').source).toBeNull();
  });

  it('gives a quote the attribution of the quote it continues, and "he" his name', () => {
    const text = 'The difference, Mr. Warner said, was the economy.\n\n“There was unanimity,” he said. “But a $2 trillion tax cut won’t end well.”';
    const c = claims(text);
    expect(c).toHaveLength(1);
    expect(c[0].source).toBe('Warner');
  });

  it('backs a claim with the footnote markers of its sentence', () => {
    const text = 'Russian warplanes conducted at least 40 sorties against 158 targets.[8] Then they left.';
    const at = text.indexOf('[8]');
    const cs = claims(text, [{ start: at, end: at + 3, label: '8' }]);
    expect(cs.map((c) => [c.text, c.footnotes])).toEqual([
      ['at least 40 sorties', ['8']],
      ['158 targets', ['8']],
    ]);
  });

  it('keeps offsets honest', () => {
    const text = 'Some 200 U.S. military personnel remain, and up to 45,000 people live in the camp.';
    for (const c of claims(text)) expect(text.slice(c.start, c.end)).toBe(c.text);
  });
});

describe('hedgeBefore agrees with the expression it replaced', () => {
  // With the letters of the first plane, as every expression of the claims stage (bmp-classes.ts).
  const REFERENCE = bmp(new RegExp(
    String.raw`(?:^|[^\p{L}])(${HEDGES_BEFORE.map((h) => h.replace(/\./g, '\\.').replace(/ /g, String.raw`\s+`)).join('|')})\s+(?:(?:an\s+additional|a\s+further|another|a\s+total\s+of|a\s+record|a\s+mere|just|only|a)\s+)?$`,
    'iu',
  ));
  const reference = (s: string) => {
    const h = REFERENCE.exec(s);
    return h ? { hedge: h[1], at: h.index + h[0].indexOf(h[1]) } : null;
  };
  it('on text made of hedges, fillers, letters, spaces and awkward characters', () => {
    const pieces = [
      ...HEDGES_BEFORE, 'AT LEAST', 'Some', 'an additional', 'a total of', 'a record', 'just', 'only', 'a', 'the', 'x', 'é', 'ι', '\u0345', '𝐀', '\ud835', '\udc00',
      ' ', ' ', '  ', '\u00a0', '\n', ',', '-', '(', '"', '5', '.',
    ];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map((a) => a.join(''));
    fc.assert(fc.property(text, (s) => JSON.stringify(hedgeBefore(s)) === JSON.stringify(reference(s))), { numRuns: 20000 });
  });

  it('but reads the hedge words as ASCII: a long s or a Kelvin sign is no s or k (the expression has no `u`, so it compiles no Unicode case folding)', () => {
    expect(reference('ſome ')).toEqual({ hedge: 'ſome', at: 0 });
    expect(hedgeBefore('ſome ')).toBeNull();
    expect(hedgeBefore('Some ')).toEqual({ hedge: 'Some', at: 0 });
  });
});

describe('isPeopleWord agrees with the expression it replaced', () => {
  const PEOPLE_RE =
    /^(?:people|persons?|civilians?|fighters?|soldiers?|troops?|militants?|rebels?|insurgents?|children|kids|babies|infants|women|men|boys|girls|residents?|refugees?|migrants?|protesters?|protestors?|demonstrators?|police(?:men|women)?|officers?|policemen|workers?|staff|members?|patients?|victims?|hostages?|prisoners?|detainees?|journalists?|reporters?|jihadists?|combatants?|personnel|servicemen|servicewomen|recruits?|individuals?|students?|pupils?|pilgrims?|worshippers?|villagers?|inhabitants?|gunmen|attackers?|bombers?|passengers?|crew|tourists?|visitors?|foreigners?|nationals?|citizens?|others|them|adults?|teenagers?|elderly|pedestrians?|drivers?|miners?|farmers?|fishermen|sailors?|guards?|gunmen|commanders?|leaders?|officials?|politicians?|doctors?|nurses?|medics?|volunteers?|aid workers?|contractors?|employees?|family|families|relatives|spectators?|fans?|players?|climbers?|hikers?|americans|marines|airmen|paratroopers|cadets|settlers|monks|priests|christians|muslims|jews|copts|shia|sunnis|kurds|yazidis|palestinians|israelis|syrians|iraqis|afghans|ukrainians|russians)$/i;
  it('on every listed word, in any case, and near misses', () => {
    const words = PEOPLE_RE.source.slice(4, -2).replace(/\(\?:men\|women\)\?/, '').replace(/\(|\)|\?|:/g, '').split('|');
    const variants = words.flatMap((w) => [w, `${w}s`, w.slice(0, -1), w.toUpperCase(), w[0].toUpperCase() + w.slice(1), ` ${w}`, `${w}\n`, w.replace(/s/g, 'ſ'), w.replace(/k/g, '\u212a'), `${w}é`]);
    variants.push('policemen', 'policewomen', 'POLICEWOMEN', 'aid worker', 'aid workers', '', 'x');
    for (const v of variants) expect(isPeopleWord(v), v).toBe(PEOPLE_RE.test(v));
  });
});

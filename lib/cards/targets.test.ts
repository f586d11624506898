import { describe, expect, it } from 'vitest';
import type { Analysis } from '../schema';
import { DEFAULT_SETTINGS } from '../settings';
import { TextMap } from '../text/textmap';
import { htmlDocument } from '@/tests/unit/dom';
import {
  buildTargetIndex,
  compareTargets,
  pointInRects,
  stepPosition,
  targetPosition,
  targetsAtOffset,
  targetsInSpan,
  type CardTarget,
} from './targets';

// "ISIL fighters killed at least 40 people in Palmyra, Putin said.[1]"
const TEXT = 'ISIL fighters killed at least 40 people in Palmyra, Putin said.[1]';
const at = (s: string, from = 0) => {
  const start = TEXT.indexOf(s, from);
  return { start, end: start + s.length, text: s };
};

function analysis(): Analysis {
  return {
    schemaVersion: 1,
    source: 'test',
    isArticle: true,
    article: { title: null, byline: null, siteName: null, publishedTime: null, lang: 'en', text: TEXT, wordCount: 11 },
    actors: [
      { id: 'wd:Q2429253', name: 'Islamic State', type: 'armed-group', mentions: [at('ISIL')], background: null },
      { id: 'kb:palmyra', name: 'Palmyra', type: 'place', mentions: [at('Palmyra')], background: null },
      { id: 'wd:Q7747', name: 'Vladimir Putin', type: 'person', mentions: [at('Putin')], background: null },
    ],
    claims: [{ ...at('at least 40 people'), sentence: TEXT, value: 40, unit: 'people', kind: 'casualties', hedge: 'at least', source: 'Putin', footnotes: ['1'] }],
    footnotes: [{ label: '1', citations: [{ ...at('[1]'), sentence: TEXT }], note: null }],
    summary: [],
    timingsMs: { total: 0 },
  };
}

const names = (ts: CardTarget[]) => ts.map((t) => `${t.kind}:${TEXT.slice(t.start, t.end)}`);

describe('card targets', () => {
  it('lists every highlighted span in reading order', () => {
    const index = buildTargetIndex(analysis());
    expect(names([...index.targets])).toEqual(['actor:ISIL', 'claim:at least 40 people', 'actor:Palmyra', 'actor:Putin', 'footnote:[1]']);
    expect(index.maxLength).toBe('at least 40 people'.length);
  });

  it('leaves out categories that are switched off', () => {
    const index = buildTargetIndex(analysis(), { ...DEFAULT_SETTINGS.categories, claim: false, place: false });
    expect(names([...index.targets])).toEqual(['actor:ISIL', 'actor:Putin', 'footnote:[1]']);
  });

  it('finds the spans under a caret, including one that ends at the caret', () => {
    const index = buildTargetIndex(analysis());
    const p = TEXT.indexOf('Palmyra');
    expect(names(targetsAtOffset(index, p))).toEqual(['actor:Palmyra']);
    expect(names(targetsAtOffset(index, p + 3))).toEqual(['actor:Palmyra']);
    // Caret right after "Palmyra" (pointer over its last letter, right half).
    expect(names(targetsAtOffset(index, p + 'Palmyra'.length))).toEqual(['actor:Palmyra']);
    expect(targetsAtOffset(index, TEXT.indexOf('killed') + 2)).toEqual([]);
    expect(targetsAtOffset(index, -1)).toEqual([]);
    expect(targetsAtOffset(index, TEXT.length + 10)).toEqual([]);
  });

  it('prefers footnote markers, then actors, then claims, and the tighter span', () => {
    const a = analysis();
    // An actor inside a claim ("40 people" is not an actor, but a source name inside a claim is common).
    a.claims[0] = { ...a.claims[0], ...at('40 people in Palmyra') };
    const index = buildTargetIndex(a);
    expect(names(targetsAtOffset(index, TEXT.indexOf('Palmyra') + 1))).toEqual(['actor:Palmyra', 'claim:40 people in Palmyra']);
    expect(names(targetsInSpan(index, at('in Palmyra, Putin')))).toEqual(['actor:Putin', 'actor:Palmyra', 'claim:40 people in Palmyra']);
    const [first] = index.targets;
    expect(compareTargets(first, first)).toBe(0);
  });

  it('finds the targets inside a focused element’s span', () => {
    const index = buildTargetIndex(analysis());
    expect(names(targetsInSpan(index, at('[1]')))).toEqual(['footnote:[1]']);
    expect(names(targetsInSpan(index, at('1]')))).toEqual(['footnote:[1]']);
    expect(targetsInSpan(index, at('said'))).toEqual([]);
  });

  it('knows the reading position of a target', () => {
    const index = buildTargetIndex(analysis());
    index.targets.forEach((t, i) => expect(targetPosition(index, t)).toBe(i));
  });

  it('maps a DOM caret to the right actor through the TextMap (hit-testing offsets → spans)', () => {
    const doc = htmlDocument('<html><body><article id="a"><p><b>ISIL</b> fighters killed at least 40 people in <a href="/p">Palmyra</a>, Putin said.<sup>[1]</sup></p></article></body></html>');
    const map = TextMap.build(doc.getElementById('a')!);
    expect(map.text).toBe(TEXT);
    const index = buildTargetIndex(analysis());
    const link = doc.querySelector('a')!.firstChild!;
    expect(names(targetsAtOffset(index, map.offsetAt(link, 2)))).toEqual(['actor:Palmyra']);
    const sup = doc.querySelector('sup')!.firstChild!;
    expect(names(targetsAtOffset(index, map.offsetAt(sup, 1)))).toEqual(['footnote:[1]']);
    const tail = doc.querySelector('p')!.lastChild!.previousSibling!; // ", Putin said."
    expect(names(targetsAtOffset(index, map.offsetAt(tail, 3)))).toEqual(['actor:Putin']);
    const sp = map.spanOf(doc.querySelector('sup')!)!;
    expect(names(targetsInSpan(index, sp))).toEqual(['footnote:[1]']);
  });
});

describe('stepping through highlights', () => {
  it('starts at the first highlight on screen and wraps around both ways', () => {
    expect(stepPosition(5, -1, 1)).toBe(0);
    expect(stepPosition(5, -1, 1, 3)).toBe(3);
    expect(stepPosition(5, -1, -1, 3)).toBe(2);
    expect(stepPosition(5, -1, -1, 0)).toBe(4);
    expect(stepPosition(5, -1, 1, 5)).toBe(0); // everything is above the viewport
    expect(stepPosition(5, 4, 1)).toBe(0);
    expect(stepPosition(5, 0, -1)).toBe(4);
    expect(stepPosition(5, 2, 1)).toBe(3);
    expect(stepPosition(0, -1, 1)).toBe(-1);
  });
});

describe('pointInRects', () => {
  const rects = [
    { left: 10, top: 10, right: 50, bottom: 30 },
    { left: 0, top: 30, right: 20, bottom: 50 },
  ];
  it('returns the rect under the point, with a pixel of slack', () => {
    expect(pointInRects(30, 20, rects)).toBe(0);
    expect(pointInRects(5, 40, rects)).toBe(1);
    expect(pointInRects(50.5, 20, rects)).toBe(0);
    expect(pointInRects(60, 20, rects)).toBe(-1);
    expect(pointInRects(30, 45, rects)).toBe(-1);
    expect(pointInRects(0, 0, [])).toBe(-1);
  });
});

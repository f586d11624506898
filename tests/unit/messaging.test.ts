import { describe, expect, it } from 'vitest';
import { carriedBackgrounds, rejectReason } from '@/lib/messaging';

const EXT = 'sift-test-extension-id';
const fromExtension = { id: EXT };

describe('message validation', () => {
  it('accepts well-formed messages from this extension', () => {
    expect(rejectReason('getPageState', undefined, fromExtension, EXT)).toBeNull();
    expect(rejectReason('setTabHighlights', false, fromExtension, EXT)).toBeNull();
    expect(rejectReason('jumpTo', { kind: 'actor', index: 3 }, fromExtension, EXT)).toBeNull();
    expect(rejectReason('highlightCount', 12, { id: EXT, tab: { id: 4 } }, EXT)).toBeNull();
    expect(rejectReason('getBackgrounds', ['wd:Q7747', 'kb:debkafile'], { id: EXT, tab: { id: 4 } }, EXT)).toBeNull();
    expect(rejectReason('getPageOverview', undefined, fromExtension, EXT)).toBeNull();
  });

  it('rejects messages from anyone else', () => {
    expect(rejectReason('getPageState', undefined, { id: 'another-extension' }, EXT)).toMatch(/sender/);
    expect(rejectReason('getPageState', undefined, {}, EXT)).toMatch(/sender/);
    expect(rejectReason('toggleHighlights', undefined, undefined as never, EXT)).toMatch(/sender/);
  });

  it('rejects malformed payloads', () => {
    expect(rejectReason('setTabHighlights', 'yes', fromExtension, EXT)).toMatch(/malformed/);
    expect(rejectReason('jumpTo', { kind: 'script', index: 0 }, fromExtension, EXT)).toMatch(/malformed/);
    expect(rejectReason('jumpTo', { kind: 'actor', index: -1 }, fromExtension, EXT)).toMatch(/malformed/);
    expect(rejectReason('jumpTo', { kind: 'actor', index: 1.5 }, fromExtension, EXT)).toMatch(/malformed/);
    expect(rejectReason('highlightCount', '12<img>', fromExtension, EXT)).toMatch(/malformed/);
    expect(rejectReason('getPageState', { evil: true }, fromExtension, EXT)).toMatch(/malformed/);
    expect(rejectReason('toggleHighlights', null, fromExtension, EXT)).toMatch(/malformed/);
    expect(rejectReason('getBackgrounds', 'wd:Q7747', fromExtension, EXT)).toMatch(/malformed/);
    expect(rejectReason('getBackgrounds', [7], fromExtension, EXT)).toMatch(/malformed/);
    expect(rejectReason('getBackgrounds', Array.from({ length: 5001 }, () => 'x'), fromExtension, EXT)).toMatch(/malformed/);
    expect(rejectReason('getPageOverview', {}, fromExtension, EXT)).toMatch(/malformed/);
    expect(rejectReason('nonsense' as never, undefined, fromExtension, EXT)).toMatch(/unknown/);
    expect(rejectReason('toString' as never, undefined, fromExtension, EXT)).toMatch(/unknown/);
  });

  it('checks every field and bound of a payload', () => {
    const ok = (type: Parameters<typeof rejectReason>[0], data: unknown) => rejectReason(type, data, fromExtension, EXT) === null;
    expect(ok('jumpTo', { kind: 'footnote', index: 2, occurrence: 0 })).toBe(true);
    expect(ok('jumpTo', { kind: 'summary', index: 100_000 })).toBe(true);
    expect(ok('jumpTo', { kind: 'claim', index: 100_001 })).toBe(false);
    expect(ok('jumpTo', { kind: 'actor', index: 0, occurrence: -1 })).toBe(false);
    expect(ok('jumpTo', { kind: 'actor', index: 0, occurrence: '1' })).toBe(false);
    expect(ok('jumpTo', { kind: 'actor', index: Number.NaN })).toBe(false);
    expect(ok('jumpTo', { kind: 'actor' })).toBe(false);
    expect(ok('jumpTo', [])).toBe(false);
    expect(ok('jumpTo', null)).toBe(false);
    expect(ok('stepHighlight', { direction: 'next', extra: 1 })).toBe(true);
    expect(ok('stepHighlight', [])).toBe(false);
    expect(ok('highlightCount', 0)).toBe(true);
    expect(ok('highlightCount', 1_000_001)).toBe(false);
    expect(ok('highlightCount', Number.POSITIVE_INFINITY)).toBe(false);
    expect(ok('highlightCount', -1)).toBe(false);
    expect(ok('getBackgrounds', [])).toBe(true);
    expect(ok('getBackgrounds', ['x'.repeat(300)])).toBe(true);
    expect(ok('getBackgrounds', ['x'.repeat(301)])).toBe(false);
    expect(ok('getBackgrounds', { length: 1, 0: 'wd:Q1' })).toBe(false);
  });
});

describe('backgrounds carried by the page', () => {
  const putin = { description: 'President of Russia.', aliases: ['Putin'], country: 'RU', wikidata: 'Q7747' };
  const actor = (id: string, background: typeof putin | null) => ({ id, name: id, type: 'person' as const, mentions: [], background });
  const answer = (backgroundsIn: boolean | undefined) => ({ backgroundsIn, analysis: { actors: [actor('wd:Q7747', putin), actor('new:someone', null)] } as never });

  it('gives the page\'s backgrounds, null for an actor the knowledge base does not know', () => {
    const lookup = carriedBackgrounds(answer(true), ['wd:Q7747', 'new:someone'])!;
    expect(lookup('wd:Q7747')).toEqual(putin);
    expect(lookup('new:someone')).toBeNull();
  });

  it('gives nothing when the page has not got them, has no analysis, or lacks one of the actors asked for', () => {
    expect(carriedBackgrounds(answer(false), ['wd:Q7747'])).toBeNull();
    expect(carriedBackgrounds(answer(undefined), ['wd:Q7747'])).toBeNull();
    expect(carriedBackgrounds({ backgroundsIn: true, analysis: null }, ['wd:Q7747'])).toBeNull();
    expect(carriedBackgrounds(undefined, ['wd:Q7747'])).toBeNull();
    expect(carriedBackgrounds(answer(true), ['wd:Q7747', 'wd:Q30'])).toBeNull();
  });
});

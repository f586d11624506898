import { describe, expect, it } from 'vitest';
import { rejectReason } from '@/lib/messaging';

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
  });
});

import { describe, expect, it } from 'vitest';
import { rejectReason } from '@/lib/messaging';

// The keyboard step (background → content) is validated like every other message.
const EXT = 'sift-test-extension-id';

describe('stepHighlight message', () => {
  it('accepts next and previous from this extension', () => {
    expect(rejectReason('stepHighlight', { direction: 'next' }, { id: EXT }, EXT)).toBeNull();
    expect(rejectReason('stepHighlight', { direction: 'previous' }, { id: EXT }, EXT)).toBeNull();
  });

  it('rejects forged or malformed steps', () => {
    expect(rejectReason('stepHighlight', { direction: 'next' }, { id: 'another-extension' }, EXT)).toMatch(/sender/);
    expect(rejectReason('stepHighlight', { direction: 'sideways' }, { id: EXT }, EXT)).toMatch(/malformed/);
    expect(rejectReason('stepHighlight', 'next', { id: EXT }, EXT)).toMatch(/malformed/);
    expect(rejectReason('stepHighlight', undefined, { id: EXT }, EXT)).toMatch(/malformed/);
  });
});

import { describe, expect, it } from 'vitest';
import { placeCard } from './placement';

const viewport = { width: 1200, height: 900 };
const card = { width: 360, height: 200 };
const word = (left: number, top: number) => ({ left, top, right: left + 60, bottom: top + 20 });

describe('placeCard', () => {
  it('goes under the text when there is room, left-aligned with it', () => {
    expect(placeCard(word(100, 300), card, viewport)).toEqual({ left: 100, top: 326, side: 'below', maxHeight: 900 - 8 - 326 });
  });

  it('goes above the text near the bottom of the viewport', () => {
    const p = placeCard(word(100, 800), card, viewport);
    expect(p.side).toBe('above');
    expect(p.top + card.height).toBeLessThanOrEqual(800 - 6);
  });

  it('stays inside the viewport horizontally', () => {
    const p = placeCard(word(1150, 300), card, viewport);
    expect(p.left + card.width).toBeLessThanOrEqual(1200 - 8);
    expect(placeCard(word(-40, 300), card, viewport).left).toBe(8);
  });

  it('takes the larger side and scrolls inside when it fits neither', () => {
    const tall = { width: 300, height: 800 };
    const p = placeCard(word(100, 300), tall, viewport);
    expect(p.side).toBe('below');
    expect(p.maxHeight).toBe(900 - 8 - 326);
    expect(p.top).toBe(326);
    const q = placeCard(word(100, 700), tall, viewport);
    expect(q.side).toBe('above');
    expect(q.top).toBe(8);
  });

  it('keeps a card for a highlight scrolled out of view on screen', () => {
    const p = placeCard(word(100, -500), card, viewport);
    expect(p.top).toBeGreaterThanOrEqual(8);
    expect(p.top + card.height).toBeLessThanOrEqual(900 - 8);
  });

  it('shrinks to a narrow viewport', () => {
    // The card's CSS caps its width at the viewport less the margins: it then starts at the margin.
    const p = placeCard(word(30, 100), card, { width: 320, height: 600 });
    expect(p.left).toBe(8);
  });
});

/**
 * Where a card goes: under the highlighted text when it fits, above it otherwise, always inside
 * the viewport (clamped with a margin), never covering the text it explains when there is room.
 */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface CardPlacement {
  left: number;
  top: number;
  side: 'below' | 'above';
  /** Height the card may take (it scrolls inside beyond). */
  maxHeight: number;
}

export const CARD_GAP = 6;
export const VIEWPORT_MARGIN = 8;

export function placeCard(
  anchor: Box,
  card: { width: number; height: number },
  viewport: { width: number; height: number },
  gap = CARD_GAP,
  margin = VIEWPORT_MARGIN,
): CardPlacement {
  const width = Math.min(card.width, Math.max(0, viewport.width - 2 * margin));
  const below = viewport.height - margin - (anchor.bottom + gap);
  const above = anchor.top - gap - margin;
  let side: CardPlacement['side'];
  if (card.height <= below) side = 'below';
  else if (card.height <= above) side = 'above';
  else side = below >= above ? 'below' : 'above';
  const room = Math.max(0, side === 'below' ? below : above);
  const height = Math.min(card.height, room);
  let top = side === 'below' ? anchor.bottom + gap : anchor.top - gap - height;
  // An anchor scrolled out of view: keep the card inside the viewport anyway.
  top = Math.min(Math.max(top, margin), Math.max(margin, viewport.height - margin - height));
  const left = Math.min(Math.max(anchor.left, margin), Math.max(margin, viewport.width - margin - width));
  return { left: Math.round(left), top: Math.round(top), side, maxHeight: Math.max(0, Math.floor(room)) };
}

import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { askBackgrounds } from '@/lib/messaging';
import { CARDS_GLOBAL, CARDS_READY, type CardsScript } from '../analyzer/api';
import { CardController } from '../analyzer/cards';

// Injected by the background right after the later stages (see ../analyzer/api.ts): the cards and
// Preact, evaluated in a task of their own.
export default defineUnlistedScript(() => {
  const global = globalThis as unknown as Record<string, unknown>;
  // Descriptions are asked for (from the background) only when a card first needs one.
  global[CARDS_GLOBAL] ??= { createCards: (doc) => new CardController(doc, askBackgrounds) } satisfies CardsScript;
  (global[CARDS_READY] as (() => void) | undefined)?.();
});

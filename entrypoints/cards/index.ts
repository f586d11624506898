import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { askBackgrounds } from '@/lib/messaging';
import { CARDS_GLOBAL, type CardsScript } from '../analyzer/api';
import { CardController } from '../analyzer/cards';

// Imported by the content script with the later stages (see ../analyzer/api.ts): the cards and
// Preact, evaluated in a task of their own.
export default defineUnlistedScript(() => {
  const global = globalThis as unknown as Record<string, unknown>;
  // Descriptions are asked for (from the background) only when a card first needs one.
  global[CARDS_GLOBAL] ??= { createCards: (doc) => new CardController(doc, askBackgrounds) } satisfies CardsScript;
});

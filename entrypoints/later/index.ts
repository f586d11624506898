import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { findActorsSteps } from '@/lib/actors/recognize';
import { summarizeSteps } from '@/lib/summary/summarize';
import { askBackgrounds } from '@/lib/messaging';
import { LATER_GLOBAL, LATER_READY, type LaterScript } from '../analyzer/api';
import { CardController } from '../analyzer/cards';

// Injected by the background once the analyzer has found the claims (see ../analyzer/api.ts): the
// actors stage (tagger, model, lexicons), the summary and the cards, half of the page code,
// evaluated in a task of their own after the first highlights are painted.
export default defineUnlistedScript(() => {
  const global = globalThis as unknown as Record<string, unknown>;
  global[LATER_GLOBAL] ??= {
    findActorsSteps,
    summarizeSteps,
    // Descriptions are asked for (from the background) only when a card first needs one.
    createCards: (doc) => new CardController(doc, askBackgrounds),
  } satisfies LaterScript;
  (global[LATER_READY] as (() => void) | undefined)?.();
});

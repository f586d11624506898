import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { findActorsSteps } from '@/lib/actors/recognize';
import { summarizeSteps } from '@/lib/summary/summarize';
import type { LaterStages } from '@/lib/pipeline';
import { LATER_GLOBAL } from '../analyzer/api';

// Imported by the content script once the analyzer has found the claims (see ../analyzer/api.ts): the
// actors stage (tagger, model, lexicons) and the summary, evaluated in a task of their own after the
// first highlights are painted.
export default defineUnlistedScript(() => {
  const global = globalThis as unknown as Record<string, unknown>;
  global[LATER_GLOBAL] ??= { findActorsSteps, summarizeSteps } satisfies LaterStages;
});

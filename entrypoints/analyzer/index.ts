import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { bmp } from '@/lib/text/bmp-classes';
import { ANALYZER_GLOBAL, BMP_GLOBAL, type CreateAnalyzer } from './api';
import { createAnalyzer } from './analyzer';

// Imported by the content script into its isolated world when it finds an article (see ./api.ts):
// registers the analyzer for the content script to create.
export default defineUnlistedScript(() => {
  const global = globalThis as unknown as Record<string, unknown>;
  global[ANALYZER_GLOBAL] ??= createAnalyzer satisfies CreateAnalyzer;
  global[BMP_GLOBAL] ??= bmp;
});

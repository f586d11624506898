import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO } from '@/scripts/lib/common';

// The built extension (`npm test` builds first): the extension pages' scripts carry V8's
// compile-hint comment, the page code does not (wxt.config.ts, pagesCompiledEagerly).
const HINT = '//# allFunctionsCalledOnLoad\n';
describe.each(['chrome-mv3', 'firefox-mv3'])('compile hints in %s', (target) => {
  const out = path.join(REPO, '.output', target);
  it.skipIf(!existsSync(out))('mark the popup and options chunks, not the scripts that run in pages', () => {
    const chunks = readdirSync(path.join(out, 'chunks')).filter((f) => f.endsWith('.js'));
    expect(chunks.some((f) => f.startsWith('popup-'))).toBe(true);
    for (const f of chunks) expect(readFileSync(path.join(out, 'chunks', f), 'utf8').startsWith(HINT), f).toBe(true);
    for (const f of ['content-scripts/content.js', 'analyzer.js', 'later.js', 'cards.js', 'background.js']) {
      expect(readFileSync(path.join(out, f), 'utf8').includes('allFunctionsCalledOnLoad'), f).toBe(false);
    }
  });
});

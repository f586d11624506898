import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { REPO } from '../dom';

// Issue 11, promise 10: Mozilla's linter (the one addons.mozilla.org runs) on the Firefox build.
// No errors, no notices, and no warnings but the two explained in the README ("web-ext lint"):
// Preact's renderer holds one `innerHTML` assignment, for `dangerouslySetInnerHTML`, which Sift
// never uses (lint rule `react/no-danger`; manifest.test.ts allows that one statement and nothing
// else in the bundles). It shows once per bundle that contains Preact's renderer. And the content
// script imports the analyser's scripts from the package (`import(browser.runtime.getURL(file))`),
// an address the linter cannot read: once, in the content script.

interface LintMessage {
  code: string;
  message: string;
  file?: string;
}
interface LintResult {
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

const sourceDir = path.join(REPO, '.output', 'firefox-mv3');
const INNER_HTML = (m: LintMessage) => m.code === 'UNSAFE_VAR_ASSIGNMENT' && /innerHTML/.test(m.message);
const IMPORT = (m: LintMessage) => m.code === 'UNSAFE_VAR_ASSIGNMENT' && /\bimport\b/.test(m.message) && m.file === 'content-scripts/content.js';

describe('web-ext lint on the Firefox build', () => {
  it.skipIf(!existsSync(path.join(sourceDir, 'manifest.json')))(
    'reports no errors, no notices and only the explained warning',
    async () => {
      // web-ext ships no types; the one call used here is typed by hand.
      // @ts-expect-error TS7016: no declaration file for 'web-ext'
      const webExt = (await import('web-ext')).default as {
        cmd: { lint: (params: Record<string, unknown>, options: Record<string, unknown>) => Promise<LintResult> };
      };
      const result = await webExt.cmd.lint(
        { sourceDir, output: 'none', selfHosted: false, boring: true, warningsAsErrors: false },
        { shouldExitProgram: false },
      );
      const show = (list: LintMessage[]) => list.map((m) => `${m.code} ${m.file ?? ''}: ${m.message}`);
      expect(show(result.errors)).toEqual([]);
      expect(show(result.notices)).toEqual([]);
      expect(show(result.warnings.filter((m) => !INNER_HTML(m) && !IMPORT(m)))).toEqual([]);
      // One per bundle with Preact's renderer (the popup/options chunk and the analyser's cards).
      expect(result.warnings.filter(INNER_HTML).length).toBeLessThanOrEqual(2);
      // The content script's one import of the analyser's scripts.
      expect(result.warnings.filter(IMPORT)).toHaveLength(1);
    },
    120_000,
  );
});

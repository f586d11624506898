// Copies the README screenshots from the last e2e run (test-results/screenshots, written by
// `npm run test:e2e`, see tests/e2e/popup.e2e.ts "README screenshots") to docs/screenshots. Only
// pages of our own go into the README: the sample article, never third-party fixtures.
// Usage: npm run test:e2e && npm run screenshots
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const from = path.join(root, 'test-results/screenshots');
const to = path.join(root, 'docs/screenshots');
const VIEWS = ['readme-page', 'readme-popup', 'readme-popup-dark'];
mkdirSync(to, { recursive: true });
let missing = 0;
for (const browser of ['chromium', 'firefox']) {
  for (const view of VIEWS) {
    const file = `${browser}-${view}.png`;
    const source = path.join(from, file);
    if (!existsSync(source)) {
      console.error(`missing ${file}: run npm run test:e2e first`);
      missing++;
      continue;
    }
    copyFileSync(source, path.join(to, file));
    console.log(`docs/screenshots/${file} (${Math.round(statSync(source).size / 1024)} KB, taken ${statSync(source).mtime.toISOString()})`);
  }
}
process.exit(missing ? 1 : 0);

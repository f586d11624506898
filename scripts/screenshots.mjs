// Copies the README screenshots from the last e2e run (test-results/screenshots, written by
// `npm run test:e2e`) to docs/screenshots. Only pages of our own go into the README: the sample
// article, never third-party fixtures. Usage: npm run test:e2e && npm run screenshots
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const from = path.join(root, 'test-results/screenshots');
const to = path.join(root, 'docs/screenshots');
mkdirSync(to, { recursive: true });
let missing = 0;
for (const browser of ['chromium', 'firefox']) {
  for (const view of ['sample-page', 'sample-popup']) {
    const file = `${browser}-${view}.png`;
    if (!existsSync(path.join(from, file))) {
      console.error(`missing ${file}: run npm run test:e2e first`);
      missing++;
      continue;
    }
    copyFileSync(path.join(from, file), path.join(to, file));
    console.log(`docs/screenshots/${file}`);
  }
}
process.exit(missing ? 1 : 0);

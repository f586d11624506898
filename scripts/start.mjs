// `npm start`: build Sift for both browsers and show it working on the sample article.
// - Always: the command-line report of the sample article (the same pipeline as the extension).
// - With a display: Chromium opens with the extension loaded on the sample article (Ctrl+C ends).
// - Without one (servers, CI): headless Chromium loads it and saves screenshots of the page and
//   the popup under test-results/start/.
// SIFT_CHROMIUM overrides the browser path (default /usr/bin/chromium).
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sample = path.join(root, 'tests/fixtures/sample-article/page.html');
const chromiumPath = process.env.SIFT_CHROMIUM ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const step = (s) => console.log(`\n\x1b[1m▸ ${s}\x1b[22m`);

step('Building the extension for Chrome and Firefox');
const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
console.log(`Chrome: ${path.join(root, '.output/chrome-mv3')}  (chrome://extensions → Load unpacked)`);
console.log(`Firefox: ${path.join(root, '.output/firefox-mv3')}  (about:debugging → Load Temporary Add-on → manifest.json)`);

step('The sample article, as Sift reads it (npx sift analyze)');
spawnSync(process.execPath, [path.join(root, 'bin/sift.mjs'), 'analyze', '--url', 'https://gazette.example/climate/drought', sample], { stdio: 'inherit' });

const server = createServer((req, res) => {
  if (req.url === '/favicon.ico') return res.writeHead(204).end();
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(sample));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${server.address().port}/sample-article.html`;

let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch {
  console.log('\n(playwright-core is not installed: run `npm ci` to see the extension in a browser.)');
  process.exit(0);
}
const extension = path.join(root, '.output/chrome-mv3');
const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const context = await chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), 'sift-start-')), {
  executablePath: chromiumPath,
  headless: !hasDisplay,
  viewport: hasDisplay ? null : { width: 1200, height: 900 },
  args: [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`, '--no-first-run', '--disable-background-networking', '--disable-sync'],
});
let [worker] = context.serviceWorkers();
worker ??= await context.waitForEvent('serviceworker');
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(url);
await page.waitForFunction(() => (CSS.highlights?.get('sift-claim')?.size ?? 0) > 0, null, { timeout: 15000 });

if (hasDisplay) {
  step(`Chromium is open on ${url} with Sift loaded: click the Sift icon for the popup, Alt+Shift+H toggles highlights. Ctrl+C to quit.`);
  await new Promise((resolve) => context.on('close', resolve));
} else {
  step('No display: headless Chromium with the extension loaded');
  const out = path.join(root, 'test-results/start');
  mkdirSync(out, { recursive: true });
  await page.screenshot({ path: path.join(out, 'page.png') });
  const extensionOrigin = `chrome-extension://${new URL(worker.url()).host}`;
  const popup = await context.newPage();
  await popup.goto(`${extensionOrigin}/popup.html?tabId=-1`);
  await page.bringToFront();
  const tabId = await popup.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
  await popup.setViewportSize({ width: 420, height: 720 });
  await popup.goto(`${extensionOrigin}/popup.html?tabId=${tabId}`);
  await popup.waitForSelector('#actors');
  await popup.screenshot({ path: path.join(out, 'popup.png'), fullPage: true });
  const painted = await page.evaluate(() => {
    const counts = {};
    CSS.highlights.forEach((h, name) => (counts[name] = h.size));
    return counts;
  });
  console.log('Highlights painted in the page:', painted);
  console.log(`Screenshots: ${path.join(out, 'page.png')} and ${path.join(out, 'popup.png')}`);
}
await context.close();
server.close();

import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ExtensionDriver, ExtensionPageApi, LaunchOptions, PageHandle } from './driver';
import { dragMouse, waitFor } from './driver';

export const CHROMIUM_PATH = process.env.SIFT_CHROMIUM ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** See PageHandle.evaluateInShadow: CDP's DOM domain reports closed shadow roots too. */
async function evaluateInShadow(cdp: CDPSession, hostSelector: string, fn: string, arg: unknown): Promise<unknown> {
  const { result } = await cdp.send('Runtime.evaluate', { expression: `document.querySelector(${JSON.stringify(hostSelector)})` });
  if (!result.objectId) return null;
  const { node } = await cdp.send('DOM.describeNode', { objectId: result.objectId, depth: 1, pierce: true });
  await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
  const shadow = node.shadowRoots?.[0];
  if (!shadow) return null;
  const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
  if (!object.objectId) return null;
  const out = await cdp.send('Runtime.callFunctionOn', {
    objectId: object.objectId,
    functionDeclaration: `async function (a) { return JSON.stringify(await (${fn})(this, a === undefined ? undefined : JSON.parse(a))); }`,
    arguments: [arg === undefined ? {} : { value: JSON.stringify(arg) }],
    returnByValue: true,
    awaitPromise: true,
  });
  await cdp.send('Runtime.releaseObject', { objectId: object.objectId });
  if (out.exceptionDetails) throw new Error(`evaluateInShadow: ${out.exceptionDetails.exception?.description ?? out.exceptionDetails.text}`);
  const value = out.result.value as string | undefined;
  return value === undefined ? undefined : JSON.parse(value);
}

function wrap(page: Page): PageHandle {
  const errors: string[] = [];
  let cdp: Promise<CDPSession> | null = null;
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return {
    errors,
    url: () => page.url(),
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'load' });
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    click: async (selector) => page.click(selector),
    press: async (key) => page.keyboard.press(key),
    mouseMove: (x, y) => page.mouse.move(x, y),
    mouseClick: (x, y) => page.mouse.click(x, y),
    mouseDrag: (from, to) => dragMouse(page.mouse, from, to),
    focus: (selector) => page.focus(selector),
    evaluateInShadow: async (hostSelector, fn, arg) => {
      cdp ??= page.context().newCDPSession(page);
      return evaluateInShadow(await cdp, hostSelector, fn.toString(), arg) as never;
    },
    bringToFront: () => page.bringToFront(),
    screenshot: async (file, options) => {
      await page.screenshot({ path: file, fullPage: options?.fullPage ?? false });
    },
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    evaluateScript: (source) => page.evaluate(source),
    setColorScheme: (scheme) => page.emulateMedia({ colorScheme: scheme }),
    close: () => page.close(),
  };
}

export async function launchChromium(extensionDir: string, options: LaunchOptions = {}): Promise<ExtensionDriver> {
  const userDataDir = options.profileDir ?? (await mkdtemp(path.join(tmpdir(), 'sift-chromium-')));
  const context: BrowserContext = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1200, height: 900 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-default-apps',
      // Everything but the loopback goes to the recording proxy (Chromium never proxies the loopback).
      ...(options.proxy ? [`--proxy-server=http://${options.proxy}`] : []),
    ],
  });
  const requests: string[] = [];
  context.on('request', (r) => {
    if (/^https?:/.test(r.url())) requests.push(r.url());
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker');
  const extensionOrigin = `chrome-extension://${new URL(worker.url()).host}`;
  worker.on('console', () => {});
  /** The service worker now, woken by an extension page if it was stopped. */
  const backgroundWorker = async () => {
    const live = context.serviceWorkers().find((w) => w.url().startsWith(extensionOrigin));
    if (live) return live;
    const waiting = context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(extensionOrigin) });
    const page = await context.newPage();
    await page.goto(`${extensionOrigin}/options.html`);
    await page.evaluate(() => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ wake: true }).catch(() => null));
    const w = await waiting;
    await page.close();
    return w;
  };

  return {
    name: 'chromium',
    extensionOrigin,
    requests,
    newPage: async () => wrap(await context.newPage()),
    async openPopup(target) {
      const probe = await context.newPage();
      await probe.goto(`${extensionOrigin}/popup.html?tabId=-1`);
      // Without the "tabs" permission tab URLs are hidden: make the article the active tab and ask
      // for the active tab's id (recipe §6).
      await target.bringToFront();
      const tabId = await waitFor('the article tab id', () =>
        probe.evaluate(async () => {
          const api = (globalThis as unknown as { chrome: ExtensionPageApi }).chrome;
          return (await api.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? null;
        }),
      );
      await probe.bringToFront();
      await probe.setViewportSize({ width: 420, height: 720 });
      await probe.goto(`${extensionOrigin}/popup.html?tabId=${tabId}`);
      return wrap(probe);
    },
    async openExtensionPage(pathAndQuery) {
      const page = await context.newPage();
      await page.goto(`${extensionOrigin}/${pathAndQuery.replace(/^\//, '')}`);
      return wrap(page);
    },
    async fetchFromBackground(url) {
      const w = await backgroundWorker();
      await w.evaluate((u) => fetch(u).then(() => undefined, () => undefined), url);
    },
    async reloadExtension() {
      const page = await context.newPage();
      await page.goto(`${extensionOrigin}/options.html`);
      // From a timer, so that the evaluation returns before the page goes away with the extension.
      await page.evaluate(() => setTimeout(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload(), 10));
      await waitFor('the extension to unload', () => page.isClosed() || page.evaluate(() => false).catch(() => true));
      await page.close().catch(() => {});
    },
    async close() {
      await context.close();
      if (!options.profileDir) await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

import { test as base } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './chromium';
import { launchFirefox } from './firefox';
import type { ExtensionDriver, LaunchOptions } from './driver';
import { startFixtureServer, type FixtureServer } from './server';
import { startRecordingProxy, type RecordingProxy } from './proxy';
import { generatedPages } from '../../fixtures/generated';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(here, '../../..');
export const SCREENSHOTS = path.join(REPO, 'test-results/screenshots');

export interface Harness {
  driver: ExtensionDriver;
  server: FixtureServer;
  /** The proxy every non-loopback request of the browser goes to (and stops at). */
  proxy: RecordingProxy;
  /** Saves a screenshot as test-results/screenshots/<browser>-<name>.png and returns its path. */
  shot: (name: string) => string;
}

/** A browser with the built extension: the worker's own, or a test's own (a restart, an extension reload). */
export function launchBrowser(browser: 'chromium' | 'firefox', options: LaunchOptions = {}): Promise<ExtensionDriver> {
  const extensionDir = path.join(REPO, '.output', browser === 'firefox' ? 'firefox-mv3' : 'chrome-mv3');
  return browser === 'firefox' ? launchFirefox(extensionDir, options) : launchChromium(extensionDir, options);
}

/**
 * One browser with the built extension per worker (launching is the slow part), one fixture
 * server. The Playwright project name picks the browser: the same test runs in both.
 */
export const test = base.extend<{ harness: Harness }, { workerHarness: Harness }>({
  workerHarness: [
    // oxlint-disable-next-line no-empty-pattern -- Playwright requires a destructuring pattern here
    async ({}, use, workerInfo) => {
      const browser = workerInfo.project.name === 'firefox' ? 'firefox' : 'chromium';
      const server = await startFixtureServer(path.join(REPO, 'tests/fixtures'), generatedPages());
      const proxy = await startRecordingProxy();
      const driver = await launchBrowser(browser, { proxy: proxy.address });
      mkdirSync(SCREENSHOTS, { recursive: true });
      await use({ driver, server, proxy, shot: (name) => path.join(SCREENSHOTS, `${browser}-${name}.png`) });
      await driver.close();
      await proxy.close();
      await server.close();
    },
    { scope: 'worker', timeout: 90_000 },
  ],
  harness: async ({ workerHarness }, use) => {
    await use(workerHarness);
    // Nothing Sift does may reach the network: only the local fixture server is allowed.
    const remote = remoteRequests(workerHarness);
    if (remote.length > 0) throw new Error(`requests to non-local addresses: ${remote.join(', ')}`);
  },
});

const LOCAL = /^https?:\/\/(?:127\.0\.0\.1|localhost)(?::\d+)?\//;
/**
 * The browsers' own services: Chromium's component updater and sign-in, Firefox's remote settings
 * (seen in runs of both browsers with no extension loaded), Chromium 150's device check-in and
 * Firefox ESR 140.12's captive-portal check (seen since November 2026 with Sift loaded; hosts Sift
 * never calls). Exact host names, so that nothing Sift could plausibly
 * call (a font service, a CDN, Wikidata, an analytics host) is among them.
 */
const BROWSER_SERVICES = new Set([
  'update.googleapis.com',
  'accounts.google.com',
  'clients2.google.com',
  'android.clients.google.com',
  'firefox.settings.services.mozilla.com',
  // Also switched off by a preference (harness/firefox.ts), in case that is not honoured.
  'detectportal.firefox.com',
]);

/** The host of a recorded proxy request ("CONNECT host:443" or "GET http://host/path"). */
export function proxiedHost(entry: string): string {
  const target = entry.slice(entry.indexOf(' ') + 1);
  return entry.startsWith('CONNECT ') ? target.replace(/:\d+$/, '') : new URL(target).hostname;
}

/**
 * Every request to a non-local address seen so far: by the automation protocols (pages, extension
 * pages, and Chromium's service worker) and by the proxy (every context of the browser, Firefox's
 * background page included), less the browsers' own services.
 */
export function remoteRequests(h: Pick<Harness, 'driver' | 'proxy'>): string[] {
  return [...h.driver.requests.filter((u) => !LOCAL.test(u)), ...h.proxy.requests.filter((e) => !BROWSER_SERVICES.has(proxiedHost(e))).map((e) => `proxy: ${e}`)];
}

/** Drops recorded requests that a test made on purpose (the canary requests of tests/e2e/security.e2e.ts). */
export function forgetRequests(h: Pick<Harness, 'driver' | 'proxy'>, made: (entry: string) => boolean): void {
  for (const list of [h.driver.requests, h.proxy.requests]) {
    const keep = list.filter((e) => !made(e));
    list.splice(0, list.length, ...keep);
  }
}

export { expect } from '@playwright/test';

import { test as base } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './chromium';
import { launchFirefox } from './firefox';
import type { ExtensionDriver } from './driver';
import { startFixtureServer, type FixtureServer } from './server';
import { generatedPages } from '../../fixtures/generated';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(here, '../../..');
export const SCREENSHOTS = path.join(REPO, 'test-results/screenshots');

export interface Harness {
  driver: ExtensionDriver;
  server: FixtureServer;
  /** Saves a screenshot as test-results/screenshots/<browser>-<name>.png and returns its path. */
  shot: (name: string) => string;
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
      const extensionDir = path.join(REPO, '.output', browser === 'firefox' ? 'firefox-mv3' : 'chrome-mv3');
      const server = await startFixtureServer(path.join(REPO, 'tests/fixtures'), generatedPages());
      const driver = browser === 'firefox' ? await launchFirefox(extensionDir) : await launchChromium(extensionDir);
      mkdirSync(SCREENSHOTS, { recursive: true });
      await use({ driver, server, shot: (name) => path.join(SCREENSHOTS, `${browser}-${name}.png`) });
      await driver.close();
      await server.close();
    },
    { scope: 'worker', timeout: 90_000 },
  ],
  harness: async ({ workerHarness }, use) => {
    await use(workerHarness);
    // Nothing Sift does may reach the network: only the local fixture server is allowed.
    const remote = workerHarness.driver.requests.filter((u) => !/^https?:\/\/(?:127\.0\.0\.1|localhost)(?::\d+)?\//.test(u));
    if (remote.length > 0) throw new Error(`requests to non-local addresses: ${remote.join(', ')}`);
  },
});

export { expect } from '@playwright/test';

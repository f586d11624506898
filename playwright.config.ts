import { defineConfig } from '@playwright/test';

// End-to-end tests: the built extension in real headless Chromium (Playwright) and real headless
// Firefox ESR (puppeteer-core over WebDriver BiDi). Run `npm run build` first (`npm test` does).
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.e2e.ts',
  outputDir: 'test-results/playwright',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  projects: [{ name: 'chromium' }, { name: 'firefox' }],
});

import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests: lib/ in Node with a real DOM implementation (linkedom, or happy-dom where a test
// says `@vitest-environment happy-dom`), extension APIs through WXT's fakeBrowser.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    globals: true,
    environment: 'node',
    include: ['lib/**/*.test.ts', 'components/**/*.test.tsx', 'bin/**/*.test.ts', 'tests/unit/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    testTimeout: 60_000,
  },
});

import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { BROWSER_GLOBAL } from './entrypoints/analyzer/api';

/**
 * webextension-polyfill, once per isolated world.
 *
 * It is a UMD file, so the bundler would import it as CommonJS, and its interop helper copies every
 * own property of the module's export onto a namespace object at start-up. Where the browser has a
 * native promise-based `browser` (Chromium 150, Firefox), the polyfill exports that object itself,
 * and reading each property's descriptor made the browser build every API binding of the context:
 * 3–5 ms in CPU profiles of the content script's first task on every page. Read as an ES module
 * with a default export (its own `module` object, the UMD's CommonJS branch), the polyfill runs
 * unchanged and nothing is copied.
 *
 * The analyzer and its later stages are injected into the content script's isolated world, where
 * the content script has run the polyfill already and left its `browser` under BROWSER_GLOBAL:
 * their bundles take that one instead of a copy of their own (10 KB less to compile in each, on the
 * way to an article's first highlights).
 */
const SHARES_CONTENT_BROWSER = /entrypoints[\\/](?:analyzer|later)[\\/]index\.ts$/;
const POLYFILL_FILE = /[\\/]webextension-polyfill[\\/]dist[\\/]browser-polyfill\.js$/;
function polyfillOncePerWorld(): Plugin {
  let shared = false;
  return {
    name: 'sift:webextension-polyfill',
    enforce: 'pre',
    options(input) {
      shared = typeof input.input === 'string' && SHARES_CONTENT_BROWSER.test(input.input);
    },
    transform(code, id) {
      if (!POLYFILL_FILE.test(id.split('?')[0])) return null;
      if (shared) {
        const name = JSON.stringify(BROWSER_GLOBAL);
        return {
          code: `const browser = globalThis[${name}];\nif (!browser) throw new Error('Sift: the content script has not run in this world');\nexport default browser;\n`,
          map: null,
        };
      }
      return { code: `const module = { exports: {} };\nconst exports = module.exports;\n${code}\nexport default module.exports;\n`, map: null };
    },
  };
}

// One codebase, two browsers: `wxt build` (Chrome MV3) and `wxt build -b firefox --mv3`.
export default defineConfig({
  // `import { browser } from 'wxt/browser'` resolves to webextension-polyfill.
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  zip: {
    excludeSources: ['test-results/**', 'playwright-report/**', '.output/**', 'docs/screenshots/**'],
  },
  vite: () => ({
    plugins: [polyfillOncePerWorld(), preact()],
    // SIFT_MINIFY=0 keeps names readable for profiling (scripts/bench-browser.ts, DevTools).
    build: process.env.SIFT_MINIFY === '0' ? { minify: false } : {},
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'scripting'],
    // The analyzer is injected (scripting.executeScript) only into article pages, the same pages
    // the content script already reads.
    host_permissions: ['http://*/*', 'https://*/*'],
    commands: {
      'toggle-highlights': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: '__MSG_commandToggle__',
      },
      // Step through the highlights in reading order, each with its card (announced to screen readers).
      'next-highlight': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: '__MSG_commandNext__',
      },
      'previous-highlight': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_commandPrevious__',
      },
    },
    action: { default_title: '__MSG_extName__' },
    // The content script loads the knowledge-base index from the package (the details are read by
    // the background, which pages and the popup ask for the few backgrounds they show). Chrome's
    // dynamic URLs keep pages from probing for Sift; Firefox's per-install UUID does the same there.
    web_accessible_resources: [
      {
        resources: ['kb/index.txt'],
        matches: ['http://*/*', 'https://*/*'],
        ...(browser !== 'firefox' && { use_dynamic_url: true }),
      },
    ],
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'none'",
    },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'sift@sift-reader.org',
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
        // Firefox for Android reads data_collection_permissions from 142 on (web-ext lint warns
        // that 140 would not).
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});

import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { ANALYZER_SCRIPTS, BMP_GLOBAL, BROWSER_GLOBAL, LANGUAGE_GLOBAL } from './entrypoints/analyzer/api';
import { bmpLiteralsToSources } from './scripts/lib/bmp-sources';

/**
 * Code the page's scripts share, once per isolated world.
 *
 * webextension-polyfill is a UMD file, so the bundler would import it as CommonJS, and its interop
 * helper copies every own property of the module's export onto a namespace object at start-up.
 * Where the browser has a native promise-based `browser` (Chromium 150, Firefox), the polyfill
 * exports that object itself, and reading each property's descriptor made the browser build every
 * API binding of the context: 3–5 ms in CPU profiles of the content script's first task on every
 * page. Read as an ES module with a default export (its own `module` object, the UMD's CommonJS
 * branch), the polyfill runs unchanged and nothing is copied.
 *
 * The analyzer and its later stages are imported into the content script's isolated world, after
 * it (entrypoints/analyzer/api.ts): a module an earlier script of the world has already run is
 * taken from it, from the value it left on the global object, instead of being bundled again —
 * less to compile on the way to an article's first highlights, less page code. The content
 * script's `browser` (10 KB less in each), its language decision (the analyzer decides a language
 * only when the content script did not: "Analyse anyway", a page described for the popup), and the
 * analyzer's `bmp` (lib/text/bmp-classes.ts: one copy of its Unicode tables, and an expression both
 * halves use is compiled once).
 */
const POLYFILL_FILE = /[\\/]webextension-polyfill[\\/]dist[\\/]browser-polyfill\.js$/;
const FROM_WORLD: { file: RegExp; into: RegExp; global: string; exports: string }[] = [
  { file: POLYFILL_FILE, into: /entrypoints[\\/](?:analyzer|later|cards)[\\/]index\.ts$/, global: BROWSER_GLOBAL, exports: 'export default shared;' },
  { file: /[\\/]lib[\\/]text[\\/]language\.ts$/, into: /entrypoints[\\/]analyzer[\\/]index\.ts$/, global: LANGUAGE_GLOBAL, exports: 'export const { decideLanguage, sampleText } = shared;' },
  { file: /[\\/]lib[\\/]text[\\/]bmp-classes\.ts$/, into: /entrypoints[\\/](?:later|cards)[\\/]index\.ts$/, global: BMP_GLOBAL, exports: 'export const bmp = shared;' },
];
function sharedPerWorld(): Plugin {
  let entry = '';
  return {
    name: 'sift:shared-per-world',
    enforce: 'pre',
    options(input) {
      entry = typeof input.input === 'string' ? input.input : '';
    },
    transform(code, id) {
      const file = id.split('?')[0];
      const shared = FROM_WORLD.find((s) => s.file.test(file) && s.into.test(entry));
      if (shared) {
        const name = JSON.stringify(shared.global);
        return { code: `const shared = globalThis[${name}];\nif (!shared) throw new Error('Sift: ' + ${name} + ' is not in this world');\n${shared.exports}\n`, map: null };
      }
      if (!POLYFILL_FILE.test(file)) return null;
      return { code: `const module = { exports: {} };\nconst exports = module.exports;\n${code}\nexport default module.exports;\n`, map: null };
    },
  };
}

/** `bmp(/…/u)` calls given their expression as strings: less for V8 to check (scripts/lib/bmp-sources.ts). */
function bmpSources(): Plugin {
  return {
    name: 'sift:bmp-sources',
    enforce: 'pre',
    transform(code, id) {
      if (!/\.tsx?$/.test(id.split('?')[0]) || id.includes('node_modules') || !code.includes('bmp(/')) return null;
      return { code: bmpLiteralsToSources(code), map: null };
    },
  };
}

/**
 * The popup's stylesheet written into popup.html. Each file an extension page loads is one more
 * request to the browser process before the page can draw, and the popup's module script waits for
 * its stylesheet: with the rules in the page, the first frame with content came 11 and 21 ms sooner
 * on the 5,000-word article (medians of two rounds of 20 interleaved opens, earlier in 12 and 16 of
 * the 20 pairs; throwaway .tmp/popab.mts, both builds in one Chromium). Extension pages may hold
 * inline styles (neither browser's default policy restricts styles). The options page keeps the
 * shared file.
 */
function popupStylesInline(): Plugin {
  return {
    name: 'sift:popup-styles-inline',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle || !/popup[\\/]index\.html$/.test(ctx.filename)) return html;
        const bundle = ctx.bundle;
        return html.replace(/<link rel="stylesheet"[^>]*href="\/([^"]+\.css)"[^>]*>/g, (_link, file: string) => {
          const asset = bundle[file];
          if (!asset || asset.type !== 'asset') throw new Error(`popup stylesheet ${file} is not in the bundle`);
          const css = String(asset.source);
          if (/<\/style/i.test(css)) throw new Error(`popup stylesheet ${file} cannot be inlined: it holds </style`);
          return `<style>${css}</style>`;
        });
      },
    },
  };
}

/**
 * The extension pages' scripts (the popup's and the options page's chunks) marked for eager
 * compilation: Chromium (136 and later) then compiles every function of the file while it streams
 * the file in, on a background thread, instead of compiling each on the page's main thread the
 * first time it is called. Nearly all of that code runs on each open (Preact and the components of
 * the first screen). A small gain: in five rounds of interleaved opens on the 5,000-word article
 * (140 pairs, throwaway .tmp/popab.mts, both builds in one Chromium), the popup's first frame with
 * content came earlier in 85 pairs; the rounds' medians moved by -6.3 to +1.7 ms (about 130 ms after
 * navigation start). Firefox ignores the comment. The page code is not marked: the analyzer's
 * scripts, marked the same way, brought the founding article's first highlights no sooner (the
 * compilation they add competes with the page for the machine's two cores).
 */
function pagesCompiledEagerly(): Plugin {
  return {
    name: 'sift:pages-compiled-eagerly',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && chunk.fileName.startsWith('chunks/')) chunk.code = `//# allFunctionsCalledOnLoad\n${chunk.code}`;
      }
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
    plugins: [sharedPerWorld(), bmpSources(), preact(), popupStylesInline(), pagesCompiledEagerly()],
    // SIFT_MINIFY=0 keeps names readable for profiling (scripts/bench-browser.ts, DevTools).
    build: process.env.SIFT_MINIFY === '0' ? { minify: false } : {},
  }),
  hooks: {
    // Firefox's content scripts cannot adopt a stylesheet into the page, where Chromium's painter
    // adopts the ::highlight() rules while highlights show (lib/paint/palette.ts highlightRules):
    // there they come with the content script.
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.browser !== 'firefox') return;
      const content = manifest.content_scripts?.find((c) => c.js?.some((f) => f.endsWith('content.js')));
      if (!content) throw new Error('no content script in the manifest to give public/highlights.css');
      content.css = [...(content.css ?? []), 'highlights.css'];
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage'],
    // The pages the content script reads (Firefox asks for them once).
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
    // On an article the content script imports the analyzer's scripts from the package into its own
    // world, and the analyzer loads the knowledge-base index (the details are read by the
    // background, which pages and the popup ask for the few backgrounds they show). Chrome's
    // dynamic URLs keep pages from probing for Sift; Firefox's per-install UUID does the same there.
    web_accessible_resources: [
      {
        resources: ['kb/index.txt', ...ANALYZER_SCRIPTS],
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

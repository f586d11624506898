import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import './style.css';
import { PageSession } from './session';
import { decideLanguage, sampleText } from '@/lib/text/language';
import { yieldToPage } from '@/lib/steps';
import { BROWSER_GLOBAL, LANGUAGE_GLOBAL } from '../analyzer/api';

/** Whether this copy of the content script still belongs to a loaded extension. */
function extensionAlive(): boolean {
  try {
    return browser.runtime?.id != null;
  } catch {
    return false;
  }
}

// Thin: analyse once the document is parsed, paint; answer the popup; re-run on SPA navigation;
// tear everything down when the extension is reloaded or updated (ctx invalidated).
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  // As soon as the document is parsed. document_idle may come anywhere up to the load event, which
  // a news page's images, ads and frames push late (in our fixture loads Chromium ran it right
  // after parsing anyway: `npm run bench:browser`, the `start` column). The analysis gives way to
  // the page between steps; a page that its scripts build later is looked at again (session.ts).
  runAt: 'document_end',
  // WXT also announces a new copy of the script with window.postMessage, for copies built by older
  // WXT versions. Every page's own "message" listeners would see it (and learn that Sift is there),
  // and posting it cost milliseconds on every page (CPU profile of the content script's first task).
  noScriptStartedPostMessage: true,
  main(ctx) {
    // The analyzer and its later stages, imported into this isolated world, use this script's
    // webextension-polyfill and language decision instead of copies of their own (wxt.config.ts).
    const world = globalThis as unknown as Record<string, unknown>;
    world[BROWSER_GLOBAL] = browser;
    world[LANGUAGE_GLOBAL] = { decideLanguage, sampleText };
    // WXT ends a context when the page sees its "content script started" event, meant for a newer
    // copy of this script. The event's name is the extension id and the entrypoint, which any page
    // can know, so a page could switch Sift off and leave the popup saying it cannot read the page
    // (tests/e2e/security.e2e.ts). A newer copy only comes after the extension was reloaded or
    // updated, and then this copy's extension is gone: believe the event only then.
    ctx.verifyScriptStartedEvent = () => !extensionAlive();
    const session = new PageSession(ctx);
    // The session starts in a task of its own, and so does the watch for a single-page app's
    // navigations (the Navigation API's first use costs milliseconds): evaluating this script, with
    // the extension's API bindings, is a task already. With the start in it, that task took 22.7 ms
    // median and up to 39 ms on the 10,000-word fixture; without, 16.1 and 22.8 (10 loads each;
    // `npm run trace:browser -- generated/long-10000.html` shows it as "EvaluateScript content.js").
    void yieldToPage().then(() => {
      if (ctx.isInvalid) return;
      session.start();
      ctx.addEventListener(window, 'wxt:locationchange', () => session.restart());
    });
    // Chromium tells an orphaned copy nothing when its extension is reloaded, updated, disabled or
    // removed, and leaves its highlights and cards working though nothing can command them: look once
    // a second (one property read; `isInvalid` ends the context when the extension is gone).
    const watch = window.setInterval(() => {
      if (ctx.isInvalid) window.clearInterval(watch);
    }, 1000);
    ctx.onInvalidated(() => {
      window.clearInterval(watch);
      session.teardown();
    });
  },
});

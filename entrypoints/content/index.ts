import { defineContentScript } from 'wxt/utils/define-content-script';
import './style.css';
import { PageSession } from './session';

// Thin: wait for the page to be idle, analyse, paint; answer the popup; re-run on SPA navigation;
// tear everything down when the extension is reloaded or updated (ctx invalidated).
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    const session = new PageSession(ctx);
    session.start();
    ctx.addEventListener(window, 'wxt:locationchange', () => session.restart());
    ctx.onInvalidated(() => session.teardown());
  },
});

import { defineContentScript } from 'wxt/utils/define-content-script';
import './style.css';
import { PageSession } from './session';

// Thin: analyse and paint from DOMContentLoaded (document_end: highlights come sooner than at
// document_idle; the analysis itself runs in short steps); answer the popup; re-run on SPA
// navigation; tear everything down when the extension is reloaded or updated (ctx invalidated).
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_end',
  main(ctx) {
    const session = new PageSession(ctx);
    session.start();
    ctx.addEventListener(window, 'wxt:locationchange', () => session.restart());
    ctx.onInvalidated(() => session.teardown());
  },
});

import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { listen, sendMessage } from '@/lib/messaging';
import { warmFormatting } from '@/lib/i18n';
import { hostOf } from '@/lib/article/metadata';
import { getSettings, isSiteDisabled, watchSettings, type Settings } from '@/lib/settings';
import { loadBackgrounds } from '@/lib/kb/load';
import { fetchPackaged } from '@/lib/kb/packaged';

/** Keyboard commands (see `commands` in wxt.config.ts) and what each asks the page for. */
const COMMANDS = {
  'toggle-highlights': (tabId: number) => sendMessage('toggleHighlights', undefined, tabId),
  'next-highlight': (tabId: number) => sendMessage('stepHighlight', { direction: 'next' }, tabId),
  'previous-highlight': (tabId: number) => sendMessage('stepHighlight', { direction: 'previous' }, tabId),
} as const;

// The keyboard commands, the toolbar badge, injecting the analyzer and the knowledge base's
// backgrounds: analysis happens in the page.
export default defineBackground(() => {
  // The locale data the popup formats with is loaded once per extension process: load it here,
  // after a page's analysis (off that page's thread), before the reader opens the popup on it.
  let formattingWarm = false;
  browser.commands.onCommand.addListener(async (command) => {
    if (!Object.hasOwn(COMMANDS, command)) return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    await COMMANDS[command as keyof typeof COMMANDS](tab.id).catch(() => {
      // No Sift on this tab (browser page, store, PDF): nothing to toggle or step through.
    });
  });

  // The settings as they are now, for the injections asked ahead of the page's own reading of them.
  let settings: Promise<Settings> = getSettings();
  watchSettings((s) => (settings = Promise.resolve(s)));

  // The content script found an article, or a page says it is one: inject the analyzer into the same
  // isolated world (the content script stays small on every other page). Its actors will be shown:
  // the details are read now, once while the background lives, while the page is being analysed (in
  // Chrome on the service worker's own thread; in Firefox on the extension pages' main thread, which
  // a popup opened in the same moment shares), so that the popup and the hover cards find them ready.
  listen('injectAnalyzer', async (ahead, sender) => {
    if (sender.tab?.id === undefined) return false;
    // Asked before the page knew the settings: not on a site the reader switched off.
    if (ahead && isSiteDisabled(await settings, hostOf(sender.url) ?? '')) return false;
    const injected = await injectInto(sender, '/analyzer.js');
    if (injected) setTimeout(() => loadBackgrounds(fetchPackaged).catch(() => {}), 0);
    return injected;
  });

  // The analyzer painted the claims: its later stages (actors, summary) and the cards, two scripts
  // that the page evaluates in two tasks (both asked for at once: the second does not wait for the
  // first's answer to travel back).
  listen('injectLaterStages', async (_, sender) => {
    const [later, cards] = await Promise.all([injectInto(sender, '/later.js'), injectInto(sender, '/cards.js')]);
    return later && cards;
  });

  // The details file is read here, once while the background lives: reading it in a page held the
  // page's main thread for 160–190 ms (the body's transfer, its decoding and parsing), and the popup's
  // for about 100 ms at every opening. Pages and the popup get the few backgrounds they show.
  listen('getBackgrounds', async (ids) => {
    const background = await loadBackgrounds(fetchPackaged);
    return Object.fromEntries(ids.map((id) => [id, background(id)]));
  });

  listen('highlightCount', async (count, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return;
    if (!formattingWarm) {
      formattingWarm = true;
      setTimeout(warmFormatting, 0);
    }
    await browser.action.setBadgeText({ tabId, text: count > 0 ? String(Math.min(count, 999)) : '' });
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#3b5bdb' });
  });
});

/**
 * One of the analyzer's scripts, into the frame that asked (false: no tab to inject into). At once:
 * without injectImmediately the injection would wait for the frame's document_idle (the load event,
 * on a page still loading its images and frames).
 */
async function injectInto(sender: { tab?: { id?: number }; frameId?: number }, file: '/analyzer.js' | '/later.js' | '/cards.js'): Promise<boolean> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return false;
  await browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [file], injectImmediately: true });
  return true;
}

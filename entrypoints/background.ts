import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { listen, sendMessage } from '@/lib/messaging';
import { warmFormatting } from '@/lib/i18n';
import { loadBackgrounds } from '@/lib/kb/load';
import { fetchPackaged } from '@/lib/kb/packaged';

/** Keyboard commands (see `commands` in wxt.config.ts) and what each asks the page for. */
const COMMANDS = {
  'toggle-highlights': (tabId: number) => sendMessage('toggleHighlights', undefined, tabId),
  'next-highlight': (tabId: number) => sendMessage('stepHighlight', { direction: 'next' }, tabId),
  'previous-highlight': (tabId: number) => sendMessage('stepHighlight', { direction: 'previous' }, tabId),
} as const;

// The keyboard commands, the toolbar badge and the knowledge base's backgrounds: analysis happens
// in the page (the content script imports the analyzer's scripts itself).
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

  // The details are read here, the shards asked for, each once while the background lives: reading
  // them (then one JSON file) in a page held the page's main thread for 160–190 ms, and the popup's
  // for about 100 ms at every opening; in Firefox the background shares its thread with the popup
  // (lib/kb/details-file.ts). Pages and the popup get the few backgrounds they show: an analysed
  // page asks for its actors' at once (and keeps them for the popup and its cards); a popup or a
  // card asks when the page has none yet.
  listen('getBackgrounds', async (ids) => {
    const background = await loadBackgrounds(ids, fetchPackaged);
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

import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { listen, sendMessage } from '@/lib/messaging';

// The keyboard command, the toolbar badge, and nothing else: analysis happens in the page.
export default defineBackground(() => {
  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'toggle-highlights') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    await sendMessage('toggleHighlights', undefined, tab.id).catch(() => {
      // No Sift on this tab (browser page, store, PDF): nothing to toggle.
    });
  });

  listen('highlightCount', async (count, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return;
    await browser.action.setBadgeText({ tabId, text: count > 0 ? String(Math.min(count, 999)) : '' });
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#3b5bdb' });
  });
});

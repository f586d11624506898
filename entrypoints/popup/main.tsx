import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '@/components/Popup';
import type { BackgroundLookup } from '@/lib/kb/load';
import { uiDirection, uiLanguage } from '@/lib/i18n';
import { askBackgrounds, sendMessage } from '@/lib/messaging';
import { nextTask } from '@/lib/steps';

performance.mark('sift-popup-start');
document.documentElement.lang = uiLanguage();
document.documentElement.dir = uiDirection();

// `popup.html?tabId=N` targets tab N (the tests use it); otherwise the active tab.
async function targetTab(): Promise<number | null> {
  const param = new URLSearchParams(location.search).get('tabId');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

// The page is asked for its first screen's share of its state before the popup renders anything:
// the answer travels while the popup draws its first view.
const tab = targetTab();
const firstOverview = tab.then((tabId) => (tabId === null ? undefined : sendMessage('getPageOverview', undefined, tabId)));

// The actors' backgrounds, when the page's answer does not carry them (it asks for them once
// analysed: the popup shows those at once), come from the background (it reads the knowledge base's
// details once while it lives), asked for as soon as the page's first answer names the actors: the
// popup asks again after its first frame and gets the same answer.
const backgrounds = new Map<string, Promise<BackgroundLookup>>();
const loadBackgrounds = (ids: readonly string[]): Promise<BackgroundLookup> => {
  const key = ids.join('\n');
  let lookup = backgrounds.get(key);
  if (!lookup) {
    lookup = askBackgrounds(ids);
    // A failure is the popup's to show when it asks; asked again, it is tried again.
    lookup.catch(() => backgrounds.delete(key));
    backgrounds.set(key, lookup);
  }
  return lookup;
};
firstOverview.then(
  (overview) => {
    const actors = overview?.analysis?.actors ?? [];
    // From a task of its own: sending it takes milliseconds, which the first screen, drawn from this
    // same answer, should not wait for.
    if (actors.length > 0 && !overview?.backgroundsIn) void nextTask().then(() => loadBackgrounds(actors.map((a) => a.id)).catch(() => {}));
  },
  // Handled where the popup reads it (an unanswered page is a state the popup shows).
  () => {},
);
/**
 * How long the popup waits for the page's first answer before it draws its "connecting" view. An
 * analysed page answers in about 12 ms from the question (5,000-word article); drawing that view
 * meanwhile held the answer in the queue behind its render and frame: the first frame came 15 and
 * 10 ms later in two rounds of 20 interleaved opens (sooner without it in 11 and 13 of the 20 pairs;
 * throwaway .tmp/popab.mts, Chromium).
 */
const CONNECTING_VIEW_AFTER_MS = 100;
// Drawn once the question has left (drawing in the task that sends it held it back).
void tab.then(async (tabId) => {
  await Promise.race([firstOverview.catch(() => {}), new Promise((resolve) => setTimeout(resolve, CONNECTING_VIEW_AFTER_MS))]);
  render(<Popup tabId={tabId} loadBackgrounds={loadBackgrounds} firstOverview={firstOverview} />, document.getElementById('app')!);
});

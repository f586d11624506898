import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '@/components/Popup';
import { loadBackgrounds as loadPackagedBackgrounds, type FetchKb } from '@/lib/kb/load';
import { prefetchedKb } from '@/lib/kb/packaged';
import { uiDirection, uiLanguage } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging';

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

// Extension pages read the packaged knowledge base directly; the details load only here and in
// hover cards, never for the highlights. Fetched as soon as the page is known to have actors.
let kbFiles: FetchKb | null = null;
const loadBackgrounds = () => loadPackagedBackgrounds((kbFiles ??= prefetchedKb()));

// The page is asked for its first screen's share of its state before the popup renders anything:
// the answer travels while the popup draws its first view.
const tab = targetTab();
const firstOverview = tab.then((tabId) => (tabId === null ? undefined : sendMessage('getPageOverview', undefined, tabId)));
firstOverview.then(
  (overview) => {
    if (overview?.analysis?.actors.length) kbFiles ??= prefetchedKb();
  },
  // Handled where the popup reads it (an unanswered page is a state the popup shows).
  () => {},
);
void tab.then((tabId) => render(<Popup tabId={tabId} loadBackgrounds={loadBackgrounds} firstOverview={firstOverview} />, document.getElementById('app')!));

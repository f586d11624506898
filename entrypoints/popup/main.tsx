import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '@/components/Popup';

// `popup.html?tabId=N` targets tab N (the tests use it); otherwise the active tab.
async function targetTab(): Promise<number | null> {
  const param = new URLSearchParams(location.search).get('tabId');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

void targetTab().then((tabId) => render(<Popup tabId={tabId} />, document.getElementById('app')!));

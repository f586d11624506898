import { browser } from 'wxt/browser';

/**
 * Translated UI strings from `public/_locales/<lang>/messages.json`. The one other module besides
 * messaging and settings that touches an extension API: components call `t()`, never `browser.*`.
 */
export function t(key: string, substitutions?: string | string[]): string {
  try {
    const s = browser.i18n.getMessage(key as never, substitutions);
    if (s) return s;
  } catch {
    // Outside an extension (unit tests without fakeBrowser's i18n): show the key.
  }
  return key;
}

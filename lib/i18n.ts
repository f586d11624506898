import { browser } from 'wxt/browser';

/**
 * Translated UI strings from `public/_locales/<lang>/messages.json`. The one other module besides
 * messaging and settings that touches an extension API: components call `t()`, never `browser.*`.
 */
export function t(key: string, substitutions?: string | string[]): string {
  // Firefox's getMessage costs about 50 µs a call and the popup makes hundreds: remember answers
  // (per UI language, which is fixed for an extension page's life but not for the unit tests).
  const cacheKey = `${uiLanguage()}\u0000${key}\u0000${Array.isArray(substitutions) ? substitutions.join('\u0001') : (substitutions ?? '')}`;
  const known = translations.get(cacheKey);
  if (known !== undefined) return known;
  let s = key;
  try {
    s = browser.i18n.getMessage(key as never, substitutions) || key;
  } catch {
    // Outside an extension (unit tests without fakeBrowser's i18n): show the key.
  }
  if (translations.size > 5000) translations.clear();
  translations.set(cacheKey, s);
  return s;
}
const translations = new Map<string, string>();

/**
 * The browser's UI language as a BCP 47 tag ("en-GB", "fr"); "en" outside an extension. Asked once:
 * it is fixed for a page's life, and `t()` needs it for every string (hundreds of extension API
 * calls on the popup's first screen otherwise).
 */
export function uiLanguage(): string {
  if (knownUiLanguage === null) {
    try {
      knownUiLanguage = browser.i18n.getUILanguage() || 'en';
    } catch {
      knownUiLanguage = 'en';
    }
  }
  return knownUiLanguage;
}
let knownUiLanguage: string | null = null;

/** Forgets the UI language and the strings read in it (unit tests switch languages). */
export function forgetUiLanguage(): void {
  knownUiLanguage = null;
  translations.clear();
}

/** Text direction of the UI language (Chrome and Firefox predefine `@@bidi_dir`). */
export function uiDirection(): 'ltr' | 'rtl' {
  return t('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
}

// Formatters are immutable and costly to build: one per language and kind, built on first use.
const displayNames = new Map<string, Intl.DisplayNames | null>();
function names(type: 'region' | 'language'): Intl.DisplayNames | null {
  const lang = uiLanguage();
  const key = `${type}:${lang}`;
  if (!displayNames.has(key)) {
    try {
      displayNames.set(key, new Intl.DisplayNames([lang, 'en'], { type, fallback: 'code' }));
    } catch {
      displayNames.set(key, null);
    }
  }
  return displayNames.get(key)!;
}

/** "SY" → "Syria" in the UI language (the code itself when unknown). */
export function countryName(code: string): string {
  try {
    return names('region')?.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** "fr" → "French" in the UI language. */
export function languageName(code: string): string {
  try {
    return names('language')?.of(code) ?? code;
  } catch {
    return code;
  }
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
/** A publication date for a reader ("14 Oct 2026"), or null when it does not parse. */
export function formatDate(iso: string): string | null {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  try {
    const lang = uiLanguage();
    let f = dateFormats.get(lang);
    if (!f) dateFormats.set(lang, (f = new Intl.DateTimeFormat([lang, 'en'], { day: 'numeric', month: 'short', year: 'numeric' })));
    return f.format(d);
  } catch {
    return d.toISOString().slice(0, 10);
  }
}

const countFormats = new Map<string, Intl.NumberFormat>();
/** 12345 → "12,345" in the UI language. */
export function formatCount(n: number): string {
  try {
    const lang = uiLanguage();
    let f = countFormats.get(lang);
    if (!f) countFormats.set(lang, (f = new Intl.NumberFormat([lang, 'en'])));
    return f.format(n);
  } catch {
    return String(n);
  }
}

/**
 * Formats a number, a date and a country name once, for what it leaves behind: a browser loads its
 * locale data (ICU) once per process, the first time any of the process's pages formats a number or
 * a date, and that first use cost 20–60 ms in Chromium's extension process (the formatters built
 * after it, 0.1–6 ms). The background calls this once a page's highlights are painted: the popup,
 * opened on that page next, runs in the same process and finds the data loaded.
 */
export function warmFormatting(): void {
  formatCount(1234);
  formatDate('2000-01-01T00:00:00Z');
  countryName('FR');
}

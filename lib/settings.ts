import { storage } from 'wxt/utils/storage';
import { browser } from 'wxt/browser';
import { CATEGORIES, type Category } from './categories';

/**
 * Sift's settings: one typed, versioned storage item. Every version's shape stays described
 * here with a migration to the next, and `tests/unit/settings.test.ts` loads a fixture of every
 * older version. Values read from storage are validated: a damaged field falls back to its
 * default instead of breaking the extension.
 */

export const SETTINGS_VERSION = 1;

export interface Settings {
  /** Highlight on every article page (the shortcut and popup switch override it per tab). */
  enabled: boolean;
  /** Which highlight categories are painted. */
  categories: Record<Category, boolean>;
  /** Host names where Sift stays off ("example.com"). */
  disabledSites: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  categories: Object.fromEntries(CATEGORIES.map((c) => [c, true])) as Record<Category, boolean>,
  disabledSites: [],
};

/** At most this many sites in the off list (storage.local holds far more; the popup lists them all). */
const MAX_DISABLED_SITES = 5000;

/**
 * Validate and complete a value read from storage, field by field: a damaged field falls back to its
 * default and the rest is kept (unknown categories dropped, missing ones on, host names normalised).
 * Written out rather than as a zod schema: it runs on every page load, and building and first running
 * the schema took about 10 ms of the content script's first tasks in a CPU profile of a news front
 * page, against well under 1 ms for these checks.
 */
export function normalizeSettings(value: unknown): Settings {
  const v = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const categories = { ...DEFAULT_SETTINGS.categories };
  const stored = v.categories && typeof v.categories === 'object' ? (v.categories as Record<string, unknown>) : {};
  for (const c of CATEGORIES) {
    const on = Object.hasOwn(stored, c) ? stored[c] : undefined;
    if (typeof on === 'boolean') categories[c] = on;
  }
  const sites = Array.isArray(v.disabledSites) ? v.disabledSites.slice(0, MAX_DISABLED_SITES) : [];
  return {
    enabled: typeof v.enabled === 'boolean' ? v.enabled : DEFAULT_SETTINGS.enabled,
    categories,
    disabledSites: [...new Set(sites.filter((s): s is string => typeof s === 'string' && s.length <= 253).map(normalizeHost).filter(Boolean))].sort(),
  };
}

export function normalizeHost(host: string): string {
  return host.trim().toLowerCase().replace(/^www\./, '').replace(/\.$/, '');
}

export function isSiteDisabled(settings: Settings, hostname: string): boolean {
  const host = normalizeHost(hostname);
  return settings.disabledSites.some((site) => host === site || host.endsWith(`.${site}`));
}

/** Version n−1 → n, keyed by n. */
const MIGRATIONS: Record<number, (old: unknown) => unknown> = {};

// Given migrations, WXT reads the item and its stored version once before the first read, a storage
// round trip that every page load waits for. With nothing to migrate yet (version 1) it is skipped:
// the first version 2 adds its migration here and WXT runs it.
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  migrations: SETTINGS_VERSION > 1 ? MIGRATIONS : undefined,
});

export async function getSettings(): Promise<Settings> {
  return normalizeSettings(await settingsItem.getValue());
}

export async function updateSettings(change: (s: Settings) => Settings): Promise<Settings> {
  const next = normalizeSettings(change(await getSettings()));
  await settingsItem.setValue(next);
  return next;
}

export function watchSettings(callback: (s: Settings) => void): () => void {
  return settingsItem.watch((v) => callback(normalizeSettings(v)));
}

/**
 * Settings that live with the browser rather than in storage: the keyboard shortcut (the browser
 * owns it and lets the user change it on its own page) and the options page itself.
 */
export const TOGGLE_COMMAND = 'toggle-highlights';

/** The shortcut the browser has assigned to the toggle ("Alt+Shift+H"), or null when none is set. */
export async function getToggleShortcut(): Promise<string | null> {
  try {
    const commands = await browser.commands.getAll();
    return commands.find((c) => c.name === TOGGLE_COMMAND)?.shortcut || null;
  } catch {
    return null;
  }
}

/** Which browser's shortcut page applies: Firefox opens its own; Chrome's is chrome://extensions/shortcuts. */
export function shortcutSettingsKind(): 'firefox' | 'chromium' {
  return import.meta.env.FIREFOX ? 'firefox' : 'chromium';
}

/** Opens the browser's page for changing extension shortcuts; false when the browser refuses. */
export async function openShortcutSettings(): Promise<boolean> {
  try {
    const commands = browser.commands as typeof browser.commands & { openShortcutSettings?: () => Promise<void> };
    if (commands.openShortcutSettings) await commands.openShortcutSettings();
    else await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
    return true;
  } catch {
    return false;
  }
}

export function openOptionsPage(): void {
  void browser.runtime.openOptionsPage().catch(() => {});
}

export function extensionVersion(): string {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    return '';
  }
}

import { storage } from 'wxt/utils/storage';
import { browser } from 'wxt/browser';
import { z } from './zod';
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

// Built on first use (once the stored value has arrived), not when a page loads the content script.
const makeSettingsSchema = () =>
  z.object({
    enabled: z.boolean(),
    categories: z.record(z.string(), z.boolean()),
    disabledSites: z.array(z.string().check(z.maxLength(253))).check(z.maxLength(5000)),
  });
let settingsSchema: ReturnType<typeof makeSettingsSchema> | null = null;

/** Validate and complete a value read from storage (unknown categories dropped, missing ones on). */
export function normalizeSettings(value: unknown): Settings {
  const parsed = (settingsSchema ??= makeSettingsSchema()).safeParse(value);
  if (!parsed.success) {
    // Keep what is valid field by field.
    const v = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
    return normalizeSettings({
      enabled: typeof v.enabled === 'boolean' ? v.enabled : DEFAULT_SETTINGS.enabled,
      categories: v.categories && typeof v.categories === 'object' ? Object.fromEntries(Object.entries(v.categories).filter(([, b]) => typeof b === 'boolean')) : {},
      disabledSites: Array.isArray(v.disabledSites) ? v.disabledSites.filter((s): s is string => typeof s === 'string' && s.length <= 253) : [],
    });
  }
  const categories = { ...DEFAULT_SETTINGS.categories };
  for (const c of CATEGORIES) if (typeof parsed.data.categories[c] === 'boolean') categories[c] = parsed.data.categories[c];
  return {
    enabled: parsed.data.enabled,
    categories,
    disabledSites: [...new Set(parsed.data.disabledSites.map(normalizeHost).filter(Boolean))].sort(),
  };
}

export function normalizeHost(host: string): string {
  return host.trim().toLowerCase().replace(/^www\./, '').replace(/\.$/, '');
}

export function isSiteDisabled(settings: Settings, hostname: string): boolean {
  const host = normalizeHost(hostname);
  return settings.disabledSites.some((site) => host === site || host.endsWith(`.${site}`));
}

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  migrations: {},
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

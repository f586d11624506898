import { useEffect, useState } from 'preact/hooks';
import { CATEGORIES } from '@/lib/categories';
import { getSettings, updateSettings, DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { t } from '@/lib/i18n';
import { CATEGORY_LABEL } from './labels';
import { Swatch } from './Swatch';

/** Options page: automatic highlighting, categories, the per-site list and the shortcut. */
export function Options() {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  useEffect(() => void getSettings().then(setSettings), []);
  const change = async (f: (s: Settings) => Settings) => setSettings(await updateSettings(f));
  return (
    <main class="popup options">
      <h1>{t('optionsTitle')}</h1>
      <label class="switch main-switch">
        <input id="opt-enabled" type="checkbox" role="switch" checked={settings.enabled} onChange={(e) => change((s) => ({ ...s, enabled: e.currentTarget.checked }))} />
        <span>{t('optionsEnabled')}</span>
      </label>
      <h2>{t('popupCategories')}</h2>
      <ul class="plain">
        {CATEGORIES.map((c) => (
          <li key={c}>
            <label class="switch">
              <input
                type="checkbox"
                role="switch"
                data-category={c}
                checked={settings.categories[c]}
                onChange={(e) => change((s) => ({ ...s, categories: { ...s.categories, [c]: e.currentTarget.checked } }))}
              />
              <Swatch category={c} /> {CATEGORY_LABEL[c]()}
            </label>
          </li>
        ))}
      </ul>
      <h2>{t('optionsSites')}</h2>
      {settings.disabledSites.length === 0 ? (
        <p class="empty">{t('optionsNoSites')}</p>
      ) : (
        <ul class="plain" id="sites">
          {settings.disabledSites.map((site) => (
            <li key={site}>
              {site}{' '}
              <button type="button" class="secondary" onClick={() => change((s) => ({ ...s, disabledSites: s.disabledSites.filter((x) => x !== site) }))}>
                {t('optionsRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('optionsShortcut')}</h2>
      <p>
        <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>H</kbd>
      </p>
    </main>
  );
}

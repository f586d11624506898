import { useEffect, useState } from 'preact/hooks';
import { CATEGORIES } from '@/lib/categories';
import {
  extensionVersion,
  getSettings,
  getToggleShortcut,
  openShortcutSettings,
  shortcutSettingsKind,
  updateSettings,
  watchSettings,
  DEFAULT_SETTINGS,
  type Settings,
} from '@/lib/settings';
import { t } from '@/lib/i18n';
import { CATEGORY_HINT, CATEGORY_LABEL } from './labels';
import { siteFromInput } from './model';
import { Swatch } from './Swatch';
import notice from '../NOTICE?raw';

/**
 * The options page: automatic highlighting, categories with their styles, the sites where Sift
 * is off, the keyboard shortcut and where to change it, and the notices of the bundled data.
 */
export function Options() {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [shortcut, setShortcut] = useState<string | null | undefined>(undefined);
  const [status, setStatus] = useState('');
  const [site, setSite] = useState('');
  const [siteError, setSiteError] = useState('');

  useEffect(() => {
    void getSettings().then(setSettings);
    void getToggleShortcut().then(setShortcut);
    // The shortcut can change on the browser's page while this one is open: read it again on return.
    const onFocus = () => void getToggleShortcut().then(setShortcut);
    window.addEventListener('focus', onFocus);
    const unwatch = watchSettings(setSettings);
    return () => {
      window.removeEventListener('focus', onFocus);
      unwatch();
    };
  }, []);

  const change = async (f: (s: Settings) => Settings, said: string) => {
    setSettings(await updateSettings(f));
    setStatus('');
    setTimeout(() => setStatus(said), 50);
  };

  const addSite = (e: Event) => {
    e.preventDefault();
    const host = siteFromInput(site);
    if (!host) {
      setSiteError(t('optionsSiteInvalid'));
      return;
    }
    setSiteError('');
    setSite('');
    void change((s) => ({ ...s, disabledSites: [...s.disabledSites, host] }), t('optionsSiteAdded', host));
  };

  const keys = shortcut ? shortcut.split('+') : [];
  const version = extensionVersion();
  return (
    <>
      <main class="options">
        <header class="options-head">
          <h1>{t('optionsTitle')}</h1>
          {version && <p class="meta">{t('optionsVersion', version)}</p>}
        </header>

        <section aria-labelledby="general-h">
          <h2 id="general-h">{t('optionsGeneral')}</h2>
          <label class="switch main-switch">
            <input
              id="opt-enabled"
              type="checkbox"
              role="switch"
              aria-describedby="opt-enabled-hint"
              checked={settings.enabled}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                void change((s) => ({ ...s, enabled: on }), on ? t('optionsEnabledOn') : t('optionsEnabledOff'));
              }}
            />
            <span>{t('optionsEnabled')}</span>
          </label>
          <p class="hint" id="opt-enabled-hint">
            {t('optionsEnabledHint')}
          </p>
        </section>

        <section aria-labelledby="categories-h">
          <h2 id="categories-h">{t('optionsCategories')}</h2>
          <p class="hint">{t('optionsCategoriesHint')}</p>
          <ul class="plain category-list">
            {CATEGORIES.map((c) => (
              <li key={c}>
                <label class="switch">
                  <input
                    type="checkbox"
                    role="switch"
                    data-category={c}
                    aria-describedby={`hint-${c}`}
                    checked={settings.categories[c]}
                    onChange={(e) => {
                      const on = e.currentTarget.checked;
                      void change((s) => ({ ...s, categories: { ...s.categories, [c]: on } }), t(on ? 'popupAnnounceCategoryOn' : 'popupAnnounceCategoryOff', CATEGORY_LABEL[c]()));
                    }}
                  />
                  <Swatch category={c} /> <span class="category-name">{CATEGORY_LABEL[c]()}</span>
                </label>
                <span class="hint" id={`hint-${c}`}>
                  {CATEGORY_HINT[c]()}
                </span>
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="sites-h">
          <h2 id="sites-h">{t('optionsSites')}</h2>
          {settings.disabledSites.length === 0 ? (
            <p class="empty">{t('optionsNoSites')}</p>
          ) : (
            <ul class="plain site-list" id="sites">
              {settings.disabledSites.map((host) => (
                <li key={host}>
                  <span class="site">{host}</span>
                  <button
                    type="button"
                    class="secondary"
                    onClick={() => void change((s) => ({ ...s, disabledSites: s.disabledSites.filter((x) => x !== host) }), t('optionsSiteRemoved', host))}
                  >
                    {t('optionsRemove')}
                    <span class="visually-hidden"> {host}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <form class="add-site" onSubmit={addSite} noValidate>
            <label for="site-input">{t('optionsAddSite')}</label>
            <div class="field-row">
              <input
                id="site-input"
                type="text"
                inputMode="url"
                autoComplete="off"
                spellcheck={false}
                placeholder="example.com"
                value={site}
                aria-invalid={siteError ? 'true' : undefined}
                aria-describedby={siteError ? 'site-error' : undefined}
                onInput={(e) => setSite(e.currentTarget.value)}
              />
              <button type="submit" class="secondary" id="site-add">
                {t('optionsAdd')}
              </button>
            </div>
            {siteError && (
              <p class="error" id="site-error">
                {siteError}
              </p>
            )}
          </form>
        </section>

        <section aria-labelledby="shortcut-h">
          <h2 id="shortcut-h">{t('optionsShortcut')}</h2>
          <p id="shortcut">
            {shortcut === undefined ? null : keys.length > 0 ? (
              <>
                <span class="keys">
                  {keys.map((k, i) => (
                    <span key={i}>
                      {i > 0 && '+'}
                      <kbd>{k}</kbd>
                    </span>
                  ))}
                </span>{' '}
                {t('optionsShortcutDoes')}
              </>
            ) : (
              t('optionsShortcutNone')
            )}
          </p>
          <p class="hint">{shortcutSettingsKind() === 'firefox' ? t('optionsShortcutWhereFirefox') : t('optionsShortcutWhereChrome')}</p>
          <button type="button" class="secondary" id="change-shortcut" onClick={() => void openShortcutSettings()}>
            {t('optionsShortcutChange')}
          </button>
        </section>

        <section aria-labelledby="privacy-h">
          <h2 id="privacy-h">{t('optionsPrivacy')}</h2>
          <p>{t('optionsPrivacyText')}</p>
        </section>

        <section aria-labelledby="notices-h">
          <h2 id="notices-h">{t('optionsNotices')}</h2>
          <p class="hint">{t('optionsNoticesHint')}</p>
          <pre class="notice-text" id="notice" tabIndex={0} aria-labelledby="notices-h">
            {notice}
          </pre>
        </section>
      </main>
      <p class="visually-hidden" id="announce" role="status" aria-live="polite">
        {status}
      </p>
    </>
  );
}

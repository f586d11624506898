import { CATEGORIES, type Category } from '@/lib/categories';
import type { Settings } from '@/lib/settings';
import { t } from '@/lib/i18n';
import { CATEGORY_LABEL } from './labels';
import { Swatch } from './Swatch';

interface Props {
  highlightsOn: boolean;
  settings: Settings;
  onTabHighlights: (on: boolean) => void;
  onCategory: (category: Category, on: boolean) => void;
  onSiteOff: () => void;
}

/** The switches: highlights in this tab, per category (with the legend), off on this site. */
export function Toggles({ highlightsOn, settings, onTabHighlights, onCategory, onSiteOff }: Props) {
  return (
    <section aria-labelledby="toggles-h" id="toggles">
      <h2 id="toggles-h" class="visually-hidden">
        {t('popupCategories')}
      </h2>
      <label class="switch main-switch">
        <input id="toggle-highlights" type="checkbox" role="switch" checked={highlightsOn} onChange={(e) => onTabHighlights(e.currentTarget.checked)} />
        <span>{t('popupHighlights')}</span>
      </label>
      <details class="categories">
        <summary>{t('popupCategories')}</summary>
        <ul>
          {CATEGORIES.map((c) => (
            <li key={c}>
              <label class="switch">
                <input type="checkbox" role="switch" data-category={c} checked={settings.categories[c]} onChange={(e) => onCategory(c, e.currentTarget.checked)} />
                <Swatch category={c} /> <span>{CATEGORY_LABEL[c]()}</span>
              </label>
            </li>
          ))}
        </ul>
      </details>
      <button type="button" class="secondary" id="site-off" onClick={onSiteOff}>
        {t('popupSiteOff')}
      </button>
    </section>
  );
}

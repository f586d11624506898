import { CATEGORIES, type Category } from '@/lib/categories';
import type { Settings } from '@/lib/settings';
import { formatCount, t } from '@/lib/i18n';
import { CATEGORY_LABEL } from './labels';
import { Swatch } from './Swatch';

interface Props {
  highlightsOn: boolean;
  settings: Settings;
  /** Highlights of each category on this page; the legend shows the categories present. */
  counts: Record<Category, number>;
  onTabHighlights: (on: boolean) => void;
  onCategory: (category: Category, on: boolean) => void;
  onSiteOff: () => void;
}

/**
 * The switches and the legend: highlights in this tab, the legend of the styles used on this page,
 * one switch per category (with its style), and "off on this site".
 */
export function Toggles({ highlightsOn, settings, counts, onTabHighlights, onCategory, onSiteOff }: Props) {
  const present = CATEGORIES.filter((c) => counts[c] > 0);
  return (
    <section aria-labelledby="toggles-h" id="toggles">
      <h2 id="toggles-h" class="visually-hidden">
        {t('popupSwitches')}
      </h2>
      <div class="switch-row">
        <label class="switch main-switch">
          <input id="toggle-highlights" type="checkbox" role="switch" checked={highlightsOn} onChange={(e) => onTabHighlights(e.currentTarget.checked)} />
          <span>{t('popupHighlights')}</span>
        </label>
        <button type="button" class="secondary" id="site-off" onClick={onSiteOff}>
          {t('popupSiteOff')}
        </button>
      </div>
      {present.length > 0 && (
        <ul class="legend" id="legend" aria-label={t('popupLegend')}>
          {present.map((c) => {
            const off = !settings.categories[c] || !highlightsOn;
            return (
              <li key={c} class={off ? 'off' : undefined} data-category={c}>
                <Swatch category={c} /> {CATEGORY_LABEL[c]()} <span class="count">{formatCount(counts[c])}</span>
                {off && <span class="visually-hidden"> ({t('popupHidden')})</span>}
              </li>
            );
          })}
        </ul>
      )}
      <details class="categories">
        <summary>{t('popupChooseCategories')}</summary>
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
    </section>
  );
}

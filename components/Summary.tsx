import type { ArticleInfo, SummarySentence } from '@/lib/schema';
import { t } from '@/lib/i18n';
import type { MarkerAt } from '@/lib/footnotes/inline';
import { AiSummary } from './AiSummary';
import { MarkedText } from './MarkedText';

export function Summary({
  summary,
  onJump,
  article,
  markers = [],
}: {
  summary: SummarySentence[];
  onJump: (index: number) => void;
  article?: ArticleInfo | null;
  /** The article's footnote markers, shown as such inside the sentences. */
  markers?: readonly MarkerAt[];
}) {
  return (
    <section aria-labelledby="summary-h" id="summary">
      <h2 id="summary-h">{t('popupSummary')}</h2>
      {summary.length === 0 ? (
        <p class="empty">{t('popupNoSummary')}</p>
      ) : (
        <ol class="summary">
          {summary.map((s, i) => (
            <li key={s.start}>
              <button type="button" class="link" onClick={() => onJump(i)} title={t('popupJump')}>
                <MarkedText text={s.text} start={s.start} markers={markers} />
              </button>
            </li>
          ))}
        </ol>
      )}
      {article && <AiSummary text={article.text} title={article.title} lang={article.lang} />}
    </section>
  );
}

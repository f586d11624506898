import type { Footnote } from '@/lib/schema';
import { sentenceStart, type MarkerAt } from '@/lib/footnotes/inline';
import { MarkedText } from './MarkedText';
import { t, formatCount } from '@/lib/i18n';
import { Swatch } from './Swatch';
import { ExternalLink } from './ExternalLink';
import { ShowMore } from './ShowMore';

/** Citations shown per footnote before "Show all" (a long page may cite one note many times). */
const CITATION_LIMIT = 3;

/**
 * The article's footnotes in order: each with the sentence(s) that cite it and a button that
 * scrolls the page to that citation and flashes it, then the note and its links (web addresses
 * only, opened in a new tab on click), or a plain statement that the page has no note for it.
 */
export function FootnoteList({
  footnotes,
  onJump,
  articleText = '',
  markers = [],
}: {
  footnotes: Footnote[];
  onJump: (index: number, occurrence: number, label: string) => void;
  /** The article text the citations' offsets point into; their markers are shown as such. */
  articleText?: string;
  markers?: readonly MarkerAt[];
}) {
  const missing = footnotes.filter((f) => !f.note).length;
  return (
    <section aria-labelledby="footnotes-h" id="footnotes">
      <h2 id="footnotes-h">
        <Swatch category="footnote" /> {t('popupFootnotes')} <span class="count">{footnotes.length}</span>
      </h2>
      {footnotes.length === 0 && <p class="empty">{t('popupNoFootnotes')}</p>}
      {missing > 0 && (
        <p class="section-note" id="footnotes-note">
          {missing === footnotes.length ? t('popupNoNotesAtAll') : t('popupSomeNotesMissing', [formatCount(missing), formatCount(footnotes.length)])}
        </p>
      )}
      {footnotes.length > 0 && (
        <ol class="footnotes">
          {footnotes.map((f, index) => (
            <li key={`${f.label}-${index}`} class="footnote" data-label={f.label} id={`fn-${index}`} tabIndex={-1}>
              <div class="fn-head">
                <span class="fn-label-text" id={`fn-${index}-label`}>
                  <span class="visually-hidden">{t('popupFootnoteLabel')} </span>[{f.label}]
                </span>
                {f.citations.length > 1 && <span class="count">{t('popupCitedTimes', formatCount(f.citations.length))}</span>}
              </div>
              {f.citations.length === 0 && <p class="citing none">{t('popupNotCited')}</p>}
              <ShowMore limit={CITATION_LIMIT} total={f.citations.length} label={`[${f.label}]`}>
                {(limit) => f.citations.slice(0, limit).map((c, i) => (
                <div class="citation" key={c.start} data-occurrence={i}>
                  <blockquote class="citing">
                    <MarkedText text={c.sentence} start={sentenceStart(articleText, c.sentence, c.start)} markers={markers} />
                  </blockquote>
                  <button type="button" class={`jump${i === 0 ? ' fn-label' : ''}`} onClick={() => onJump(index, i, f.label)}>
                    {t('popupShowInPage')}
                    <span class="visually-hidden">
                      {' '}
                      {f.citations.length > 1 ? t('popupCitationOf', [String(i + 1), f.label]) : t('popupCitationOfOne', f.label)}
                    </span>
                  </button>
                </div>
              ))}
              </ShowMore>
              {f.note ? (
                <div class="note">
                  <p>{f.note.text}</p>
                  {f.note.links.length > 0 && (
                    <ul class="links" aria-label={t('popupNoteLinks', f.label)}>
                      {f.note.links.map((href) => (
                        <li key={href}>
                          <ExternalLink href={href} />
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              ) : (
                <p class="note missing">{t('popupNoNote')}</p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

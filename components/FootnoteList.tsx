import type { Footnote } from '@/lib/schema';
import { t } from '@/lib/i18n';
import { Swatch } from './Swatch';

/** Only http(s) links become clickable; anything else is shown as text. */
export function isSafeLink(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

export function FootnoteList({ footnotes, onJump }: { footnotes: Footnote[]; onJump: (index: number) => void }) {
  return (
    <section aria-labelledby="footnotes-h" id="footnotes">
      <h2 id="footnotes-h">
        <Swatch category="footnote" /> {t('popupFootnotes')} <span class="count">{footnotes.length}</span>
      </h2>
      {footnotes.length === 0 && <p class="empty">{t('popupNoFootnotes')}</p>}
      <ol class="footnotes">
        {footnotes.map((f, index) => (
          <li key={f.label} class="footnote" data-label={f.label}>
            <button type="button" class="link fn-label" onClick={() => onJump(index)} title={t('popupJump')}>
              [{f.label}]
            </button>
            <blockquote class="citing">{f.citations[0]?.sentence}</blockquote>
            {f.note ? (
              <div class="note">
                <p>{f.note.text}</p>
                {f.note.links.length > 0 && (
                  <ul class="links">
                    {f.note.links.map((href) => (
                      <li key={href}>{isSafeLink(href) ? <a href={href} target="_blank" rel="noopener noreferrer">{href}</a> : <span>{href}</span>}</li>
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
    </section>
  );
}

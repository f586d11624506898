import type { Claim } from '@/lib/schema';
import { formatCount, t } from '@/lib/i18n';
import { KIND_LABEL } from './labels';
import { Swatch } from './Swatch';
import { ShowMore } from './ShowMore';
import { groupClaims, isUnsourced } from './model';

const GROUP_LIMIT = 8;

/**
 * Numeric claims grouped by kind, each with its hedge, its source, the footnotes that back it and
 * an "unsourced" mark when it has neither a source nor a footnote. Clicking one jumps to it.
 */
export function ClaimList({ claims, footnoteIndex, onJump }: { claims: Claim[]; footnoteIndex: (label: string) => number; onJump: (index: number, text: string) => void }) {
  const groups = groupClaims(claims);
  const unsourced = claims.filter(isUnsourced).length;
  return (
    <section aria-labelledby="claims-h" id="claims">
      <h2 id="claims-h">
        <Swatch category="claim" /> {t('popupClaims')} <span class="count">{claims.length}</span>
      </h2>
      {claims.length > 0 && (
        <p class="section-note" id="claims-note">
          {unsourced === 0 ? t('popupAllSourced') : t('popupUnsourcedCount', [formatCount(unsourced), formatCount(claims.length)])}
        </p>
      )}
      {groups.length === 0 && <p class="empty">{t('popupNoClaims')}</p>}
      {groups.map((g) => (
        <div class="group" key={g.kind} data-kind={g.kind}>
          <h3 id={`claims-${g.kind}`}>
            {KIND_LABEL[g.kind]()} <span class="count">{g.claims.length}</span>
          </h3>
          <ShowMore limit={GROUP_LIMIT} total={g.claims.length} label={KIND_LABEL[g.kind]()}>
            {(limit) => (
              <ul class="items" aria-labelledby={`claims-${g.kind}`}>
                {g.claims.slice(0, limit).map(({ item: c, index }) => {
                  const bare = isUnsourced(c);
                  return (
                    <li key={`${c.start}-${index}`} class={`claim${bare ? ' unsourced' : ''}`} data-index={index}>
                      <button type="button" class="link claim-text" onClick={() => onJump(index, c.text)} title={c.sentence}>
                        {c.text}
                      </button>
                      <span class="claim-meta">
                        {c.hedge && (
                          <span class="tag hedge">
                            <span class="visually-hidden">{t('popupHedgeLabel')} </span>
                            {c.hedge}
                          </span>
                        )}
                        {c.source && <span class="tag source">{t('popupSource', c.source)}</span>}
                        {c.footnotes.map((f) => {
                          const i = footnoteIndex(f);
                          return i >= 0 ? (
                            <a class="tag fn-ref" key={f} href={`#fn-${i}`} title={t('popupGoToFootnote', f)}>
                              <span class="visually-hidden">{t('popupFootnoteLabel')} </span>[{f}]
                            </a>
                          ) : (
                            <span class="tag fn-ref" key={f}>
                              [{f}]
                            </span>
                          );
                        })}
                        {bare && <span class="badge-unsourced">{t('popupUnsourced')}</span>}
                      </span>
                    </li>
                  );
                })}
              </ul>
            )}
          </ShowMore>
        </div>
      ))}
    </section>
  );
}

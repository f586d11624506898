import type { Claim } from '@/lib/schema';
import { CLAIM_KINDS } from '@/lib/schema';
import { t } from '@/lib/i18n';
import { KIND_LABEL } from './labels';
import { Swatch } from './Swatch';

/** Numeric claims grouped by kind, with hedge, source, footnotes, and "unsourced" when neither. */
export function ClaimList({ claims, onJump }: { claims: Claim[]; onJump: (index: number) => void }) {
  const groups = CLAIM_KINDS.map((kind) => ({ kind, items: claims.map((c, index) => ({ c, index })).filter((x) => x.c.kind === kind) })).filter(
    (g) => g.items.length > 0,
  );
  return (
    <section aria-labelledby="claims-h" id="claims">
      <h2 id="claims-h">
        <Swatch category="claim" /> {t('popupClaims')} <span class="count">{claims.length}</span>
      </h2>
      {groups.length === 0 && <p class="empty">{t('popupNoClaims')}</p>}
      {groups.map((g) => (
        <div class="group" key={g.kind} data-kind={g.kind}>
          <h3>{KIND_LABEL[g.kind]()}</h3>
          <ul>
            {g.items.map(({ c, index }) => {
              const unsourced = !c.source && c.footnotes.length === 0;
              return (
                <li key={c.start} class={`claim${unsourced ? ' unsourced' : ''}`}>
                  <button type="button" class="link claim-text" onClick={() => onJump(index)} title={t('popupJump')}>
                    {c.text}
                  </button>
                  <span class="claim-meta">
                    {c.hedge && <span class="hedge">{c.hedge}</span>}
                    {c.source && <span class="source">{t('popupSource', c.source)}</span>}
                    {c.footnotes.map((f) => (
                      <span class="fn-ref" key={f}>
                        [{f}]
                      </span>
                    ))}
                    {unsourced && <span class="badge-unsourced">{t('popupUnsourced')}</span>}
                  </span>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </section>
  );
}

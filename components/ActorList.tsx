import type { Actor, ActorType } from '@/lib/schema';
import { ACTOR_TYPES } from '@/lib/schema';
import { t } from '@/lib/i18n';
import { typeLabel } from './labels';
import { Swatch } from './Swatch';

/** Actors grouped by type, most mentioned first; each jumps to its next mention in the page. */
export function ActorList({ actors, onJump }: { actors: Actor[]; onJump: (index: number) => void }) {
  const groups = ACTOR_TYPES.map((type) => ({ type, items: actors.map((a, index) => ({ a, index })).filter((x) => x.a.type === type) })).filter(
    (g) => g.items.length > 0,
  );
  return (
    <section aria-labelledby="actors-h" id="actors">
      <h2 id="actors-h">
        {t('popupActors')} <span class="count">{actors.length}</span>
      </h2>
      {groups.length === 0 && <p class="empty">{t('popupNoActors')}</p>}
      {groups.map((g) => (
        <div class="group" key={g.type} data-type={g.type}>
          <h3>
            <Swatch category={g.type as ActorType} /> {typeLabel(g.type)}
          </h3>
          <ul>
            {g.items.map(({ a, index }) => (
              <li key={a.id} class="actor">
                <button type="button" class="link actor-name" onClick={() => onJump(index)} title={t('popupJump')}>
                  {a.name}
                </button>{' '}
                <span class="mentions" title={t('popupMentions', String(a.mentions.length))}>
                  ×{a.mentions.length}
                </span>
                {a.background && <p class="background">{a.background.description}</p>}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

import { useState } from 'preact/hooks';
import type { Actor, ActorBackground } from '@/lib/schema';
import { countryName, formatCount, t, uiLanguage } from '@/lib/i18n';
import { typeLabel } from './labels';
import { Swatch } from './Swatch';
import { ExternalLink } from './ExternalLink';
import { ShowMore } from './ShowMore';
import { groupActors, primaryLanguage, validQid, wikidataUrl, wikipediaUrl } from './model';

/** id → background from the bundled knowledge base; `undefined` while it loads. */
export type BackgroundOf = ((id: string) => ActorBackground | null) | undefined;

/** Items shown per type before "Show all". */
const GROUP_LIMIT = 8;

/**
 * Actors drawn in the popup's first frame: as many as its first screen can show below the summary.
 * The rest come in the frame after it, with the lists below (components/Popup.tsx). On a 5,000-word
 * article with 17 actors, a first frame without any came 20 ms sooner than one with all of them
 * (median of 20 interleaved opens, sooner in 15; throwaway .tmp/popab.mts, both builds in one
 * Chromium); the first few stay, for the popup of a short article, where they are in sight.
 */
export const FIRST_FRAME_ACTORS = 4;

/**
 * Actors grouped by type, most mentioned first, each with its one-line background; "More" opens
 * the rest (aliases, country, links). Clicking a name jumps to its next mention in the page.
 */
export function ActorList({
  actors,
  backgroundOf,
  onJump,
  firstFrame = false,
}: {
  actors: Actor[];
  backgroundOf: BackgroundOf;
  onJump: (index: number, name: string) => void;
  /** Draw only the first FIRST_FRAME_ACTORS actors (the counts are the whole list's). */
  firstFrame?: boolean;
}) {
  const groups = groupActors(actors);
  // How many of each group are drawn: in the first frame, FIRST_FRAME_ACTORS in all.
  const drawn: number[] = [];
  let left = firstFrame ? FIRST_FRAME_ACTORS : Infinity;
  for (const g of groups) {
    drawn.push(Math.min(left, g.actors.length));
    left -= drawn[drawn.length - 1];
  }
  const backgroundFor = (a: Actor) => a.background ?? backgroundOf?.(a.id) ?? null;
  const known = backgroundOf || actors.every((a) => a.background) ? actors.filter((a) => backgroundFor(a)).length : null;
  return (
    <section aria-labelledby="actors-h" id="actors">
      <h2 id="actors-h">
        {t('popupActors')} <span class="count">{actors.length}</span>
      </h2>
      {groups.length === 0 && <p class="empty">{t('popupNoActors')}</p>}
      {actors.length > 0 && (
        <p class="section-note" id="actors-note">
          {known === null ? t('popupBackgroundLoading') : known === actors.length ? t('popupAllInKb') : t('popupSomeInKb', [formatCount(known), formatCount(actors.length)])}
        </p>
      )}
      {groups.map((g, i) => {
        const shown = drawn[i];
        if (shown === 0) return null;
        // In the first frame a group cut short shows no "Show all" yet: the whole list follows.
        return (
          <div class="group" key={g.type} data-type={g.type}>
            <h3 id={`actors-${g.type}`}>
              <Swatch category={g.type} /> {typeLabel(g.type)} <span class="count">{g.actors.length}</span>
            </h3>
            <ShowMore limit={Math.min(GROUP_LIMIT, shown)} total={firstFrame ? shown : g.actors.length} label={typeLabel(g.type)}>
              {(limit) => (
                <ul class="items" aria-labelledby={`actors-${g.type}`}>
                  {g.actors.slice(0, limit).map(({ item, index }) => (
                    <ActorItem key={item.id} actor={item} index={index} background={backgroundFor(item)} onJump={onJump} />
                  ))}
                </ul>
              )}
            </ShowMore>
          </div>
        );
      })}
    </section>
  );
}

function ActorItem({ actor, index, background, onJump }: { actor: Actor; index: number; background: ActorBackground | null; onJump: (index: number, name: string) => void }) {
  const [open, setOpen] = useState(false);
  const moreId = `actor-more-${index}`;
  const n = actor.mentions.length;
  return (
    <li class="actor" data-id={actor.id}>
      <div class="row">
        <button type="button" class="link actor-name" onClick={() => onJump(index, actor.name)} title={n > 1 ? t('popupJumpNextMention') : t('popupJump')}>
          {actor.name}
        </button>
        <span class="mentions">
          <span aria-hidden="true">×{formatCount(n)}</span>
          <span class="visually-hidden">{n === 1 ? t('popupOneMention') : t('popupMentions', formatCount(n))}</span>
        </span>
        {background && (
          <button type="button" class="disclosure" aria-expanded={open} aria-controls={moreId} onClick={() => setOpen(!open)}>
            <span aria-hidden="true" class="chevron" />
            {open ? t('popupLess') : t('popupMore')}
            <span class="visually-hidden"> {t('popupAboutName', actor.name)}</span>
          </button>
        )}
      </div>
      {background?.description && <p class="background">{background.description}</p>}
      {/* Its contents are made when it is opened: most are never opened, and a long article's
          popup drew its first screen with a hidden block of about ten elements under each actor. */}
      {background && (
        <div class="actor-more" id={moreId} hidden={!open}>
          {open && <ActorMore actor={actor} background={background} />}
        </div>
      )}
    </li>
  );
}

/** An actor's aliases, country and links, under "More". */
function ActorMore({ actor, background }: { actor: Actor; background: ActorBackground }) {
  const qid = validQid(background.wikidata) ?? validQid(actor.id.startsWith('wd:') ? actor.id.slice(3) : null);
  const aliases = background.aliases.filter((a) => a !== actor.name);
  const lang = primaryLanguage(uiLanguage()) ?? 'en';
  return (
    <>
      <dl>
        {aliases.length > 0 && (
          <div>
            <dt>{t('popupAliases')}</dt>
            <dd>{aliases.join(' · ')}</dd>
          </div>
        )}
        {background.country && (
          <div>
            <dt>{t('popupCountry')}</dt>
            <dd>{countryName(background.country)}</dd>
          </div>
        )}
      </dl>
      {qid ? (
        <p class="ext-links">
          <ExternalLink href={wikipediaUrl(qid, lang)} label={t('popupWikipedia')} />
          <ExternalLink href={wikidataUrl(qid)} label={t('popupWikidata', qid)} />
        </p>
      ) : (
        <p class="ext-links none">{t('popupNoWikidata')}</p>
      )}
    </>
  );
}

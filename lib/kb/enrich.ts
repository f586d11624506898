import type { Actor, ActorBackground } from '../schema';
import type { KnowledgeBase } from './knowledge-base';

/**
 * Fills each actor's `background` from the knowledge base's details, for the popup and the hover
 * cards: the content script recognises actors with the index alone and loads the details only
 * when a view asks (`loadBackgrounds`). Pure: returns new actor
 * objects, leaves the input untouched; actors the knowledge base does not know (`new:…` ids) and
 * actors that already have a background are returned as they are.
 */
export function enrichActors(actors: readonly Actor[], kb: KnowledgeBase): Actor[] {
  return actors.map((actor) => {
    if (actor.background || actor.id.startsWith('new:')) return actor;
    const background = kb.background(actor.id);
    return background ? { ...actor, background } : actor;
  });
}

/** The Wikidata page of a background, when it has a QID (opened only when the reader clicks). */
export function wikidataUrl(background: ActorBackground | null): string | null {
  return background?.wikidata ? `https://www.wikidata.org/wiki/${background.wikidata}` : null;
}

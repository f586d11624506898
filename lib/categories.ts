import { ACTOR_TYPES, type ActorType } from './schema';

/**
 * Highlight categories: one per actor type, plus numeric claims and footnote markers. Each has
 * its own highlight name (`sift-<category>` in CSS.highlights), switch and legend entry.
 */
export const CATEGORIES = [...ACTOR_TYPES, 'claim', 'footnote'] as const;
export type Category = ActorType | 'claim' | 'footnote';

export function highlightName(category: Category): string {
  return category === 'claim' || category === 'footnote' ? `sift-${category}` : `sift-actor-${category}`;
}

export function isCategory(x: unknown): x is Category {
  return typeof x === 'string' && (CATEGORIES as readonly string[]).includes(x);
}

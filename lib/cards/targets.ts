import type { Analysis, Span } from '../schema';
import type { Category } from '../categories';

/**
 * What a card can be about: one highlighted span of the Analysis (an actor's mention, a footnote
 * citation, a numeric claim), found from a text offset (the caret under the pointer mapped through
 * the TextMap) or stepped through in reading order with the keyboard.
 */
export type CardTarget =
  | { kind: 'actor'; index: number; mention: number; start: number; end: number; category: Category }
  | { kind: 'footnote'; index: number; citation: number; start: number; end: number; category: 'footnote' }
  | { kind: 'claim'; index: number; start: number; end: number; category: 'claim' };

export interface TargetIndex {
  /** In reading order: by start, the longer first when two start together. */
  readonly targets: readonly CardTarget[];
  /** Longest target, so a lookup never scans further back than this. */
  readonly maxLength: number;
}

/** Most targets kept per page (the painter stops at MAX_PAINTED ranges too). */
export const MAX_TARGETS = 4000;

/** Every highlighted span a card can explain, for the enabled categories. */
export function buildTargetIndex(analysis: Analysis, enabled?: Partial<Record<Category, boolean>>): TargetIndex {
  const on = (c: Category) => !enabled || enabled[c] !== false;
  const targets: CardTarget[] = [];
  analysis.actors.forEach((actor, index) => {
    if (!on(actor.type)) return;
    actor.mentions.forEach((m, mention) => targets.push({ kind: 'actor', index, mention, start: m.start, end: m.end, category: actor.type }));
  });
  if (on('claim')) analysis.claims.forEach((c, index) => targets.push({ kind: 'claim', index, start: c.start, end: c.end, category: 'claim' }));
  if (on('footnote')) {
    analysis.footnotes.forEach((f, index) =>
      f.citations.forEach((c, citation) => targets.push({ kind: 'footnote', index, citation, start: c.start, end: c.end, category: 'footnote' })),
    );
  }
  const valid = targets.filter((t) => t.end > t.start);
  valid.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept = valid.slice(0, MAX_TARGETS);
  let maxLength = 0;
  for (const t of kept) maxLength = Math.max(maxLength, t.end - t.start);
  return { targets: kept, maxLength };
}

/** Index of the last target starting at or before `offset`, or -1. */
function lastStartingAtOrBefore(targets: readonly CardTarget[], offset: number): number {
  let lo = 0;
  let hi = targets.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (targets[mid].start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

const KIND_RANK: Record<CardTarget['kind'], number> = { footnote: 0, actor: 1, claim: 2 };

/** Which of overlapping targets a card shows first: footnote markers, then actors, then claims; the tighter span first. */
export function compareTargets(a: CardTarget, b: CardTarget): number {
  return KIND_RANK[a.kind] - KIND_RANK[b.kind] || a.end - a.start - (b.end - b.start) || a.start - b.start;
}

/**
 * Targets that may lie under a caret at `offset`. A caret sits between two characters and the
 * pointer is over one of them, so a target ending exactly at the caret is a candidate too; the
 * caller keeps the one whose client rects contain the pointer. Best candidate first.
 */
export function targetsAtOffset(index: TargetIndex, offset: number): CardTarget[] {
  if (offset < 0) return [];
  const { targets, maxLength } = index;
  const out: CardTarget[] = [];
  for (let i = lastStartingAtOrBefore(targets, offset); i >= 0; i--) {
    const t = targets[i];
    if (t.start < offset - maxLength) break;
    if (t.end >= offset) out.push(t);
  }
  return out.sort(compareTargets);
}

/** Targets overlapping a span (e.g. the text of a focused link), best first. */
export function targetsInSpan(index: TargetIndex, span: Span): CardTarget[] {
  const { targets, maxLength } = index;
  const out: CardTarget[] = [];
  for (let i = lastStartingAtOrBefore(targets, span.end - 1); i >= 0; i--) {
    const t = targets[i];
    if (t.start < span.start - maxLength) break;
    if (t.end > span.start && t.start < span.end) out.push(t);
  }
  return out.sort(compareTargets);
}

export function sameTarget(a: CardTarget | null, b: CardTarget | null): boolean {
  if (!a || !b) return a === b;
  return a.kind === b.kind && a.index === b.index && a.start === b.start && a.end === b.end;
}

/** The position of a target in reading order, or -1. */
export function targetPosition(index: TargetIndex, target: CardTarget): number {
  const i = lastStartingAtOrBefore(index.targets, target.start);
  for (let j = i; j >= 0 && index.targets[j].start === target.start; j--) if (sameTarget(index.targets[j], target)) return j;
  return -1;
}

/**
 * The next position when stepping: from `current` (-1: none yet) forwards or backwards, wrapping
 * around; `firstVisible` (the first target at or below the top of the viewport) starts a walk
 * that has no current target.
 */
export function stepPosition(count: number, current: number, direction: 1 | -1, firstVisible = 0): number {
  if (count === 0) return -1;
  if (current < 0 || current >= count) {
    const first = Math.min(Math.max(firstVisible, 0), count);
    if (direction === 1) return first === count ? 0 : first;
    return first === 0 ? count - 1 : first - 1;
  }
  return (current + direction + count) % count;
}

/** Whether a point lies in one of the rects (with a small tolerance for sub-pixel edges). */
export function pointInRects(x: number, y: number, rects: ArrayLike<{ left: number; top: number; right: number; bottom: number }>, slack = 1): number {
  for (let i = 0; i < rects.length; i++) {
    const r = rects[i];
    if (x >= r.left - slack && x <= r.right + slack && y >= r.top - slack && y <= r.bottom + slack) return i;
  }
  return -1;
}

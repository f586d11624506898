import { expect } from 'vitest';
import type { Analysis } from '@/lib/schema';

/**
 * The Analysis is well-formed, whatever the page: schemaVersion 1, JSON-serialisable, and every
 * span indexes `article.text` (`text.slice(start, end) === text`), in range and in text order.
 * Throws (through `expect`) with the first broken rule.
 */
export function expectWellFormed(a: Analysis, o: { force?: boolean; root?: boolean } = {}): void {
  expect(a.schemaVersion).toBe(1);
  // Round trip: no undefined inside arrays, no NaN/Infinity (they would come back as null).
  expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  for (const list of [a.actors, a.claims, a.footnotes, a.summary]) expect(Array.isArray(list)).toBe(true);
  if (!a.article) {
    expect(a.isArticle && o.root).toBeFalsy();
    expect([a.actors, a.claims, a.footnotes, a.summary].every((l) => l.length === 0)).toBe(true);
    return;
  }
  const text = a.article.text;
  expect(typeof text).toBe('string');
  expect(Number.isInteger(a.article.wordCount) && a.article.wordCount >= 0).toBe(true);
  if (!a.isArticle && !o.force) {
    expect([a.actors, a.claims, a.footnotes, a.summary].every((l) => l.length === 0)).toBe(true);
  }
  const span = (s: { start: number; end: number }, what: string) => {
    const ok = Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start < s.end && s.end <= text.length;
    if (!ok) expect.fail(`${what}: span ${s.start}–${s.end} outside 0–${text.length}`);
  };
  const sliced = (s: { start: number; end: number; text: string }, what: string) => {
    span(s, what);
    if (text.slice(s.start, s.end) !== s.text) expect.fail(`${what}: text.slice(${s.start}, ${s.end}) is ${JSON.stringify(text.slice(s.start, s.end))}, span says ${JSON.stringify(s.text)}`);
  };
  const ordered = (spans: readonly { start: number }[], what: string) => {
    for (let i = 1; i < spans.length; i++) if (spans[i].start < spans[i - 1].start) expect.fail(`${what}: spans out of text order at ${i}`);
  };
  for (const actor of a.actors) {
    expect(typeof actor.id === 'string' && typeof actor.name === 'string').toBe(true);
    expect(actor.mentions.length).toBeGreaterThan(0);
    actor.mentions.forEach((m, i) => sliced(m, `actor ${actor.id} mention ${i}`));
    ordered(actor.mentions, `actor ${actor.id} mentions`);
  }
  a.claims.forEach((c, i) => {
    sliced(c, `claim ${i}`);
    expect(Number.isFinite(c.value)).toBe(true);
    if (!text.includes(c.sentence)) expect.fail(`claim ${i}: its sentence is not in the text`);
  });
  ordered(a.claims, 'claims');
  for (const f of a.footnotes) {
    expect(f.citations.length).toBeGreaterThan(0);
    f.citations.forEach((c, i) => {
      span(c, `footnote ${f.label} citation ${i}`);
      if (!text.includes(c.sentence)) expect.fail(`footnote ${f.label} citation ${i}: its sentence is not in the text`);
    });
    ordered(f.citations, `footnote ${f.label} citations`);
  }
  a.summary.forEach((s, i) => sliced(s, `summary ${i}`));
  ordered(a.summary, 'summary');
}

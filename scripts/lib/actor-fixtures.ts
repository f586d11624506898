/**
 * Labelled article fixtures for the actor recogniser (tests/fixtures/actors/*.json). A fixture
 * names a page (a file of ../shared by path, `shared:…`, or of this repository, `repo:…`; the
 * page's text is never copied here) and lists every named actor of its article with the ways it
 * is written and its type. Scored by `npm run eval:actors` and the actors floor test.
 */
import type { Analysis, ActorType } from '../../lib/schema';

export interface ActorFixture {
  /** `shared:corpus/…/page.html` or `repo:tests/fixtures/…`. */
  source: string;
  /** Plain text input (paragraphs separated by blank lines) instead of an HTML page. */
  text?: boolean;
  url?: string;
  /** Site and topic, for the reader of the fixture. */
  about: string;
  actors: { name: string; type: ActorType | ActorType[]; surfaces: string[] }[];
  /** Words that must never be reported as actors (adjectives, holidays, religions, the byline). */
  notActors?: string[];
}

export interface FixtureScore {
  actors: number;
  found: number;
  merged: number;
  typed: number;
  reported: number;
  correct: number;
  problems: string[];
}

const norm = (s: string) => s.replace(/[’‘]/g, "'").replace(/['’]s$/, '').replace(/^the\s+/i, '').replace(/\s+/g, ' ').trim();

export function scoreFixture(fixture: ActorFixture, analysis: Analysis): FixtureScore {
  const score: FixtureScore = { actors: fixture.actors.length, found: 0, merged: 0, typed: 0, reported: analysis.actors.length, correct: 0, problems: [] };
  const hits = (actor: Analysis['actors'][number], surfaces: Set<string>) => actor.mentions.filter((m) => surfaces.has(norm(m.text))).length;
  const goldSurfaces = fixture.actors.map((a) => new Set(a.surfaces.map(norm)));
  for (const [i, gold] of fixture.actors.entries()) {
    const matching = analysis.actors.filter((a) => hits(a, goldSurfaces[i]) > 0);
    if (matching.length === 0) {
      score.problems.push(`missed ${gold.name} (${[...goldSurfaces[i]].join(', ')})`);
      continue;
    }
    score.found++;
    if (matching.length === 1) score.merged++;
    else score.problems.push(`split ${gold.name} into ${matching.map((m) => `${m.name} [${m.mentions.map((x) => x.text).join(', ')}]`).join(' / ')}`);
    const best = matching.sort((a, b) => hits(b, goldSurfaces[i]) - hits(a, goldSurfaces[i]))[0];
    const types = Array.isArray(gold.type) ? gold.type : [gold.type];
    if (types.includes(best.type)) score.typed++;
    else score.problems.push(`typed ${gold.name} as ${best.type}, expected ${types.join(' or ')}`);
  }
  const notActors = new Set((fixture.notActors ?? []).map(norm));
  for (const a of analysis.actors) {
    const ok = goldSurfaces.some((s) => hits(a, s) > 0);
    if (ok) score.correct++;
    else score.problems.push(`reported ${a.type} ${a.name} [${a.mentions.map((m) => m.text).join(', ')}]`);
    for (const m of a.mentions) if (notActors.has(norm(m.text))) score.problems.push(`reported a non-actor: ${m.text}`);
  }
  return score;
}

/**
 * Labelled article fixtures for the actor recogniser (tests/fixtures/actors/*.json). A fixture
 * names a page (a file of ../shared by path, `shared:…`, or of this repository, `repo:…`; the
 * page's text is never copied here) and lists every named actor of its article with the ways it
 * is written and its type. Scored by `npm run eval:actors` and the actors floor test.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze, fillDocumentWithText } from '../../lib/analysis';
import type { KnowledgeBase } from '../../lib/kb/knowledge-base';
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
  /** Labelled actors that occur in the article text Sift extracted (the ones scored). */
  actors: number;
  /** Labelled actors the extracted text does not hold (e.g. a photo credit the extractor left out). */
  outsideText: number;
  found: number;
  merged: number;
  typed: number;
  reported: number;
  correct: number;
  problems: string[];
}

const norm = (s: string) => s.replace(/[’‘]/g, "'").replace(/['’]s$/, '').replace(/^the\s+/i, '').replace(/\s+/g, ' ').trim();

export function scoreFixture(fixture: ActorFixture, analysis: Analysis): FixtureScore {
  const score: FixtureScore = { actors: 0, outsideText: 0, found: 0, merged: 0, typed: 0, reported: analysis.actors.length, correct: 0, problems: [] };
  const hits = (actor: Analysis['actors'][number], surfaces: Set<string>) => actor.mentions.filter((m) => surfaces.has(norm(m.text))).length;
  const goldSurfaces = fixture.actors.map((a) => new Set(a.surfaces.map(norm)));
  const text = analysis.article?.text ?? '';
  const occurs = (surface: string) => new RegExp(`(?<![\\p{L}\\p{N}])${surface.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u').test(text);
  for (const [i, gold] of fixture.actors.entries()) {
    // The actor stage reads only the article text: a label whose names are not in it (a caption
    // or credit the extractor leaves out) is reported, not scored.
    if (!gold.surfaces.some(occurs)) {
      score.outsideText++;
      score.problems.push(`not in the article text: ${gold.name}`);
      continue;
    }
    score.actors++;
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

export type FixtureTotals = Omit<FixtureScore, 'problems'>;

/**
 * Analyses and scores every fixture in `tests/fixtures/actors` (the evaluation and the floor test
 * share this): `parse` turns HTML into a Document, `shared` and `repo` resolve fixture sources.
 */
export function scoreActorFixtures(
  repo: string,
  shared: string,
  kb: KnowledgeBase,
  parse: (html: string) => Document,
): { rows: { file: string; score: FixtureScore }[]; totals: FixtureTotals } {
  const dir = path.join(repo, 'tests/fixtures/actors');
  const totals: FixtureTotals = { actors: 0, outsideText: 0, found: 0, merged: 0, typed: 0, reported: 0, correct: 0 };
  const rows: { file: string; score: FixtureScore }[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const fixture = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as ActorFixture;
    const source = fixture.source.replace(/^shared:/, shared + '/').replace(/^repo:/, repo + '/');
    const content = readFileSync(source, 'utf8');
    let analysis: Analysis;
    if (fixture.text) {
      const doc = parse('<!doctype html><html><body></body></html>');
      analysis = analyze(doc, { kb, root: fillDocumentWithText(doc, content), summary: false });
    } else analysis = analyze(parse(content), { kb, url: fixture.url, force: true, summary: false });
    const score = scoreFixture(fixture, analysis);
    rows.push({ file, score });
    for (const k of Object.keys(totals) as (keyof FixtureTotals)[]) totals[k] += score[k];
  }
  return { rows, totals };
}

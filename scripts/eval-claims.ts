/**
 * Numeric-claim evaluation (`npm run eval:claims`).
 *
 * 1. Claims on labelled articles: tests/fixtures/claims/*.json hold our labels only (article id,
 *    expected claims); the article text stays in ../shared (or, for pages we wrote, in the repo).
 *    Each fixture is in the tuning set or the held-out set; the held-out set is the headline.
 * 2. Number spans on Recognizers-Text's English specs (../shared/nlp-gold/numeric), next to
 *    compromise in the same run, plus ms per 1,000 words.
 *
 * Usage: npm run eval:claims [-- --show NAME] [-- --verbose] [-- --split tune|heldout]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeDocument, fillDocumentWithText } from '../lib/analysis';
import type { Claim } from '../lib/schema';
import { parseDocument, printTable, REPO, sharedPath } from './lib/common';

export const CLAIM_FIXTURES = path.join(REPO, 'tests/fixtures/claims');

/** Where a labelled article's text comes from. */
export type ArticleRef =
  /** The benchmark's reference article body (../shared/corpus/aeb/ground-truth.json), by id prefix. */
  | { set: 'aeb'; id: string }
  /** A Readability test page's expected article (../shared/corpus/readability/NAME/expected.html). */
  | { set: 'readability'; id: string }
  /** A plain-text file under ../shared (e.g. seed/palmyra-article.txt). */
  | { set: 'shared-text'; path: string }
  /** A page we wrote, in this repository (HTML parsed whole, with article detection). */
  | { set: 'repo-page'; path: string };

export interface GoldClaim {
  /** The claim's words as they appear in the article (number plus what it counts). */
  text: string;
  /** Which occurrence of `text` (0-based) when it occurs more than once. */
  n?: number;
  value: number;
  upper?: number;
  unit: string | null;
  kind: Claim['kind'];
  hedge: string | null;
  source: string | null;
  footnotes?: string[];
}

export interface ClaimFixture {
  name: string;
  article: ArticleRef;
  topic: 'conflict' | 'economy' | 'health' | 'sport' | 'politics' | 'other';
  split: 'tune' | 'heldout';
  /** Every claim of the article (the labels are exhaustive: anything else predicted is a false positive). */
  claims: GoldClaim[];
}

let aebTruth: Record<string, { articleBody: string; url: string }> | null = null;

/** The article's text and Sift's claims on it (the whole pipeline after article detection). */
export function runFixture(f: ClaimFixture): { text: string; claims: Claim[]; ms: number; words: number } {
  const ref = f.article;
  let doc: Document;
  let root: Element | undefined;
  if (ref.set === 'aeb' || ref.set === 'shared-text') {
    let body: string;
    if (ref.set === 'aeb') {
      aebTruth ??= JSON.parse(readFileSync(sharedPath('corpus/aeb/ground-truth.json'), 'utf8'));
      const key = Object.keys(aebTruth!).find((k) => k.startsWith(ref.id));
      if (!key) throw new Error(`${f.name}: no aeb article ${ref.id}`);
      body = aebTruth![key].articleBody;
    } else body = readFileSync(sharedPath(ref.path), 'utf8');
    doc = parseDocument('<!doctype html><html><body></body></html>');
    root = fillDocumentWithText(doc, body);
  } else if (ref.set === 'readability') {
    // expected.html is a fragment (the extracted article): give it a body to live in.
    const fragment = readFileSync(sharedPath('corpus/readability', ref.id, 'expected.html'), 'utf8');
    doc = parseDocument(`<!doctype html><html><body>${fragment}</body></html>`);
    root = doc.body;
  } else {
    doc = parseDocument(readFileSync(path.join(REPO, ref.path), 'utf8'));
  }
  const t0 = performance.now();
  const { analysis } = analyzeDocument(doc, { root, force: true, summary: false, url: 'https://example.org/article' });
  const ms = performance.now() - t0;
  const text = analysis.article?.text ?? '';
  return { text, claims: analysis.claims, ms: analysis.timingsMs.claims ?? ms, words: analysis.article?.wordCount ?? 0 };
}

export function loadFixtures(): ClaimFixture[] {
  if (!existsSync(CLAIM_FIXTURES)) return [];
  return readdirSync(CLAIM_FIXTURES)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((n) => ({ name: n.replace(/\.json$/, ''), ...JSON.parse(readFileSync(path.join(CLAIM_FIXTURES, n), 'utf8')) }) as ClaimFixture);
}

/** Prints an article with its paragraphs numbered and every digit or number word marked, for labelling. */
function show(f: ClaimFixture): void {
  const { text, claims } = runFixture(f);
  const NUMBERISH =
    /\d[\d,.]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|half|third|quarter|fifth|tenth|percent|first|second|fourth|sixth|seventh|eighth|ninth|twice|double[ds]?|triple[ds]?|score[sd]?)\b/gi;
  console.log(text.replace(NUMBERISH, (m) => `⟦${m}⟧`));
  if (process.argv.includes('--predicted')) {
    console.log('\n--- predicted');
    for (const c of claims) console.log(JSON.stringify({ text: c.text, value: c.value, upper: c.upper, unit: c.unit, kind: c.kind, hedge: c.hedge, source: c.source, footnotes: c.footnotes }));
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const fixtures = loadFixtures();
  const showAt = args.indexOf('--show');
  if (showAt >= 0) {
    const name = args[showAt + 1];
    const f = fixtures.find((x) => x.name === name);
    if (!f) throw new Error(`no fixture ${name}`);
    show(f);
    return;
  }
  printTable([['fixture', 'split'], ...fixtures.map((f) => [f.name, f.split])]);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}

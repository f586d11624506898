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
import { findClaims } from '../lib/claims/claims';
import { recognizeQuantities } from '../lib/claims/numbers';
import { splitSentences } from '../lib/text/sentences';
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
  /** Held-out articles first read and labelled after the rules were frozen (never seen while writing them). */
  fresh?: boolean;
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

// ---------------------------------------------------------------------------------------------
// Scoring claims

const norm = (s: string | null | undefined) =>
  (s ?? '')
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .replace(/[^\p{L}\p{N} ]+/gu, ' ')
    .replace(/\b(?:the|a|an|mr|mrs|ms|dr)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Same source: both none, or one name's words all within the other's ("Mr. Warner" ~ "Warner"). */
export function sameSource(gold: string | null, pred: string | null): boolean {
  if (!gold || !pred) return !gold && !pred;
  const g = norm(gold).split(' ');
  const p = norm(pred).split(' ');
  return g.every((w) => p.includes(w)) || p.every((w) => g.includes(w));
}

const sameValue = (a: number, b: number) => a === b || Math.abs(a - b) <= Math.max(0.011, Math.abs(b) * 0.005);
const singular = (w: string) => w.toLowerCase().replace(/(?:ies)$/, 'y').replace(/(?:es|s)$/, '');
/** Same unit: the same head word ("service members" ~ "members"). */
function sameUnit(gold: string | null, pred: string | null): boolean {
  if (!gold || !pred) return !gold && !pred;
  const g = gold.split(/\s+/);
  const p = pred.split(/\s+/);
  return singular(g[g.length - 1]) === singular(p[p.length - 1]);
}

export interface FixtureScore {
  name: string;
  split: ClaimFixture['split'];
  fresh: boolean;
  topic: ClaimFixture['topic'];
  gold: number;
  predicted: number;
  /** Span overlap and equal value. */
  matched: number;
  /** Span overlap whatever the value. */
  overlapping: number;
  hedge: number;
  source: number;
  kind: number;
  footnotes: number;
  unit: number;
  upper: number;
  ms: number;
  words: number;
  misses: string[];
  extras: string[];
  wrong: string[];
}

export function scoreFixture(f: ClaimFixture): FixtureScore {
  const { text, claims, ms, words } = runFixture(f);
  const gold = f.claims.map((g) => {
    let at = -1;
    for (let n = 0; n <= (g.n ?? 0); n++) {
      at = text.indexOf(g.text, at + 1);
      if (at < 0) throw new Error(`${f.name}: label "${g.text}" (n=${g.n ?? 0}) is not in the article text`);
    }
    return { ...g, start: at, end: at + g.text.length };
  });
  const used = new Set<number>();
  const score: FixtureScore = {
    name: f.name, split: f.split, fresh: !!f.fresh, topic: f.topic, gold: gold.length, predicted: claims.length, matched: 0, overlapping: 0,
    hedge: 0, source: 0, kind: 0, footnotes: 0, unit: 0, upper: 0, ms, words, misses: [], extras: [], wrong: [],
  };
  const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) => Math.min(a.end, b.end) - Math.max(a.start, b.start);
  for (const g of gold) {
    let best = -1;
    let bestOverlap = 0;
    let anyOverlap = false;
    claims.forEach((c, i) => {
      const o = overlap(g, c);
      if (o <= 0 || used.has(i)) return;
      anyOverlap = true;
      if (sameValue(c.value, g.value) && o > bestOverlap) {
        best = i;
        bestOverlap = o;
      }
    });
    if (anyOverlap) score.overlapping++;
    if (best < 0) {
      const near = claims.find((c) => overlap(g, c) > 0);
      score.misses.push(`"${g.text}" ${g.value}${near ? ` (predicted "${near.text}" ${near.value})` : ''}`);
      continue;
    }
    used.add(best);
    const c = claims[best];
    score.matched++;
    const ok = {
      hedge: (g.hedge ?? null) === (c.hedge ?? null),
      source: sameSource(g.source, c.source),
      kind: g.kind === c.kind,
      footnotes: JSON.stringify([...(g.footnotes ?? [])].sort()) === JSON.stringify([...c.footnotes].sort()),
      unit: sameUnit(g.unit, c.unit),
      upper: g.upper === undefined ? c.upper === undefined : c.upper !== undefined && sameValue(c.upper, g.upper),
    };
    for (const k of Object.keys(ok) as (keyof typeof ok)[]) if (ok[k]) score[k]++;
    const bad = (Object.keys(ok) as (keyof typeof ok)[]).filter((k) => !ok[k] && k !== 'unit');
    if (bad.length) {
      const show = (k: string) => {
        const gv = k === 'footnotes' ? g.footnotes : (g as unknown as Record<string, unknown>)[k];
        const pv = (c as unknown as Record<string, unknown>)[k];
        return `${k} ${JSON.stringify(gv ?? null)}≠${JSON.stringify(pv ?? null)}`;
      };
      score.wrong.push(`"${g.text}": ${bad.map(show).join(', ')}`);
    }
  }
  claims.forEach((c, i) => {
    if (!used.has(i)) score.extras.push(`"${c.text}" ${c.value} ${c.kind}`);
  });
  return score;
}

const pct = (a: number, b: number) => (b === 0 ? '—' : (100 * a / b).toFixed(1));

export interface SetScore {
  gold: number;
  predicted: number;
  matched: number;
  recall: number;
  precision: number;
  f1: number;
  hedge: number;
  source: number;
  kind: number;
  footnotes: number;
  unit: number;
}

export function totals(scores: FixtureScore[]): SetScore {
  const sum = (k: keyof FixtureScore) => scores.reduce((a, s) => a + (s[k] as number), 0);
  const gold = sum('gold');
  const predicted = sum('predicted');
  const matched = sum('matched');
  const recall = gold ? matched / gold : 0;
  const precision = predicted ? matched / predicted : 0;
  return {
    gold, predicted, matched, recall, precision, f1: recall + precision ? (2 * recall * precision) / (recall + precision) : 0,
    hedge: matched ? sum('hedge') / matched : 0, source: matched ? sum('source') / matched : 0, kind: matched ? sum('kind') / matched : 0,
    footnotes: matched ? sum('footnotes') / matched : 0, unit: matched ? sum('unit') / matched : 0,
  };
}

// ---------------------------------------------------------------------------------------------
// Number spans on Recognizers-Text's English specs (End inclusive there), next to compromise

export interface SpecCase {
  input: string;
  spans: [number, number][];
  /** Not marked NotSupported for the JavaScript port of Recognizers-Text. */
  jsSupported: boolean;
}

export type SpecModel = 'number' | 'percent' | 'currency';
const SPEC_FILES: Record<SpecModel, string> = {
  number: 'rt_Number_English_NumberModel.json',
  percent: 'rt_Number_English_PercentModel.json',
  currency: 'rt_NumberWithUnit_English_CurrencyModel.json',
};

export function loadSpec(model: SpecModel): SpecCase[] {
  const raw = JSON.parse(readFileSync(sharedPath('nlp-gold/numeric', SPEC_FILES[model]), 'utf8')) as {
    Input: string;
    Results: { Start: number; End: number }[];
    NotSupported?: string;
  }[];
  return raw.map((c) => ({
    input: c.Input,
    spans: c.Results.map((r) => [r.Start, r.End + 1] as [number, number]),
    jsSupported: !/javascript/i.test(c.NotSupported ?? ''),
  }));
}

export function siftSpans(model: SpecModel, input: string): [number, number][] {
  const qs = recognizeQuantities(input);
  if (model === 'number') return qs.filter((q) => q.type !== 'ordinal' && q.type !== 'vague' && !q.glued).map((q) => [q.numStart, q.numEnd]);
  if (model === 'percent') return qs.filter((q) => q.type === 'percent').map((q) => [q.start, q.end]);
  return qs.filter((q) => q.type === 'money').map((q) => [q.start, q.end]);
}

type Nlp = (text: string) => {
  numbers(): { json(o: { offset: boolean }): { offset: { start: number; length: number } }[] };
  percentages(): { json(o: { offset: boolean }): { offset: { start: number; length: number } }[] };
  money(): { json(o: { offset: boolean }): { offset: { start: number; length: number } }[] };
};

/** compromise's offsets include the punctuation glued to a term ("$12.9bn,"): trimmed, to be fair to it. */
function compromiseSpans(nlp: Nlp, model: SpecModel, input: string): [number, number][] {
  const doc = nlp(input);
  const view = model === 'number' ? doc.numbers() : model === 'percent' ? doc.percentages() : doc.money();
  return view.json({ offset: true }).map(({ offset }) => {
    let a = offset.start;
    let b = offset.start + offset.length;
    while (a < b && /[\s("'“‘]/.test(input[a])) a++;
    while (b > a && /[\s.,;:!?)"'”’]/.test(input[b - 1])) b--;
    return [a, b] as [number, number];
  });
}

export function spanPRF(cases: SpecCase[], predict: (input: string) => [number, number][]) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const c of cases) {
    const pred = predict(c.input);
    const gold = new Set(c.spans.map(([a, b]) => `${a}:${b}`));
    const seen = new Set<string>();
    for (const [a, b] of pred) {
      const k = `${a}:${b}`;
      if (gold.has(k) && !seen.has(k)) {
        tp++;
        seen.add(k);
      } else fp++;
    }
    fn += gold.size - seen.size;
  }
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

interface RecognizersText {
  number(text: string): [number, number][];
  percent(text: string): [number, number][];
}

/** Recognizers-Text's number and percent models, if the package is installed; null otherwise. */
async function loadRecognizersText(): Promise<RecognizersText | null> {
  const name = '@microsoft/recognizers-text-number';
  try {
    type Model = { parse(text: string): { start: number; end: number }[] };
    const N = (await import(name)) as { NumberRecognizer: new (culture: string) => { getNumberModel(): Model; getPercentageModel(): Model }; Culture: { English: string } };
    const recognizer = new N.NumberRecognizer(N.Culture.English);
    const number = recognizer.getNumberModel();
    const percent = recognizer.getPercentageModel();
    const spans = (m: Model, text: string) => m.parse(text).map((r) => [r.start, r.end + 1] as [number, number]);
    return { number: (t) => spans(number, t), percent: (t) => spans(percent, t) };
  } catch {
    return null;
  }
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
  const verbose = args.includes('--verbose');
  const only = args.includes('--split') ? args[args.indexOf('--split') + 1] : null;
  const scores = fixtures.filter((f) => !only || f.split === only).map(scoreFixture);
  console.log('## Claims on labelled articles (tests/fixtures/claims; span overlap and equal value)\n');
  const row = (s: FixtureScore) => [s.name, s.split + (s.fresh ? '*' : ''), s.gold, s.predicted, s.matched, pct(s.matched, s.gold), pct(s.matched, s.predicted), pct(s.hedge, s.matched), pct(s.source, s.matched), pct(s.kind, s.matched), pct(s.footnotes, s.matched)];
  printTable([['article', 'split', 'gold', 'found', 'match', 'R%', 'P%', 'hedge%', 'source%', 'kind%', 'fn%'], ...scores.map(row)]);
  console.log('');
  const sets: [string, FixtureScore[]][] = [
    ['tuning', scores.filter((s) => s.split === 'tune')],
    ['HELD-OUT', scores.filter((s) => s.split === 'heldout')],
    ['  held-out, labelled before the rules', scores.filter((s) => s.split === 'heldout' && !s.fresh)],
    ['  held-out, first read after the rules', scores.filter((s) => s.split === 'heldout' && s.fresh)],
    ['all', scores],
  ];
  printTable([
    ['set', 'articles', 'gold', 'found', 'recall%', 'precision%', 'F1%', 'hedge%', 'source%', 'kind%', 'footnotes%', 'unit%'],
    ...sets.filter(([, xs]) => xs.length > 0).map(([name, xs]) => {
      const t = totals(xs);
      const p = (x: number) => (100 * x).toFixed(1);
      return [name, xs.length, t.gold, t.predicted, p(t.recall), p(t.precision), p(t.f1), p(t.hedge), p(t.source), p(t.kind), p(t.footnotes), p(t.unit)];
    }),
  ]);
  console.log('\nhedge/source/kind/footnotes/unit: share of the matched claims with the labelled value (source: same name, one within the other).');
  // Number spans.
  console.log('\n## Number spans on Recognizers-Text English specs (exact character spans; these are that library\'s own tests)\n');
  const nlp = (await import('compromise')).default as unknown as Nlp;
  const specRows: (string | number)[][] = [['spec', 'cases', 'spans', 'Sift P', 'Sift R', 'Sift F1', 'compromise P', 'compromise R', 'compromise F1', 'Sift F1 (JS-supported cases)']];
  for (const model of ['number', 'percent', 'currency'] as SpecModel[]) {
    const cases = loadSpec(model);
    const sift = spanPRF(cases, (x) => siftSpans(model, x));
    const comp = spanPRF(cases, (x) => compromiseSpans(nlp, model, x));
    const siftJs = spanPRF(cases.filter((c) => c.jsSupported), (x) => siftSpans(model, x));
    const p = (x: number) => (100 * x).toFixed(1);
    specRows.push([model, cases.length, cases.reduce((a, c) => a + c.spans.length, 0), p(sift.p), p(sift.r), p(sift.f1), p(comp.p), p(comp.r), p(comp.f1), p(siftJs.f1)]);
  }
  printTable(specRows);
  // Recognizers-Text, when it is installed (it is no dependency of Sift):
  //   npm install --no-save @microsoft/recognizers-text-number@1.3.1 && npm run eval:claims
  const rt = await loadRecognizersText();
  if (rt) {
    const cases = loadSpec('number');
    const f = spanPRF(cases, (x) => rt.number(x));
    const fp = spanPRF(loadSpec('percent'), (x) => rt.percent(x));
    console.log(`\n@microsoft/recognizers-text-number (installed): number F1 ${(100 * f.f1).toFixed(1)}, percent F1 ${(100 * fp.f1).toFixed(1)} (its own tests).`);
  }
  console.log('\nSpecs are Recognizers-Text\'s own unit tests (that library scores about 100 on the cases its JavaScript port supports);');
  console.log('Sift\'s recogniser was developed against them, so they are a development set here, not a held-out one.');

  // Speed and size.
  console.log('\n## Cost\n');
  const texts = fixtures.map((f) => runFixture(f));
  const words = texts.reduce((a, t) => a + t.words, 0);
  // CPU time, best of several runs: the machines these run on are shared, and wall-clock time is
  // mostly other people's work.
  const time = (fn: () => void, reps = 10, runs = 12) => {
    let best = Infinity;
    for (let r = 0; r < runs; r++) {
      const c0 = process.cpuUsage();
      for (let i = 0; i < reps; i++) fn();
      const c = process.cpuUsage(c0);
      best = Math.min(best, (c.user + c.system) / 1000 / reps);
    }
    return best;
  };
  const prepared = texts.map((t) => {
    const sentences = splitSentences(t.text);
    return { text: t.text, sentences };
  });
  const recMs = time(() => prepared.forEach((x) => recognizeQuantities(x.text)));
  const claimMs = time(() => prepared.forEach((x) => findClaims({ text: x.text, sentences: x.sentences, markers: [] })));
  const compMs = time(() => prepared.forEach((x) => {
    const d = nlp(x.text);
    d.numbers().json({ offset: true });
    d.percentages().json({ offset: true });
    d.money().json({ offset: true });
  }), 1, 3);
  // Readability's parse() on the same articles' pages (jsdom; building the DOM left out), the budget's yardstick.
  // jsdom ships no types: loaded by name, typed by hand.
  const jsdomModule = 'jsdom';
  const { JSDOM } = (await import(jsdomModule)) as { JSDOM: new (html: string, o: { url: string }) => { window: { document: Document } } };
  const { Readability } = await import('@mozilla/readability');
  const parseMs: number[] = [];
  const claimPageMs: number[] = [];
  for (const [i, f] of fixtures.entries()) {
    if (f.article.set !== 'aeb') continue;
    const id = f.article.id;
    const file = readdirSync(sharedPath('corpus/aeb')).find((n) => n.startsWith(id) && n.endsWith('.html'));
    if (!file) continue;
    const html = readFileSync(sharedPath('corpus/aeb', file), 'utf8');
    // parse() changes its document: a fresh one for each run, built outside the timing.
    let best = Infinity;
    for (let r = 0; r < 3; r++) {
      const doc = new JSDOM(html, { url: 'https://fake-url.com' }).window.document;
      const c0 = process.cpuUsage();
      new Readability(doc).parse();
      const c = process.cpuUsage(c0);
      best = Math.min(best, (c.user + c.system) / 1000);
    }
    parseMs.push(best);
    claimPageMs.push(time(() => findClaims({ text: prepared[i].text, sentences: prepared[i].sentences, markers: [] }), 5, 5));
  }
  const sumParse = parseMs.reduce((a, b) => a + b, 0);
  const sumClaims = claimPageMs.reduce((a, b) => a + b, 0);
  // Bundle size: what the content script gains (esbuild, minified, gzip).
  const esbuild = await import('esbuild');
  const { gzipSync } = await import('node:zlib');
  const bundleKb = async (contents: string) => {
    const r = await esbuild.build({ stdin: { contents, resolveDir: REPO, loader: 'ts' }, bundle: true, minify: true, write: false, format: 'esm', platform: 'browser', logLevel: 'silent' });
    return gzipSync(r.outputFiles[0].contents).length / 1024;
  };
  const siftKb = await bundleKb("export { findClaims } from './lib/claims/claims';");
  const compKb = await bundleKb("export { default } from 'compromise';");
  const k = (ms: number) => ((ms * 1000) / words).toFixed(2);
  const costRows: (string | number)[][] = [
    ['what', 'ms per 1,000 words', 'gzipped KB'],
    ['Sift number recogniser (lib/claims/numbers.ts)', k(recMs), '—'],
    ['Sift claim stage, all of it (findClaims)', k(claimMs), siftKb.toFixed(1)],
    ['compromise 14.17.0 numbers()+percentages()+money() (with its parse)', k(compMs), compKb.toFixed(1)],
  ];
  if (rt) {
    const paragraphs = prepared.flatMap((x) => x.text.split(/\n+/));
    const rtMs = time(() => paragraphs.forEach((para) => {
      rt.number(para);
      rt.percent(para);
    }), 1, 3);
    costRows.push(['Recognizers-Text number + percent models (a paragraph at a time)', k(rtMs), (await bundleKb("export * from '@microsoft/recognizers-text-number';")).toFixed(1)]);
  }
  printTable(costRows);
  console.log(`\n${words} words in ${fixtures.length} articles. On the ${parseMs.length} benchmark pages among them, Readability's parse() took ${sumParse.toFixed(1)} ms of CPU in all, Sift's claim stage ${sumClaims.toFixed(2)} ms (${((100 * sumClaims) / sumParse).toFixed(2)}% of it).`);
  if (verbose) {
    for (const s of scores) {
      if (!s.misses.length && !s.extras.length && !s.wrong.length) continue;
      console.log(`\n### ${s.name} (${s.split})`);
      for (const m of s.misses) console.log(`  missed   ${m}`);
      for (const e of s.extras) console.log(`  extra    ${e}`);
      for (const w of s.wrong) console.log(`  wrong    ${w}`);
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}

/**
 * npm run eval:actors — named actors, scored.
 *
 * 1. CoNLL-2003 dev (../shared/nlp-gold): each document rebuilt as text (scripts/lib/conll.ts),
 *    Sift's mentions and compromise 14.17.0's people/organisations/places mapped back to whole
 *    tokens, exact span match. Typed: person → PER; country, place → LOC; the rest → ORG.
 *    Untyped: any of PER/ORG/LOC. Gold MISC is not a target. The headline is the REPORT half (odd
 *    document indices), which no training or tuning has read; the TUNING half (even indices) is
 *    what the model was trained on and is printed for reference only.
 * 2. Speed: CPU ms per 1,000 words (median over documents of the least of three runs: the machine is shared)
 *    of Sift's actor stage (sentences + findActors) and of compromise (parse + people/orgs/places).
 * 3. Labelled article fixtures (tests/fixtures/actors/*.json): recall of every named actor,
 *    whether it is one actor (merged), its type, and the precision of the actors Sift reports.
 *
 * Flags: --errors N prints the N most frequent errors on the report half (to explain, not to tune);
 * --fixture-errors lists every fixture miss; --no-compromise.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import nlp from 'compromise';
import { addCounts, emptyCounts, isTuningDocument, loadConll, prf, scoreDocument, siftPredictions, type ConllDocument, type Counts, type Prediction, type ScoredTag } from './lib/conll';
import { bundledKnowledgeBase, median, parseDocument, printTable, REPO, SHARED, sharedPath } from './lib/common';
import { scoreActorFixtures } from './lib/actor-fixtures';

const args = process.argv.slice(2);
const kb = bundledKnowledgeBase();

function compromisePredictions(doc: ConllDocument): Prediction[] {
  const d = nlp(doc.text);
  const out: Prediction[] = [];
  const groups: [string, ScoredTag][] = [['people', 'PER'], ['organizations', 'ORG'], ['places', 'LOC']];
  for (const [method, type] of groups) {
    // Term offsets, not the match's: a match's own offset counts the punctuation before it.
    const matches = (d as unknown as Record<string, () => { json: (o: object) => { terms: { offset: { start: number; length: number } }[] }[] }>)[method]().json({ offset: true, terms: { offset: true } });
    for (const m of matches) {
      const a = m.terms[0].offset;
      const b = m.terms[m.terms.length - 1].offset;
      let end = b.start + b.length;
      if (/['’]s$/.test(doc.text.slice(a.start, end))) end -= 2; // "Russia's" → "Russia"
      out.push({ start: a.start, end, type });
    }
  }
  return out;
}

interface Tally {
  typed: Counts;
  untyped: Counts;
  byType: Record<ScoredTag, Counts>;
  msPer1000: number[];
  errors: Map<string, number>;
}

const tally = (): Tally => ({ typed: emptyCounts(), untyped: emptyCounts(), byType: { PER: emptyCounts(), ORG: emptyCounts(), LOC: emptyCounts() }, msPer1000: [], errors: new Map() });

function run(docs: ConllDocument[], predict: (d: ConllDocument) => Prediction[]): Tally {
  const t = tally();
  for (const d of docs) {
    const words = d.tokens.filter((x) => /\w/.test(x.text)).length;
    // CPU time, least of three runs: the machine is shared, and wall time (or a single run)
    // measures the other processes as much as this one.
    let preds: Prediction[] = [];
    let best = Infinity;
    for (let r = 0; r < 3; r++) {
      const c0 = process.cpuUsage();
      preds = predict(d);
      const c = process.cpuUsage(c0);
      best = Math.min(best, (c.user + c.system) / 1000);
    }
    t.msPer1000.push(best * (1000 / words));
    const s = scoreDocument(d, preds);
    t.typed = addCounts(t.typed, s.typed);
    t.untyped = addCounts(t.untyped, s.untyped);
    for (const k of ['PER', 'ORG', 'LOC'] as const) t.byType[k] = addCounts(t.byType[k], s.byType[k]);
    for (const e of s.errors) t.errors.set(e.join(' | '), (t.errors.get(e.join(' | ')) ?? 0) + 1);
  }
  return t;
}

const pct = (x: number) => (100 * x).toFixed(1);
function row(name: string, t: Tally): string[] {
  const u = prf(t.untyped);
  const ty = prf(t.typed);
  return [
    name,
    pct(prf(t.byType.PER).f),
    pct(prf(t.byType.ORG).f),
    pct(prf(t.byType.LOC).f),
    pct(ty.p),
    pct(ty.r),
    pct(ty.f),
    pct(u.p),
    pct(u.r),
    pct(u.f),
    median(t.msPer1000).toFixed(1),
  ];
}

const all = loadConll(sharedPath('nlp-gold/conll2003_dev.txt'));
const report = all.filter((d) => !isTuningDocument(d));
const tuning = all.filter(isTuningDocument);
const words = (ds: ConllDocument[]) => ds.reduce((n, d) => n + d.tokens.length, 0);

// Warm up (compiled patterns, the model's tables) so the first document's time is honest.
for (const d of tuning.slice(0, 3)) siftPredictions(d, kb);
const sift = (d: ConllDocument) => siftPredictions(d, kb);
const rows: string[][] = [['CoNLL-2003 dev', 'PER F1', 'ORG F1', 'LOC F1', 'typed P', 'typed R', 'typed F1', 'untyped P', 'untyped R', 'untyped F1', 'CPU ms/1k words']];
const siftReport = run(report, sift);
rows.push(row(`Sift, report half (${report.length} docs, odd)`, siftReport));
if (!args.includes('--no-compromise')) {
  for (const d of tuning.slice(0, 2)) compromisePredictions(d);
  rows.push(row('compromise 14.17.0, report half', run(report, compromisePredictions)));
}
const siftTuning = run(tuning, sift);
rows.push(row(`Sift, TUNING half (${tuning.length} docs, even; trained on)`, siftTuning));
if (!args.includes('--no-compromise')) {
  rows.push(row('compromise 14.17.0, all dev', run(all, compromisePredictions)));
}
console.log(`CoNLL-2003 dev: ${words(report)} tokens reported, ${words(tuning)} tokens tuned on. KB: ${kb.size} entities.\n`);
printTable(rows);

const errN = args.indexOf('--errors');
if (errN >= 0) {
  // For explaining what remains, not for tuning: read the report half's errors only once done.
  const kinds = new Map<string, number>();
  for (const [e, n] of siftReport.errors) {
    const [k, , g, p] = e.split(' | ');
    kinds.set(`${k} ${g}→${p}`, (kinds.get(`${k} ${g}→${p}`) ?? 0) + n);
  }
  console.log('\nErrors on the REPORT half by kind (fp: spurious, fn: missed, type: wrong type; gold→predicted):');
  console.log([...kinds].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${n}\t${k}`).join('\n'));
  console.log('\nMost frequent errors on the REPORT half (kind | text | gold | predicted):');
  for (const [e, n] of [...siftReport.errors].sort((a, b) => b[1] - a[1]).slice(0, Number(args[errN + 1]) || 40)) console.log(`${n}\t${e}`);
}

// Labelled article fixtures.
const fixtureDir = path.join(REPO, 'tests/fixtures/actors');
if (existsSync(fixtureDir)) {
  const frows: string[][] = [['article fixture', 'actors', 'not in text', 'found', 'one actor', 'typed', 'reported', 'precision']];
  const { rows, totals } = scoreActorFixtures(REPO, SHARED, kb, parseDocument);
  for (const { file, score: s } of rows) {
    frows.push([file.replace(/\.json$/, ''), String(s.actors), String(s.outsideText), String(s.found), String(s.merged), String(s.typed), String(s.reported), pct(s.correct / Math.max(1, s.reported))]);
    if (args.includes('--fixture-errors')) for (const line of s.problems) console.log(`${file}: ${line}`);
  }
  frows.push(['all', String(totals.actors), String(totals.outsideText), `${totals.found} (${pct(totals.found / totals.actors)}%)`, `${totals.merged} (${pct(totals.merged / totals.actors)}%)`, `${totals.typed} (${pct(totals.typed / totals.actors)}%)`, String(totals.reported), pct(totals.correct / Math.max(1, totals.reported))]);
  console.log('');
  printTable(frows);
}
console.log('\nCommand: npm run eval:actors   (flags: --errors N, --fixture-errors, --no-compromise)');

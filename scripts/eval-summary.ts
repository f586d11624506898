/**
 * `npm run eval:summary`: ROUGE-1/2/Lsum of Sift's summary against the reference highlights of the
 * CNN/DailyMail development stories in ../shared/summ-gold, next to Lead-3 in the same run, with
 * milliseconds per article. ROUGE as the set's README defines it (scripts/lib/rouge.ts).
 *
 * Honesty: the 300 tokenised stories are split by a fixed rule — line k of the file is TUNING when
 * k is even and HELD-OUT when k is odd. The summariser's weights were fitted on the tuning half
 * only (`npm run eval:summary -- --fit` prints them); the held-out half and the 60 raw stories
 * (the realistic case: cased text as a browser sees it) were never used to fit or tune anything.
 * The other rankings compared by cross-validation inside the tuning half (`--cv`) were then scored
 * on them (`--variants`): the three that won there (V1–V3) all lost to Lead-3 on the held-out
 * stories, and that is why the fitted model stayed, the one decision the held-out numbers took
 * part in. Raw stories that are also in
 * the tuning half are reported apart.
 *
 *   npm run eval:summary              the table
 *   npm run eval:summary -- --fit     refit the news model on the tuning half; prints model.ts weights
 *   npm run eval:summary -- --cv      other rankings compared by cross-validation inside the tuning half
 *   npm run eval:summary -- --variants  the same rankings, fitted on the tuning half, on held-out and raw stories
 *   npm run eval:summary -- --show N  print Sift's summary and Lead-3 for the first N held-out stories
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { analyze, fillDocumentWithText } from '../lib/analysis';
import { findActors } from '../lib/actors/recognize';
import { findClaims } from '../lib/claims/claims';
import { splitSentences, type Sentence } from '../lib/text/sentences';
import { summarize, summaryCandidates } from '../lib/summary/summarize';
import { FEATURE_NAMES, sentenceFeatures, type SentenceWords } from '../lib/summary/features';
import { bundledKnowledgeBase, parseDocument, printTable, sharedPath } from './lib/common';
import { rouge, rougeN, rougeTokens, type RougeScores } from './lib/rouge';

interface Story {
  id: string;
  article: string;
  highlights: string;
}

export interface PreparedStory {
  id: string;
  text: string;
  reference: string[];
  sentences: Sentence[];
  actorSpans: { start: number; end: number }[];
  claimSpans: { start: number; end: number }[];
}

export const TOKENISED_FILE = 'cnndm_test_see17_dev300.jsonl';
export const RAW_FILE = 'cnndm_test_raw_dev60.jsonl';

export function readStories(file: string): Story[] {
  return readFileSync(sharedPath('summ-gold', file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Story);
}

/** The fixed split of the 300 tokenised stories: even lines tune, odd lines are held out. */
export const isTuning = (lineIndex: number) => lineIndex % 2 === 0;

/**
 * Sentences of PTB-tokenised text ("… iran . his comments …"): a sentence ends at a token that is
 * only [.!?], with the closing quotes or brackets that follow it. Abbreviations keep their dot
 * inside the token ("u.s.", "mr."), so they never end a sentence here.
 */
export function tokenisedSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /\S+/g;
  let start = -1;
  let end = 0;
  let m: RegExpExecArray | null;
  let closeAfter = false;
  while ((m = re.exec(text)) !== null) {
    const tok = m[0];
    if (closeAfter && /^(?:''|'|\)|-rrb-|")$/.test(tok)) {
      end = m.index + tok.length;
      continue;
    }
    if (closeAfter) {
      out.push({ start, end, text: text.slice(start, end) });
      start = -1;
      closeAfter = false;
    }
    if (start < 0) start = m.index;
    end = m.index + tok.length;
    if (/^[.!?]+$/.test(tok)) closeAfter = true;
  }
  if (start >= 0) out.push({ start, end, text: text.slice(start, end) });
  return out;
}


/** A tokenised story through the pipeline's actor and claim stages (the summariser's inputs). */
export function prepareTokenised(story: Story): PreparedStory {
  const text = story.article;
  const sentences = tokenisedSentences(text);
  const actorSpans = findActors({ text, sentences, ignore: [], kb: bundledKnowledgeBase() }).flatMap((a) => a.mentions.map(({ start, end }) => ({ start, end })));
  const claimSpans = findClaims({ text, sentences, markers: [] }).map(({ start, end }) => ({ start, end }));
  return { id: story.id, text, reference: story.highlights.split('\n'), sentences, actorSpans, claimSpans };
}

/** A raw story as the browser sees it: the whole pipeline, plain text in one paragraph per block. */
export function prepareRaw(story: Story): PreparedStory {
  const doc = parseDocument('<!doctype html><html><body></body></html>');
  const root = fillDocumentWithText(doc, story.article);
  const a = analyze(doc, { root, kb: bundledKnowledgeBase(), summary: false });
  const text = a.article!.text;
  return {
    id: story.id,
    text,
    reference: story.highlights.split('\n'),
    sentences: splitSentences(text),
    actorSpans: a.actors.flatMap((x) => x.mentions.map(({ start, end }) => ({ start, end }))),
    claimSpans: a.claims.map(({ start, end }) => ({ start, end })),
  };
}

export function siftSummary(s: PreparedStory, rankNews?: Ranking): string[] {
  return summarize({ text: s.text, title: null, sentences: s.sentences, actorSpans: s.actorSpans, claimSpans: s.claimSpans, rankNews }).map((x) => x.text);
}

export function lead3(s: PreparedStory): string[] {
  return s.sentences.slice(0, 3).map((x) => x.text);
}

export function meanRouge(stories: readonly PreparedStory[], pick: (s: PreparedStory) => string[]): RougeScores {
  const total = { r1: 0, r2: 0, rlsum: 0 };
  for (const s of stories) {
    const r = rouge(pick(s), s.reference);
    total.r1 += r.r1;
    total.r2 += r.r2;
    total.rlsum += r.rlsum;
  }
  const n = Math.max(1, stories.length);
  return { r1: (total.r1 / n) * 100, r2: (total.r2 / n) * 100, rlsum: (total.rlsum / n) * 100 };
}

/**
 * Mean milliseconds of `summarize` alone per article (several passes; the sentences are given):
 * wall-clock and this process's CPU time, which a busy machine inflates less.
 */
function summaryMs(stories: readonly PreparedStory[]): string {
  for (const s of stories.slice(0, 20)) siftSummary(s); // warm up
  const passes = 5;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (let p = 0; p < passes; p++) for (const s of stories) siftSummary(s);
  const cpu = process.cpuUsage(c0);
  const per = passes * stories.length;
  return `${((performance.now() - t0) / per).toFixed(2)} (cpu ${((cpu.user + cpu.system) / 1000 / per).toFixed(2)})`;
}

/** Mean milliseconds of sentence splitting + summarising per raw article (the browser's path). */
function splitAndSummaryMs(stories: readonly PreparedStory[]): number {
  const passes = 5;
  const t0 = performance.now();
  for (let p = 0; p < passes; p++) {
    for (const s of stories) {
      const sentences = splitSentences(s.text);
      summarize({ text: s.text, title: null, sentences, actorSpans: s.actorSpans, claimSpans: s.claimSpans });
    }
  }
  return (performance.now() - t0) / passes / stories.length;
}

// ── fitting the news model (tuning half only) ──────────────────────────────────────────────

/**
 * What the news model learns to predict for each candidate sentence: the share of its ROUGE tokens
 * that the reference holds (clipped unigram precision, 0…1), a soft target for the logistic model.
 * It rewards sentences dense in the story's facts, whatever their length (shorter summaries, like
 * the ≈ 55-token highlights). A rejected variant: it won cross-validation on the tuning half
 * (`--cv`) but lost to Lead-3 on the held-out and raw stories (`--variants`).
 */
export function precisionTargets(cands: readonly Sentence[], reference: readonly string[]): number[] {
  const ref = new Map<string, number>();
  for (const t of rougeTokens(reference.join(' '))) ref.set(t, (ref.get(t) ?? 0) + 1);
  return cands.map((c) => {
    const toks = rougeTokens(c.text);
    const counts = new Map<string, number>();
    for (const t of toks) counts.set(t, (counts.get(t) ?? 0) + 1);
    let hits = 0;
    for (const [t, n] of counts) hits += Math.min(n, ref.get(t) ?? 0);
    return toks.length ? hits / toks.length : 0;
  });
}

/** Greedy oracle: the sentences (up to 4) whose union maximises ROUGE-1 + ROUGE-2 against the reference. */
export function oracleLabels(cands: readonly Sentence[], reference: readonly string[]): number[] {
  const ref = rougeTokens(reference.join(' '));
  const toks = cands.map((c) => rougeTokens(c.text));
  const chosen: number[] = [];
  let best = 0;
  while (chosen.length < 4) {
    let bi = -1;
    for (let i = 0; i < cands.length; i++) {
      if (chosen.includes(i)) continue;
      const pred = [...chosen, i].sort((a, b) => a - b).flatMap((j) => toks[j]);
      const s = rougeN(pred, ref, 1) + rougeN(pred, ref, 2);
      if (s > best) {
        best = s;
        bi = i;
      }
    }
    if (bi < 0) break;
    chosen.push(bi);
  }
  return cands.map((_, i) => (chosen.includes(i) ? 1 : 0));
}

function solve(A: number[][], b: number[]): number[] {
  const d = b.length;
  const M = A.map((r, i) => [...r, b[i]]);
  for (let i = 0; i < d; i++) {
    let piv = i;
    for (let r = i + 1; r < d; r++) if (Math.abs(M[r][i]) > Math.abs(M[piv][i])) piv = r;
    [M[i], M[piv]] = [M[piv], M[i]];
    for (let r = 0; r < d; r++) {
      if (r === i) continue;
      const f = M[r][i] / M[i][i];
      for (let c = i; c <= d; c++) M[r][c] -= f * M[i][c];
    }
  }
  return M.map((r, i) => r[d] / r[i]);
}

/** L2-regularised logistic regression (Newton's method) on targets in [0, 1]; the bias is not penalised. */
export function fitLogistic(X: number[][], y: number[], lambda: number): number[] {
  const d = X[0].length;
  const w = Array.from({ length: d }, () => 0);
  for (let it = 0; it < 50; it++) {
    const g = Array.from({ length: d }, () => 0);
    const H = Array.from({ length: d }, () => Array.from({ length: d }, () => 0));
    X.forEach((x, r) => {
      let z = 0;
      for (let i = 0; i < d; i++) z += x[i] * w[i];
      const p = 1 / (1 + Math.exp(-z));
      for (let i = 0; i < d; i++) {
        if (x[i] === 0) continue;
        g[i] += (p - y[r]) * x[i];
        for (let j = 0; j < d; j++) H[i][j] += p * (1 - p) * x[i] * x[j];
      }
    });
    for (let i = 0; i < d; i++) {
      const l = i === 0 ? 1e-6 : lambda;
      g[i] += l * w[i];
      H[i][i] += l;
    }
    const step = solve(H, g);
    let moved = 0;
    for (let i = 0; i < d; i++) {
      w[i] -= step[i];
      moved = Math.max(moved, Math.abs(step[i]));
    }
    if (moved < 1e-7) break;
  }
  return w;
}

export const FIT_LAMBDA = 30;

type Targets = (cands: readonly Sentence[], reference: readonly string[]) => number[];
/** A ranking of a report's candidate sentences (summarize's `rankNews` hook). */
type Ranking = (cands: readonly Sentence[], prepared: readonly SentenceWords[]) => number[];

/** The model's features, plus (`fourth`) an indicator of the fourth candidate. */
function featureRows(cands: readonly Sentence[], prepared: readonly SentenceWords[] | undefined, fourth: boolean): number[][] {
  const rows = sentenceFeatures(cands, prepared);
  return fourth ? rows.map((r, i) => [...r, i === 3 ? 1 : 0]) : rows;
}

function fitWeights(stories: readonly PreparedStory[], targets: Targets, lambda: number, fourth = false): number[] {
  const X: number[][] = [];
  const y: number[] = [];
  for (const s of stories) {
    const cands = summaryCandidates(s.text, s.sentences);
    X.push(...featureRows(cands, undefined, fourth));
    y.push(...targets(cands, s.reference));
  }
  return fitLogistic(X, y, lambda);
}

function linearRanking(weights: readonly number[], fourth: boolean): Ranking {
  return (cands, prepared) =>
    featureRows(cands, prepared, fourth).map((x) => {
      let z = 0;
      for (let i = 0; i < x.length; i++) z += x[i] * weights[i];
      return z;
    });
}

function fit(tuning: readonly PreparedStory[]): void {
  const w = fitWeights(tuning, (c, r) => oracleLabels(c, r), FIT_LAMBDA);
  const n = tuning.reduce((a, s) => a + summaryCandidates(s.text, s.sentences).length, 0);
  console.log(`// Fitted by \`npm run eval:summary -- --fit\` on ${tuning.length} tuning stories (${n} sentences), λ = ${FIT_LAMBDA}.`);
  console.log('export const NEWS_WEIGHTS: Record<FeatureName, number> = {');
  FEATURE_NAMES.forEach((name, i) => console.log(`  ${name}: ${w[i].toFixed(4)},`));
  console.log('};');
}

// ── other rankings, compared (--cv) and rejected (--variants) ──────────────────────────────

const QUESTION_END_RE = /\?\s*(?:["”’')\]]|'')*\s*$/u;
const QUOTE_INTRO_RE = /:\s*(?:["“‘]|``|')|\b(?:said|says|told \w+)\s*:|:\s*$/u;
const CAPTION_RE = /\(\s*(?:pictured|left|right|centre|center|above|below|top|bottom|inset)\b|^\s*(?:pictured|above|below|left|right|top|inset)\s*:/i;
const FIRST_PERSON_RE = /\b(?:i|my|me|we|our|ourselves)\b/i;

/**
 * Variant 3: reading order, passing over a report's asides (a question, a quote's introduction,
 * a photo caption and, unless a third of the piece is in the first person, a first-person sentence).
 * Nothing fitted; the rules were picked among a dozen on the tuning half.
 */
const leadWithoutAsides: Ranking = (cands) => {
  const firstPerson = cands.map((c) => FIRST_PERSON_RE.test(c.text));
  const report = firstPerson.filter(Boolean).length <= cands.length / 3;
  return cands.map((c, i) => {
    const aside = QUESTION_END_RE.test(c.text) || QUOTE_INTRO_RE.test(c.text) || CAPTION_RE.test(c.text) || (report && firstPerson[i]);
    return -i - (aside ? cands.length : 0);
  });
};

interface Variant {
  name: string;
  /** Fits the ranking on training stories (or ignores them). */
  ranking: (train: readonly PreparedStory[]) => Ranking;
}

const VARIANTS: Variant[] = [
  { name: `shipped: oracle labels, λ ${FIT_LAMBDA} (model.ts)`, ranking: (t) => linearRanking(fitWeights(t, (c, r) => oracleLabels(c, r), FIT_LAMBDA), false) },
  { name: 'oracle labels, λ 100', ranking: (t) => linearRanking(fitWeights(t, (c, r) => oracleLabels(c, r), 100), false) },
  { name: 'V1: precision targets + 4th-sentence feature, λ 30', ranking: (t) => linearRanking(fitWeights(t, precisionTargets, 30, true), true) },
  { name: 'V2: precision targets, λ 30', ranking: (t) => linearRanking(fitWeights(t, precisionTargets, 30), false) },
  { name: 'precision targets, λ 100', ranking: (t) => linearRanking(fitWeights(t, precisionTargets, 100), false) },
  { name: 'V3: the lead, asides passed over (nothing fitted)', ranking: () => leadWithoutAsides },
];

const mean3 = (xs: readonly RougeScores[]): RougeScores =>
  xs.reduce((a, x) => ({ r1: a.r1 + x.r1 / xs.length, r2: a.r2 + x.r2 / xs.length, rlsum: a.rlsum + x.rlsum / xs.length }), { r1: 0, r2: 0, rlsum: 0 });

function scoreRow(name: string, r: RougeScores, lead: RougeScores): string[] {
  return [name, r.r1.toFixed(2), r.r2.toFixed(2), r.rlsum.toFixed(2), (r.r1 - lead.r1 >= 0 ? '+' : '') + (r.r1 - lead.r1).toFixed(2)];
}

/**
 * `--cv`: 5-fold cross-validation inside the tuning half, repeated over 3 fixed shuffles (the
 * held-out half is not read): each variant is refitted on four folds and scored on the fifth.
 */
function crossValidate(tuning: readonly PreparedStory[]): void {
  const reps = 3;
  const folds = 5;
  const results = VARIANTS.map(() => [] as RougeScores[]);
  const leads: RougeScores[] = [];
  for (let rep = 0; rep < reps; rep++) {
    // A fixed shuffle: a linear congruential generator seeded by the repetition.
    let seed = rep + 1;
    const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const order = tuning.map((_, i) => [rand(), i] as const).sort((a, b) => a[0] - b[0]).map(([, i]) => i);
    const fold = new Map(order.map((i, j) => [i, j % folds]));
    for (let k = 0; k < folds; k++) {
      const train = tuning.filter((_, i) => fold.get(i) !== k);
      const test = tuning.filter((_, i) => fold.get(i) === k);
      leads.push(meanRouge(test, lead3));
      VARIANTS.forEach((v, vi) => {
        const ranking = v.ranking(train);
        results[vi].push(meanRouge(test, (s) => siftSummary(s, ranking)));
      });
    }
  }
  const lead = mean3(leads);
  const rows: (string | number)[][] = [['tuning-half CV (5 folds × 3)', 'R1', 'R2', 'RLsum', 'ΔR1']];
  rows.push(['Lead-3', lead.r1.toFixed(2), lead.r2.toFixed(2), lead.rlsum.toFixed(2), '']);
  VARIANTS.forEach((v, vi) => rows.push(scoreRow(v.name, mean3(results[vi]), lead)));
  printTable(rows);
  console.log('Command: npm run eval:summary -- --cv');
}

/** `--variants`: each variant fitted on the whole tuning half, scored on the held-out and raw stories. */
function scoreVariants(tuning: readonly PreparedStory[], sets: [string, PreparedStory[]][]): void {
  const rows: (string | number)[][] = [['stories', 'variant', 'R1', 'R2', 'RLsum', 'ΔR1']];
  const rankings = VARIANTS.map((v) => v.ranking(tuning));
  for (const [name, stories] of sets) {
    const lead = meanRouge(stories, lead3);
    rows.push([name, 'Lead-3', lead.r1.toFixed(2), lead.r2.toFixed(2), lead.rlsum.toFixed(2), '']);
    VARIANTS.forEach((v, vi) => rows.push(['', ...scoreRow(v.name, meanRouge(stories, (s) => siftSummary(s, rankings[vi])), lead)]));
  }
  printTable(rows);
  console.log('Command: npm run eval:summary -- --variants');
}

// ── main ───────────────────────────────────────────────────────────────────────────────────

function main(): void {
  const args = process.argv.slice(2);
  const tokStories = readStories(TOKENISED_FILE);
  const t0 = performance.now();
  const tok = tokStories.map(prepareTokenised);
  const tuning = tok.filter((_, k) => isTuning(k));
  const heldOut = tok.filter((_, k) => !isTuning(k));
  if (args.includes('--fit')) return fit(tuning);
  if (args.includes('--cv')) return crossValidate(tuning);
  const withRaw = () => {
    const ids = new Set(tuning.map((s) => s.id));
    const raw = readStories(RAW_FILE).map(prepareRaw);
    return raw.filter((s) => !ids.has(s.id.replace(/-raw$/, '')));
  };
  if (args.includes('--variants')) return scoreVariants(tuning, [['tokenised, HELD-OUT', heldOut], ['raw, HELD-OUT', withRaw()]]);

  const tuningIds = new Set(tuning.map((s) => s.id));
  const raw = readStories(RAW_FILE).map(prepareRaw);
  const rawHeld = raw.filter((s) => !tuningIds.has(s.id.replace(/-raw$/, '')));
  const rawOverlap = raw.length - rawHeld.length;
  const prepMs = performance.now() - t0;

  const showAt = args.indexOf('--show');
  if (showAt >= 0) {
    for (const s of heldOut.slice(0, Number(args[showAt + 1] ?? 5))) {
      console.log(`\n== ${s.id}\nREFERENCE\n  ${s.reference.join('\n  ')}\nSIFT\n  ${siftSummary(s).join('\n  ')}\nLEAD-3\n  ${lead3(s).join('\n  ')}`);
    }
    return;
  }

  const rows: (string | number)[][] = [['stories', 'n', 'system', 'R1', 'R2', 'RLsum', 'ΔR1', 'ms/article (cpu)']];
  const part = (name: string, stories: PreparedStory[], ms: string) => {
    const lead = meanRouge(stories, lead3);
    const sift = meanRouge(stories, siftSummary);
    rows.push([name, stories.length, 'Lead-3', lead.r1.toFixed(2), lead.r2.toFixed(2), lead.rlsum.toFixed(2), '', '']);
    rows.push(['', '', 'Sift', sift.r1.toFixed(2), sift.r2.toFixed(2), sift.rlsum.toFixed(2), (sift.r1 - lead.r1 >= 0 ? '+' : '') + (sift.r1 - lead.r1).toFixed(2), ms]);
  };
  part('tokenised, all 300', tok, summaryMs(tok));
  part('tokenised, tuning (even lines)', tuning, summaryMs(tuning));
  part('tokenised, HELD-OUT (odd lines)', heldOut, summaryMs(heldOut));
  part('raw, all 60', raw, summaryMs(raw));
  part(`raw, HELD-OUT (${rawOverlap} in tuning left out)`, rawHeld, summaryMs(rawHeld));
  printTable(rows);
  console.log(`\nms/article: summarize() alone, sentences given (mean of 5 passes; wall, and CPU time of this process). Raw text, splitting + summarising: ${splitAndSummaryMs(raw).toFixed(3)} ms/article.`);
  console.log(`Preparing the stories (pipeline stages before the summary, not timed above): ${(prepMs / 1000).toFixed(1)} s.`);
  console.log('Command: npm run eval:summary');
}

const invokedDirectly = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop()!);
if (invokedDirectly) main();

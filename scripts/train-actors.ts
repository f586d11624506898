/**
 * Trains the actor tagger (lib/actors/tagger.ts) and writes lib/actors/model-data.ts.
 *
 *   npm run train:actors                 train on the tuning half, write the model
 *   npm run train:actors -- --validate   train on half of the tuning half, score the other half
 *
 * Training data: the CoNLL-2003 dev documents with an EVEN index only (the tuning half). The odd
 * ones are what `npm run eval:actors` reports, and are never read here. Within the tuning half,
 * `--validate` trains on documents 0, 4, 8… and scores 2, 6, 10… to choose settings.
 * Algorithm: averaged structured perceptron over hashed features, Viterbi decoding, features
 * seen fewer than MIN_COUNT times dropped, weights quantised to signed bytes.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { addCounts, emptyCounts, isTuningDocument, loadConll, prf, scoreDocument, siftPredictions, type ConllDocument } from './lib/conll';
import { bundledKnowledgeBase, REPO, sharedPath } from './lib/common';
import { splitSentences } from '../lib/text/sentences';
import { tokenize } from '../lib/actors/tokens';
import { capsRegions, kbMatches, stackValues, tokenFeatures, withStack, type KbMatch } from '../lib/actors/features';
import type { Token } from '../lib/actors/tokens';
import { N_TAGS, START, TAGS, packModel, tagTokens, unpackModel, viterbi, type Weights } from '../lib/actors/tagger';
import type { KnowledgeBase } from '../lib/kb/knowledge-base';

const args = process.argv.slice(2);
const opt = (name: string, def: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const EPOCHS = opt('epochs', 12);
const MIN_COUNT = opt('min-count', 2);
const PRUNE = opt('prune', 2);
const SEED = opt('seed', 1);

interface Sequence {
  features: number[][];
  gold: number[];
}

interface Prepared {
  text: string;
  tokens: Token[];
  matches: KbMatch[];
  caps: Uint8Array;
  gold: number[];
  features: number[][];
}

function prepare(doc: ConllDocument, kb: KnowledgeBase): Prepared {
  const sentences = splitSentences(doc.text);
  const tokens = tokenize(doc.text, sentences, []);
  const caps = capsRegions(tokens);
  const matches = kbMatches(doc.text, tokens, kb);
  const features = tokenFeatures(tokens, matches, caps);
  // Gold tag of each token: the tag of the CoNLL token holding its start.
  let c = 0;
  let lastConll = -1;
  const gold = tokens.map((t) => {
    while (c < doc.tokens.length && doc.tokens[c].end <= t.start) c++;
    const ct = doc.tokens[c];
    if (!ct || ct.start > t.start) return 0;
    let tag = ct.tag;
    if (c === lastConll && tag !== 'O') tag = `I-${tag.slice(2)}`;
    lastConll = c;
    return TAGS.indexOf(tag as (typeof TAGS)[number]);
  });
  return { text: doc.text, tokens, matches, caps, gold, features };
}

function sequencesOf(p: Prepared, features: number[][]): Sequence[] {
  const out: Sequence[] = [];
  let s0 = 0;
  for (let i = 1; i <= p.tokens.length; i++) {
    if (i === p.tokens.length || p.tokens[i].sentence !== p.tokens[s0].sentence) {
      out.push({ features: features.slice(s0, i), gold: p.gold.slice(s0, i) });
      s0 = i;
    }
  }
  return out;
}

/** Second-pass features of a document, from a first-pass model that never saw it. */
function stackedFeatures(p: Prepared, first: Weights): number[][] {
  const tags = tagTokens((i) => p.tokens[i].sentence, p.features, first);
  return withStack(p.features, p.tokens, p.caps, stackValues(p.tokens, tags, TAGS));
}

type Model = { rows: Map<number, Float64Array>; trans: Float64Array };
const weightsOf = (m: Model) => unpackModel(quantised(m));

/** First pass on all documents; second pass on first-pass tags made by two-fold jackknifing. */
function trainTwoPass(docs: Prepared[]): [Model, Model] {
  const m1 = train(docs.flatMap((p) => sequencesOf(p, p.features)));
  const a = docs.filter((_, i) => i % 2 === 0);
  const b = docs.filter((_, i) => i % 2 === 1);
  const wa = weightsOf(train(a.flatMap((p) => sequencesOf(p, p.features))));
  const wb = weightsOf(train(b.flatMap((p) => sequencesOf(p, p.features))));
  const second = [...a.map((p) => sequencesOf(p, stackedFeatures(p, wb))), ...b.map((p) => sequencesOf(p, stackedFeatures(p, wa)))].flat();
  return [m1, train(second)];
}

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function train(seqs: Sequence[]): { rows: Map<number, Float64Array>; trans: Float64Array } {
  const counts = new Map<number, number>();
  for (const s of seqs) for (const f of s.features) for (const h of f) counts.set(h, (counts.get(h) ?? 0) + 1);
  const keep = (h: number) => (counts.get(h) ?? 0) >= MIN_COUNT;
  const data = seqs.map((s) => ({ features: s.features.map((f) => f.filter(keep)), gold: s.gold }));

  const w = new Map<number, Float64Array>();
  const u = new Map<number, Float64Array>();
  const trans = new Float64Array((N_TAGS + 1) * N_TAGS);
  const transU = new Float64Array((N_TAGS + 1) * N_TAGS);
  let step = 1;
  const weights: Weights = {
    add(f, emit, base) {
      const r = w.get(f);
      if (r) for (let k = 0; k < N_TAGS; k++) emit[base + k] += r[k];
    },
    trans,
  };
  const bump = (f: number, tag: number, d: number) => {
    let r = w.get(f);
    if (!r) {
      r = new Float64Array(N_TAGS);
      w.set(f, r);
      u.set(f, new Float64Array(N_TAGS));
    }
    r[tag] += d;
    u.get(f)![tag] += step * d;
  };
  const random = rng(SEED);
  const order = data.map((_, i) => i);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let errors = 0;
    for (const idx of order) {
      const s = data[idx];
      const pred = viterbi(s.features, weights);
      for (let i = 0; i < pred.length; i++) {
        const g = s.gold[i];
        const p = pred[i];
        const gPrev = i === 0 ? START : s.gold[i - 1];
        const pPrev = i === 0 ? START : pred[i - 1];
        if (g !== p) {
          errors++;
          for (const f of s.features[i]) {
            bump(f, g, 1);
            bump(f, p, -1);
          }
        }
        if (g !== p || gPrev !== pPrev) {
          trans[gPrev * N_TAGS + g] += 1;
          transU[gPrev * N_TAGS + g] += step;
          trans[pPrev * N_TAGS + p] -= 1;
          transU[pPrev * N_TAGS + p] -= step;
        }
      }
      step++;
    }
    process.stderr.write(`epoch ${epoch + 1}: ${errors} token errors\n`);
  }
  // Averaging: w − u / step.
  const rows = new Map<number, Float64Array>();
  for (const [f, r] of w) {
    const a = u.get(f)!;
    const avg = new Float64Array(N_TAGS);
    let max = 0;
    for (let t = 0; t < N_TAGS; t++) {
      avg[t] = r[t] - a[t] / step;
      max = Math.max(max, Math.abs(avg[t]));
    }
    if (max >= PRUNE) rows.set(f, avg);
  }
  const avgTrans = new Float64Array(trans.length);
  for (let i = 0; i < trans.length; i++) avgTrans[i] = trans[i] - transU[i] / step;
  return { rows, trans: avgTrans };
}

function quantised(model: { rows: Map<number, Float64Array>; trans: Float64Array }) {
  const all: number[] = [];
  for (const r of model.rows.values()) for (const x of r) if (x !== 0) all.push(Math.abs(x));
  all.sort((a, b) => a - b);
  const scale = (all[Math.floor(all.length * 0.999)] ?? 1) / 127;
  return packModel(model.rows, model.trans, scale);
}

const kb = bundledKnowledgeBase();
const docs = loadConll(sharedPath('nlp-gold/conll2003_dev.txt')).filter(isTuningDocument);
const t0 = Date.now();
if (args.includes('--validate')) {
  const trainDocs = docs.filter((d) => d.index % 4 === 0);
  const validDocs = docs.filter((d) => d.index % 4 === 2);
  const [m1, m2] = trainTwoPass(trainDocs.map((d) => prepare(d, kb)));
  const w1 = weightsOf(m1);
  const w2 = weightsOf(m2);
  const pct = (x: number) => (100 * x).toFixed(1);
  for (const [label, weights2] of [['one pass', null], ['two passes', w2]] as const) {
    let typed = emptyCounts();
    let untyped = emptyCounts();
    const errors = new Map<string, number>();
    for (const d of validDocs) {
      const s = scoreDocument(d, siftPredictions(d, kb, { weights: w1, weights2 }));
      for (const e of s.errors) errors.set(e.join(' | '), (errors.get(e.join(' | ')) ?? 0) + 1);
      typed = addCounts(typed, s.typed);
      untyped = addCounts(untyped, s.untyped);
    }
    if (args.includes('--errors') && weights2) {
      const kinds = new Map<string, number>();
      for (const [e, n] of errors) {
        const [k, , g, p] = e.split(' | ');
        kinds.set(`${k} ${g}→${p}`, (kinds.get(`${k} ${g}→${p}`) ?? 0) + n);
      }
      console.log([...kinds].sort((x, y) => y[1] - x[1]).map(([k, n]) => `${n}\t${k}`).join('\n'));
      console.log([...errors].sort((x, y) => y[1] - x[1]).slice(0, opt('errors', 80)).map(([k, n]) => `${n}\t${k}`).join('\n'));
    }
    const u = prf(untyped);
    const t = prf(typed);
    console.log(`validation, ${label} (tuning docs ≡ 2 mod 4, ${validDocs.length} docs; trained on ${trainDocs.length}): untyped P ${pct(u.p)} R ${pct(u.r)} F1 ${pct(u.f)}; typed P ${pct(t.p)} R ${pct(t.r)} F1 ${pct(t.f)}; features ${m1.rows.size} + ${m2.rows.size}`);
  }
} else {
  const [m1, m2] = trainTwoPass(docs.map((d) => prepare(d, kb)));
  const p1 = quantised(m1);
  const p2 = quantised(m2);
  const out = path.join(REPO, 'lib/actors/model-data.ts');
  writeFileSync(
    out,
    `import type { PackedModel } from './tagger';\n\n` +
      `/**\n * Generated by \`npm run train:actors\` (scripts/train-actors.ts) from the tuning half of the CoNLL-2003\n` +
      ` * dev split (even document indices), with the knowledge base of ${kb.size} entities: first pass\n` +
      ` * ${m1.rows.size} hashed features, second pass ${m2.rows.size}. Do not edit.\n */\n` +
      `export const MODEL: PackedModel = ${JSON.stringify(p1)};\n\n` +
      `export const MODEL2: PackedModel = ${JSON.stringify(p2)};\n`,
  );
  console.log(`wrote ${path.relative(REPO, out)}: ${m1.rows.size} + ${m2.rows.size} features`);
}
console.error(`${((Date.now() - t0) / 1000).toFixed(1)} s`);

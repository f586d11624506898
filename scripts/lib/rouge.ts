/**
 * ROUGE as ../shared/summ-gold/README.md defines it (the google `rouge_score` conventions):
 * lowercase, every character outside [a-z0-9] becomes a space, Porter stemming (npm
 * `stemmer@2.0.1`) of tokens longer than 3 characters, clipped n-gram F1 per article; RLsum is the
 * summary-level union-LCS ROUGE-L over sentences given one per line. Scores are 0…1 here; the
 * evaluation prints mean × 100.
 */
import { stemmer } from 'stemmer';

export interface RougeScores {
  r1: number;
  r2: number;
  rlsum: number;
}

const stemCache = new Map<string, string>();
function stem(token: string): string {
  if (token.length <= 3) return token;
  let s = stemCache.get(token);
  if (s === undefined) {
    s = stemmer(token);
    stemCache.set(token, s);
  }
  return s;
}

export function rougeTokens(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((t) => t.length > 0)
    .map(stem);
}

function f1(hits: number, predTotal: number, refTotal: number): number {
  if (hits === 0 || predTotal === 0 || refTotal === 0) return 0;
  const p = hits / predTotal;
  const r = hits / refTotal;
  return (2 * p * r) / (p + r);
}

function ngramCounts(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = n === 1 ? tokens[i] : tokens.slice(i, i + n).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export function rougeN(pred: readonly string[], ref: readonly string[], n: number): number {
  const p = ngramCounts(pred, n);
  const r = ngramCounts(ref, n);
  let hits = 0;
  for (const [k, c] of p) hits += Math.min(c, r.get(k) ?? 0);
  return f1(hits, Math.max(0, pred.length - n + 1), Math.max(0, ref.length - n + 1));
}

/** Indices into `ref` of one longest common subsequence of `ref` and `can` (rouge_score's backtrack). */
function lcsIndices(ref: readonly string[], can: readonly string[]): number[] {
  const rows = ref.length + 1;
  const cols = can.length + 1;
  const t = new Uint16Array(rows * cols);
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      t[i * cols + j] = ref[i - 1] === can[j - 1] ? t[(i - 1) * cols + j - 1] + 1 : Math.max(t[(i - 1) * cols + j], t[i * cols + j - 1]);
    }
  }
  const out: number[] = [];
  let i = ref.length;
  let j = can.length;
  while (i > 0 && j > 0) {
    if (ref[i - 1] === can[j - 1]) {
      out.push(i - 1);
      i--;
      j--;
    } else if (t[i * cols + j - 1] > t[(i - 1) * cols + j]) j--;
    else i--;
  }
  return out.reverse();
}

/** Summary-level ROUGE-L (Lin 2004 §3.2): union LCS of each reference sentence with the candidate's. */
export function rougeLsum(predSents: readonly (readonly string[])[], refSents: readonly (readonly string[])[]): number {
  const m = refSents.reduce((a, s) => a + s.length, 0);
  const n = predSents.reduce((a, s) => a + s.length, 0);
  if (m === 0 || n === 0) return 0;
  const cntR = new Map<string, number>();
  const cntC = new Map<string, number>();
  for (const s of refSents) for (const tok of s) cntR.set(tok, (cntR.get(tok) ?? 0) + 1);
  for (const s of predSents) for (const tok of s) cntC.set(tok, (cntC.get(tok) ?? 0) + 1);
  let hits = 0;
  for (const r of refSents) {
    const union = new Set<number>();
    for (const c of predSents) for (const i of lcsIndices(r, c)) union.add(i);
    for (const i of [...union].sort((a, b) => a - b)) {
      const tok = r[i];
      const c = cntC.get(tok) ?? 0;
      const rr = cntR.get(tok) ?? 0;
      if (c > 0 && rr > 0) {
        hits++;
        cntC.set(tok, c - 1);
        cntR.set(tok, rr - 1);
      }
    }
  }
  return f1(hits, n, m);
}

/** Scores a summary (one sentence per element) against reference lines. */
export function rouge(summarySentences: readonly string[], referenceLines: readonly string[]): RougeScores {
  const predSents = summarySentences.map(rougeTokens).filter((s) => s.length > 0);
  const refSents = referenceLines.map(rougeTokens).filter((s) => s.length > 0);
  const pred = predSents.flat();
  const ref = refSents.flat();
  return { r1: rougeN(pred, ref, 1), r2: rougeN(pred, ref, 2), rlsum: rougeLsum(predSents, refSents) };
}

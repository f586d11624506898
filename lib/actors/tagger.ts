import { MODEL, MODEL2 } from './model-data';
import { drain, type Steps } from '../steps';

/**
 * The actor tagger: a linear model over hashed features (an averaged structured perceptron,
 * trained by `scripts/train-actors.ts`) and a Viterbi search over BIO tags that never lets an
 * inside tag follow a different type.
 */

export const TAGS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const;
export type Tag = (typeof TAGS)[number];
export const N_TAGS = TAGS.length;
// Each begin tag is followed by its inside tag (recognize.ts relies on it).
for (let t = 1; t < TAGS.length; t += 2) if (TAGS[t] !== `B-${TAGS[t + 1].slice(2)}` || TAGS[t + 1][0] !== 'I') throw new Error('TAGS out of order');
/** Row of the transition table used for the start of a sentence. */
export const START = N_TAGS;

/** May `to` follow `from` (START for a sentence start)? */
export function allowed(from: number, to: number): boolean {
  const t = TAGS[to];
  if (t[0] !== 'I') return true;
  if (from === START) return false;
  const f = TAGS[from];
  return f !== 'O' && f.slice(2) === t.slice(2);
}

export interface Weights {
  /** Adds the emission weights of a feature (if the model knows it) to `emit` at `base`. */
  add(feature: number, emit: Float64Array, base: number): void;
  /** (N_TAGS + 1) × N_TAGS transition weights, START row last. */
  trans: ArrayLike<number>;
}

/** Best tag sequence for the tokens `from`…`to` (exclusive) of one sentence, given their features. */
export function viterbi(features: readonly number[][], w: Weights, from = 0, to = features.length): number[] {
  const n = to - from;
  if (n <= 0) return [];
  const tags = new Uint8Array(n);
  viterbiInto(features, w, from, to, tags, 0, new Scratch());
  return Array.from(tags);
}

/** Work arrays of the Viterbi search, grown as needed and reused across the sentences of one call. */
class Scratch {
  emit = new Float64Array(0);
  score = new Float64Array(0);
  back = new Int8Array(0);
  ensure(size: number): void {
    if (this.emit.length >= size) return;
    const grown = Math.max(size, this.emit.length * 2, 64 * N_TAGS);
    this.emit = new Float64Array(grown);
    this.score = new Float64Array(grown);
    this.back = new Int8Array(grown);
  }
}

/** The tags each tag may follow, in increasing order (ties go to the first, as in a full scan). */
const PREDECESSORS: number[][] = [];
for (let k = 0; k < N_TAGS; k++) {
  const list: number[] = [];
  for (let p = 0; p < N_TAGS; p++) if (allowed(p, k)) list.push(p);
  PREDECESSORS.push(list);
}
const START_ALLOWED = Array.from({ length: N_TAGS }, (_, k) => allowed(START, k));

/** `viterbi` writing the tags to `out` from `at`, in `scratch`'s arrays. */
function viterbiInto(features: readonly number[][], w: Weights, from: number, to: number, out: Uint8Array, at: number, scratch: Scratch): void {
  const n = to - from;
  if (n <= 0) return;
  scratch.ensure(n * N_TAGS);
  const emit = scratch.emit;
  const score = scratch.score;
  const back = scratch.back;
  emit.fill(0, 0, n * N_TAGS);
  for (let i = 0; i < n; i++) {
    const base = i * N_TAGS;
    const fs = features[from + i];
    for (let j = 0; j < fs.length; j++) w.add(fs[j], emit, base);
  }
  const trans = w.trans;
  for (let k = 0; k < N_TAGS; k++) score[k] = START_ALLOWED[k] ? emit[k] + trans[START * N_TAGS + k] : -Infinity;
  for (let i = 1; i < n; i++) {
    const prev = (i - 1) * N_TAGS;
    const here = i * N_TAGS;
    for (let k = 0; k < N_TAGS; k++) {
      const preds = PREDECESSORS[k];
      let best = -Infinity;
      let arg = 0;
      for (let q = 0; q < preds.length; q++) {
        const p = preds[q];
        const s = score[prev + p] + trans[p * N_TAGS + k];
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[here + k] = best + emit[here + k];
      back[here + k] = arg;
    }
  }
  const lastRow = (n - 1) * N_TAGS;
  let last = 0;
  for (let k = 1; k < N_TAGS; k++) if (score[lastRow + k] > score[lastRow + last]) last = k;
  out[at + n - 1] = last;
  for (let i = n - 1; i > 0; i--) out[at + i - 1] = back[i * N_TAGS + out[at + i]];
}

/** Base64 → bytes without Buffer or atob differences between Node and browsers. */
function decodeBase64(s: string): Uint8Array {
  // The platform's decoders where there are (browsers; Node has atob): far faster on a cold page.
  const fromBase64 = (Uint8Array as { fromBase64?: (s: string) => Uint8Array }).fromBase64;
  if (typeof fromBase64 === 'function') return fromBase64(s);
  const atob = (globalThis as { atob?: (s: string) => string }).atob;
  if (typeof atob === 'function') {
    const bin = atob(s);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const lookup = new Uint8Array(128);
  for (let i = 0; i < alphabet.length; i++) lookup[alphabet.charCodeAt(i)] = i;
  const clean = s.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < clean.length; i += 4) {
    const a = lookup[clean.charCodeAt(i)];
    const b = lookup[clean.charCodeAt(i + 1)];
    const c = i + 2 < clean.length ? lookup[clean.charCodeAt(i + 2)] : 0;
    const d = i + 3 < clean.length ? lookup[clean.charCodeAt(i + 3)] : 0;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    if (o < out.length) out[o++] = (n >> 16) & 255;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}

export function encodeBase64(bytes: Uint8Array): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += alphabet[(n >> 18) & 63] + alphabet[(n >> 12) & 63];
    out += i + 1 < bytes.length ? alphabet[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? alphabet[n & 63] : '=';
  }
  return out;
}

/** The shipped model's packed form (see `packModel`). */
export interface PackedModel {
  scale: number;
  trans: number[];
  /** Sorted feature hashes, delta-coded as base-128 varints, base64. */
  features: string;
  /** N_TAGS signed bytes per feature, base64. */
  weights: string;
}

export function packModel(rows: Map<number, ArrayLike<number>>, trans: ArrayLike<number>, scale: number): PackedModel {
  const keys = [...rows.keys()].sort((a, b) => a - b);
  const varints: number[] = [];
  let prev = 0;
  for (const k of keys) {
    let d = k - prev;
    prev = k;
    while (d >= 128) {
      varints.push((d & 127) | 128);
      d >>>= 7;
    }
    varints.push(d);
  }
  const w = new Int8Array(keys.length * N_TAGS);
  keys.forEach((k, i) => {
    const r = rows.get(k)!;
    for (let t = 0; t < N_TAGS; t++) w[i * N_TAGS + t] = Math.max(-127, Math.min(127, Math.round(r[t] / scale)));
  });
  return {
    scale,
    trans: Array.from(trans, (x) => Math.round(x * 1000) / 1000),
    features: encodeBase64(Uint8Array.from(varints)),
    weights: encodeBase64(new Uint8Array(w.buffer)),
  };
}

export function unpackModel(m: PackedModel): Weights {
  return drain(unpackModelSteps(m));
}

/** `unpackModel`, pausing every few thousand entries (a cold page decodes slowly). */
export function* unpackModelSteps(m: PackedModel): Steps<Weights> {
  const bytes = decodeBase64(m.features);
  const w = new Int8Array(decodeBase64(m.weights).buffer);
  const count = w.length / N_TAGS;
  // Open addressing: feature hash → row, in a table at most half full. A slot is two numbers side
  // by side, the feature and the offset of its weights, so that a lookup reads one place in memory
  // (most features of a text are not in the model: one read tells).
  let size = 16;
  while (size < count * 2) size *= 2;
  const mask = size - 1;
  const table = new Int32Array(2 * size).fill(-1);
  let value = 0;
  let shift = 0;
  let acc = 0;
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if ((i & 4095) === 4095) yield;
    acc += (b & 127) * 2 ** shift;
    if (b & 128) shift += 7;
    else {
      value += acc;
      let h = Math.imul(value, 0x9e3779b1) >>> 0;
      while (table[2 * (h & mask)] !== -1) h++;
      table[2 * (h & mask)] = value;
      table[2 * (h & mask) + 1] = N_TAGS * n++;
      acc = 0;
      shift = 0;
    }
  }
  // The weights stay bytes (scaled when added): nothing more to expand on a cold page.
  const scale = m.scale;
  return {
    add(f: number, emit: Float64Array, base: number) {
      let h = Math.imul(f, 0x9e3779b1) >>> 0;
      for (;;) {
        const k = table[2 * (h & mask)];
        if (k === f) break;
        if (k === -1) return;
        h++;
      }
      const r = table[2 * (h & mask) + 1];
      for (let k = 0; k < N_TAGS; k++) emit[base + k] += w[r + k] * scale;
    },
    trans: m.trans,
  };
}

let shipped: [Weights, Weights | null] | null = null;
/** The models shipped with Sift (first pass, second pass), unpacked once (immutable). */
export function shippedWeights(): [Weights, Weights | null] {
  return drain(shippedWeightsSteps());
}

/** `shippedWeights`, in short steps the first time. */
export function* shippedWeightsSteps(): Steps<[Weights, Weights | null]> {
  if (!shipped) {
    const first = yield* unpackModelSteps(MODEL);
    const second = MODEL2.features ? yield* unpackModelSteps(MODEL2) : null;
    shipped = [first, second];
  }
  return shipped;
}

/** Tags of every token, sentence by sentence. */
export function tagTokens(sentenceOf: (i: number) => number, features: readonly number[][], weights: Weights): Uint8Array {
  return drain(tagTokensSteps(sentenceOf, features, weights));
}

/** `tagTokens`, pausing after each sentence. */
export function* tagTokensSteps(sentenceOf: (i: number) => number, features: readonly number[][], weights: Weights): Steps<Uint8Array> {
  const tags = new Uint8Array(features.length);
  const scratch = new Scratch();
  let s0 = 0;
  for (let i = 1; i <= features.length; i++) {
    if (i === features.length || sentenceOf(i) !== sentenceOf(s0)) {
      viterbiInto(features, weights, s0, i, tags, s0, scratch);
      s0 = i;
      yield;
    }
  }
  return tags;
}

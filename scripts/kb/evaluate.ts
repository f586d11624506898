/**
 * Measures of the knowledge base shared by `npm run eval:kb` and its floor test.
 * - `scoreLabels`: the labelled names of the founding article and the fixtures (development set:
 *   the overlay was written with them in view).
 * - `scoreConll`: held-out, never tuned on: the gold PER/LOC/ORG names of CoNLL-2003 dev
 *   (../shared/nlp-gold), looked up as written. Coverage is how many resolve; type agreement is
 *   how many of those resolve to an entity of a compatible type (PER → person, LOC → place or
 *   country, ORG → an organisation, government, military, armed group or media). CoNLL tags
 *   sports clubs named after places as ORG, so agreement is a lower bound of precision. The
 *   false-hit rate counts capitalised words inside sentences that CoNLL marks as no entity at all
 *   but the knowledge base resolves.
 */
import { readFileSync } from 'node:fs';
import type { ActorType } from '../../lib/schema';
import type { KnowledgeBase } from '../../lib/kb/knowledge-base';

export interface Labels {
  articles: Record<string, Record<string, string | null>>;
}

export interface LabelScore {
  article: string;
  /** Names that are actors the knowledge base should know. */
  actors: number;
  correct: number;
  wrong: number;
  missing: number;
  /** Of the correct ones, how many have a description (and how many were written by hand). */
  described: number;
  written: number;
  /** Names that are not actors but resolve to something. */
  notActors: number;
  falseHits: number;
  failures: string[];
}

export function scoreLabels(kb: KnowledgeBase, labels: Labels): LabelScore[] {
  return Object.entries(labels.articles).map(([article, names]) => {
    const s: LabelScore = { article, actors: 0, correct: 0, wrong: 0, missing: 0, described: 0, written: 0, notActors: 0, falseHits: 0, failures: [] };
    for (const [surface, want] of Object.entries(names)) {
      const got = kb.lookup(surface);
      if (want === null) {
        s.notActors++;
        if (got) {
          s.falseHits++;
          s.failures.push(`"${surface}" should not resolve, got ${got.id}`);
        }
        continue;
      }
      s.actors++;
      if (!got) {
        s.missing++;
        s.failures.push(`"${surface}" does not resolve (want ${want})`);
      } else if (got.id !== want) {
        s.wrong++;
        s.failures.push(`"${surface}" resolves to ${got.id} (want ${want})`);
      } else {
        s.correct++;
        const b = kb.background(got.id);
        if (b?.description) s.described++;
        if (b?.description && !b.derived) s.written++;
      }
    }
    return s;
  });
}

const COMPATIBLE: Record<string, ActorType[]> = {
  PER: ['person'],
  LOC: ['place', 'country'],
  ORG: ['organization', 'government', 'military', 'armed-group', 'media'],
};

export interface ConllScore {
  byTag: { tag: string; gold: number; resolved: number; agree: number }[];
  /** Capitalised words inside a sentence that CoNLL tags O. */
  plainCapitalised: number;
  falseHits: number;
  weakFalseHits: number;
  examples: string[];
  /** Gold names resolved to an entity of an incompatible type, a few of each tag. */
  disagreements: string[];
}

interface Token {
  text: string;
  tag: string;
}

function readConll(path: string): Token[][] {
  const sentences: Token[][] = [];
  let current: Token[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('-DOCSTART-')) {
      if (current.length) sentences.push(current);
      current = [];
      continue;
    }
    const cols = line.split(' ');
    current.push({ text: cols[0], tag: cols[cols.length - 1] });
  }
  if (current.length) sentences.push(current);
  return sentences;
}

/** Tokens joined as text would write them: no space before punctuation or a possessive. */
function join(tokens: string[]): string {
  return tokens.reduce((s, t, i) => (i === 0 ? t : /^(?:[,.;:!?)]|'s|n't)$/.test(t) || s.endsWith('(') ? s + t : `${s} ${t}`), '');
}

export function scoreConll(kb: KnowledgeBase, path: string): ConllScore {
  const sentences = readConll(path);
  const byTag = new Map<string, { tag: string; gold: number; resolved: number; agree: number }>();
  for (const tag of Object.keys(COMPATIBLE)) byTag.set(tag, { tag, gold: 0, resolved: 0, agree: 0 });
  const score: ConllScore = { byTag: [], plainCapitalised: 0, falseHits: 0, weakFalseHits: 0, examples: [], disagreements: [] };
  for (const sentence of sentences) {
    // Headlines in capitals are left out: their case says nothing.
    if (sentence.every((t) => !/[a-z]/.test(t.text))) continue;
    for (let i = 0; i < sentence.length; i++) {
      const t = sentence[i];
      if (t.tag.startsWith('B-')) {
        const type = t.tag.slice(2);
        let j = i + 1;
        while (j < sentence.length && sentence[j].tag === `I-${type}`) j++;
        const entry = byTag.get(type);
        if (entry) {
          entry.gold++;
          const e = kb.lookup(join(sentence.slice(i, j).map((x) => x.text)));
          if (e) {
            entry.resolved++;
            if (COMPATIBLE[type].includes(e.type)) entry.agree++;
            else if (score.disagreements.filter((d) => d.startsWith(type)).length < 40) score.disagreements.push(`${type} ${e.name} → ${e.type} ${e.id}`);
          }
        }
        i = j - 1;
      } else if (t.tag === 'O' && i > 0 && /^\p{Lu}\p{Ll}/u.test(t.text) && sentence[i - 1].text !== '"') {
        score.plainCapitalised++;
        const e = kb.lookup(t.text);
        if (e) {
          score.falseHits++;
          if (kb.isWeak(t.text)) score.weakFalseHits++;
          else if (score.examples.length < 12) score.examples.push(`${t.text} → ${e.name} (${e.type})`);
        }
      }
    }
  }
  score.byTag = [...byTag.values()];
  return score;
}

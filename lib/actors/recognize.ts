import type { Actor, ActorType, Mention, Span } from '../schema';
import type { KnowledgeBase, KbEntity } from '../kb/knowledge-base';
import type { Sentence } from '../text/sentences';
import { tokenizeSteps, type Token } from './tokens';
import { capsRegions, coarseType, kbMatchesSteps, stackValues, tokenFeaturesSteps, withStackSteps, type KbMatch } from './features';
import { shippedWeightsSteps, tagTokensSteps, TAGS, type Weights } from './tagger';
import { drain, type Steps } from '../steps';
import { isAscii } from '../text/word-patterns';
import { COUNTRIES, FIRST_NAMES, NOT_NAME_PHRASES, NOT_NAMES, ORG_SUFFIXES, PERSON_TITLES, SENTENCE_OPENERS, SUFFIX_TYPES, isDemonym } from './lexicon';
import { COMMON_WORDS } from './common-words';
import { bmp } from '../text/bmp-classes';

/**
 * Named actors in four steps:
 * 1. the knowledge base's aliases, longest match first (word boundaries, case and possessive
 *    rules: see `kbMatches` and `KnowledgeBase.lookup`);
 * 2. a tagger for every name, known or not (capitalisation, titles, organisation suffixes,
 *    context words, how the word is written elsewhere in the article, the knowledge base's
 *    opinion), see `tagger.ts`;
 * 3. document-level consistency: a name tagged once is tagged everywhere, a person's surname is
 *    that person, an acronym defined in brackets is its organisation;
 * 4. one Actor per referent, typed by the knowledge base or by cues in its name.
 */

export interface ActorInput {
  text: string;
  sentences: readonly Sentence[];
  /** Spans to ignore (footnote markers). */
  ignore: readonly Span[];
  kb: KnowledgeBase;
}

export type Coarse = 'PER' | 'ORG' | 'LOC' | 'MISC';

/** A name found in the text, before merging (also what the evaluation scores). */
export interface NameSpan {
  /** Token indices, `last` inclusive. */
  first: number;
  last: number;
  start: number;
  end: number;
  coarse: Coarse;
  /** Set when the knowledge base knows this exact name. */
  entity: KbEntity | null;
  /** Set by the consistency step when it found this mention (not the tagger). */
  propagated?: boolean;
}

export interface RecognizeOptions {
  /** Weights to use instead of the shipped models (training and evaluation scripts). */
  weights?: Weights;
  /** Second-pass weights; null for one pass only. */
  weights2?: Weights | null;
}

const slug = (s: string) =>
  // ASCII (the usual case): NFKD changes nothing, and the only letters and digits are a-z, 0-9.
  isAscii(s)
    ? s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
    : s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');

/**
 * The knowledge base with its lookups remembered for one run: a name is looked up many times (by
 * the matcher, then for every span made of it), and the same names come back in an article.
 */
function withLookupCache(kb: KnowledgeBase): KnowledgeBase {
  if (kb.size === 0) return kb;
  const seen = new Map<string, KbEntity | null>();
  return {
    maxAliasWords: kb.maxAliasWords,
    size: kb.size,
    candidates: (surface) => kb.candidates(surface),
    isWeak: (surface) => kb.isWeak(surface),
    background: (id) => kb.background(id),
    withDetails: (details) => kb.withDetails(details),
    lookup(surface: string): KbEntity | null {
      let e = seen.get(surface);
      if (e === undefined) {
        e = kb.lookup(surface);
        seen.set(surface, e);
      }
      return e;
    },
  };
}

/** The tagger's names in the text, made consistent across the document. */
export function recognizeNames(input: ActorInput, options: RecognizeOptions = {}): { tokens: Token[]; names: NameSpan[] } {
  return drain(recognizeNamesSteps(input, options));
}

/** `recognizeNames`, pausing between phases and within the long ones. */
export function* recognizeNamesSteps(input: ActorInput, options: RecognizeOptions = {}): Steps<{ tokens: Token[]; names: NameSpan[] }> {
  const { text, sentences, ignore } = input;
  const kb = withLookupCache(input.kb);
  const [shipped1, shipped2] = options.weights ? [options.weights, options.weights2 ?? null] : yield* shippedWeightsSteps();
  const tokens = yield* tokenizeSteps(text, sentences, ignore);
  if (tokens.length === 0) return { tokens, names: [] };
  yield;
  const caps = capsRegions(tokens);
  yield;
  const matches = yield* kbMatchesSteps(text, tokens, kb);
  const features = yield* tokenFeaturesSteps(tokens, matches, caps);
  const sentenceOf = (i: number) => tokens[i].sentence;

  // 2. Tag sentence by sentence; then again, knowing how the first pass tagged each word
  //    elsewhere in the article.
  let tags = yield* tagTokensSteps(sentenceOf, features, shipped1);
  if (shipped2) {
    const stack = stackValues(tokens, tags, TAGS);
    yield;
    const stacked = yield* withStackSteps(features, tokens, caps, stack);
    tags = yield* tagTokensSteps(sentenceOf, stacked, shipped2);
  }
  let names: NameSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tag = TAGS[tags[i]];
    if (tag[0] !== 'B') continue;
    // The inside tag of the same type follows its begin tag in TAGS ("B-PER", "I-PER").
    const inside = tags[i] + 1;
    let j = i;
    while (j + 1 < tokens.length && tags[j + 1] === inside) j++;
    names.push(makeSpan(text, tokens, i, j, tag.slice(2) as Coarse, kb));
  }

  yield;
  names = splitJoinedNames(text, tokens, names, matches, kb);
  names = joinLongNames(text, tokens, names, kb);
  yield;
  names = names.filter((n) => keepName(text, tokens, n));
  for (const n of names) if (n.coarse !== 'ORG' && n.last > n.first && !n.entity && ORG_ENDINGS.test(tokens[n.last].lower)) n.coarse = 'ORG';
  yield;
  names = addUntaggedKbNames(text, tokens, names, matches, caps, kb);
  yield;
  names = propagate(text, tokens, names, caps, kb);
  return { tokens, names };
}

/** A title that stays outside a person's name ("Mr.", "CEO"). */
const isTitle = (t: Token) => PERSON_TITLES.has(t.lower.replace(/\.$/, ''));

function makeSpan(text: string, tokens: readonly Token[], first: number, last: number, coarse: Coarse, kb: KnowledgeBase, fromKb = false): NameSpan {
  // A name never ends on punctuation ("Corp." keeps its dot: it is part of the token), and never
  // starts with a word that is no name ("Either Assad", "Catholic Priest").
  // Titles stay outside a person's name ("Mr. Reeves", "Facebook CEO"), as do days and months.
  // A name the knowledge base knows as written is kept whole ("Islamic State").
  if (!fromKb && first < last && kb.size && lookupName(kb, text.slice(tokens[first].start, tokens[last].end))) fromKb = true;
  // "Mr. Reeves" is a person whatever the tagger thought.
  if (first < last && HONORIFICS.test(tokens[first].lower)) coarse = 'PER';
  const person = coarse === 'PER';
  // "Theresa May" keeps her surname; "London Thursday" loses the day; "Palmyra is" loses "is".
  while (last > first) {
    const t = tokens[last];
    if (!(!t.word || CONTRACTION.test(t.text) || (person ? isTitle(t) : NOT_NAMES.has(t.lower)) || (!fromKb && bmp(/^\p{Ll}[^\p{Lu}]*$/u).test(t.text)))) break;
    last--;
  }
  while (first < last) {
    const t = tokens[first];
    // "The EU": the article stays outside a name unless the knowledge base's name has it ("The Hague",
    // "The Guardian"; its lookup reads "The EU" as the European Union).
    const known = t.lower === 'the' && kb.size ? kb.lookup(text.slice(t.start, tokens[last].end)) : null;
    const article = t.lower === 'the' && !(known && /^the\s/i.test(known.name));
    if (!(!t.word || article || (!fromKb && NOT_NAMES.has(t.lower)) || (person && isTitle(t)))) break;
    first++;
  }
  const start = tokens[first].start;
  const end = tokens[last].end;
  return { first, last, start, end, coarse, entity: kb.size ? lookupName(kb, text.slice(start, end)) : null };
}

/** Last words that make a name an organisation whatever else it looks like ("Jeans Mate Corp"). */
const ORG_ENDINGS = /^(?:corp|corporation|inc|ltd|plc|llc|gmbh|ag|co|bank|party|university|association|federation|union|committee|council|ministry|agency|institute|foundation|club|company|group|programme|program|fund|service|commission|bureau|organisation|organization)\.?$/;

/** Adjective endings of English words ("regional", "economic", "national", "executive", "famous"). */
const ADJECTIVE_ENDING = /^[a-z]{3,}(?:al|ic|ive|ous|ary|ical|ful|less|able|ible)$/;

const HONORIFICS = /^(?:mr|mrs|ms|dr|sir|dame|mme|mlle)\.?$/;

/**
 * "Assad and Putin", "Iraq ISIL": two names the tagger ran together. A name that the knowledge
 * base does not know as a whole is cut at "and"/"or", and into the knowledge-base names that
 * tile it exactly.
 */
function splitJoinedNames(text: string, tokens: readonly Token[], names: NameSpan[], matches: readonly KbMatch[], kb: KnowledgeBase): NameSpan[] {
  const out: NameSpan[] = [];
  for (const n of names) {
    if (n.entity || n.first === n.last) {
      out.push(n);
      continue;
    }
    const inside = matches.filter((m) => m.first >= n.first && m.last <= n.last);
    let covered = 0;
    for (const m of inside) covered += m.last - m.first + 1;
    const words = tokens.slice(n.first, n.last + 1).filter((t) => t.word).length;
    if (inside.length >= 2 && covered >= words) {
      for (const m of inside) out.push(makeSpan(text, tokens, m.first, m.last, coarseType(m.type), kb, true));
      continue;
    }
    let from = n.first;
    const parts: NameSpan[] = [];
    // "Human Rights at Harvard University": a name never runs on across "at" or "in".
    let preposition = false;
    for (let k = n.first; k <= n.last; k++) if (tokens[k].text === 'at' || tokens[k].text === 'in') preposition = true;
    for (let k = n.first; k <= n.last; k++) {
      if (tokens[k].text === 'and' || tokens[k].text === 'or' || tokens[k].text === 'at' || tokens[k].text === 'in') {
        if (k > from) parts.push(makeSpan(text, tokens, from, k - 1, n.coarse, kb));
        from = k + 1;
      }
    }
    if (from <= n.last) parts.push(makeSpan(text, tokens, from, n.last, n.coarse, kb));
    // Only names that stand alone: "Assad and Putin", not "Prediction and Applications Centre".
    if (parts.length < 2 || (!preposition && !parts.every((p) => p.entity || p.first === p.last))) {
      out.push(n);
      continue;
    }
    out.push(...parts);
  }
  return out;
}

/**
 * "United Nations Office" + "for the" + "Coordination of Humanitarian Affairs": an organisation's
 * name joined across "of"/"for" to the capitalised words after it (a tagger trained on short
 * news names cuts long ones).
 */
function joinLongNames(text: string, tokens: readonly Token[], names: NameSpan[], kb: KnowledgeBase): NameSpan[] {
  const out: NameSpan[] = [];
  for (let k = 0; k < names.length; k++) {
    let n = names[k];
    while (n.coarse === 'ORG') {
      let j = n.last + 1;
      if (j >= tokens.length || (tokens[j].text !== 'of' && tokens[j].text !== 'for' && tokens[j].text !== 'and')) break;
      const and = tokens[j].text === 'and';
      j++;
      if (j < tokens.length && tokens[j].lower === 'the') j++;
      const next = names[k + 1];
      // Across "and" only into a name that ends like an organisation ("… and Applications Centre"),
      // and not between two names the knowledge base knows apart ("the United Nations and European
      // Union"), unless it knows them together too.
      if (next && next.first === j && next.coarse !== 'PER' && next.coarse !== 'MISC' && (!and || ORG_SUFFIXES.has(tokens[next.last].lower))) {
        const joined = makeSpan(text, tokens, n.first, next.last, 'ORG', kb);
        if (and && n.entity && next.entity && !joined.entity) break;
        n = joined;
        k++;
        continue;
      }
      break;
    }
    out.push(n);
  }
  return out;
}

function lookupName(kb: KnowledgeBase, surface: string): KbEntity | null {
  return kb.lookup(surface) ?? (/^the\s/i.test(surface) ? kb.lookup(surface.slice(4)) : null);
}

/** A sentence adverb ("Essentially", "Obviously", "Clearly"), not a given name ("Sally", "Kelly", "Beverly"). */
const SENTENCE_ADVERB = bmp(/^\p{L}{3,}(?:ally|ously|ently|antly|ively|fully|ately|estly|ctly|arly|ssly|ibly|ably)$/u);

/** What stands between the names of a list: "Egypt and Jordan", "Iran, Iraq or Syria". */
const LIST_GAP = /^\s*(?:,|,?\s*(?:and|or))\s*$/;

/** A word with its verb or negation attached ("I've", "we'll", "don't"): never part of a name. */
const CONTRACTION = bmp(/^\p{L}+['’](?:ve|m|d|ll|re|t)$/iu);

const MONTH_ABBREVIATION = /^(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.$/i;

/** Six or more letters and digits with a digit after a letter and both cases: a code, not a name. */
const IDENTIFIER = bmp(/^(?=[\p{L}\d]{6,}$)(?=.*\p{L}\d)(?=.*\p{Ll})(?=.*\p{Lu})/u);

/** Not actors: holidays, lone capitalised function words, bylines. */
function keepName(text: string, tokens: readonly Token[], n: NameSpan): boolean {
  const surface = text.slice(n.start, n.end);
  if (NOT_NAME_PHRASES.test(surface)) return false;
  // A lone letter ("(Z)", "B") is an abbreviation or a list mark, not an actor.
  if (n.first === n.last && bmp(/^\p{L}\.?$/u).test(surface)) return false;
  // A link code or an identifier ("pic.twitter.com/MYwRz9euaq", "cLT72XQfD3"): letters of both
  // cases with digits among them, which no name has.
  if (!n.entity && tokens.slice(n.first, n.last + 1).some((t) => IDENTIFIER.test(t.text))) return false;
  if (n.first === n.last && (NOT_NAMES.has(tokens[n.first].lower) || isDemonym(tokens[n.first].lower)) && !n.entity) return false;
  // A sentence's first word alone that news writes in lower case, or that only opens sentences
  // ("Week", "Moreover", "Yeah", "Essentially, …"): capitalised by its place, not because it is a name.
  if (n.first === n.last && !n.entity && tokens[n.first].first) {
    const lower = tokens[n.first].lower;
    if (COMMON_WORDS.has(lower) || SENTENCE_OPENERS.has(lower) || (SENTENCE_ADVERB.test(lower) && text[n.end] === ',')) return false;
  }
  // A "person" of adjectives alone, none a given name ("Regional Economic", from a report's title):
  // an English adjective ending, which names of people do not all share.
  if (n.coarse === 'PER' && !n.entity && n.last > n.first && tokens.slice(n.first, n.last + 1).every((t) => !t.word || (ADJECTIVE_ENDING.test(t.lower) && !FIRST_NAMES.has(t.lower)))) return false;
  // "I've", "we'll": a pronoun with its verb. "Nov.", "Sept.": a month.
  if (n.first === n.last && (CONTRACTION.test(surface) || MONTH_ABBREVIATION.test(surface))) return false;
  // "President", "Priest": a title alone names nobody.
  if (tokens.slice(n.first, n.last + 1).every((t) => !t.word || isTitle(t))) return false;
  if (!tokens.slice(n.first, n.last + 1).some((t) => bmp(/\p{L}/u).test(t.text))) return false;
  return true;
}

/**
 * Knowledge-base names the tagger left out: kept when written as a name (not inside a run of
 * capitals, where "IS" is a verb) and not a single ordinary word.
 */
function addUntaggedKbNames(
  text: string,
  tokens: readonly Token[],
  names: NameSpan[],
  matches: readonly KbMatch[],
  caps: Uint8Array,
  kb: KnowledgeBase,
): NameSpan[] {
  // A knowledge-base name of several words wins over the tagger's pieces of it
  // ("Syrian Observatory" + "Human Rights" → "Syrian Observatory for Human Rights").
  let out = names.slice();
  // The names touching a match are found through the tokens they cover, not by scanning every
  // name for every match (quadratic: 30 s on a 2-million-character page). The tagger's names do
  // not overlap; if they ever did, the scan below is the rule.
  const owner: (NameSpan | null)[] = Array.from({ length: tokens.length }, () => null);
  let disjoint = true;
  for (const n of out) {
    for (let k = n.first; k <= n.last; k++) {
      if (owner[k] !== null) disjoint = false;
      owner[k] = n;
    }
  }
  const removed = new Set<NameSpan>();
  for (const m of matches) {
    if (caps[m.first]) continue;
    let touching: NameSpan[];
    if (disjoint) {
      touching = [];
      for (let k = m.first; k <= m.last; k++) {
        const n = owner[k];
        if (n && touching[touching.length - 1] !== n) touching.push(n);
      }
    } else touching = out.filter((n) => !removed.has(n) && n.first <= m.last && n.last >= m.first);
    // The tagger's "miscellaneous" (nationalities, events) is never a name the KB lists as an actor.
    const same = touching.find((n) => n.first === m.first && n.last === m.last);
    if (same && same.coarse === 'MISC') same.coarse = coarseType(m.type);
    if (m.last === m.first) continue;
    const inside = touching.filter((n) => n.first >= m.first && n.last <= m.last);
    const across = inside.length < touching.length;
    if (across || (inside.length === 1 && inside[0].first === m.first && inside[0].last === m.last)) continue;
    for (const n of inside) removed.add(n);
    const span = makeSpan(text, tokens, m.first, m.last, coarseType(m.type), kb, true);
    out.push(span);
    if (disjoint) for (let k = m.first; k <= m.last; k++) owner[k] = span;
  }
  if (removed.size > 0) out = out.filter((n) => !removed.has(n));
  const covered = new Uint8Array(tokens.length);
  for (const n of out) for (let k = n.first; k <= n.last; k++) covered[k] = 1;
  const lowerWords = new Set<string>();
  for (const t of tokens) if (bmp(/^\p{Ll}/u).test(t.text)) lowerWords.add(t.lower);
  for (const m of matches) {
    let free = true;
    for (let k = m.first; k <= m.last; k++) if (covered[k] || caps[k]) free = false;
    if (!free) continue;
    const t = tokens[m.first];
    // A lone capitalised word opening a sentence is a name only if the article never writes it
    // in lower case ("Will", "May").
    if (m.first === m.last && t.first && !bmp(/^\p{Lu}{2,}$/u).test(t.text) && (NOT_NAMES.has(t.lower) || lowerWords.has(t.lower))) continue;
    out.push(makeSpan(text, tokens, m.first, m.last, coarseType(m.type), kb, true));
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * A name tagged once is the same name everywhere in the article: untagged occurrences of the
 * same words (written as a name) get its type, and a name tagged with several types takes the
 * most frequent one.
 */
function propagate(text: string, tokens: readonly Token[], names: NameSpan[], caps: Uint8Array, kb: KnowledgeBase): NameSpan[] {
  const votes = new Map<string, Map<Coarse, number>>();
  const keyOf = (first: number, last: number) => {
    let k = '';
    for (let i = first; i <= last; i++) k += (i > first ? ' ' : '') + tokens[i].lower;
    return k;
  };
  for (const n of names) {
    const k = keyOf(n.first, n.last);
    const v = votes.get(k) ?? new Map<Coarse, number>();
    v.set(n.coarse, (v.get(n.coarse) ?? 0) + 1);
    votes.set(k, v);
  }
  const majority = new Map<string, Coarse>();
  for (const [k, v] of votes) {
    let best: Coarse = 'MISC';
    let bestN = -1;
    for (const [c, n] of v) if (n > bestN) [best, bestN] = [c, n];
    majority.set(k, best);
  }
  for (const n of names) {
    const m = majority.get(keyOf(n.first, n.last));
    if (m) n.coarse = m;
  }
  // Untagged occurrences, longest names first.
  const covered = new Uint8Array(tokens.length);
  for (const n of names) for (let k = n.first; k <= n.last; k++) covered[k] = 1;
  const byFirstWord = new Map<string, { parts: string[]; len: number; coarse: Coarse }[]>();
  for (const [key, coarse] of majority) {
    const parts = key.split(' ');
    const list = byFirstWord.get(parts[0]) ?? [];
    list.push({ parts, len: parts.length, coarse });
    byFirstWord.set(parts[0], list);
  }
  // The key of tokens i… is `parts` (token words hold no spaces, so word by word, no string built).
  const sameWords = (i: number, parts: readonly string[]) => {
    for (let k = 0; k < parts.length; k++) if (tokens[i + k].lower !== parts[k]) return false;
    return true;
  };
  for (const list of byFirstWord.values()) list.sort((a, b) => b.len - a.len);
  const added: NameSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (covered[i]) continue;
    const t = tokens[i];
    const list = byFirstWord.get(t.lower);
    if (!list || !bmp(/^\p{Lu}/u).test(t.text)) continue;
    for (const cand of list) {
      const last = i + cand.len - 1;
      if (last >= tokens.length || !sameWords(i, cand.parts)) continue;
      let free = true;
      for (let k = i; k <= last; k++) if (covered[k]) free = false;
      if (!free) continue;
      // Inside a run of capitals a word is a name only if it is one elsewhere too.
      if (cand.len === 1 && t.first && NOT_NAMES.has(t.lower)) continue;
      if (tokens[last].sentence !== t.sentence) continue;
      void caps;
      const span = makeSpan(text, tokens, i, last, cand.coarse, kb);
      span.propagated = true;
      added.push(span);
      for (let k = i; k <= last; k++) covered[k] = 1;
      break;
    }
  }
  return added.length ? [...names, ...added].sort((a, b) => a.start - b.start) : names;
}

/**
 * Does the knowledge base's type beat the tagger's? Yes when they agree, for a name of several
 * words ("Bashar al-Assad" is a person whatever the sentence), and for an institution the tagger
 * took for a place ("Kremlin"); no for a one-word name the tagger reads otherwise ("Chicago" the
 * team, "Jordan" the player).
 */
function trustKb(n: NameSpan): boolean {
  if (!n.entity) return false;
  const kbCoarse = coarseType(n.entity.type);
  if (kbCoarse === n.coarse || n.last > n.first) return true;
  return (kbCoarse === 'ORG' && n.coarse === 'LOC') || (kbCoarse === 'PER' && n.coarse === 'ORG');
}

/** Sift's type for a name: the knowledge base's when it agrees with the tagger, else cues. */
function actorType(text: string, tokens: readonly Token[], n: NameSpan): ActorType {
  const surface = text.slice(n.start, n.end);
  if (n.entity && trustKb(n)) return n.entity.type;
  if (n.coarse === 'PER') return 'person';
  if (n.coarse === 'LOC') return COUNTRIES.has(surface.toLowerCase()) ? 'country' : 'place';
  for (const [re, type] of SUFFIX_TYPES) if (re.test(surface)) return type;
  return 'organization';
}

/**
 * Paragraphs whose names are not the article's actors: the byline ("By Lena Okafor · 14 October"),
 * the signature or author's note that closes a post ("O Mouggos", "Lucas Nolan is a reporter
 * for …"), and labels that stand alone ("EXCLUSIVE", "ADVERTISING").
 */
function excludedSpans(text: string): Span[] {
  const out: Span[] = [];
  const paragraphs = [...text.matchAll(/[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, text: m[0] }));
  for (const p of paragraphs) {
    if (bmp(/^\s*By\s+\p{Lu}/u).test(p.text) && p.text.length < 120) out.push(p);
    // A label in capitals on its own line: "EXCLUSIVE", "SIGN UP FOR OUR NEWSLETTER".
    else if (!bmp(/\p{Ll}/u).test(p.text) && p.text.length < 60) out.push(p);
  }
  let k = paragraphs.length - 1;
  while (k > 0 && !bmp(/\p{L}{2}/u).test(paragraphs[k].text)) k--;
  if (k > 0) {
    const p = paragraphs[k];
    const name = String.raw`\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}`;
    if (new RegExp(String.raw`^\s*(?:[-–—~]\s*|By\s+)?${name}\s*$`, 'u').test(p.text)) out.push({ start: p.start, end: text.length });
    else if (new RegExp(String.raw`^\s*${name} (?:is|was) (?:a|an|the) [^.]{0,60}\b(?:reporter|writer|journalist|correspondent|editor|columnist|contributor|author|producer)\b`, 'u').test(p.text))
      out.push({ start: p.start, end: text.length });
  }
  return out;
}

const caseKey = (s: string) => s.toLowerCase().replace(/^(?:al|el)-/, '');

export function findActors(input: ActorInput, options: RecognizeOptions = {}): Actor[] {
  return drain(findActorsSteps(input, options));
}

/** `findActors` in short steps (see lib/steps.ts): the content script runs it between page tasks. */
export function* findActorsSteps(input: ActorInput, options: RecognizeOptions = {}): Steps<Actor[]> {
  const { text, kb } = input;
  const { tokens, names } = yield* recognizeNamesSteps(input, options);
  yield;
  const excluded = excludedSpans(text);
  yield;
  const found = names.filter((n) => n.coarse !== 'MISC' && !excluded.some((e) => n.start >= e.start && n.end <= e.end));

  // One referent per key: the knowledge base's id, the full name of a person for a surname or a
  // given name ("Reeves", "Lupita"), the organisation an acronym stands for, or the name itself.
  const keys: string[] = [];
  const displayNames = new Map<string, string>();
  const entities = new Map<string, KbEntity>();
  const votes = new Map<string, Map<ActorType, number>>();
  const shortForms = new Map<string, string | null>();
  const acronyms = new Map<string, string>();
  const wordsOf = (n: NameSpan) => tokens.slice(n.first, n.last + 1).filter((t) => t.word);
  const phrase = (ws: readonly Token[]) => ws.map((t) => caseKey(t.text)).join(' ');
  // "Whole Foods" for "Whole Foods Market": the first words (two or more) of an organisation's name
  // that the text also gives in full are that organisation, unless the knowledge base knows them.
  const types: ActorType[] = [];
  for (const n of found) {
    if ((types.length & 31) === 31) yield;
    types.push(actorType(text, tokens, n));
  }
  const surfaceOf = (n: NameSpan) => text.slice(n.start, n.end);
  /** The first words of a full name → the index of that name in `found` (null: two names share them). */
  const fullNames = new Map<string, number | null>();
  found.forEach((n, i) => {
    const words = wordsOf(n);
    if (words.length < 3 || types[i] === 'person' || types[i] === 'country' || types[i] === 'place') return;
    for (let k = 2; k < words.length; k++) {
      const head = phrase(words.slice(0, k));
      const had = fullNames.get(head);
      fullNames.set(head, had === undefined || (had !== null && surfaceOf(found[had]) === surfaceOf(n)) ? i : null);
    }
  });
  // "Egypt and Jordan": a one-word name the knowledge base knows as a country or place, listed with
  // countries or places, is one too, whatever the tagger read ("Jordan" the player).
  const isLand = (n: NameSpan | undefined) => !!n && (n.coarse === 'LOC' || (trustKb(n) && coarseType(n.entity!.type) === 'LOC'));
  const listedWithLand = (i: number) => {
    const n = found[i];
    if (n.first !== n.last || !n.entity || coarseType(n.entity.type) !== 'LOC' || n.coarse === 'LOC') return false;
    const before = found[i - 1];
    const after = found[i + 1];
    return (isLand(before) && LIST_GAP.test(text.slice(before!.end, n.start))) || (isLand(after) && LIST_GAP.test(text.slice(n.end, after!.start)));
  };
  for (const [i, n] of found.entries()) {
    if ((i & 31) === 31) yield;
    const surface = surfaceOf(n);
    const listed = listedWithLand(i);
    let type = listed ? n.entity!.type : types[i];
    let entity = listed || trustKb(n) ? n.entity : null;
    const words = wordsOf(n);
    // (Not a place: "New York" of "New York Times" is the city.)
    const fi = !entity && !n.entity && words.length >= 2 && type !== 'place' && type !== 'country' ? fullNames.get(phrase(words)) : null;
    const full = fi == null ? null : found[fi];
    if (full) {
      // Counted with the organisation's full name.
      type = types[fi!];
      entity = trustKb(full) ? full.entity : null;
    }
    let key = entity ? entity.id : `new:${slug(full ? surfaceOf(full) : surface)}`;
    const short = shortForms.get(phrase(words));
    const acronym = bmp(/^\p{Lu}{2,8}$/u).test(surface) ? acronyms.get(surface) : undefined;
    const own = !entity && !full;
    if (own && short) {
      key = short;
      type = 'person';
    } else if (own && acronym) key = acronym;
    else if (type === 'person' && words.length > 1) {
      // Every tail of the name ("bin Laden", "Laden") and the given name stand for this person;
      // a short form two people share stands for neither.
      const parts = words.map((t) => caseKey(t.text));
      const forms = [parts[0], ...parts.slice(1).map((_, i) => parts.slice(i + 1).join(' '))];
      for (const f of forms) {
        if (NOT_NAMES.has(f) || f.length < 2) continue;
        const had = shortForms.get(f);
        if (had === undefined) shortForms.set(f, key);
        else if (had !== key) shortForms.set(f, null);
      }
    } else if (type !== 'person' && type !== 'country' && type !== 'place' && words.length > 1) {
      const initials = words.filter((t) => bmp(/^\p{Lu}/u).test(t.text)).map((t) => t.text[0]).join('');
      if (initials.length >= 2 && !acronyms.has(initials)) acronyms.set(initials, key);
      // "Syrian Observatory for Human Rights (SOHR)": the bracketed acronym is the same actor.
      const bracket = bmp(/^\s*\((\p{Lu}{2,8})\)/u).exec(text.slice(n.end, n.end + 12));
      if (bracket) acronyms.set(bracket[1], key);
    }
    keys.push(key);
    if (!displayNames.has(key) || (!entity && !entities.has(key) && surface.length > displayNames.get(key)!.length)) displayNames.set(key, entity ? entity.name : surface);
    if (entity) entities.set(key, entity);
    const v = votes.get(key) ?? new Map<ActorType, number>();
    v.set(type, (v.get(type) ?? 0) + (n.propagated ? 0.5 : 1));
    votes.set(key, v);
  }

  const byKey = new Map<string, Actor>();
  for (const [i, n] of found.entries()) {
    if ((i & 31) === 31) yield;
    const key = keys[i];
    let actor = byKey.get(key);
    if (!actor) {
      const entity = entities.get(key) ?? null;
      let type: ActorType = 'organization';
      let best = -1;
      for (const [t, c] of votes.get(key)!) if (c > best) [type, best] = [t, c];
      actor = { id: key, name: displayNames.get(key)!, type: entity ? entity.type : type, mentions: [], background: entity ? kb.background(entity.id) : null };
      byKey.set(key, actor);
    }
    const mention: Mention = { start: n.start, end: n.end, text: text.slice(n.start, n.end) };
    actor.mentions.push(mention);
  }
  return [...byKey.values()].sort((a, b) => b.mentions.length - a.mentions.length || a.mentions[0].start - b.mentions[0].start);
}

import type { Sentence } from '../text/sentences';
import { trimEndWhile } from '../text/trim';
import { bmp } from '../text/bmp-classes';

/**
 * Who a sentence attributes its words to: "according to Rami Abdulrahman", "the US military said",
 * "said Ahmed Nour", "Reuters reported", "The Congressional Budget Office estimates that". A quote
 * without its own attribution takes the one of the quote it continues ("“…,” he said. “But a $2
 * trillion tax cut …”"), and "he"/"she" is the last person named as a speaker before.
 */
export interface Attribution {
  who: string;
  /** false: a pronoun not yet resolved; true: a pronoun resolved to an earlier speaker. */
  resolved?: boolean;
  /** Where the attribution stands in its sentence (the subject to the verb). */
  start: number;
  end: number;
  /** It covers what comes before it too ("…, officials said."), not only what follows ("X said that …"). */
  coversBefore: boolean;
}

// Verbs that are also nouns ("reports", "estimates", "states", "notes") or market words ("added")
// count only before "that", a colon, a comma or a quote.
const VERBS =
  'said|says|say|told|tells|tell|reported|stated|announced|announces|confirmed|confirms|estimated|claimed|wrote|writes|noted|warned|warns|believes|predicted|predicts|projected|expects|sees|found|showed|counted|recorded|tallied|calculated|acknowledged|insisted|argued|explained|testified|alleged|alleges|declared|revealed|reveals|disclosed|divulged|conceded|(?:admitted|reports|estimates|estimate|claims|states|notes|forecasts|projects|counts|records|finds|shows|added|adds|believe|expect|see|report)(?=\\s*(?:that\\b|:))';
const AUX = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'would', 'also', 'previously', 'later', 'earlier', 'separately', 'further', 'then', 'now', 'repeatedly', 'again', 'publicly', 'recently', 'first', 'once']);
/** Attribution verbs ("the US military said", "Michigan health authorities are reporting"). */
const VERB_RE = new RegExp(String.raw`\b(?:${VERBS}|reporting|saying|estimating|expecting|predicting|projecting|forecasting|warning)\b`, 'g');
/** A verb then its subject ("…,” said Ahmed Nour", "said White House Press Secretary Stephanie Grisham"). */
const VERB_SUBJECT_RE = bmp(/(?:^|[,”"’]\s*|\s)(?:said|says|added|told|wrote|asked|explained|noted|warned)[\s\u00A0]+((?:(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Col|Lt|Sgt|Capt|Prof|Rev|Gov)\.?[\s\u00A0]+)?(?:\p{Lu}[\p{L}'’.-]*[\s\u00A0]*){1,6})/gu);
/** "according to" in any case, spelt out: with `i`, the `u` class of names would compile Unicode case folding. */
const ACCORDING_RE = bmp(/\b[Aa][Cc][Cc][Oo][Rr][Dd][Ii][Nn][Gg][\s\u00A0]+[Tt][Oo][\s\u00A0]+((?:[\p{L}\p{N}'’.&-]+[\s\u00A0]*){1,8})/u);
const PUT_AT_RE = /\b(?:put|puts|valued|values|priced|prices)[\s\u00A0]+(?:the|its|their)[\s\u00A0]+/;

const NOT_NAMES = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|today|yesterday|tonight|last|this|on|in|at|that|it|there|the|a|an)$/i;
const WHEN = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|week|month|year|today|yesterday|morning|evening|night|afternoon)$/i;
const PRONOUN = /^(?:he|she|they|it|we|i|you|one)$/i;
const RELATIVE = /^(?:who|that|which|whom|whose|what|where|when)$/i;
/** Words that end a subject when read backwards from the verb. */
const SUBJECT_STOP = new Set(
  'and or but so yet if because while although though since when where after before than as to in on at by with from into over under about against between into through during without within that which who whom whose what there here this these those is are was were be been being has have had do does did will would can could should may might must not no also then now just only even still already according'.split(
    ' ',
  ),
);
const INNER_NAME_WORDS = new Set(['of', 'for', 'and', 'the', 'al', 'bin', 'de', 'del', 'der', 'van', 'von', 'on', 'la', 'le', 'du', 'da', 'el', 'ul']);
const TITLES = /^(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Col|Lt|Sgt|Capt|Prof|Rev|Gov|Sir|Dame|Lord|Lady)\.?$/;

function clean(who: string): string {
  let w = trimEndWhile(who.replace(/[\s\u00A0]+/g, ' ').trim(), (c) => ',.;:’\'"”'.includes(c));
  w = w.replace(/^(?:the|a|an)\s+/i, '');
  w = w.replace(/[’']s$/, '');
  return w.trim();
}

/** The subject words right before an attribution verb, read backwards ("the national farmers' union" ← said). */
function subjectBefore(words: string[]): string | null {
  const out: string[] = [];
  let i = words.length - 1;
  // An adverb or a participle between the subject and the verb: "currently is estimated", "a poll released on Friday showed".
  while (i > 0 && bmp(/^\p{Ll}+ly$/u).test(words[i]) && !/^(?:family|ally|italy)$/i.test(words[i])) i--;
  if (i > 0 && bmp(/^\p{Ll}+ed$/u).test(words[i]) && bmp(/^[\p{L}'’]+$/u).test(words[i - 1]) && !SUBJECT_STOP.has(words[i - 1].toLowerCase())) i--;
  // An apposition: "Eric Reeves, one of the leading voices on Sudan, said" → the name before it.
  if (i >= 0 && words[i].endsWith(',')) {
    let j = i - 1;
    while (j >= 0 && i - j <= 14 && !words[j].endsWith(',')) j--;
    if (j < 0 || i - j > 14 || !bmp(/^\p{Lu}/u).test(words[j])) return null;
    words = [...words.slice(0, j), words[j].replace(/,$/, '')];
    i = words.length - 1;
  }
  for (; i >= 0; i--) {
    const w = words[i];
    const lw = w.toLowerCase().replace(/[.,]$/, '');
    if (RELATIVE.test(lw)) return out.length === 0 ? '' : null;
    // "analysts surveyed by Refinitiv": the surveyed are the source.
    if (lw === 'by' && out.length > 0 && i > 0 && /^(?:surveyed|polled|cited|quoted|compiled|interviewed|contacted)$/i.test(words[i - 1])) {
      out.length = 0;
      i -= 1;
      continue;
    }
    if (SUBJECT_STOP.has(lw) && !(INNER_NAME_WORDS.has(lw) && out.length > 0 && i > 0 && bmp(/^\p{Lu}/u).test(words[i - 1]) && bmp(/^\p{Lu}/u).test(out[0]))) break;
    if (/[,;:“”"()]$/.test(w) && out.length > 0) break;
    if (/[,;:“”"()]/.test(w)) {
      if (out.length === 0) return null;
      break;
    }
    if (/(?:ed|ing)$/.test(lw) && !bmp(/^\p{Lu}/u).test(w) && out.length > 0 && !/^(?:united|red|armed)$/.test(lw)) break;
    out.unshift(w);
    if (out.length >= 7) break;
  }
  while (out.length && (SUBJECT_STOP.has(out[0].toLowerCase()) || QUANTIFIER.test(out[0]))) out.shift();
  while (out.length && INNER_NAME_WORDS.has(out[0].toLowerCase())) out.shift();
  if (out.length === 0) return null;
  return out.join(' ');
}

const QUANTIFIER = /^(?:a|an|the|multiple|several|some|many|most|other|both|two|three|four|various|numerous|unnamed|anonymous)$/i;

/** After the verb only a time, a place or "in a statement" ("…, the US military said in a statement on Wednesday."). */
function onlyAdverbialAfter(tail: string): boolean {
  // Six words or fewer never take this much room; a sentence repeating "said" thousands of times
  // made this quadratic.
  if (tail.length > 1000) return false;
  const words = trimEndWhile(tail.replace(/\[[^\]]{1,4}\]/g, ' ').trimEnd(), (c) => '.!?”"’)]'.includes(c)).trim().split(/[\s\u00A0]+/).filter(Boolean);
  return words.length <= 6 && !words.some((w) => /^(?:that|whether|if|how|what)$/i.test(w) || /[,;:“"]/.test(w));
}

/** Every attribution of a sentence, with where it stands (offsets in the sentence). */
function attributionsIn(s: string): Attribution[] {
  const out: Attribution[] = [];
  const acc = ACCORDING_RE.exec(s);
  if (acc) {
    const words: string[] = [];
    for (const w of acc[1].trim().split(/[\s\u00A0]+/)) {
      const bare = w.replace(/[,.;:)”"]+$/, '');
      if (words.length > 0 && (RELATIVE.test(bare) || /^(?:director|head|chief|spokesman|spokeswoman|spokesperson|president|an|a)$/i.test(bare))) break;
      // "according to UEFA as part of …": a function word ends the name unless it joins two capitalised words.
      if (words.length > 0 && SUBJECT_STOP.has(bare.toLowerCase()) && !INNER_NAME_WORDS.has(bare.toLowerCase())) break;
      if (bare) words.push(bare);
      if (bare !== w) break;
    }
    const who = clean(words.join(' ').replace(/^(?:multiple|several|some|many|various)\s+/i, ''));
    // "According to X" speaks for its whole sentence, before any verb in it.
    if (who && !PRONOUN.test(who)) return [{ who, start: 0, end: 0, coversBefore: true }];
  }
  // "…,” said Ahmed Nour", "said White House Press Secretary Stephanie Grisham"
  VERB_SUBJECT_RE.lastIndex = 0;
  let vs: RegExpExecArray | null;
  while ((vs = VERB_SUBJECT_RE.exec(s)) !== null) {
    const names = vs[1].trim().split(/[\s\u00A0]+/);
    const kept: string[] = [];
    for (const n of names) {
      const bare = n.replace(/[,;:]+$/, '').replace(/\.$/, (d) => (bmp(/^\p{Lu}$/u).test(n.slice(0, -1)) || TITLES.test(n) ? d : ''));
      if (NOT_NAMES.test(bare.replace(/\.$/, ''))) break;
      // "said Yoon’s statement…": a possessive is no speaker.
      if (/[’']s$/.test(bare)) {
        kept.length = 0;
        break;
      }
      kept.push(bare);
      if (/[,;:]$/.test(n) || (n.endsWith('.') && !bmp(/^\p{Lu}\.$/u).test(n) && !TITLES.test(n.replace(/\.$/, '')))) break;
    }
    const who = clean(kept.join(' ').replace(/^(?:Mr|Mrs|Ms|Dr)\.?\s+/, ''));
    if (who && !PRONOUN.test(who)) out.push({ who, start: vs.index, end: vs.index + vs[0].length, coversBefore: true });
  }
  VERB_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = VERB_RE.exec(s)) !== null) {
    const before = s.slice(Math.max(0, m.index - 160), m.index);
    // "an estimated 2.3 million", "the reported pricing": an adjective, not a verb.
    if (/\b(?:an?|the|its|their|his|her)[\s\u00A0]+$/i.test(before)) continue;
    const words = before.trim().split(/[\s\u00A0]+/).filter(Boolean);
    if (m.index > 160) words.shift();
    // A passive ("a case was reported") names no source unless "by" follows.
    const passive = /^(?:reported|estimated|announced|confirmed|recorded|counted|found|shown|stated|claimed|expected|predicted|projected|forecast|put|declared|revealed|disclosed)$/i.test(m[0]) &&
      bmp(/\b(?:was|were|is|are|be|been|being)[\s\u00A0]+(?:\p{L}+ly[\s\u00A0]+)?$/iu).test(before);
    if (passive) {
      const by = bmp(/^[\s\u00A0]+by[\s\u00A0]+((?:the[\s\u00A0]+)?(?:\p{Lu}[\p{L}'’.&-]*[\s\u00A0]*){1,6})/u).exec(s.slice(m.index + m[0].length));
      if (by) out.push({ who: clean(by[1]), start: m.index, end: m.index + m[0].length + by[0].length, coversBefore: true });
      continue;
    }
    while (words.length && AUX.has(words[words.length - 1].toLowerCase())) words.pop();
    // "Clark in October revealed": time phrases between the subject and the verb are skipped.
    while (words.length >= 2 && /^(?:in|on|last|this|late|early|since)$/i.test(words[words.length - 2]) && WHEN.test(words[words.length - 1])) words.splice(-2, 2);
    while (words.length && WHEN.test(words[words.length - 1])) words.pop();
    const subject = subjectBefore(words);
    if (subject === '' || subject === null || WHEN.test(subject)) continue;
    const who = clean(subject.replace(/^(?:Mr|Mrs|Ms|Dr)\.?\s+/, ''));
    if (!who) continue;
    const verbEnd = m.index + m[0].length;
    // "…, the central bank warned that inflation …": what comes after the verb is what it says; a
    // number before the subject is the writer's own. "…, officials said on Monday." covers it all.
    const coversBefore = onlyAdverbialAfter(s.slice(verbEnd)) || /^[\s\u00A0]*[,.!?”"]/.test(s.slice(verbEnd));
    const start = Math.max(0, m.index - who.length - 8);
    out.push(PRONOUN.test(who) ? { who: who.toLowerCase(), resolved: false, start, end: verbEnd, coversBefore } : { who, start, end: verbEnd, coversBefore });
  }
  // "Its organisers put the cost of the operation at $1.2 million"
  const put = PUT_AT_RE.exec(s);
  if (put && /\bat\b/.test(s.slice(put.index + put[0].length, put.index + put[0].length + 60))) {
    const subject = subjectBefore(s.slice(Math.max(0, put.index - 60), put.index).trim().split(/\s+/));
    if (subject) {
      const who = clean(subject.replace(/^(?:Its|Their|His|Her)\s+/i, ''));
      if (who && !PRONOUN.test(who)) out.push({ who, start: put.index, end: put.index + put[0].length, coversBefore: false });
    }
  }
  return out;
}

const QUOTE_OPEN = /^[“"‘]/;

/**
 * The attributions of sentence `si` (pronouns resolved, quotations given the attribution of the
 * quote they continue). `attributionsAt` is the memoised version of this function, for looking at
 * neighbouring sentences.
 */
export function attributionsOf(
  text: string,
  sentences: readonly Sentence[],
  si: number,
  attributionsAt: (i: number) => Attribution[],
): Attribution[] {
  const s = sentences[si];
  let list = attributionsIn(s.text);
  // A quotation with no attribution of its own: the sentence before in the same paragraph that
  // introduced it, or the next one that closes it.
  if (list.length === 0 && QUOTE_OPEN.test(s.text)) {
    const paraBreak = (i: number, j: number) => /\n\s*\n/.test(text.slice(sentences[i].end, sentences[j].start));
    for (let j = si - 1; j >= Math.max(0, si - 3) && list.length === 0; j--) {
      if (paraBreak(j, j + 1)) break;
      const prev = attributionsAt(j);
      if (prev.length) list = prev.map((a) => ({ ...a, start: 0, end: 0, coversBefore: true }));
    }
    if (list.length === 0 && !/[”"]\s*$/.test(s.text)) {
      for (let j = si + 1; j < Math.min(sentences.length, si + 3) && list.length === 0; j++) {
        if (paraBreak(j - 1, j)) break;
        const next = attributionsIn(sentences[j].text);
        if (next.length) list = next.map((a) => ({ ...a, start: s.text.length, end: s.text.length, coversBefore: true }));
      }
    }
  }
  // "he said": the last person named as a speaker before.
  return list.flatMap((a) => {
    if (a.resolved !== false) return [a];
    if (!/^(?:he|she)$/.test(a.who)) return [];
    for (let j = si - 1; j >= Math.max(0, si - 12); j--) {
      const named = attributionsAt(j).filter((p) => p.resolved !== false && bmp(/^\p{Lu}/u).test(p.who) && p.who.split(' ').length <= 4);
      if (named.length) return [{ ...a, who: named[named.length - 1].who, resolved: true }];
    }
    return [];
  });
}

/** The attribution that covers a claim at `at` (an offset in the sentence): the nearest one that reaches it. */
export function attributionFor(list: readonly Attribution[], at: number, end: number): Attribution | null {
  let best: Attribution | null = null;
  let bestDistance = Infinity;
  for (const a of list) {
    let d: number;
    if (at >= a.end) d = at - a.end;
    else if (end <= a.start) {
      if (!a.coversBefore) continue;
      d = a.start - end;
    } else d = 0;
    if (d < bestDistance) {
      best = a;
      bestDistance = d;
    }
  }
  return best;
}

import type { Sentence } from '../text/sentences';

/**
 * Who a sentence attributes its words to: "according to Rami Abdulrahman", "the US military said",
 * "said Ahmed Nour", "Reuters reported", "The Congressional Budget Office estimates that". A quote
 * without its own attribution takes the one of the quote it continues ("“…,” he said. “But a $2
 * trillion tax cut …”"), and "he"/"she" is the last person named as a speaker before.
 */
export interface Attribution {
  who: string;
  /** A pronoun resolved to an earlier speaker. */
  resolved?: boolean;
}

// Verbs that are also nouns ("reports", "estimates", "states", "notes") or market words ("added")
// count only before "that", a colon, a comma or a quote.
const VERBS =
  'said|says|say|told|tells|tell|reported|stated|announced|announces|confirmed|confirms|estimated|claimed|wrote|writes|noted|warned|warns|believes|predicted|predicts|projected|expects|sees|found|showed|counted|recorded|tallied|calculated|acknowledged|admitted|insisted|argued|explained|testified|alleged|alleges|declared|revealed|reveals|disclosed|conceded|(?:reports|estimates|estimate|claims|states|notes|forecasts|projects|counts|records|finds|shows|added|adds|believe|expect|see|report)(?=\\s*(?:that\\b|:))';
const AUX = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'would', 'also', 'previously', 'later', 'earlier', 'separately', 'further', 'then', 'now', 'repeatedly', 'again', 'publicly', 'recently', 'first', 'once']);
/** Attribution verbs ("the US military said", "Michigan health authorities are reporting"). */
const VERB_RE = new RegExp(String.raw`\b(?:${VERBS}|reporting|saying|estimating|expecting|predicting|projecting|forecasting|warning)\b`, 'g');
/** A verb then its subject ("…,” said Ahmed Nour", "said White House Press Secretary Stephanie Grisham"). */
const VERB_SUBJECT_RE = /(?:^|[,”"’]\s*|\s)(?:said|says|added|told|wrote|asked|explained|noted|warned)[\s\u00A0]+((?:(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Col|Lt|Sgt|Capt|Prof|Rev|Gov)\.?[\s\u00A0]+)?(?:\p{Lu}[\p{L}'’.-]*[\s\u00A0]*){1,6})/gu;
const ACCORDING_RE = /\baccording[\s\u00A0]+to[\s\u00A0]+((?:[\p{L}\p{N}'’.&-]+[\s\u00A0]*){1,8})/iu;
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
  let w = who.replace(/[\s\u00A0]+/g, ' ').trim().replace(/[,.;:’'"”]+$/, '');
  w = w.replace(/^(?:the|a|an)\s+/i, '');
  w = w.replace(/[’']s$/, '');
  return w.trim();
}

/** The subject words right before `at` in `s`, read backwards ("… the national farmers' union" ← said). */
function subjectBefore(words: string[]): string | null {
  const out: string[] = [];
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i];
    const lw = w.toLowerCase().replace(/[.,]$/, '');
    if (RELATIVE.test(lw)) return out.length === 0 ? '' : null;
    if (SUBJECT_STOP.has(lw) && !(INNER_NAME_WORDS.has(lw) && out.length > 0 && i > 0 && /^\p{Lu}/u.test(words[i - 1]) && /^\p{Lu}/u.test(out[0]))) break;
    if (/[,;:“”"()]$/.test(w) && out.length > 0) break;
    if (/[,;:“”"()]/.test(w)) {
      if (out.length === 0) return null;
      break;
    }
    // "analysts surveyed by Refinitiv": the surveyed are the source.
    if (lw === 'by' && out.length > 0 && i > 0 && /^(?:surveyed|polled|cited|quoted|compiled|interviewed)$/i.test(words[i - 1])) {
      out.length = 0;
      i -= 1;
      continue;
    }
    if (/(?:ed|ing)$/.test(lw) && !/^\p{Lu}/u.test(w) && out.length > 0 && !/^(?:united|red|armed)$/.test(lw)) break;
    out.unshift(w);
    if (out.length >= 7) break;
  }
  while (out.length && SUBJECT_STOP.has(out[0].toLowerCase())) out.shift();
  while (out.length && INNER_NAME_WORDS.has(out[0].toLowerCase())) out.shift();
  if (out.length === 0) return null;
  return out.join(' ');
}

function directAttribution(s: string): Attribution | null {
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
    const who = clean(words.join(' '));
    if (who && !PRONOUN.test(who)) return { who };
  }
  // "…,” said Ahmed Nour"
  VERB_SUBJECT_RE.lastIndex = 0;
  let vs: RegExpExecArray | null;
  while ((vs = VERB_SUBJECT_RE.exec(s)) !== null) {
    const names = vs[1].trim().split(/[\s\u00A0]+/);
    const kept: string[] = [];
    for (const n of names) {
      const bare = n.replace(/[,.;:]+$/, '');
      if (NOT_NAMES.test(bare)) break;
      kept.push(TITLES.test(bare) ? bare + (bare.endsWith('.') ? '' : '') : bare);
      if (bare !== n && !TITLES.test(bare)) break;
    }
    const who = clean(kept.join(' ').replace(/^(?:Mr|Mrs|Ms|Dr)\.?\s+/, ''));
    if (who && !PRONOUN.test(who)) return { who };
  }
  VERB_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = VERB_RE.exec(s)) !== null) {
    // The subject is read backwards from the words right before the verb (after any auxiliaries).
    const words = s.slice(Math.max(0, m.index - 120), m.index).trim().split(/[\s\u00A0]+/).filter(Boolean);
    if (m.index > 120) words.shift();
    while (words.length && AUX.has(words[words.length - 1].toLowerCase())) words.pop();
    if (words.length && /day$/i.test(words[words.length - 1]) && words[words.length - 2]?.toLowerCase() === 'on') words.splice(-2, 2);
    // "Clark in October revealed": time phrases between the subject and the verb are skipped.
    while (words.length >= 2 && /^(?:in|on|last|this|late|early|since)$/i.test(words[words.length - 2]) && WHEN.test(words[words.length - 1])) words.splice(-2, 2);
    const subject = subjectBefore(words);
    if (subject === '' || subject === null || WHEN.test(subject)) continue;
    const who = clean(subject.replace(/^(?:Mr|Mrs|Ms|Dr)\.?\s+/, ''));
    if (!who) continue;
    if (PRONOUN.test(who)) return { who: who.toLowerCase(), resolved: false };
    return { who };
  }
  // "Its organisers put the cost of the operation at $1.2 million"
  const put = PUT_AT_RE.exec(s);
  if (put && /\bat\b/.test(s.slice(put.index + put[0].length, put.index + put[0].length + 60))) {
    const subject = subjectBefore(s.slice(Math.max(0, put.index - 60), put.index).trim().split(/\s+/));
    if (subject) {
      const who = clean(subject.replace(/^(?:Its|Their|His|Her)\s+/i, ''));
      if (who && !PRONOUN.test(who)) return { who };
    }
  }
  return null;
}

const QUOTE_OPEN = /^[“"‘]/;

/**
 * The attribution of sentence `si`. `attributionAt` is the memoised version of this function, for
 * looking at neighbouring sentences.
 */
export function attributionOf(
  text: string,
  sentences: readonly Sentence[],
  si: number,
  attributionAt: (i: number) => Attribution | null,
): Attribution | null {
  const s = sentences[si];
  let a = directAttribution(s.text);
  // A quotation with no attribution of its own: the next sentence that closes the quote, or the
  // sentence before in the same paragraph that introduced it.
  if (!a && QUOTE_OPEN.test(s.text)) {
    const paraBreak = (i: number, j: number) => /\n\s*\n/.test(text.slice(sentences[i].end, sentences[j].start));
    for (let j = si - 1; j >= Math.max(0, si - 3); j--) {
      if (paraBreak(j, j + 1)) break;
      const prev = attributionAt(j);
      if (prev) {
        a = prev;
        break;
      }
    }
    if (!a && !/[”"]\s*$/.test(s.text)) {
      for (let j = si + 1; j < Math.min(sentences.length, si + 3); j++) {
        if (paraBreak(j - 1, j)) break;
        const next = directAttribution(sentences[j].text);
        if (next) {
          a = next;
          break;
        }
      }
    }
  }
  if (a && a.resolved === false) {
    // "he said": the last person named as a speaker before.
    if (/^(?:he|she)$/.test(a.who)) {
      for (let j = si - 1; j >= Math.max(0, si - 12); j--) {
        const prev = attributionAt(j);
        if (prev && prev.resolved !== false && /^\p{Lu}/u.test(prev.who) && prev.who.split(' ').length <= 4) return { who: prev.who, resolved: true };
      }
    }
    return null;
  }
  return a;
}

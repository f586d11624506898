import type { Actor, ActorType, Mention, Span } from '../schema';
import type { KnowledgeBase } from '../kb/knowledge-base';
import type { Sentence } from '../text/sentences';

/**
 * Named actors: the knowledge base's aliases first (longest match wins), then rules for names it
 * does not know (titles, organisation suffixes), then document-level consistency (a surname or
 * a short form found once is found everywhere), and finally one Actor per referent.
 */

export interface ActorInput {
  text: string;
  sentences: readonly Sentence[];
  /** Spans to ignore (footnote markers). */
  ignore: readonly Span[];
  kb: KnowledgeBase;
}

interface Token {
  start: number;
  end: number;
  /** End without a possessive "'s". */
  coreEnd: number;
  text: string;
  cap: boolean;
  sentenceStart: boolean;
}

const TOKEN_RE = /[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}]|[-'’.](?=[\p{L}\p{N}]))*/gu;

/** Lower-case words allowed inside a name ("Syrian Observatory for Human Rights", "Bashar al-Assad"). */
const CONNECTORS = new Set(['of', 'for', 'the', 'de', 'del', 'da', 'di', 'al', 'el', 'bin', 'ibn', 'van', 'von', 'der', 'la', 'le', 'du', 'on', 'and']);

/** Capitalised words that are not names on their own. */
const NOT_NAMES = new Set([
  'i', 'a', 'an', 'the', 'this', 'that', 'these', 'those', 'it', 'its', 'he', 'she', 'they', 'we', 'you', 'his', 'her', 'their', 'our',
  'my', 'me', 'him', 'them', 'us', 'in', 'on', 'at', 'of', 'for', 'by', 'with', 'from', 'to', 'and', 'but', 'or', 'so', 'yet', 'if',
  'as', 'when', 'while', 'after', 'before', 'since', 'because', 'although', 'though', 'however', 'meanwhile', 'what', 'who', 'which',
  'why', 'how', 'where', 'there', 'here', 'some', 'many', 'most', 'all', 'both', 'either', 'neither', 'no', 'not', 'one', 'two',
  'another', 'other', 'such', 'each', 'every', 'any', 'few', 'more', 'less', 'already', 'also', 'even', 'still', 'now', 'then',
  'today', 'yesterday', 'tomorrow', 'fortunately', 'unfortunately', 'ultimately', 'undoubtedly', 'reportedly', 'according',
  'beyond', 'based', 'without', 'within', 'despite', 'during', 'under', 'over', 'between', 'against', 'about', 'into', 'through',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'easter', 'christmas', 'ramadan', 'eid', 'hanukkah', 'passover', 'diwali', 'thanksgiving', 'lent', 'advent',
  'christian', 'christians', 'muslim', 'muslims', 'jew', 'jews', 'jewish', 'islam', 'islamic', 'christianity', 'judaism', 'hindu',
  'hindus', 'buddhist', 'sunni', 'sunnis', 'shia', 'shiite', 'shiites', 'catholic', 'catholics', 'protestant', 'orthodox',
  'western', 'eastern', 'northern', 'southern', 'god', 'mr', 'mrs', 'ms', 'dr', 'prof', 'sir', 'image', 'photo', 'read', 'also',
  'click', 'share', 'tweet', 'advertisement', 'related', 'update', 'editor', 'note', 'ancient', 'yes', 'oh',
]);

/** Multi-word phrases that look like names but are holidays or periods. */
const NOT_NAME_PHRASES = /^(?:Good Friday|Holy Week|Palm Sunday|New Year(?:'s)?(?: Day| Eve)?|Black Friday|Cyber Monday|Boxing Day|Labou?r Day|Memorial Day|Independence Day|Mother's Day|Father's Day|Valentine's Day|Middle Ages|Stone Age|Iron Age|Bronze Age|Cold War|World War (?:I|II|One|Two))$/i;

/** Words before a name that say it is a person ("President Putin", "spokesman Dmitry Peskov"). */
const PERSON_TITLES = new Set([
  'president', 'prime', 'minister', 'chancellor', 'king', 'queen', 'prince', 'princess', 'sheikh', 'emir', 'pope', 'cardinal',
  'bishop', 'rabbi', 'imam', 'ayatollah', 'general', 'gen', 'colonel', 'col', 'major', 'captain', 'lieutenant', 'sergeant',
  'admiral', 'commander', 'senator', 'sen', 'representative', 'rep', 'congressman', 'congresswoman', 'governor', 'gov', 'mayor',
  'judge', 'justice', 'spokesman', 'spokeswoman', 'spokesperson', 'director', 'chairman', 'chairwoman', 'chair', 'secretary',
  'ambassador', 'envoy', 'leader', 'chief', 'ceo', 'founder', 'mr', 'mrs', 'ms', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord',
  'lady', 'saint', 'st', 'coach', 'manager', 'striker', 'midfielder', 'defender', 'goalkeeper', 'analyst', 'economist',
  'researcher', 'author', 'writer', 'journalist', 'correspondent', 'reporter', 'activist', 'deputy', 'vice', 'foreign', 'defence',
  'defense', 'interior', 'finance', 'health',
]);

const SUFFIX_TYPES: [RegExp, ActorType][] = [
  [/\b(?:Army|Armed Forces|Air Force|Aerospace Forces|Navy|Marines|Military|Defen[cs]e Forces|National Guard|Coast Guard|Special Forces|Revolutionary Guards?|Guard Corps)$/, 'military'],
  [/\b(?:Front|Brigades?|Battalion|Militia|Movement|Taliban|Mujahideen|Jihad|Liberation Army|Resistance|Hezbollah|Hamas)$/, 'armed-group'],
  [/\b(?:Ministry(?: of [A-Z][a-z]+)*|Government|Cabinet|Parliament|Senate|Congress|Assembly|Council|Duma|Knesset|Presidency|Kremlin|White House|Pentagon|Department(?: of [A-Z][a-z]+)*|Administration|Regime|Police|Court)$/, 'government'],
  [/\b(?:Times|Post|News|Journal|Herald|Guardian|Gazette|Tribune|Telegraph|Press|Radio|TV|Television|Broadcasting|Reuters|Agency|Magazine|Review|Chronicle|Observer|Daily|Channel)$/, 'media'],
  [/\b(?:Party|Organi[sz]ation|Union|Association|Observatory|Foundation|Institute|Institution|Bank|Fund|Corporation|Corp|Company|Co|Inc|Ltd|LLC|PLC|Group|Committee|Commission|University|College|School|Hospital|Center|Centre|Society|League|Federation|Club|Network|Alliance|Coalition|Watch|International|Trust|Authority|Board|Bureau|Office|Program|Programme|Mission|Initiative|Council)$/, 'organization'],
];

/** A token that can be part of a name: capitalised, or a particle joined to one ("al-Assad"). */
function nameLike(t: Token): boolean {
  return t.cap || /^(?:al|el|bin|ibn|de|van|von|ad|as|ar|an)-\p{Lu}/u.test(t.text);
}

function tokenize(text: string, sentences: readonly Sentence[], ignore: readonly Span[]): Token[] {
  const tokens: Token[] = [];
  const sentenceStarts = new Set(sentences.map((s) => s.start));
  let ig = 0;
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    while (ig < ignore.length && ignore[ig].end <= start) ig++;
    if (ig < ignore.length && ignore[ig].start < end && ignore[ig].end > start) continue;
    let coreEnd = end;
    const poss = /['’]s$/.exec(m[0]);
    if (poss) coreEnd = end - 2;
    else if (/s['’]$/.test(text.slice(start, end + 1)) && text[end] !== undefined && /['’]/.test(text[end])) coreEnd = end;
    // Sentence start: the first token of a sentence, or after an opening quote at its start.
    let sentenceStart = sentenceStarts.has(start);
    if (!sentenceStart && start > 0 && /["“‘(]/.test(text[start - 1]) && sentenceStarts.has(start - 1)) sentenceStart = true;
    tokens.push({ start, end, coreEnd, text: m[0], cap: /^\p{Lu}/u.test(m[0]), sentenceStart });
  }
  return tokens;
}

/** Only spaces (or a hyphen) between two tokens of one name. */
function joinable(text: string, a: Token, b: Token): boolean {
  if (a.coreEnd !== a.end) return false; // a possessive ends the name
  const gap = text.slice(a.end, b.start);
  return gap === ' ' || gap === '-' || gap === '\u00A0';
}

interface Found {
  start: number;
  end: number;
  key: string;
  name: string;
  type: ActorType;
  kbId: string | null;
}

function slug(s: string): string {
  return s.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
}

function typeFromCues(tokens: Token[], i: number, j: number, name: string): ActorType | null {
  for (const [re, type] of SUFFIX_TYPES) if (re.test(name)) return type;
  const prev = tokens[i - 1];
  if (prev && PERSON_TITLES.has(prev.text.toLowerCase().replace(/\.$/, ''))) return 'person';
  // Two or three capitalised words without an organisation cue read as a person's name.
  const words = j - i;
  if (words >= 2 && words <= 4 && tokens.slice(i, j).every((t) => t.cap || CONNECTORS.has(t.text.toLowerCase()) || /^(?:al|el|bin|ibn)-/i.test(t.text))) {
    return 'person';
  }
  return null;
}

export function findActors(input: ActorInput): Actor[] {
  const { text, sentences, ignore, kb } = input;
  const tokens = tokenize(text, sentences, ignore);
  const found: Found[] = [];
  const maxWords = Math.max(1, Math.min(kb.maxAliasWords, 8));

  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (!nameLike(t)) {
      i++;
      continue;
    }
    // 1. Knowledge base: the longest alias starting here.
    let matched = false;
    let j = i;
    const limit = Math.min(tokens.length, i + maxWords);
    let reach = i + 1;
    while (reach < limit && joinable(text, tokens[reach - 1], tokens[reach])) reach++;
    for (let n = reach - i; n >= 1; n--) {
      const last = tokens[i + n - 1];
      if (!nameLike(last) && n > 1 && !/^(?:army|forces|force|regime|government|military|navy)$/i.test(last.text)) continue;
      const surface = text.slice(t.start, last.coreEnd);
      if (n === 1 && NOT_NAMES.has(surface.toLowerCase())) break;
      const entity = kb.lookup(surface);
      if (entity) {
        found.push({ start: t.start, end: last.coreEnd, key: entity.id, name: entity.name, type: entity.type, kbId: entity.id });
        j = i + n;
        matched = true;
        break;
      }
    }
    if (matched) {
      i = j;
      continue;
    }
    // "The", "Reportedly", "Catholic": capitalised, but not the start of a name.
    if (NOT_NAMES.has(t.text.toLowerCase())) {
      i++;
      continue;
    }
    // 2. A capitalised sequence the knowledge base does not know.
    j = i + 1;
    while (j < tokens.length && joinable(text, tokens[j - 1], tokens[j])) {
      const u = tokens[j];
      // Stop before a name the knowledge base knows ("In Iraq ISIL" is two names, not one).
      if (kb.lookup(text.slice(u.start, u.coreEnd))) break;
      if (nameLike(u)) j++;
      else if (CONNECTORS.has(u.text) && u.text !== 'and' && j + 1 < tokens.length && tokens[j + 1].cap && joinable(text, u, tokens[j + 1])) j += 2;
      else break;
    }
    const last = tokens[j - 1];
    const name = text.slice(t.start, last.coreEnd);
    // A lone capitalised word at a sentence start is just a capitalised word.
    if (NOT_NAME_PHRASES.test(name) || (j - i === 1 && t.sentenceStart)) {
      i = j;
      continue;
    }
    const type = typeFromCues(tokens, i, j, name);
    if (type) found.push({ start: t.start, end: last.coreEnd, key: `new:${slug(name)}`, name, type, kbId: null });
    i = j;
  }

  // 3. Document-level consistency: the surname of a person, once found, is that person.
  const shortForms = new Map<string, Found>();
  for (const f of found) {
    if (f.type !== 'person') continue;
    const parts = f.name.split(/\s+/);
    if (parts.length < 2) continue;
    const surname = parts[parts.length - 1].replace(/^(?:al|el)-/i, '');
    const key = surname.toLowerCase();
    if (!shortForms.has(key)) shortForms.set(key, f);
  }
  if (shortForms.size > 0) {
    const taken = found.map((f) => [f.start, f.end] as const).sort((a, b) => a[0] - b[0]);
    const overlaps = (s: number, e: number) => taken.some(([a, b]) => a < e && b > s);
    for (const t of tokens) {
      if (!t.cap) continue;
      const surface = text.slice(t.start, t.coreEnd).replace(/^(?:al|el)-/i, '');
      const ref = shortForms.get(surface.toLowerCase());
      if (ref && !overlaps(t.start, t.coreEnd)) {
        found.push({ start: t.start, end: t.coreEnd, key: ref.key, name: ref.name, type: ref.type, kbId: ref.kbId });
      }
    }
  }

  // 4. One actor per referent, mentions in text order.
  found.sort((a, b) => a.start - b.start);
  const byKey = new Map<string, Actor>();
  for (const f of found) {
    let actor = byKey.get(f.key);
    if (!actor) {
      // Knowledge-base ids are final (`wd:Q…` or `kb:…`); names it does not know get `new:…`.
      actor = { id: f.key, name: f.name, type: f.type, mentions: [], background: f.kbId ? kb.background(f.kbId) : null };
      byKey.set(f.key, actor);
    }
    const mention: Mention = { start: f.start, end: f.end, text: text.slice(f.start, f.end) };
    actor.mentions.push(mention);
  }
  return [...byKey.values()].sort((a, b) => b.mentions.length - a.mentions.length || a.mentions[0].start - b.mentions[0].start);
}

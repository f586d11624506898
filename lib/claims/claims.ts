import type { Claim, ClaimKind, Span } from '../schema';
import { sentenceIndexAt, type Sentence } from '../text/sentences';

/**
 * Numeric claims: every quantity the text asserts, with what it counts, its hedge, the source it
 * is attributed to and the footnotes of its sentence. Dates, years, times, footnote markers and
 * list numbering are quantities of no claim and are left out.
 */

export interface FootnoteMarker extends Span {
  label: string;
}

export interface ClaimInput {
  text: string;
  sentences: readonly Sentence[];
  /** Footnote markers (not claims themselves; their labels back the claims of their sentence). */
  markers: readonly FootnoteMarker[];
}

const UNITS_WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = {
  hundred: 1e2, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, m: 1e6, mn: 1e6, bn: 1e9, b: 1e9, k: 1e3, tn: 1e12,
};
const FRACTIONS: Record<string, number> = { half: 50, third: 100 / 3, quarter: 25, fifth: 20, tenth: 10 };

const WORD_NUM = `(?:${Object.keys(UNITS_WORDS).join('|')})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?`;
const DIGITS = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const SCALE = String.raw`(?:\s?(?:hundred|thousand|million|billion|trillion)\b|(?:bn|mn|tn|m|k|b)\b)`;
const CURRENCY_BEFORE = String.raw`(?:US\$|A\$|C\$|HK\$|\$|€|£|¥|₹|₽)`;
const CURRENCY_AFTER = String.raw`(?:dollars?|euros?|pounds?(?: sterling)?|yen|yuan|rupees?|roubles?|rubles?|francs?|USD|EUR|GBP)`;

const HEDGES = [
  'at least', 'at most', 'around', 'about', 'nearly', 'almost', 'more than', 'over', 'up to', 'some', 'roughly',
  'approximately', 'an estimated', 'estimated', 'as many as', 'as much as', 'as few as', 'fewer than', 'less than',
  'under', 'close to', 'upwards of', 'in excess of', 'reportedly', 'just over', 'just under', 'well over', 'only',
];
const HEDGE_RE = new RegExp(`(?:^|\\W)(${HEDGES.map((h) => h.replace(/ /g, '\\s+')).join('|')})\\s+$`, 'i');

// One pattern for every quantity; groups tell which form matched.
const QUANTITY_RE = new RegExp(
  [
    // vague multiples: "hundreds of", "tens of thousands of", "dozens of"
    String.raw`(?<vague>(?:tens|hundreds|thousands|millions|billions|dozens)(?:\s+of\s+(?:thousands|millions|billions))?)(?=\s+of\b)`,
    // "one in five", "a fifth", "half"
    String.raw`(?<frac>(?:one|1)\s+in\s+(?<fracDen>\w+)|(?:a|one)\s+(?<fracWord>half|third|quarter|fifth|tenth))\b`,
    // "a dozen"
    String.raw`(?<dozen>a\s+dozen|a\s+hundred|a\s+thousand)\b`,
    // money before: $48.2 million
    String.raw`(?<cur>${CURRENCY_BEFORE})\s?(?<curNum>${DIGITS})(?<curScale>${SCALE})?`,
    // digits, optional range, optional scale, optional percent/currency
    String.raw`(?<num>${DIGITS})(?<numScale>${SCALE})?(?:\s?(?:-|–|to)\s?(?<upper>${DIGITS})(?<upperScale>${SCALE})?)?(?<pct>\s?(?:%|percent\b|per\s+cent\b))?(?:\s(?<curAfter>${CURRENCY_AFTER})\b)?`,
    // words: "forty", "twenty-five thousand"
    String.raw`\b(?<word>${WORD_NUM})(?<wordScale>\s(?:hundred|thousand|million|billion)(?:\s(?:thousand|million))?)?(?<wordPct>\s(?:percent|per\s+cent)\b)?`,
  ].join('|'),
  'giu',
);

const MONTHS = /(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$/i;

const PEOPLE = /^(?:people|persons?|civilians?|fighters?|soldiers?|troops|militants?|rebels?|insurgents?|children|women|men|residents?|refugees?|migrants?|protesters?|demonstrators?|police(?:men)?|officers?|workers?|staff|members?|patients?|victims?|hostages?|prisoners?|journalists?|jihadists?|combatants?|personnel|servicemen|recruits?|casualties|deaths?|bodies|dead|wounded|injured|lives|individuals?|students?|pilgrims?|worshippers?|villagers?|inhabitants?|gunmen|attackers?|bombers?)$/i;
const HARM = /\b(?:kill(?:ed|ing|s)?|dead|die[ds]?|dying|death(?:s)?|wound(?:ed|ing)?|injur(?:ed|ies|y|ing)|casualt(?:y|ies)|massacre[ds]?|slain|executed|lost their lives|shot dead|perished|fatalit(?:y|ies))\b/i;
const MEASURES = /^(?:km|kms|kilomet(?:er|re)s?|miles?|met(?:er|re)s?|m|cm|mm|feet|foot|ft|inch(?:es)?|yards?|acres?|hectares?|ha|sq(?:uare)?|tonnes?|tons?|kg|kilo(?:gram(?:me)?s?)?|grams?|g|lb|lbs|pounds|litres?|liters?|gallons?|barrels?|bpd|mw|gw|kw|kwh|mph|km\/h|degrees?|°c|°f|celsius|fahrenheit|mb|gb|tb)$/i;
const UNIT_SKIP = new Set(['of', 'the', 'their', 'its', 'his', 'her', 'our', 'your', 'them', 'these', 'those', 'new', 'more', 'other', 'additional', 'extra', 'further', 'such', 'a', 'an', 'per', 'each', 'in', 'all']);
const UNIT_STOP = new Set(['and', 'or', 'but', 'to', 'from', 'for', 'with', 'on', 'at', 'by', 'as', 'was', 'were', 'is', 'are', 'be', 'been', 'had', 'has', 'have', 'that', 'which', 'who', 'when', 'while', 'than', 'since', 'after', 'before', 'during', 'over', 'under', 'into', 'through', 'across', 'against', 'between', 'among', 'it', 'they', 'he', 'she', 'we', 'i', 'you', 'this', 'there', 'not', 'no', 'so']);

const SOURCE_PATTERNS: RegExp[] = [
  /\b[Aa]ccording to (?:the )?((?:[\p{Lu}][\p{L}'’.-]*(?:\s+(?:of|for|the|al|bin|de)\b)?\s*){1,8})/u,
  /\b(?:reported|stated|announced|estimated|claimed|said|told)\s+by\s+(?:the\s+)?((?:[\p{Lu}][\p{L}'’.-]*\s*){1,6})/u,
  /((?:[\p{Lu}][\p{L}'’.-]*\s*){1,6})\s+(?:said|says|told|reported|reports|stated|states|claimed|claims|estimated|estimates|announced|confirmed|added)\b/u,
  /\b(?:said|says|told reporters|reported|stated|claimed|added)\s+((?:[\p{Lu}][\p{L}'’.-]*\s*){1,6})/u,
];

function parseDigits(s: string): number {
  return Number(s.replace(/,/g, ''));
}

function scaleOf(s: string | undefined): number {
  if (!s) return 1;
  const words = s.trim().toLowerCase().split(/\s+/);
  return words.reduce((acc, w) => acc * (SCALES[w] ?? 1), 1);
}

function wordValue(s: string): number {
  const parts = s.toLowerCase().split(/[- ]/);
  return parts.reduce((acc, p) => acc + (UNITS_WORDS[p] ?? 0), 0);
}

const clean = (s: string) => s.replace(/\s+/g, ' ').trim().replace(/[,.;:]+$/, '');

function findSource(sentence: string): string | null {
  for (const re of SOURCE_PATTERNS) {
    const m = re.exec(sentence);
    if (m) {
      const who = clean(m[1]).replace(/^(?:The|A|An)\s+/, '');
      if (who && !/^(?:He|She|They|It|We|I|This|That|Officials?)$/.test(who)) return who;
    }
  }
  return null;
}

function isDateOrTime(text: string, start: number, end: number, raw: string): boolean {
  const before = text.slice(Math.max(0, start - 12), start);
  const after = text.slice(end, end + 12);
  if (/^\d{4}$/.test(raw)) {
    const n = Number(raw);
    if (n >= 1800 && n <= 2100) return true; // a year
  }
  if (/^\d{1,2}$/.test(raw) && (MONTHS.test(before.trim()) || /^\s*(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i.test(after))) return true;
  if (/^[:.]\d{2}\b/.test(after) && /^\d{1,2}$/.test(raw)) return true; // 10:30
  if (/^\s?(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|UTC|BST|EST|hrs\b)/i.test(after)) return true;
  if (/^(?:st|nd|rd|th)\b/i.test(after)) return true; // ordinals
  if (/[/-]$/.test(before) && /^\d/.test(before.slice(-2, -1))) return true; // 12/03
  if (/^[/]\d/.test(after)) return true;
  return false;
}

export function findClaims(input: ClaimInput): Claim[] {
  const { text, sentences, markers } = input;
  const claims: Claim[] = [];
  const inMarker = (s: number, e: number) => markers.some((m) => m.start < e && m.end > s);
  QUANTITY_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = QUANTITY_RE.exec(text)) !== null) {
    const g = m.groups ?? {};
    let start = m.index;
    let end = start + m[0].length;
    // Tighten to the match proper (the word alternative may begin at a boundary).
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (start === end || inMarker(start, end)) continue;
    const prevChar = text[start - 1] ?? ' ';
    const nextChar = text[end] ?? ' ';
    // Inside a word or identifier ("G20", "COVID-19", "F-16", "B52").
    if (/[\p{L}\d_]/u.test(prevChar) || (prevChar === '-' && /\p{L}/u.test(text[start - 2] ?? ''))) continue;
    if (/[\p{L}\d]/u.test(nextChar) && !g.numScale && !g.pct) continue;

    let value: number;
    let upper: number | undefined;
    let kind: ClaimKind | null = null;
    let hedge: string | null = null;
    if (g.vague) {
      const v = g.vague.toLowerCase();
      const base = v.startsWith('tens') ? 10 : v.startsWith('hundreds') ? 100 : v.startsWith('thousands') ? 1000 : v.startsWith('millions') ? 1e6 : v.startsWith('billions') ? 1e9 : 12;
      const of = /of\s+(thousands|millions|billions)/.exec(v);
      value = base * (of ? (of[1] === 'thousands' ? 1e3 : of[1] === 'millions' ? 1e6 : 1e9) : 1);
      hedge = /^(\w+)/.exec(v)![1].toLowerCase() + ' of';
    } else if (g.frac) {
      const den = g.fracDen ? (UNITS_WORDS[g.fracDen.toLowerCase()] ?? Number(g.fracDen)) : 0;
      value = g.fracWord ? FRACTIONS[g.fracWord.toLowerCase()] : den > 0 ? 100 / den : NaN;
      value = Math.round(value * 100) / 100;
      kind = 'percent';
    } else if (g.dozen) {
      value = /dozen/i.test(g.dozen) ? 12 : /hundred/i.test(g.dozen) ? 100 : 1000;
    } else if (g.cur) {
      value = parseDigits(g.curNum) * scaleOf(g.curScale);
      kind = 'money';
    } else if (g.num) {
      if (isDateOrTime(text, start, end, g.num)) continue;
      value = parseDigits(g.num) * scaleOf(g.numScale);
      if (g.upper) upper = parseDigits(g.upper) * scaleOf(g.upperScale ?? g.numScale);
      if (g.pct) kind = 'percent';
      else if (g.curAfter) kind = 'money';
    } else if (g.word) {
      value = wordValue(g.word) * scaleOf(g.wordScale);
      if (g.wordPct) kind = 'percent';
      // Small number words without a counted noun are rarely claims ("one of the", "two-thirds").
    } else continue;
    if (!Number.isFinite(value)) continue;

    // List numbering at the start of a paragraph ("1. ", "2) ").
    if (g.num && /^[.)]\s/.test(text.slice(end, end + 2)) && (start === 0 || text[start - 1] === '\n')) continue;
    // Section numbers ("Section 3", "Article 5", "No. 1") and years written "May of 2015".
    const before = text.slice(Math.max(0, start - 20), start);
    if (/\b(?:section|chapter|article|part|no\.|number|page|p\.|pp\.|vol\.|grade|level|phase|stage|round|resolution|version|room|flight|route|highway|road|year)\s*$/i.test(before)) continue;
    if (/\b(?:of|in|since|from|until|by)\s+$/i.test(before) && g.num && /^\d{4}$/.test(g.num)) continue;

    // Hedge immediately before.
    if (!hedge) {
      const windowStart = Math.max(0, start - 24);
      const h = HEDGE_RE.exec(text.slice(windowStart, start));
      if (h) {
        hedge = h[1].toLowerCase().replace(/\s+/g, ' ');
        // The match may begin with the one non-word character before the hedge.
        start = windowStart + h.index + (h[0].startsWith(h[1]) ? 0 : 1);
      }
    }

    // What is counted: the noun after the number ("400 of their fighters", "40 sorties").
    let unit: string | null = null;
    const rest = text.slice(end, end + 60);
    const words = /^(?:\s+[\p{L}'’-]+){1,5}/u.exec(rest)?.[0] ?? '';
    let offset = end;
    let consumed = end;
    for (const w of words.split(/(\s+)/)) {
      offset += w.length;
      const word = w.trim();
      if (!word) continue;
      const lw = word.toLowerCase();
      if (UNIT_STOP.has(lw)) break;
      if (UNIT_SKIP.has(lw) || /^\p{Lu}/u.test(word)) continue;
      unit = lw.replace(/['’]s$/, '');
      consumed = offset;
      break;
    }
    if (kind === 'percent' && unit === null) {
      const of = /^\s+of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?([\p{L}-]+)/u.exec(rest);
      if (of) {
        unit = of[1].toLowerCase();
        consumed = end + of[0].length;
      }
    }
    if (kind === 'money' && unit && /^(?:dollars?|euros?|pounds?|yen|yuan)$/.test(unit)) unit = null;
    if (unit && MEASURES.test(unit)) kind ??= 'measure';
    if (unit) end = consumed;
    // Bare small number words without a counted noun are not claims ("one of the few").
    if (g.word && !unit && !g.wordScale && !g.wordPct) continue;

    const si = sentenceIndexAt(sentences, start);
    const sentence = si >= 0 ? sentences[si] : { start, end, text: text.slice(start, end) };
    if (!kind) {
      if (unit && PEOPLE.test(unit) && HARM.test(sentence.text)) kind = 'casualties';
      else if (unit) kind = 'count';
      else kind = 'other';
    }
    const footnotes = markers.filter((mk) => mk.start >= sentence.start && mk.end <= sentence.end + 8 && (si < 0 || mk.start < (sentences[si + 1]?.start ?? Infinity))).map((mk) => mk.label);
    const claim: Claim = {
      start,
      end,
      text: text.slice(start, end),
      sentence: sentence.text,
      value,
      unit,
      kind,
      hedge,
      source: findSource(sentence.text),
      footnotes: [...new Set(footnotes)],
    };
    if (upper !== undefined) claim.upper = upper;
    claims.push(claim);
  }
  return claims;
}

import type { Claim, ClaimKind, Span } from '../schema';
import { drain, type Steps } from '../steps';
import { sentenceIndexAt, type Sentence } from '../text/sentences';
import { recognizeQuantitiesSteps, type Quantity } from './numbers';
import { attributionFor, attributionsOf, type Attribution } from './sources';
import { expandWordPattern, isAscii } from '../text/word-patterns';
import { bmp } from '../text/bmp-classes';

/**
 * Numeric claims: every quantity the text asserts, with what it counts, its hedge, the source it
 * is attributed to and the footnotes of its sentence. The number recogniser (numbers.ts) finds
 * every number expression; this stage keeps the ones that are claims. Dates, years, times,
 * durations, ages, game scores, footnote markers, section and list numbers, phone numbers and
 * identifiers ("F-16", "COVID-19", "G20", "S&P 500") are numbers of no claim and are left out.
 * The rules are written down, with the reasons, in lib/claims/README.md.
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

// ---------------------------------------------------------------------------------------------
// Vocabulary

const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
const MONTH_BEFORE = new RegExp(String.raw`\b${MONTH}\.?,?\s*(?:\d{1,2}(?:st|nd|rd|th)?,?\s*)?$`, 'i');
const MONTH_AFTER = new RegExp(String.raw`^(?:st|nd|rd|th)?\s*(?:of\s+)?${MONTH}\b`, 'i');
const TIME_AFTER = /^(?:[:.]\d{2}\b|\s?(?:a\.m\.|p\.m\.|am\b|pm\b|GMT\b|UTC\b|BST\b|CET\b|EST\b|EDT\b|ET\b|PT\b|hrs\b|o'clock\b|local time\b))/i;
/** Time units: a number of them is a duration or an age, not a claim. */
const TIME_UNIT = /^(?:seconds?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|weekends?|months?|years?|yrs?|decades?|centur(?:y|ies)|millenni(?:um|a)|semesters?|terms?|quarters?)$/i;
/** Words after which a number is a label: "Section 3", "No. 5", "game 7", "the number eight". */
const LABEL_BEFORE =
  /\b(?:section|sections|chapter|article|articles|part|no\.?|nos\.?|number|page|pages|p\.|pp\.|vol\.?|volume|grade|level|phase|stage|version|room|flight|route|highway|interstate|platform|gate|terminal|item|step|rule|paragraph|clause|area|zone|district|ward|unit|lot|block|row|seat|lane|exit|channel|resolution|amendment|precinct|bus|line|ticket|code|model|series|episode|week|game|games|round|match|class|division|tier|pick|jersey|ranked|rank|fig\.?|figure|table|appendix|box|hole|lap|stage|category|size|type|mark|apollo|covid|windows|iphone|ios|android|version|v\.|ward|gen\.|generation|phone|tel\.?|fax|call|dial|ext\.?|pin|id|isbn|issn|doi|ref\.?)[\s:]*#?$/i;
const AGE_BEFORE = /\b(?:aged|age|ages|aged between|ages of|age of|aged from)\s*$/i;

/** Hedges written before the number (longest first within each alternative). */
export const HEDGES_BEFORE = [
  'an estimated', 'estimated at', 'estimated', 'an approximate', 'at least', 'at most', 'no more than', 'no fewer than', 'no less than',
  'not more than', 'more than', 'less than', 'fewer than', 'greater than', 'higher than', 'lower than', 'upwards of', 'in excess of',
  'as many as', 'as much as', 'as high as', 'as few as', 'as little as', 'as low as', 'close to', 'nearly', 'almost', 'around',
  'about', 'approximately', 'approx.', 'roughly', 'some', 'just over', 'just under', 'well over', 'well under', 'well above',
  'just above', 'just below', 'over', 'under', 'above', 'below', 'up to', 'circa', 'c.', 'an average of', 'on average', 'averaging',
  'perhaps', 'possibly', 'maybe', 'potentially', 'reportedly', 'allegedly', 'a reported', 'a maximum of', 'a minimum of', 'a further',
];
const HEDGE_MEANINGLESS = new Set(['a further']);
/**
 * A hedge and what may follow it, up to the end of the text, tried at one position (sticky). The
 * left boundary — the start, or a character that is no letter — is checked by `hedgeBefore`:
 * written into the expression as `(?:^|[^\p{L}])`, it made its first use cost ~12 ms of
 * compilation (a case-insensitive Unicode class). Its words are ASCII, so it needs no `u` either:
 * case-insensitive matching with `u` compiles Unicode case folding into every letter.
 */
const HEDGE_TAIL_RE = new RegExp(
  String.raw`(${HEDGES_BEFORE.map((h) => h.replace(/\./g, '\\.').replace(/ /g, String.raw`\s+`)).join('|')})\s+(?:(?:an\s+additional|a\s+further|another|a\s+total\s+of|a\s+record|a\s+mere|just|only|a)\s+)?$`,
  'iy',
);
const LETTER = bmp(/\p{L}/u);
const isHighSurrogate = (x: number) => x >= 0xd800 && x <= 0xdbff;
const isLowSurrogate = (x: number) => x >= 0xdc00 && x <= 0xdfff;

/**
 * The hedge that ends `s` ("… at least ", "… an estimated "), and where it starts: the first
 * position, from the left, that starts `s` or follows a character that is no letter (a whole code
 * point; U+0345, which case-folds to a letter, counts as one), where a hedge and only what may
 * follow it run to the end.
 */
export function hedgeBefore(s: string): { hedge: string; at: number } | null {
  for (let p = 0; p < s.length; p++) {
    if (p > 0) {
      const c = s.charCodeAt(p - 1);
      // Never inside a surrogate pair.
      if (isHighSurrogate(c) && isLowSurrogate(s.charCodeAt(p))) continue;
      const before = isLowSurrogate(c) && p >= 2 && isHighSurrogate(s.charCodeAt(p - 2)) ? s.slice(p - 2, p) : s[p - 1];
      if (before === '\u0345' || LETTER.test(before)) continue;
    }
    HEDGE_TAIL_RE.lastIndex = p;
    const m = HEDGE_TAIL_RE.exec(s);
    if (m) return { hedge: m[1], at: p };
  }
  return null;
}
const HEDGE_POST_RE = /^(?:\s+or\s+(?:so|more|fewer|less|thereabouts)\b|-odd\b|-plus\b|\+|\s+plus\b(?!\s+\d))/i;
/** Hedges anywhere earlier in the clause ("Both sides have reportedly agreed to let 200 …"). */
const CLAUSE_HEDGE_RE = /\b(reportedly|allegedly|purportedly|supposedly)\b/i;

/**
 * People: the nouns of casualty counts. Whole words, any case (ASCII): a set of the words these
 * patterns stand for, not a case-insensitive expression of 150 alternatives (compiled on first use).
 */
const PEOPLE_WORDS = new Set(
  [
    'people', 'persons?', 'civilians?', 'fighters?', 'soldiers?', 'troops?', 'militants?', 'rebels?', 'insurgents?',
    'children', 'kids', 'babies', 'infants', 'women', 'men', 'boys', 'girls', 'residents?', 'refugees?', 'migrants?',
    'protesters?', 'protestors?', 'demonstrators?', 'police(?:men|women)?', 'officers?', 'policemen', 'workers?', 'staff',
    'members?', 'patients?', 'victims?', 'hostages?', 'prisoners?', 'detainees?', 'journalists?', 'reporters?', 'jihadists?',
    'combatants?', 'personnel', 'servicemen', 'servicewomen', 'recruits?', 'individuals?', 'students?', 'pupils?',
    'pilgrims?', 'worshippers?', 'villagers?', 'inhabitants?', 'gunmen', 'attackers?', 'bombers?', 'passengers?', 'crew',
    'tourists?', 'visitors?', 'foreigners?', 'nationals?', 'citizens?', 'others', 'them', 'adults?', 'teenagers?', 'elderly',
    'pedestrians?', 'drivers?', 'miners?', 'farmers?', 'fishermen', 'sailors?', 'guards?', 'gunmen', 'commanders?',
    'leaders?', 'officials?', 'politicians?', 'doctors?', 'nurses?', 'medics?', 'volunteers?', 'aid workers?', 'contractors?',
    'employees?', 'family', 'families', 'relatives', 'spectators?', 'fans?', 'players?', 'climbers?', 'hikers?', 'americans',
    'marines', 'airmen', 'paratroopers', 'cadets', 'settlers', 'monks', 'priests', 'christians', 'muslims', 'jews', 'copts',
    'shia', 'sunnis', 'kurds', 'yazidis', 'palestinians', 'israelis', 'syrians', 'iraqis', 'afghans', 'ukrainians',
    'russians',
  ].flatMap(expandWordPattern),
);
/** Is the word one of the people nouns (as `/^(?:people|persons?|…)$/i` would say)? */
export function isPeopleWord(w: string): boolean {
  // A case-insensitive expression of ASCII words matches nothing that is not ASCII.
  return isAscii(w) && PEOPLE_WORDS.has(w.toLowerCase());
}

const DEATH_NOUN = /^(?:deaths?|fatalit(?:y|ies)|casualt(?:y|ies)|bodies|corpses|dead|killed|lives|toll)$/i;
const HARM =
  /\b(?:kill(?:ed|ing|s)?|dead|die[ds]?|dying|deaths?|wound(?:ed|ing|s)?|injur(?:ed|ies|y|ing)|hurt|casualt(?:y|ies)|massacre[ds]?|slain|slaughter(?:ed)?|executed|execution|beheaded|murder(?:ed|s)?|lost their lives|perished|fatalit(?:y|ies)|buried|bodies|toll|shot|gunned down|lynched|drowned|martyred)\b/i;

/** Measure units written after the number (as words or glued to it). Value: how the unit is named. */
const MEASURE_UNITS: Record<string, string> = {
  km: 'km', kms: 'km', kilometre: 'km', kilometres: 'km', kilometer: 'km', kilometers: 'km', 'sq km': 'km²', km2: 'km²',
  m: 'm', metre: 'm', metres: 'm', meter: 'm', meters: 'm', cm: 'cm', mm: 'mm', centimetres: 'cm', centimeters: 'cm', millimetres: 'mm', millimeters: 'mm',
  mile: 'miles', miles: 'miles', mi: 'miles', ft: 'feet', feet: 'feet', foot: 'feet', inch: 'inches', inches: 'inches', yard: 'yards', yards: 'yards', yd: 'yards', yds: 'yards',
  acre: 'acres', acres: 'acres', hectare: 'hectares', hectares: 'hectares', ha: 'hectares', sqft: 'sq ft',
  tonne: 'tonnes', tonnes: 'tonnes', ton: 'tons', tons: 'tons', t: 'tonnes', kg: 'kg', kilo: 'kg', kilos: 'kg', kilogram: 'kg', kilograms: 'kg', kilogrammes: 'kg',
  g: 'g', gram: 'g', grams: 'g', mg: 'mg', lb: 'lb', lbs: 'lb', pounds: 'lb', ounce: 'oz', ounces: 'oz', oz: 'oz',
  litre: 'litres', litres: 'litres', liter: 'litres', liters: 'litres', l: 'litres', ml: 'ml', gallon: 'gallons', gallons: 'gallons', barrel: 'barrels', barrels: 'barrels', bpd: 'barrels per day',
  mph: 'mph', kph: 'km/h', 'km/h': 'km/h', knots: 'knots', mw: 'MW', gw: 'GW', kw: 'kW', kwh: 'kWh', mwh: 'MWh', gwh: 'GWh', twh: 'TWh', megawatts: 'MW', gigawatts: 'GW', kilowatts: 'kW',
  degrees: 'degrees', degree: 'degrees', c: '°C', f: '°F', celsius: '°C', fahrenheit: '°F', '°c': '°C', '°f': '°F',
  gb: 'GB', mb: 'MB', tb: 'TB', kb: 'KB', ghz: 'GHz', mhz: 'MHz', fps: 'fps', mp: 'megapixels', megapixels: 'megapixels', mah: 'mAh', hz: 'Hz', v: 'V', w: 'W',
  hp: 'hp', horsepower: 'hp', bhp: 'hp', 'lb-ft': 'lb-ft', nm: 'Nm', 'cu.ft': 'cu ft', 'cu': 'cu ft', micron: 'microns', microns: 'microns', nanometres: 'nm', ppm: 'ppm', calories: 'calories', kcal: 'kcal', decibels: 'dB', db: 'dB', storeys: 'storeys', stories: 'storeys', floors: 'floors',
};
/** Letters glued to digits that make a measure ("85km", "43.5C", "60fps"); other glued letters make an identifier ("5G"). */
const GLUED_MEASURE = /^(?:km|kms|km2|m|cm|mm|mi|ft|in|yd|kg|g|mg|lb|lbs|oz|t|l|ml|mph|kph|mw|gw|kw|kwh|mwh|gwh|twh|c|f|gb|mb|tb|kb|ghz|mhz|fps|mp|mah|hz|v|w|ppm|kcal|db|ha|p)$/i;

/** Words that end a noun phrase after a number ("40 sorties against …"). */
const NP_STOP = new Set(
  (
    'to in on at for from by with into onto over under after before during since against between among across through per about around than like as near off out up down via within without upon toward towards beyond behind ' +
    'and or but nor so yet while when where whereas because if though although that which who whom whose what ' +
    'a an the is are was were be been being am has have had do does did will would shall should can could may might must ' +
    "it they he she we i you this these those there here their his her its our your my them him us me " +
    'not also already still only just even more less most least ago later earlier each apiece respectively overall annually too very ' +
    'said says say told according reported estimated added including include includes included such than then now ' +
    'higher lower larger bigger greater smaller faster slower longer shorter older younger worse better cheaper stronger weaker'
  ).split(' '),
);
/** After "one" these make an idiom or a pronoun, never a count ("one day", "one another"). */
const ONE_IDIOM = new Set(['estimate', 'count', 'account', 'measure', 'day', 'time', 'times', 'thing', 'things', 'way', 'point', 'side', 'hand', 'another', 'other', 'another', 'moment', 'night', 'morning', 'evening', 'afternoon', 'year', 'week', 'month', 'hour', 'minute', 'second', 'step', 'piece', 'part', 'more', 'last', 'such', 'kind', 'sort', 'reason', 'problem', 'issue', 'question', 'word', 'chance', 'example', 'instance']);
/** Demonstratives and others before a number that refer back rather than assert ("these two"). */
const ANAPHORA_BEFORE = /\b(?:these|those|both|either|neither|every|each)\s+$/i;
const DETERMINERS = new Set(['the', 'their', 'its', 'his', 'her', 'our', 'your', 'my', 'them', 'these', 'those', 'all', 'whom', 'which', 'us', 'you']);
const SPORT = /\b(?:won|win|wins|winning|beat|beats|beaten|defeat(?:ed|s)?|lost|lose|loses|losing|drew|draw|draws|tied|ties|tie|lead|leads|led|leading|score[sd]?|scoring|victory|victories|record|halftime|half-time|innings|rout(?:ed)?|bulge|edged|overtime|playoffs?|nil|shootout|aggregate|series|set|sets|game|games|match|matches|season|quarter|inning|points?|goals?|runs?|wickets?)\b/i;
const MONEY_CUE = /(?:[$€£¥]|\b(?:cost|costs|costing|spend|spent|spending|pay|paid|paying|budget|revenue|debt|dollars?|euros?|pounds|market|funds?|funding|worth|price|prices|borrow(?:ed|ing)?|loans?|invest(?:ed|ment|ments)?|tax(?:es)?|deficit|profit|profits|sales|earnings|bonds?|capital)\b)/i;
const COMPARATIVE_AFTER = /^\s+(?:as|higher|lower|more|less|larger|smaller|bigger|greater|faster|slower|the|its|their|his|her|our|over|that|than)\b/i;
const MARKET_VERB = /\b(?:fell|fall|falls|rose|rise|rises|lost|loses|gained|gains|added|adds|dropped|drops|slid|slipped|climbed|jumped|tumbled|shed|sheds|advanced|declined|down|up)\s+$/i;

/** A change, not a range, when "X to Y" follows these ("rose 3% to $55", "fell 102 points to 27,934"). */
/** Tested on lower-cased text: `i` with `u` would compile Unicode case folding into the letter class. */
const CHANGE_BEFORE = bmp(/\b(?:rose|rise|rises|rising|fell|fall|falls|falling|climbed|climbs|increased|increases|decreased|decreases|jumped|jumps|dropped|drops|slid|slides|slipped|grew|grows|declined|declines|lost|loses|gained|gains|added|adds|up|down|by|cut|cuts|raised|lowered|shed|sheds|soared|plunged|plummeted|surged|tumbled|eased|edged|advanced|retreated|strengthened|weakened)\s+(?:[\p{L}]+\s+){0,2}$/u);

/** Frequent verbs that follow a counted noun ("2 percent of corporate profits go to …"). */
const COMMON_VERB = new Set(
  'go goes went come comes came get gets got make makes made take takes took remain remains live lives work works need needs face faces use uses die dies fled flee fear fears want wants hold holds held lost lose own owns cost costs account accounts rose fell rise fall grew grow stood stand stands sat sit sits left leave leaves joined join joins voted vote votes signed sign signs showed show shows received receive receives returned return returns arrived arrive arrives attended attend attends spent spend spends paid pay pays earn earns earned'.split(' '),
);
/** Words of a run after an ordinal ("fifth consecutive failed season"): modifiers, never what is counted. */
const RUN_WORD = new Set(['consecutive', 'straight', 'successive', 'running', 'further', 'additional', 'extra', 'more', 'other', 'different', 'separate']);
const WHEN_WORD = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tomorrow|tonight|january|february|march|april|june|july|august|september|october|november|december|last|next|this|earlier|later|ago)$/;
/** A demonym or a people's name in Title case ("Syrian", "Afghan", "Copts", "Tunisians"). */
const DEMONYM = bmp(/^\p{Lu}\p{Ll}+(?:an|ans|ian|ians|ese|i|is|ish|ch|ic|s)$/u);

const WORD_RE = bmp(/[\p{L}\p{N}][\p{L}\p{N}'’.&-]*/gu);

// ---------------------------------------------------------------------------------------------


/** Phone numbers: "+1 555 0134", "0800 123 456", "(202) 555-0134". */
const PHONE_RE = /(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)\s?)?\d{2,4}(?:[\s.-]\d{2,4}){1,4}\b/g;

function phoneSpans(text: string): Span[] {
  const out: Span[] = [];
  PHONE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PHONE_RE.exec(text)) !== null) {
    const s = m[0];
    const digits = s.replace(/\D/g, '');
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    // A phone number: a leading + or 0, a telephone word before, or hyphenated groups that are no thousands.
    const phoneish = s.startsWith('+') || /^0\d/.test(s) || /\b(?:tel|phone|call|fax|mobile|whatsapp|hotline)\.?:?\s*$/i.test(before) || /\d-\d{4}\b/.test(s);
    if (digits.length >= 7 && phoneish && !/^\d{1,3}(?: \d{3})+$/.test(s)) out.push({ start: m.index, end: m.index + s.length });
  }
  return out;
}

function wordAfter(text: string, pos: number): { word: string; start: number; end: number } | null {
  const m = bmp(/^[\s\u00A0]*([\p{L}][\p{L}'’-]*)/u).exec(text.slice(pos, pos + 40));
  if (!m) return null;
  const start = pos + m[0].length - m[1].length;
  return { word: m[1], start, end: pos + m[0].length };
}

const WORD_CHAR = bmp(/[\p{L}.&'’-]/u);
function wordBefore(text: string, pos: number): string {
  let e = pos;
  while (e > 0 && (text[e - 1] === ' ' || text[e - 1] === '\u00A0')) e--;
  let b = e;
  while (b > 0 && e - b < 40 && WORD_CHAR.test(text[b - 1])) b--;
  while (b < e && !LETTER.test(text[b])) b++;
  return text.slice(b, e);
}

/** Is the number a date, a time, a year, a duration, an age, a label or an identifier? */
function notAClaim(text: string, q: Quantity, sentenceStart: number): boolean {
  const before = text.slice(Math.max(0, q.start - 40), q.start);
  const after = text.slice(q.end, q.end + 40);
  const prev = text[q.start - 1] ?? ' ';
  if (q.dotted) return true;
  // "[1]", "(3)": a reference or a list label, whether or not the footnote stage took it.
  if (/[[(]$/.test(before) && /^[\])]/.test(after) && !q.words && q.plainInteger) return true;
  // Identifiers: letters or digits glued before ("G20", "CLc1"), or a letter and a hyphen ("F-16", "COVID-19", "M-2").
  if (bmp(/[\p{L}\p{N}_#@/]/u).test(prev) && !(prev === '$' || /[$€£¥₹]/.test(prev))) return true;
  if ((prev === '-' || prev === '‐') && bmp(/[\p{L}\p{N}]/u).test(text[q.start - 2] ?? '')) return true;
  if (bmp(/^[-‐]\p{L}+\d/u).test(after)) return true;
  // Glued letters that are not a unit: "5G", "3D", "4x4".
  if (q.glued && !GLUED_MEASURE.test(q.glued) && !/^s$/.test(q.glued)) return true;
  if (q.glued === 's') return true; // "1990s", "the 20s"
  if (bmp(/^[\p{L}]/u).test(after) && !q.glued && q.type !== 'money' && !q.words && !/^(?:st|nd|rd|th)\b/.test(after)) return true;
  // Dates and times.
  const plainSmall = !q.words && q.plainInteger && q.value >= 1 && q.value <= 31;
  if (plainSmall && MONTH_BEFORE.test(before)) return true;
  if (plainSmall && MONTH_AFTER.test(after)) return true;
  if (!q.words && q.plainInteger && q.value >= 1000 && q.value <= 2100 && /^\d{4}$/.test(text.slice(q.numStart, q.numEnd))) {
    if (MONTH_BEFORE.test(before)) return true;
    // A year, unless it counts something ("1500 prisoners": a plural noun right after, and no preposition before).
    const w = wordAfter(text, q.end);
    const countsSomething = w && /s$/i.test(w.word) && /^[a-z]/.test(w.word) && !TIME_UNIT.test(w.word) && !/\b(?:in|of|since|from|until|by|to|before|after|during|the|year|fiscal|season|class)\s*$/i.test(before);
    if (!countsSomething) return true;
  }
  if (TIME_AFTER.test(after) && !q.words) return true;
  if (/\d[:.]$/.test(before.slice(-2)) && /\d:$/.test(before.slice(-2))) return true;
  // Durations and ages: "three years", "72 hours", "18-year insurgency", "56-year-old", "five-and-a-half years".
  // The units are ASCII words: the word is read as ASCII letters that no other letter follows (a
  // letter class of the whole plane here cost 3–4 ms of compilation on the first page).
  const unitWord = /^(?:[-‐]|\s+)(?:and[- ]a[- ]half[- ]|and\s+a\s+half\s+|(?:more|full|long|straight|consecutive|successive|whole|additional|further|extra|previous|past|last|next|first|years?-)\s+)?([A-Za-z]+)/.exec(after);
  if (unitWord && TIME_UNIT.test(unitWord[1]) && !LETTER.test(after.charAt(unitWord[0].length)) && q.type !== 'money' && q.type !== 'percent') return true;
  if (/^[-‐\s]*years?[-‐\s]old\b/i.test(after)) return true;
  if (AGE_BEFORE.test(before) && q.type !== 'money' && q.type !== 'percent') return true;
  if (/\bages?\s+(?:between\s+)?\d+\s*(?:to|-|–|and)\s*$/i.test(before)) return true;
  // "the first half", "second-half goals"
  if (q.type === 'share' && /\b(?:first|second|third|fourth|opening|final|latter|former|other|each|either)[\s\u00A0-]+$/i.test(before)) return true;
  if (q.type === 'share' && bmp(/^[-‐]\p{L}/u).test(after)) return true;
  // Models and names: a plain number of three or four digits before a Title-case word ("737 Max", "787 Dreamliner").
  if (!q.words && q.plainInteger && q.value >= 100 && bmp(/^[\s\u00A0]+\p{Lu}\p{Ll}/u).test(after)) {
    const w = wordAfter(text, q.end);
    if (w && !DEMONYM.test(w.word) && !bmp(/^\s+[\p{L}-]+\s+\p{Ll}+s\b/u).test(text.slice(w.start - 1, w.start + 40))) return true;
  }
  // "half an hour", "a quarter of a century"
  if ((q.type === 'share' || q.words) && /^\s+(?:an?\s+|of\s+an?\s+)?(?:hour|day|week|month|year|decade|century|minute|second|season|mile|time)\b/i.test(after)) return true;
  // Labels and names: "Section 3", "number eight", "S&P 500", "Big Ten".
  if (LABEL_BEFORE.test(before)) return true;
  const wb = wordBefore(text, q.start);
  const atSentenceStart = text.slice(sentenceStart, q.start).trim() === '' || /^["“‘'([]*$/.test(text.slice(sentenceStart, q.start).trim());
  const gapBefore = /[\s\u00A0]$/.test(before) && !/[,;:.!?)\]”"’'—–-]\s*$/.test(before);
  if (wb && bmp(/^\p{Lu}/u).test(wb) && gapBefore && !MONTH_BEFORE.test(wb) && !/^(?:US|U\.S\.|UK|EU|UN)$/.test(wb)) {
    const firstWord = text.slice(sentenceStart, q.start).trim() === wb;
    if (!firstWord && !HEDGE_WORD_CAP.test(wb)) return true;
  }
  if (q.words && bmp(/^\p{Lu}/u).test(text.slice(q.numStart, q.numEnd)) && !atSentenceStart && hedgeBefore(text.slice(sentenceStart, q.start)) === null) {
    // A capitalised number word inside a sentence is a name ("Big Ten", "One Home Depot", "Formula One").
    return true;
  }
  // Ages after a name: "Singh Jabarjung, 24, from Punjab", "Jane Doe, 34, said".
  if (!q.words && q.plainInteger && q.value > 0 && q.value < 120 && bmp(/\p{Lu}[\p{L}'’.-]*,[\s\u00A0]*$/u).test(before) && after.startsWith(',')) return true;
  // List numbering: "1. " or "2) " at the start of a paragraph.
  if (!q.words && /^[.)]\s/.test(after) && (q.start === 0 || /\n\s*$/.test(before) || q.start === sentenceStart)) return true;
  // Idioms with word numbers: "one-two punch", "one or two", "a thousand times".
  if (q.words && /^[-‐](?:one|two|three|four|five|six|seven|eight|nine|ten)\b/i.test(after)) return true;
  if (q.words && /(?:one|two|three|four|five|six|seven|eight|nine|ten)[-‐]$/i.test(before)) return true;
  return false;
}

/** Capitalised words that may stand right before a number at a sentence's start or after a quote. */
const HEDGE_WORD_CAP = /^(?:About|Around|Nearly|Almost|Some|Roughly|Approximately|More|Over|Under|Up|At|Only|Just|Another|Fewer|Less|An|A|The|All|By|In|Of|To|And|But|Or|With|From|For|On|Between|Than|Estimated|Another|Of|Further|Additional|Exactly|Precisely|Totalling|Total|Had|Has|Was|Were|Is|Are|Be|Been|Reportedly|Allegedly|Perhaps|Possibly|Maybe|Almost|Well|Upwards|Close|No|Not|I|We|They|He|She|It|You)$/;

interface NounPhrase {
  end: number;
  head: string | null;
  /** Quantities inside the phrase ("three of the region's seven stations"): not claims of their own. */
  swallowed: number[];
}

/** The words a number counts: "400 [of their fighters]", "13,000 [US troops]", "40 [sorties]". */
function nounPhraseAfter(text: string, from: number, quantities: readonly Quantity[], qi: number, limit: number): NounPhrase {
  const none: NounPhrase = { end: from, head: null, swallowed: [] };
  const seg = text.slice(from, Math.min(limit, from + 90));
  // A compound: "55-kilometer", "11-game", "12-cent"
  const compound = bmp(/^[-‐]([\p{L}]+)(?=[\s\u00A0,.;:!?)”"]|$)/u).exec(seg);
  if (compound) {
    let end = from + compound[0].length;
    // "11-game losing streak": the phrase goes on to its noun. A second word only after a
    // participle ("losing streak"): after a noun it is the verb ("a ten-part series aired").
    const rest = bmp(/^(?:[\s\u00A0]+[a-z][\p{L}'’-]*){0,2}/u).exec(text.slice(end, limit))?.[0] ?? '';
    let extra = 0;
    let acc = 0;
    let first: string | null = null;
    for (const w of rest.split(/(?=[\s\u00A0]+)/u)) {
      acc += w.length;
      const lw = w.trim().toLowerCase();
      if (!lw || NP_STOP.has(lw) || lw === 'of' || /(?:ly)$/.test(lw)) break;
      if (first !== null && !/(?:ing|ed)$/.test(first)) break;
      extra = acc;
      first ??= lw;
    }
    end += extra;
    return { end, head: compound[1].toLowerCase(), swallowed: [] };
  }
  const swallowed: number[] = [];
  let pos = from;
  let head: string | null = null;
  let headEnd = from;
  let words = 0;
  let afterOf = false;
  WORD_RE.lastIndex = 0;
  const re = bmp(/^[\s\u00A0]+(?:([\p{L}][\p{L}'’-]*(?:\.(?=[\p{L}]))?[\p{L}'’-]*)|([$€£¥]?\d[\d,.]*))/u);
  let k = qi + 1;
  for (let steps = 0; steps < 8; steps++) {
    const m = re.exec(text.slice(pos, limit));
    if (!m) break;
    const wStart = pos + m[0].length - (m[1] ?? m[2]).length;
    const wEnd = pos + m[0].length;
    if (m[2] !== undefined || (m[1] && /^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|dozen)$/i.test(m[1]) && afterOf)) {
      // A number inside the phrase: only after "of" ("three of the region's seven stations", "five of their last six games").
      if (!afterOf) break;
      while (k < quantities.length && quantities[k].end <= wStart) k++;
      if (k < quantities.length && quantities[k].start <= wStart && quantities[k].type === 'number') {
        swallowed.push(k);
        pos = quantities[k].end;
        k++;
        continue;
      }
      break;
    }
    const w = m[1];
    const lw = w.toLowerCase().replace(/[’']s$/, '');
    if (words === 0 && !afterOf && lw === 'of') {
      // "400 of their fighters", "20 of them", "three of its commanders"
      afterOf = true;
      pos = wEnd;
      continue;
    }
    if (afterOf && words === 0 && DETERMINERS.has(lw)) {
      if (lw === 'them' || lw === 'us' || lw === 'you') {
        head = lw;
        headEnd = wEnd;
        break;
      }
      pos = wEnd;
      continue;
    }
    if (afterOf && words === 0 && /[’']s$/.test(w) && bmp(/^\p{Ll}/u).test(w)) {
      // "the region's seven pumping stations"
      pos = wEnd;
      continue;
    }
    if ((NP_STOP.has(lw) || lw === 'of' || WHEN_WORD.test(lw)) && !(lw === 'us' && /^US$/.test(w))) break;
    if (/n[’']t$/.test(lw)) break;
    // A lower-case word after a capitalised one inside the phrase is fine ("US troops"); a capital after a
    // lower-case word starts something else ("14 carries for Eastern Michigan" stops at "for" anyway).
    words++;
    pos = wEnd;
    if (RUN_WORD.has(lw) && head === null) {
      if (!/^[\s\u00A0]/.test(text.slice(pos, pos + 1))) break;
      continue;
    }
    const maybeHead = !/(?:ly)$/.test(lw) || isPeopleWord(lw) || lw === 'family' || lw === 'supply' || lw === 'ally';
    const verbish = /(?:ed|ing)$/.test(lw) && !isPeopleWord(lw) && !/^(?:building|buildings|wedding|meeting|killing|killings|bombing|bombings|shooting|shootings|housing|ceiling|funding|ed)$/.test(lw);
    // A unit of measure is the head: "16 feet long", "150 kW DC fast charging".
    if (head === null && Object.hasOwn(MEASURE_UNITS, lw) && w.length > 1) {
      head = lw;
      headEnd = wEnd;
      break;
    }
    // A verb after the counted noun ends the phrase ("150 Indians returned home"); before it, a
    // participle is a modifier ("two armed men", "three remaining games").
    if (verbish && head !== null) break;
    if (COMMON_VERB.has(lw) && head !== null) break;
    if (maybeHead && !verbish) {
      head = lw;
      headEnd = wEnd;
    } else if (!verbish) break;
    if (words >= 4) break;
    // The phrase ends at punctuation.
    if (!/^[\s\u00A0]/.test(text.slice(pos, pos + 1))) break;
  }
  if (!head) return none;
  return { end: headEnd, head, swallowed };
}

function normaliseHead(head: string): string {
  return head.replace(/[’']s?$/, '');
}

function measureUnit(q: Quantity, head: string | null): string | null {
  if (q.glued && GLUED_MEASURE.test(q.glued)) return MEASURE_UNITS[q.glued.toLowerCase()] ?? q.glued;
  if (!head) return null;
  const u = MEASURE_UNITS[head.toLowerCase()];
  // A bare "m", "t", "g", "c" or "f" word after a number is too ambiguous to be a unit.
  if (u && head.length === 1 && !/^[°]/.test(head)) return null;
  return u ?? null;
}

/** Index of the first span starting at or after `offset` in spans sorted by start. */
function firstAtOrAfter(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
const byStart = <T extends Span>(spans: readonly T[]): T[] => [...spans].sort((a, b) => a.start - b.start);

export function findClaims(input: ClaimInput): Claim[] {
  return drain(findClaimsSteps(input));
}

/** `findClaims`, pausing every few quantities (see lib/steps.ts). */
export function* findClaimsSteps(input: ClaimInput): Steps<Claim[]> {
  const { text, sentences } = input;
  const quantities = yield* recognizeQuantitiesSteps(text);
  if (quantities.length === 0) return [];
  yield;
  const markers = byStart(input.markers);
  const phones = byStart(phoneSpans(text));
  // By binary search over spans sorted by start (a scan per quantity was quadratic: 26,000 "[1]"
  // markers). Markers and phone numbers do not overlap one another, so their ends are sorted too.
  const inSpan = (spans: readonly Span[], s: number, e: number) => {
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid].end <= s) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < spans.length && spans[k].start < e; k++) if (spans[k].end > s) return true;
    return false;
  };
  const consumed = new Set<number>();
  const claims: Claim[] = [];
  const attributionCache = new Map<number, Attribution[]>();
  const attributionsAt = (si: number): Attribution[] => {
    let list = attributionCache.get(si);
    if (!list) {
      list = attributionsOf(text, sentences, si, attributionsAt);
      attributionCache.set(si, list);
    }
    return list;
  };

  // A pause before every quantity and between its checks (the first quantity runs them with cold
  // code and patterns used for the first time: tens of milliseconds on a slow machine).
  for (let qi = 0; qi < quantities.length; qi++) {
    if (qi > 0) yield;
    if (consumed.has(qi)) continue;
    const q = quantities[qi];
    if (inSpan(markers, q.start, q.end) || inSpan(phones, q.start, q.end)) continue;
    const si = sentenceIndexAt(sentences, q.start);
    const sentence: Sentence = si >= 0 ? sentences[si] : { start: q.start, end: q.end, text: text.slice(q.start, q.end) };
    const limit = si >= 0 ? sentence.end : Math.min(text.length, q.end + 120);

    // Ranges and scores: "30 to 40", "between 30 and 40", "30-40", "$30-40 million"; "won 24-17".
    let upper: Quantity | undefined;
    const nq = quantities[qi + 1];
    if (nq && nq.start < limit) {
      const gap = text.slice(q.end, nq.start);
      const dash = /^[\s\u00A0]?[-–—][\s\u00A0]?$/.test(gap) || /^[-–]$/.test(gap);
      const to = /^[\s\u00A0]+to[\s\u00A0]+$/i.test(gap);
      const and = /^[\s\u00A0]+and[\s\u00A0]+$/i.test(gap) && bmp(/\bbetween[\s\u00A0]+(?:[\p{L}$€£]+[\s\u00A0]+)?$/iu).test(text.slice(Math.max(0, q.start - 30), q.start));
      const from = /\bfrom[\s\u00A0]+$/i.test(text.slice(Math.max(0, q.start - 8), q.start));
      if (dash && /^[-–]$/.test(gap) && !q.words && !nq.words && q.plainInteger && nq.plainInteger && q.value < 1000 && nq.value < 1000 && q.type === 'number' && nq.type === 'number') {
        // Two small integers joined by a dash: a score or a record ("24-17", "(6-5, 3-4)") when the
        // sentence is about a game or the first is not below the second; else a range.
        if (SPORT.test(sentence.text) || q.value >= nq.value || /^\s*[,)]/.test(text.slice(nq.end, nq.end + 2))) {
          consumed.add(qi + 1);
          continue;
        }
      }
      const compatible = q.type === nq.type || (q.type === 'number' && (nq.type === 'percent' || nq.type === 'money')) || (q.type === 'money' && nq.type === 'number' && dash);
      const change = to && CHANGE_BEFORE.test(text.slice(Math.max(sentence.start, q.start - 30), q.start).toLowerCase());
      if ((dash || to || and) && compatible && !from && !change && nq.type !== 'ordinal' && q.type !== 'ordinal' && q.type !== 'vague' && nq.type !== 'vague') {
        upper = nq;
      }
    }
    // A range ends where its upper bound ends; its kind comes from either end ("20 to 30 percent").
    const head: Quantity = upper ? { ...q } : q;
    if (upper) {
      if (head.type === 'number' && (upper.type === 'percent' || upper.type === 'money')) {
        head.type = upper.type;
        if (upper.currency) head.currency = upper.currency;
      }
      // "18 and 20 million tonnes", "$30-40 million": the scale of the upper bound applies to both.
      if (upper.value >= 1000 * Math.abs(q.value) && q.value !== 0 && !/[kmbKMB]$|illion|thousand/.test(text.slice(q.numStart, q.numEnd))) {
        for (const scale of [1e12, 1e9, 1e6, 1e3]) {
          if (q.value * scale <= upper.value * 1.0001 && upper.value / scale < 1000) {
            head.value = q.value * scale;
            break;
          }
        }
      }
      head.end = upper.end;
      head.glued = upper.glued;
    }
    yield;
    if (notAClaim(text, head, sentence.start)) {
      if (upper) consumed.add(qi + 1);
      continue;
    }
    if (upper && notAClaim(text, upper, sentence.start) && upper.glued === undefined) {
      consumed.add(qi + 1);
      continue;
    }
    if (upper) consumed.add(qi + 1);

    let start = head.start;
    let end = head.end;
    let value = head.value;
    let kind: ClaimKind | null = null;
    let unit: string | null = null;
    let hedge: string | null = head.hedge ?? null;
    const after = text.slice(end, end + 40);

    // Ordinals assert a quantity only when they count a run or a toll: "fifth consecutive season",
    // "the sixth fatality". Elsewhere they rank ("second-largest", "first time") and are no claim.
    let type = head.type;
    if (type === 'share' && head.maybeOrdinal && !/^[\s\u00A0]+of\b|^[\s\u00A0]*(?:[.,;:!?)]|$)/.test(after)) {
      type = 'ordinal';
      value = Math.round(1 / head.value);
    }
    if (type === 'ordinal') {
      const run = bmp(/^[\s\u00A0]+(?:(?:consecutive|straight|successive|running)\b|[\p{L}-]+[\s\u00A0]+in[\s\u00A0]+a[\s\u00A0]+row\b)/u).test(after);
      const toll = /^[\s\u00A0]+(?:fatality|death|victim|casualty|case|killing)\b/i.test(after);
      if (!run && !toll) continue;
      if (head.maybeOrdinal) start = head.numStart + (text.slice(head.numStart, head.numEnd).search(/\s/) + 1 || 0);
      if (toll) kind = 'casualties';
    }

    yield;
    // Hedges after the number: "60 or so people", "40-odd", "100-plus".
    const post = HEDGE_POST_RE.exec(after);
    if (post && !hedge) {
      hedge = post[0].trim().replace(/^[-+]/, '').replace(/^\+$/, 'plus').toLowerCase() || 'plus';
      if (post[0] === '+') hedge = 'plus';
      end += post[0].length;
    }

    yield;
    // What is counted.
    let np: NounPhrase = { end, head: null, swallowed: [] };
    if (type !== 'money' || /^[\s\u00A0]+(?:per|a|an)[\s\u00A0]/.test(text.slice(end, end + 5))) {
      np = nounPhraseAfter(text, end, quantities, qi + (upper ? 1 : 0), limit);
    }
    // "20-of-24 passing"
    const xOfY = /^-of-\d+/.exec(text.slice(end, end + 10));
    if (xOfY) {
      const k = quantities.findIndex((x, i) => i > qi && x.start >= end);
      if (k >= 0) consumed.add(k);
      np = nounPhraseAfter(text, end + xOfY[0].length, quantities, k, limit);
      if (!np.head) np = { end: end + xOfY[0].length, head: null, swallowed: [] };
    }
    const npHead = np.head ? normaliseHead(np.head) : null;

    // "one" counts only something countable right after it ("one toilet", "one-game lead"), never
    // "one of", "one day", "no one", "this one", "one shouldn't".
    const numText = text.slice(head.numStart, head.numEnd).toLowerCase();
    if (head.words && value === 1 && type === 'number' && /^(?:one|a|an)$/.test(numText)) {
      const direct = bmp(/^(?:[-‐]|[\s\u00A0]+)([\p{L}]+)/u).exec(after);
      if (!direct || direct[1].toLowerCase() === 'of' || ONE_IDIOM.has(direct[1].toLowerCase()) || NP_STOP.has(direct[1].toLowerCase()) || !npHead) continue;
      if (/\b(?:no|the|this|that|which|any|every|each|at|last|only one of|someone|anyone)\s+$/i.test(text.slice(Math.max(0, start - 12), start)) && !/\bonly\s+$/i.test(text.slice(Math.max(0, start - 6), start))) continue;
      // "from one room to another", "one way or another", "one after another"
      if (bmp(/^(?:[\s\u00A0]+[\p{L}'’-]+){1,5}?[\s\u00A0]+(?:to|or|after|from)[\s\u00A0]+(?:another|the other)\b/iu).test(after)) continue;
    }
    // Word numbers that count nothing are pronouns or anaphora ("if these two are", "the other two").
    if (head.words && (type === 'number' || type === 'ordinal') && !npHead && !upper) {
      if (!/^[\s\u00A0]+(?:times|percent)\b/.test(after)) continue;
    }
    if (ANAPHORA_BEFORE.test(text.slice(Math.max(0, start - 12), start)) && type !== 'money' && type !== 'percent') continue;

    for (const k of np.swallowed) consumed.add(k);
    // Kind and unit.
    yield;
    const measured = measureUnit(head, npHead);
    if (type === 'money') {
      kind = 'money';
      unit = head.currency ?? null;
    } else if (type === 'percent' || type === 'share' || type === 'ratio') {
      kind = 'percent';
      if (type === 'share' || type === 'ratio') value = Math.round(value * 100 * 100) / 100;
      unit = head.percentUnit ?? null;
      if (!unit && npHead) {
        // "20% of its territory" → territory; "a 400% increase" → increase
        unit = npHead;
      }
      if (type === 'share' && head.percentUnit) value = head.value; // "half a percentage point" is 0.5 points
    } else if (measured) {
      kind = 'measure';
      unit = measured;
    } else if (type === 'vague' && !npHead && MONEY_CUE.test(sentence.text)) {
      kind = 'money';
    } else if (npHead) {
      unit = npHead;
      kind ??= 'count';
      if (npHead === 'times' && COMPARATIVE_AFTER.test(text.slice(np.end, np.end + 12))) kind = 'other';
      if (/^points?$/.test(npHead) && (!Number.isInteger(value) || MARKET_VERB.test(text.slice(Math.max(0, start - 12), start)))) kind = 'other';
    } else {
      kind ??= 'other';
      if (type === 'vague') kind = 'count';
    }
    if (type === 'percent' && head.percentUnit === 'percentage points' && type === 'percent') unit = 'percentage points';
    if (kind !== 'money' && kind !== 'percent' && kind !== 'measure') {
      if (npHead && DEATH_NOUN.test(npHead)) kind = 'casualties';
      else if (kind === 'count' || kind === 'other') {
        const personLike = npHead ? isPeopleWord(npHead) || bmp(/^\p{Lu}\p{Ll}+(?:ans|ians|ese|is|ers|ts|ps)$/u).test(np.head ?? '') : false;
        const beforeClause = text.slice(Math.max(sentence.start, start - 50), start).split(/;|—|,\s+(?:and|but|while|or)\s/).pop() ?? '';
        const beforeWords = beforeClause.split(/[\s\u00A0]+/).slice(-5).join(' ');
        const clauseAfter = text.slice(np.end, Math.min(limit, np.end + 60)).split(/;|—|–|,\s+(?:and|but|while)\b|\s+but\s+|,\s+(?:who|which)\b/)[0];
        const harmNear = HARM.test(beforeWords) || HARM.test(clauseAfter.split(/\s+/).slice(0, 7).join(' '));
        if ((personLike || !npHead) && harmNear && (npHead || /\btoll\b/i.test(beforeWords))) kind = 'casualties';
        // "including 17 foreigners", "among them 5 children": the kind of the count they belong to.
        else if ((personLike && /\b(?:including|among them|of whom|of them)\s+$/i.test(text.slice(Math.max(0, start - 14), start))) || npHead === 'them') {
          const prevClaim = claims[claims.length - 1];
          if (prevClaim && prevClaim.sentence === sentence.text && prevClaim.kind === 'casualties') kind = 'casualties';
        }
      }
    }
    if (np.head) end = Math.max(end, np.end);
    // Rates after money and measures: "$55.12 per barrel", "$2.52 a share", "4 cm a day".
    if (kind === 'money' || kind === 'measure') {
      const rate = /^[\s\u00A0]+(?:per|a|an)[\s\u00A0]+(?:diluted[\s\u00A0]+)?(?:share|barrel|ounce|tonne|ton|day|year|month|week|hour|kilo|kg|gallon|litre|liter|unit|head|person|capita|dozen|pound|mile|km)\b/i.exec(text.slice(end, end + 30));
      if (rate) end += rate[0].length;
    }

    yield;
    // Hedge before the number ("at least", "around", "an estimated").
    if (!hedge || type === 'vague') {
      const windowStart = Math.max(sentence.start, start - 30);
      const h = hedgeBefore(text.slice(windowStart, start));
      if (h && !HEDGE_MEANINGLESS.has(h.hedge.toLowerCase().replace(/\s+/g, ' '))) {
        const found = h.hedge.toLowerCase().replace(/\s+/g, ' ');
        // "titles over two spells", "a win over three rivals": "over" after a noun is a preposition.
        const wordBeforeHedge = wordBefore(text, windowStart + h.at).toLowerCase();
        const preposition = (found === 'over' || found === 'under' || found === 'above' || found === 'below') &&
          ((wordBeforeHedge.endsWith('s') && !/^(?:was|has|is|its|this|us|as|thus|plus|perhaps)$/.test(wordBeforeHedge)) || /^(?:win|victory|lead|advantage|edge|control|rule|power|authority|influence|dispute|row|clash|fight|war|talks|deal|concern|concerns|fears|worry|anger|outrage|spread|stretched|spanning|spread)$/.test(wordBeforeHedge));
        // "some" is a hedge only right before a number ("some 200"), not "some of the 200".
        if (!preposition) {
          if (!hedge) hedge = found === 'estimated at' ? 'estimated' : found;
          start = windowStart + h.at;
        }
      }
    }
    if (!hedge) {
      const upto = text.slice(Math.max(sentence.start, start - 200), start);
      const clause = upto.slice(Math.max(upto.lastIndexOf(',') + 1, upto.lastIndexOf(';') + 1));
      const ch = CLAUSE_HEDGE_RE.exec(clause);
      if (ch && clause.split(/\s+/).length <= 12) hedge = ch[1].toLowerCase() === 'allegedly' ? 'allegedly' : 'reportedly';
    }

    yield;
    const attribution = si >= 0 ? attributionFor(attributionsAt(si), start - sentence.start, end - sentence.start) : null;
    const footnotes: string[] = [];
    for (let k = firstAtOrAfter(markers, sentence.start); k < markers.length && markers[k].start <= sentence.end + 8; k++) {
      const mk = markers[k];
      if (mk.end <= sentence.end + 8 && (si < 0 || mk.start < (sentences[si + 1]?.start ?? Infinity))) footnotes.push(mk.label);
    }
    const claim: Claim = {
      start,
      end,
      text: text.slice(start, end),
      sentence: sentence.text,
      value: Number.isInteger(value) ? value : Math.round(value * 1e6) / 1e6,
      unit,
      kind: kind ?? 'other',
      hedge,
      source: attribution?.who ?? null,
      footnotes: [...new Set(footnotes)],
    };
    if (upper) {
      let u = upper.value;
      if (upper.type === 'share' || upper.type === 'ratio') u = Math.round(u * 100 * 100) / 100;
      claim.upper = Number.isInteger(u) ? u : Math.round(u * 1e6) / 1e6;
    }
    // "3.1e308", "1e400", a 400-digit figure: no number, and Infinity would be null in the JSON.
    if (!Number.isFinite(claim.value) || (claim.upper !== undefined && !Number.isFinite(claim.upper))) continue;
    claims.push(claim);
  }
  return claims;
}

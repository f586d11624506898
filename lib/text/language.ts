import { once } from '../once';

/**
 * Which language an article is written in, from its text: small, fast and explainable.
 *
 * - Scripts other than Latin name their language (or a few) at once: Arabic, Hebrew, Cyrillic,
 *   Greek, Devanagari, Thai, Hangul, kana, Han… A few letters tell languages of one script apart
 *   (Persian and Urdu letters in Arabic script; Ukrainian and Serbian letters in Cyrillic).
 * - Latin-script text is told apart by its function words ("the", "of", "le", "der"…): every
 *   language uses a few dozen of them for a third or more of its running words, and the lists
 *   overlap little.
 * - When the text is too short or no list wins clearly, the answer is `null`: unknown, not a guess.
 *
 * Only a sample is read (the first few thousand characters), so the cost is bounded whatever the
 * page's size. Pages often declare a language by template (`<html lang="en">` on a French story),
 * so `decideLanguage` weighs the declaration against the text.
 */

export interface LanguageGuess {
  /** ISO 639-1 code ("en", "fr"), or null when the text does not say clearly. */
  lang: string | null;
  /** 0…1: how clearly the text says it (1 for a script only one language writes). */
  confidence: number;
  /** The script most of the letters are in ("Latin", "Arabic"…), or null without letters. */
  script: string | null;
  /** True when only the script decided (languages sharing it are not told apart further). */
  byScript: boolean;
}

/** Languages Sift's analysis is built and evaluated for: on others nothing is painted unless asked. */
export const ANALYSED_LANGUAGES: readonly string[] = ['en'];

/** Whether Sift's analysis is built for this language (unknown counts as yes: say nothing without evidence). */
export function isAnalysedLanguage(lang: string | null): boolean {
  return lang === null || ANALYSED_LANGUAGES.includes(lang);
}

/** Characters read at most: enough for a sure answer, cheap on a 50 MB page. */
export const SAMPLE_CHARS = 3000;
/** Fewer Latin words than this and the answer is unknown. */
const MIN_WORDS = 6;

// Function words per language: the most frequent short words of running news text, without
// the few that another list holds too often to tell them apart (they stay where they are most
// frequent). A word may be in several lists.
const FUNCTION_WORDS: Record<string, string> = {
  en: 'the of and to in is was for that on with as by at from his her he she it its be are were has have had this which an or not but they their said who been will would after about more than also into when there one',
  fr: 'le la les de des du et est un une en que qui dans pour pas au aux sur par il elle ont ce cette avec sont été ne se plus son sa ses leur mais selon lors où être fait comme nous vous ils après entre tout',
  de: 'der die das und ist nicht ein eine zu den dem des von mit sich auf für im es auch als an wurde werden hat sind bei nach aus wie noch dass sie er wir einer einem einen zum zur über vor durch',
  es: 'el la los las de del y en con una por que se es lo al más fue pero como para su sus este esta han ha entre sobre también ya sin desde muy hasta donde',
  it: 'il di che e la per un una in del della è non sono con gli le al alla dei anche più ha ma come nel nella lo delle degli questo questa stato dopo tra essere ci ne',
  pt: 'o a os as de do da dos das em no na nos nas um uma que não com para por é ao mais foi pelo pela se seu sua como mas também já entre sobre foram ser está são',
  nl: 'de het een van en is niet dat op te in zijn met voor die er aan ook als bij door om maar naar werd wordt nog heeft dan deze worden uit tot over hij zij wel',
  sv: 'och att det som en är på för med inte av till den har var om ett jag de sig men från vid efter också kan eller så när skulle hade',
  da: 'og at det som en er på for med ikke af til den har var om et de sig men fra ved efter også kan eller så når skulle havde blev',
  no: 'og at det som en er på for med ikke av til den har var om et de seg men fra ved etter også kan eller så når skulle hadde ble',
  pl: 'i w na z się nie do że to jest o jak po od przez jego ale dla są tak czy już został roku jako oraz ich może który która które także',
  cs: 'a v na se je že s z do to o ve jako by k po pro které který která jeho ale podle také jsou byl bylo již není nebo při',
  tr: 've bir bu da de için ile olarak çok daha gibi en ne ama olan sonra kadar ise değil var olduğu ancak göre ya her',
  ro: 'și de în la cu care pe nu din un o pentru este mai că fost au ca se să sau fi lui ale cel după acest',
  id: 'yang dan di ini itu dengan untuk dari tidak dalam akan pada ke adalah juga oleh telah bahwa ada mereka atau sudah karena saat',
  vi: 'của và là các có được trong cho không những một với người đã này để khi từ về cũng như theo nhiều sẽ',
  fi: 'ja on ei se että oli hän mutta kun myös ovat joka tai sen kanssa mukaan ole mitä jo kuin vain sitä',
  hu: 'a az és hogy nem is egy meg van volt de ez csak már még ki mint után szerint pedig vagy lesz amely között',
  ca: 'el la i de que a les els per amb un una és va del dels al com més però seva seu també aquest aquesta han',
};

/** word → the languages it is a function word of. Built on first use (immutable). */
const wordLangs = once((): ReadonlyMap<string, readonly string[]> => {
  const m = new Map<string, string[]>();
  for (const [lang, words] of Object.entries(FUNCTION_WORDS))
    for (const w of words.split(' ')) {
      const list = m.get(w);
      if (list) {
        if (!list.includes(lang)) list.push(lang);
      } else m.set(w, [lang]);
    }
  return m;
});

/** Languages the Latin-script detector can name. */
export const LATIN_LANGUAGES: readonly string[] = Object.keys(FUNCTION_WORDS);

// Script of a code point: [from, to, script]. Sorted; Latin is handled first (the common case).
const SCRIPT_RANGES: readonly [number, number, string][] = [
  [0x0370, 0x03ff, 'Greek'],
  [0x0400, 0x052f, 'Cyrillic'],
  [0x0530, 0x058f, 'Armenian'],
  [0x0590, 0x05ff, 'Hebrew'],
  [0x0600, 0x06ff, 'Arabic'],
  [0x0750, 0x077f, 'Arabic'],
  [0x0900, 0x097f, 'Devanagari'],
  [0x0980, 0x09ff, 'Bengali'],
  [0x0a00, 0x0a7f, 'Gurmukhi'],
  [0x0a80, 0x0aff, 'Gujarati'],
  [0x0b80, 0x0bff, 'Tamil'],
  [0x0c00, 0x0c7f, 'Telugu'],
  [0x0c80, 0x0cff, 'Kannada'],
  [0x0d00, 0x0d7f, 'Malayalam'],
  [0x0d80, 0x0dff, 'Sinhala'],
  [0x0e00, 0x0e7f, 'Thai'],
  [0x0e80, 0x0eff, 'Lao'],
  [0x1000, 0x109f, 'Myanmar'],
  [0x10a0, 0x10ff, 'Georgian'],
  [0x1100, 0x11ff, 'Hangul'],
  [0x1200, 0x139f, 'Ethiopic'],
  [0x1780, 0x17ff, 'Khmer'],
  [0x1f00, 0x1fff, 'Greek'],
  [0x3040, 0x30ff, 'Kana'],
  [0x3130, 0x318f, 'Hangul'],
  [0x3400, 0x4dbf, 'Han'],
  [0x4e00, 0x9fff, 'Han'],
  [0xac00, 0xd7af, 'Hangul'],
  [0xf900, 0xfaff, 'Han'],
  [0xfb1d, 0xfb4f, 'Hebrew'],
  [0xfb50, 0xfdff, 'Arabic'],
  [0xfe70, 0xfeff, 'Arabic'],
];

/** The language a script alone names (its most written language). */
const SCRIPT_LANGUAGE: Record<string, string> = {
  Greek: 'el',
  Cyrillic: 'ru',
  Armenian: 'hy',
  Hebrew: 'he',
  Arabic: 'ar',
  Devanagari: 'hi',
  Bengali: 'bn',
  Gurmukhi: 'pa',
  Gujarati: 'gu',
  Tamil: 'ta',
  Telugu: 'te',
  Kannada: 'kn',
  Malayalam: 'ml',
  Sinhala: 'si',
  Thai: 'th',
  Lao: 'lo',
  Myanmar: 'my',
  Georgian: 'ka',
  Hangul: 'ko',
  Ethiopic: 'am',
  Khmer: 'km',
  Kana: 'ja',
  Han: 'zh',
};

/** Languages whose usual script is not Latin, by script (to weigh a declaration against the text). */
const LANGUAGE_SCRIPT: Record<string, string> = {
  ...Object.fromEntries(Object.entries(SCRIPT_LANGUAGE).map(([script, lang]) => [lang, script])),
  ja: 'Han', // Japanese mixes Han and kana; either counts
  uk: 'Cyrillic',
  bg: 'Cyrillic',
  sr: 'Cyrillic',
  mk: 'Cyrillic',
  be: 'Cyrillic',
  kk: 'Cyrillic',
  mn: 'Cyrillic',
  fa: 'Arabic',
  ur: 'Arabic',
  ps: 'Arabic',
  ku: 'Arabic',
  yi: 'Hebrew',
  mr: 'Devanagari',
  ne: 'Devanagari',
  sa: 'Devanagari',
};

function scriptOf(c: number): string | null {
  let lo = 0;
  let hi = SCRIPT_RANGES.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [from, to, script] = SCRIPT_RANGES[mid];
    if (c < from) hi = mid - 1;
    else if (c > to) lo = mid + 1;
    else return script;
  }
  return null;
}

const isLatinLetter = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1e00 && c <= 0x1eff);

/** Tells apart languages that share a non-Latin script, by letters only some of them use. */
function refineByLetters(script: string, text: string): string {
  const lang = SCRIPT_LANGUAGE[script];
  if (script === 'Arabic') {
    const urdu = (text.match(/[ٹڈڑںےھ]/g) ?? []).length;
    const persian = (text.match(/[پچژگ]|ی/g) ?? []).length;
    const arabic = (text.match(/[ةيى]/g) ?? []).length;
    if (urdu > 3 && urdu > arabic) return 'ur';
    if (persian > 3 && persian > arabic) return 'fa';
    return lang;
  }
  if (script === 'Cyrillic') {
    const ukrainian = (text.match(/[іїєґІЇЄҐ]/g) ?? []).length;
    const russian = (text.match(/[ыэъЫЭ]/g) ?? []).length;
    const serbian = (text.match(/[ђјљњћџЂЈЉЊЋЏ]/g) ?? []).length;
    if (serbian > 3) return 'sr';
    if (ukrainian > 3 && ukrainian > russian) return 'uk';
    return lang;
  }
  if (script === 'Han' || script === 'Kana') {
    // Japanese writes kana between its Han characters; Chinese never does.
    const kana = (text.match(/[\u3040-\u30ff]/g) ?? []).length;
    return kana > 5 ? 'ja' : 'zh';
  }
  return lang;
}

/**
 * The words of a text, as `/[\p{L}\p{M}]+(?:['’]\p{L}+)?/gu` finds them, read character by
 * character: Latin letters and combining marks by their code, anything else by a one-character
 * test remembered per character. The expression's first use on a page cost the language check
 * several milliseconds (its two Unicode classes compiled cold); this reads 3,000 characters of
 * English without any pattern.
 */
export function* wordsOf(text: string): Generator<string, void> {
  let i = 0;
  while (i < text.length) {
    let n = letterOrMarkAt(text, i);
    if (n === 0) {
      i++;
      continue;
    }
    const start = i;
    while (n > 0) {
      i += n;
      n = i < text.length ? letterOrMarkAt(text, i) : 0;
    }
    const q = text.charCodeAt(i);
    if ((q === 0x27 || q === 0x2019) && i + 1 < text.length && letterAt(text, i + 1) > 0) {
      i++;
      for (let m = letterAt(text, i); m > 0; m = i < text.length ? letterAt(text, i) : 0) i += m;
    }
    yield text.slice(start, i);
  }
}

/**
 * Code units that are neither letters nor marks, known without a pattern: the C1 controls and
 * Latin-1 signs (but ª, µ and º), × and ÷, and the General Punctuation block (curly quotes,
 * dashes, spaces). English text is full of them, and testing them by the pattern compiled its
 * Unicode classes on every article's language check (5–12 ms cold in a fresh Chromium page).
 */
export function neverLetterOrMark(c: number): boolean {
  return (c >= 0x80 && c <= 0xbf && c !== 0xaa && c !== 0xb5 && c !== 0xba) || c === 0xd7 || c === 0xf7 || (c >= 0x2000 && c <= 0x206f);
}

const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;
const LETTER = /^\p{L}$/u;
const letterOrMarkKnown = new Map<number, boolean>();
const letterKnown = new Map<number, boolean>();

/** How many UTF-16 units the letter or mark at `i` takes (0: not one). */
function letterOrMarkAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) ? 1 : 0;
  if (isLatinLetter(c) || (c >= 0x300 && c <= 0x36f)) return 1;
  if (neverLetterOrMark(c)) return 0;
  return unicodeTest(text, i, LETTER_OR_MARK, letterOrMarkKnown);
}

/** How many UTF-16 units the letter at `i` takes (0: not one). */
function letterAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) ? 1 : 0;
  if (isLatinLetter(c)) return 1;
  if (neverLetterOrMark(c)) return 0;
  return unicodeTest(text, i, LETTER, letterKnown);
}

function unicodeTest(text: string, i: number, re: RegExp, known: Map<number, boolean>): number {
  const cp = text.codePointAt(i)!;
  let yes = known.get(cp);
  if (yes === undefined) {
    yes = re.test(String.fromCodePoint(cp));
    known.set(cp, yes);
  }
  return yes ? (cp > 0xffff ? 2 : 1) : 0;
}

/** The language of a text (see the module comment). Reads at most `SAMPLE_CHARS` characters. */
export function detectLanguage(input: string, sampleChars = SAMPLE_CHARS): LanguageGuess {
  const text = input.length > sampleChars ? input.slice(0, sampleChars) : input;
  // Letters per script.
  let latin = 0;
  let letters = 0;
  const counts = new Map<string, number>();
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x41) continue;
    if (isLatinLetter(c)) {
      latin++;
      letters++;
      continue;
    }
    if (c < 0x370) continue;
    const script = scriptOf(c);
    if (script) {
      letters++;
      counts.set(script, (counts.get(script) ?? 0) + 1);
    }
  }
  if (letters === 0) return { lang: null, confidence: 0, script: null, byScript: false };
  let top = 'Latin';
  let topCount = latin;
  // Han and kana are one writing system for this purpose (Japanese uses both).
  const cjk = (counts.get('Han') ?? 0) + (counts.get('Kana') ?? 0);
  for (const [script, n] of counts) {
    const m = script === 'Han' || script === 'Kana' ? cjk : n;
    if (m > topCount) {
      top = script === 'Kana' ? 'Han' : script;
      topCount = m;
    }
  }
  // CJK characters are words or syllables: one of them weighs as much as several Latin letters.
  const share = topCount / letters;
  if (top !== 'Latin') {
    if (topCount < 10) return { lang: null, confidence: 0, script: top, byScript: true };
    return { lang: refineByLetters(top, text), confidence: Math.min(1, share * 1.25), script: top, byScript: true };
  }
  return { ...latinLanguage(text), script: 'Latin', byScript: false };
}

/** Function-word votes among Latin-script words. */
function latinLanguage(text: string): { lang: string | null; confidence: number } {
  const hits = new Map<string, number>();
  const langsOf = wordLangs();
  let words = 0;
  for (const word of wordsOf(text)) {
    words++;
    const langs = langsOf.get(word.toLowerCase());
    if (!langs) continue;
    // A word several languages share counts for each, a little less.
    const w = langs.length === 1 ? 1 : 1 / Math.sqrt(langs.length);
    for (const l of langs) hits.set(l, (hits.get(l) ?? 0) + w);
  }
  if (words < MIN_WORDS) return { lang: null, confidence: 0 };
  let best: string | null = null;
  let bestScore = 0;
  let second = 0;
  for (const [l, s] of hits) {
    if (s > bestScore) {
      second = bestScore;
      bestScore = s;
      best = l;
    } else if (s > second) second = s;
  }
  // Running text has at least one function word in six; a list of names or a table does not.
  const rate = bestScore / words;
  if (!best || rate < 0.12 || bestScore < 2) return { lang: null, confidence: 0 };
  // The margin over the runner-up, discounted for short samples.
  const margin = (bestScore - second) / bestScore;
  const size = Math.min(1, bestScore / 8);
  const confidence = Math.round(Math.min(1, margin * 1.6) * size * 100) / 100;
  if (confidence < 0.15) return { lang: null, confidence };
  return { lang: best, confidence };
}

export interface LanguageDecision {
  /** The language the article is taken to be in (ISO 639-1/2 primary subtag), or null. */
  lang: string | null;
  /** What the page declares (`<html lang>`, metadata), primary subtag, or null. */
  declared: string | null;
  /** What the text says. */
  detected: LanguageGuess;
  /** Whether the answer came from the text, overriding or filling in for the declaration. */
  fromText: boolean;
}

/** The primary subtag of a declared language tag ("en" for "en-GB"), lower-cased; null if there is none. */
export function primaryLanguage(tag: string | null | undefined): string | null {
  const m = tag ? /^([a-z]{2,3})(?:$|[-_])/i.exec(tag.trim()) : null;
  return m ? m[1].toLowerCase() : null;
}

/** A detection this sure overrides what the page declares. */
const OVERRIDE_CONFIDENCE = 0.5;

/**
 * The article's language: what the page declares, unless the text says clearly otherwise
 * (a French story under a site-wide `lang="en"`), or the text's when the page says nothing.
 */
export function decideLanguage(declaredTag: string | null | undefined, text: string): LanguageDecision {
  const declared = primaryLanguage(declaredTag);
  const detected = detectLanguage(text);
  if (!detected.lang) return { lang: declared, declared, detected, fromText: false };
  if (!declared) return { lang: detected.lang, declared, detected, fromText: true };
  if (declared === detected.lang) return { lang: declared, declared, detected, fromText: false };
  // The script agrees with the declaration and only the script spoke (Ukrainian in Cyrillic,
  // Persian in Arabic script): the page knows better.
  const declaredScript = LANGUAGE_SCRIPT[declared] ?? 'Latin';
  if (detected.byScript && declaredScript === detected.script) return { lang: declared, declared, detected, fromText: false };
  // Norwegian is declared as "nb"/"nn" as often as "no".
  if ((declared === 'nb' || declared === 'nn') && detected.lang === 'no') return { lang: declared, declared, detected, fromText: false };
  if (detected.confidence >= OVERRIDE_CONFIDENCE) return { lang: detected.lang, declared, detected, fromText: true };
  return { lang: declared, declared, detected, fromText: false };
}

/**
 * The start of an element's reading text, read from its text nodes (skipping subtrees `skip`
 * rejects and scripts/styles), at most `maxChars` characters: the language sample, without
 * building the whole text.
 */
export function sampleText(root: Element, skip?: (el: Element) => boolean, maxChars = SAMPLE_CHARS): string {
  const parts: string[] = [];
  let length = 0;
  // Iterative, so a page nested 10,000 levels deep cannot overflow the stack.
  const stack: Node[] = [root];
  while (stack.length > 0 && length < maxChars) {
    const n = stack.pop()!;
    if (n.nodeType === 3) {
      const v = n.nodeValue ?? '';
      if (!/\S/.test(v)) continue;
      parts.push(v);
      length += v.length + 1;
      continue;
    }
    if (n.nodeType !== 1) continue;
    const el = n as Element;
    if (el !== root) {
      if (NOT_TEXT.has(el.tagName.toUpperCase()) || skip?.(el)) continue;
    }
    // Children in reverse, so that they come off the stack in reading order.
    for (let c = el.lastChild; c; c = c.previousSibling) stack.push(c);
  }
  return parts.join(' ').slice(0, maxChars);
}

const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'MATH', 'BUTTON', 'SELECT', 'TEXTAREA']);

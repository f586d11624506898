/**
 * Word lists written as small patterns, expanded once into the words they stand for, so that
 * they are looked up in a set or scanned for instead of compiled into a large regular expression
 * (a case-insensitive expression of a hundred alternatives costs milliseconds to compile on its
 * first use, on every page).
 */

const SYNTAX = /[(|)?]/;

/**
 * Every string a small pattern stands for: literal characters, `x?` (the character before is
 * optional), `(?:a|b)` (a choice, optional when followed by `?`), nested. "read-?more" →
 * ["read-more", "readmore"].
 */
export function expandWordPattern(pattern: string): string[] {
  // Most patterns are plain words, and this runs cold on every page that builds a list: no parsing.
  if (!SYNTAX.test(pattern)) return [pattern];
  let at = 0;
  // A sequence of atoms, up to `|`, `)` or the end.
  const sequence = (): string[] => {
    let out = [''];
    while (at < pattern.length && pattern[at] !== '|' && pattern[at] !== ')') {
      let atom: string[];
      if (pattern.startsWith('(?:', at)) {
        at += 3;
        atom = [];
        for (;;) {
          atom.push(...sequence());
          if (pattern[at] === '|') at++;
          else if (pattern[at] === ')') {
            at++;
            break;
          } else throw new Error(`unclosed group in ${pattern}`);
        }
      } else {
        // A run of literal characters is one atom (the last stays apart if a `?` follows it).
        let end = at + 1;
        while (end < pattern.length && !'(|)?'.includes(pattern[end])) end++;
        if (pattern[end] === '?' && end - at > 1) end--;
        atom = [pattern.slice(at, end)];
        at = end;
      }
      if (pattern[at] === '?') {
        at++;
        atom = [...atom, ''];
      }
      out = out.flatMap((head) => atom.map((tail) => head + tail));
    }
    return out;
  };
  const out = sequence();
  if (at !== pattern.length) throw new Error(`unexpected ${pattern[at]} in ${pattern}`);
  return out;
}

/** Nothing but ASCII: such a word needs no Unicode case folding or normalisation. */
export function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}

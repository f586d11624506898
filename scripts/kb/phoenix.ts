/**
 * Reads the Phoenix/CAMEO actor dictionaries (PETRARCH format) into plain records.
 *
 * The format: a record starts with a phrase in upper case with `_` for spaces, optionally with
 * `[CODE]` role codes on the same line; `+PHRASE` lines add synonyms; lines starting with
 * whitespace hold role codes with date restrictions (`[SYRGOV >000717]`, `[RUSGOV 991231-080507]`,
 * `[SYRELI]`); `#` (and the legacy `;`) start comments. As in PETRARCH, consecutive records
 * without codes of their own share the next block of role codes.
 *
 * This module only reads; what the records mean (one entity? a leader filed under his group?)
 * is decided in `scripts/kb/clean.ts`.
 */

export interface PhoenixRole {
  /** CAMEO code, e.g. "SYRGOV", "IGOUNO", "ELI". */
  code: string;
  /** ISO dates (YYYY-MM-DD) bounding the role, when given. */
  from: string | null;
  to: string | null;
}

export interface PhoenixRecord {
  file: string;
  line: number;
  /** Phrases as in the file, underscores turned to spaces, e.g. "BASHAR AL ASSAD". */
  name: string;
  synonyms: string[];
  roles: PhoenixRole[];
  /** The comment on the record's first line ("CountryInfo.txt", "(killed in 2010)"…). */
  comment: string;
  /** Comments on synonym lines, by synonym index. */
  synonymComments: string[];
}

/** "830101" → 1983-01-01, "000717" → 2000-07-17, "19240101" → 1924-01-01; null when unreadable. */
export function phoenixDate(s: string): string | null {
  const d = s.replace(/[^0-9]/g, '');
  let y: number, m: string, day: string;
  if (d.length === 8) {
    y = Number(d.slice(0, 4));
    m = d.slice(4, 6);
    day = d.slice(6, 8);
  } else if (d.length === 6) {
    const yy = Number(d.slice(0, 2));
    // The dictionaries end in 2014; two-digit years after that are 20th-century.
    y = yy <= 20 ? 2000 + yy : 1900 + yy;
    m = d.slice(2, 4);
    day = d.slice(4, 6);
  } else return null;
  if (Number(m) < 1 || Number(m) > 12 || Number(day) < 1 || Number(day) > 31) return null;
  return `${String(y).padStart(4, '0')}-${m}-${day}`;
}

/** Every `[CODE restriction]` in a piece of text. */
function parseRoles(text: string): PhoenixRole[] {
  const roles: PhoenixRole[] = [];
  for (const m of text.matchAll(/\[([^\]]*)\]/g)) {
    const inner = m[1].trim();
    if (!inner) continue;
    const [code, ...restParts] = inner.split(/\s+/);
    if (!/^[A-Z0-9-]+$/.test(code) || /^-+$/.test(code)) continue;
    const rest = restParts.join('');
    let from: string | null = null;
    let to: string | null = null;
    if (rest.startsWith('>')) from = phoenixDate(rest.slice(1));
    else if (rest.startsWith('<')) to = phoenixDate(rest.slice(1));
    else if (rest.includes('-')) {
      const [a, b] = rest.split('-');
      from = phoenixDate(a);
      to = phoenixDate(b);
    }
    roles.push({ code, from, to });
  }
  return roles;
}

function splitComment(line: string): [string, string] {
  const hash = line.indexOf('#');
  const semi = line.indexOf(';');
  const cut = hash < 0 ? semi : semi < 0 ? hash : Math.min(hash, semi);
  return cut < 0 ? [line, ''] : [line.slice(0, cut), line.slice(cut + 1).replace(/#/g, ' ').trim()];
}

/** "BASHAR_AL-ASSAD_" → "BASHAR AL-ASSAD". */
export function phrase(raw: string): string {
  return raw.replace(/_/g, ' ').replace(/\s+/g, ' ').trim();
}

export function parsePhoenix(file: string, text: string): PhoenixRecord[] {
  const records: PhoenixRecord[] = [];
  /** Records since the last block of role codes that have none of their own. */
  let pending: PhoenixRecord[] = [];
  let current: PhoenixRecord | null = null;
  let inXmlComment = false;
  const lines = text.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    let raw = lines[n];
    if (inXmlComment) {
      const end = raw.indexOf('-->');
      if (end < 0) continue;
      raw = raw.slice(end + 3);
      inXmlComment = false;
    }
    raw = raw.replace(/<!--.*?-->/g, '');
    const open = raw.indexOf('<!--');
    if (open >= 0) {
      raw = raw.slice(0, open);
      inXmlComment = true;
    }
    if (!raw.trim() || raw.trimStart().startsWith('#')) continue;
    if (raw.includes('---STOP---')) break;
    const [body, comment] = splitComment(raw);
    if (/^\s/.test(raw)) {
      // Role codes for every record waiting for them.
      const roles = parseRoles(body);
      if (roles.length === 0) continue;
      for (const r of pending) r.roles.push(...roles);
      continue;
    }
    if (body.startsWith('+')) {
      if (!current) continue;
      // A synonym line may itself carry codes (rare); they belong to the record.
      const bracket = body.indexOf('[');
      const syn = phrase(bracket >= 0 ? body.slice(1, bracket) : body.slice(1));
      if (syn) {
        current.synonyms.push(syn);
        current.synonymComments.push(comment);
      }
      continue;
    }
    // A new record.
    const bracket = body.indexOf('[');
    const name = phrase(bracket >= 0 ? body.slice(0, bracket) : body);
    if (!name) continue;
    const roles = bracket >= 0 ? parseRoles(body.slice(bracket)) : [];
    // Records that received codes since the last code block close the pending group.
    if (pending.some((r) => r.roles.length > 0)) pending = [];
    current = { file, line: n + 1, name, synonyms: [], roles, comment, synonymComments: [] };
    records.push(current);
    // Indented role lines that follow add to this record (and to codeless ones before it).
    if (roles.length > 0) pending = [current];
    else pending.push(current);
  }
  return records;
}

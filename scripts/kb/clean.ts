/**
 * Turns Phoenix records into entities, cleaning the dictionaries' known faults on the way:
 * - names in upper case with `_` → proper case ("BASHAR AL-ASSAD" → "Bashar al-Assad");
 * - leaders listed as synonyms of their groups ("+KHALED MESHAAL" under HAMAS, "+RAMI
 *   ABDULRAHMAN" under the Syrian Observatory) → people of their own, "associated with" the group;
 * - government phrases filed under a person ("+ASSAD REGIME" under Bashar al-Assad) → a
 *   government entity of their own;
 * - cities and regions listed as synonyms of countries ("+MOSCOW" under Russia) → dropped (places
 *   come from GeoNames, countries from the country data);
 * - generic roles filed as actors ("UN ENVOY", "INDIAN UN PEACEKEEPER") → dropped;
 * - the same person in several records (a CountryInfo entry and a later hand-made one) → merged;
 * - dated role codes → a plain description marked as derived ("Government official of Syria
 *   (health), 2003–2006").
 */
import type { ActorType } from '../../lib/schema';
import { aliasKey } from '../../lib/kb/knowledge-base';
import { STRENGTH, type AliasClaim, type DraftEntity } from './model';
import type { PhoenixRecord, PhoenixRole } from './phoenix';
import { phrase } from './phoenix';
import { withArticle, type CountryInfo } from './geo';
import { properCase, type WordSets } from './words';

/** Words that make a phrase an institution or group, never a person. */
const ORG_WORDS = new Set(
  `ARMY FRONT PARTY PARTIES MOVEMENT BRIGADE BRIGADES BATTALION BATTALIONS GROUP GROUPS COUNCIL COMMITTEE ORGANIZATION ORGANISATION
  UNION ASSOCIATION FORCES FORCE GOVERNMENT REGIME MINISTRY INSTITUTE FOUNDATION CENTER CENTRE LEAGUE ALLIANCE COALITION FEDERATION
  CONGRESS ASSEMBLY SOCIETY AGENCY COMMISSION OFFICE BANK FUND CORPORATION CORP INC LTD COMPANY CO NETWORK UNIVERSITY COLLEGE SCHOOL
  HOSPITAL CHURCH TRIBUNAL COURT DECLARATION MUJAHIDEEN TALIBAN MILITIA MILITIAS NUCLEI NUCLEUS CELLS CELL FACTION RESISTANCE NATIONS
  STATE KINGDOM REPUBLIC SERVICE SERVICES POLICE GUARD GUARDS PROJECT PROGRAM PROGRAMME INITIATIVE TRUST NEWS TIMES RADIO TV PRESS
  BUREAU DEPARTMENT AUTHORITY SECRETARIAT MISSION TASK PANEL BOARD CLUB CIRCLE COMMAND DIVISION CORPS FLEET NAVY MARINES AIR JAISH
  JAYSH LIWA LIWAA KATIBAT KATAEB KATAIB HARAKAT JABHAT JAMAAT JAMA'AT TANZIM TANZEEM ANSAR HIZB SARAYA SARAYAT ASAIB QAEDA AL-QAEDA
  HOLDINGS GMBH PLC LLC AG SA NV BV JIHAD ISLAMI ISLAMIYA SHAM LIGA INTERNATIONAL WATCH RIGHTS NETWORK TIGERS BRIGADES' COMMANDOS REVOLUTION REVOLUTIONARY REBELS
  FIGHTERS MARTYRS ISLAMIC DEMOCRATIC NATIONAL PEOPLE PEOPLES PEOPLE'S LIBERATION INDEPENDENCE UNITED SYSTEMS TECHNOLOGIES TECHNOLOGY
  INDUSTRIES ENERGY OIL GAS AIRLINES AIRWAYS MOTORS BANCORP FINANCIAL CAPITAL PARTNERS INVESTMENTS TRUSTEES ACADEMY COMMUNITY CHARITY
  CHARITIES RELIEF AID FORUM CAMPAIGN`.split(/\s+/),
);

/** Words before a name that are titles or offices, not part of it. */
const TITLES = new Set(
  `MR MR. MRS MRS. MS MS. DR DR. PRESIDENT PRIME MINISTER SECRETARY GENERAL SECRETARY-GENERAL FORMER EX EX-SOVIET LEADER CHAIRMAN KING
  QUEEN PRINCE PRINCESS SHEIKH SHEIK EMIR AMIR AMBASSADOR SENATOR GOVERNOR FOREIGN DEFENSE DEFENCE INTERIOR FINANCE DEPUTY VICE CHIEF
  COMMANDER GEN GEN. COL COL. COLONEL GENERAL PREMIER CHANCELLOR PM SPEAKER AYATOLLAH CLERIC THE OF UN U.N. US U.S. UNITED NATIONS
  SOVIET COMMUNIST PARTY LEADER MAJOR LT LT. LIEUTENANT CAPTAIN CAPT ADMIRAL JUDGE JUSTICE ATTORNEY MAYOR ENVOY SPECIAL REPRESENTATIVE
  OPPOSITION REBEL MILITANT DIRECTOR CHAIRWOMAN SPOKESMAN SPOKESWOMAN MONSIGNOR POPE CARDINAL ARCHBISHOP BISHOP REV REV. REVEREND
  FATHER SIR LORD LADY DAME BARON PRES PRES. SEC SEC. SECY GOV GOV. SEN SEN. REP REP.`.split(/\s+/),
);

/** Words after a person's name that make a government or a force of him ("ASSAD REGIME"). */
const GOVERNMENT_PHRASE = /\b(?:GOVERNMENT|REGIME|ADMINISTRATION|CABINET)$/;
const FORCES_PHRASE = /\b(?:FORCES|TROOPS|LOYALISTS|MILITIA|MILITIAS|SUPPORTERS|CAMP|ARMY|PARTY)$/;

/** Portfolios of government role codes, for descriptions. */
const PORTFOLIO: Record<string, string> = {
  BUS: 'economy', AGR: 'agriculture', MED: 'information', EDU: 'education', MIL: 'defence', HLH: 'health', DEV: 'development',
  JUD: 'justice', LAB: 'labour', ENV: 'environment', HRI: 'human rights', LEG: 'legislature', REL: 'religious affairs',
  COP: 'interior and police', SPY: 'intelligence', REF: 'refugees',
};

/** Focus of non-governmental organisations, for descriptions. */
const FOCUS: Record<string, string> = {
  HRI: 'human rights', HLH: 'health', DEV: 'development', EDU: 'education', ENV: 'environment', REL: 'religion', CHR: 'Christian',
  MUS: 'Muslim', JEW: 'Jewish', BUD: 'Buddhist', HIN: 'Hindu', LAB: 'labour', AGR: 'agriculture', REF: 'refugees', MED: 'media',
  BUS: 'business', CVL: 'civil society', KID: 'children', JUD: 'law', PTY: 'politics',
};

/** Intergovernmental bodies named by a code after IGO. */
const IGO_NAMES: Record<string, string> = {
  UNO: 'the United Nations system', EUREEC: 'the European Union', WSTNAT: 'NATO', AFRAFU: 'the African Union', ARBABL: 'the Arab League',
  SEAASN: 'ASEAN', EURDEVEBR: 'the European Bank for Reconstruction and Development', UNODEVWBK: 'the World Bank',
  UNOHLHWHO: 'the World Health Organization', UNOIAE: 'the International Atomic Energy Agency', UNOWFP: 'the World Food Programme',
  UNOREFHCR: 'the UN refugee agency (UNHCR)', UNOKID: 'UNICEF',
};

export interface CleanContext {
  words: WordSets;
  countries: Map<string, CountryInfo>;
  /** CAMEO/ISO alpha-3 → alpha-2. */
  alpha3: Map<string, string>;
  /** Head nouns of generic agents ("ENVOY", "OFFICIAL"), from Phoenix.agents.txt. */
  roleNouns: Set<string>;
  /** Upper-case words of country names ("SYRIA", "BANGLADESH"): not parts of a person's name. */
  placeWords: Set<string>;
  /** Names of places (normalised, lower case): "BANJA LUKA" is a city, not a person. */
  placeNames: Set<string>;
}

export interface CleanReport {
  records: number;
  countryRecords: number;
  generic: number;
  leadersSplit: number;
  bodiesSplit: number;
  acronymsDropped: number;
  governmentPhrases: number;
  merged: number;
  /** People known only by a surname: left out (a bare surname would beat places and be wrong). */
  surnameOnly: number;
  entities: number;
}

/** Head nouns of the agents dictionary that name a role a person holds (not an institution). */
export function agentRoleNouns(agentsText: string): Set<string> {
  const nouns = new Set<string>();
  const markers = new Map<string, string[]>();
  for (const raw of agentsText.split('\n')) {
    const line = raw.replace(/#.*/, '').replace(/<!--.*?-->/g, '').trim();
    if (!line) continue;
    const def = /^!([A-Z]+)!\s*=\s*(.*)$/.exec(line);
    if (def) {
      markers.set(def[1], def[2].split(',').map((s) => s.trim()));
      continue;
    }
    const head = line.split(/[[{]/)[0].trim();
    if (!head) continue;
    const expanded = head.includes('!')
      ? (markers.get(/!([A-Z]+)!/.exec(head)?.[1] ?? '') ?? []).map((m) => head.replace(/!([A-Z]+)!/, m))
      : [head];
    for (const e of expanded) {
      const words = phrase(e).split(' ');
      const last = words[words.length - 1];
      if (last && !ORG_WORDS.has(last) && /^[A-Z]+$/.test(last)) nouns.add(last);
    }
  }
  return nouns;
}

function tokensOf(p: string): string[] {
  return p.split(' ').filter(Boolean);
}

/** Tokens that say who a name is: not titles, particles or one-letter initials. */
function nameTokens(p: string): string[] {
  return tokensOf(p.replace(/-/g, ' '))
    .map((t) => t.replace(/[.'()]/g, ''))
    .filter((t) => t.length > 2 && !TITLES.has(t) && !/^(?:AL|EL|BIN|IBN|ABU|ABD|UMM|DE|VAN|VON|DER|LA|LE|DA|DI|DU)$/.test(t));
}

function shareNameToken(a: string, b: string): boolean {
  const ta = nameTokens(a);
  return nameTokens(b).some((t) => ta.some((u) => u === t || similarSpelling(u, t)));
}

/**
 * Two transliterations of one name ("MORSY"/"MORSI", "LADIN"/"LADEN", "SARKISYAN"/"SARGSYAN"):
 * at most one edit apart for names up to six letters, two for longer ones; short words never.
 */
function similarSpelling(a: string, b: string): boolean {
  if (a.length < 5 || b.length < 5 || Math.abs(a.length - b.length) > 2) return false;
  const limit = Math.min(a.length, b.length) <= 6 ? 1 : 2;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (row[j] < best) best = row[j];
    }
    if (best > limit) return false;
    prev = row;
  }
  return prev[b.length] <= limit;
}

/** The phrase without leading titles and offices: "RUSSIAN PRESIDENT VLADIMIR PUTIN" → "VLADIMIR PUTIN". */
function personCore(p: string, ctx: CleanContext): string {
  const toks = tokensOf(p);
  let i = 0;
  while (i < toks.length - 1) {
    const t = toks[i];
    const demonym = /(?:AN|ESE|ISH|I)$/.test(t) && t.length > 4 && !ctx.words.givenNames.has(t.toLowerCase());
    if (TITLES.has(t) || demonym || (ctx.words.common.has(t.toLowerCase()) && !ctx.words.givenNames.has(t.toLowerCase()))) i++;
    else break;
  }
  return toks.slice(i).join(' ');
}

/** Is this phrase a person's name? Used for records without a CountryInfo mark and for synonyms. */
function looksLikePerson(p: string, ctx: CleanContext, personFirst: Set<string>, personLast?: Set<string>): boolean {
  if (/[0-9/&,()]/.test(p)) return false;
  const core = personCore(p, ctx);
  const toks = tokensOf(core);
  if (toks.length < 2 || toks.length > 6) return false;
  if (toks.some((t) => ORG_WORDS.has(t) || ctx.roleNouns.has(t))) return false;
  // "AL JOULANI" is a surname with its article, not a full name.
  if (/^(?:AL|EL|AL-|EL-|LA|LE|LES|DE|DI|DA|DU|DEL|VAN|VON|AD|AN|AR|AS)$/.test(toks[0])) return false;
  // "WE WILL WIN", "RED EAGLES", "FAR OER": ordinary words are not names (titles aside).
  if (tokensOf(p).some((t) => !TITLES.has(t) && ctx.words.common.has(t.toLowerCase()) && !ctx.words.givenNames.has(t.toLowerCase()))) return false;
  if (ctx.placeNames.has(aliasKey(core))) return false;
  const first = toks[0].replace(/[.']/g, '');
  if (first.length < 2 && !/^[A-Z]\.$/.test(toks[0])) return false; // "I CARCERIERI"
  const last = toks[toks.length - 1].replace(/^(?:AL|EL)-/, '');
  const placeLike = toks.some((t) => ctx.placeWords.has(t));
  const noCommon = toks.every((t) => !ctx.words.english.has(t.toLowerCase()) || ctx.words.givenNames.has(t.toLowerCase()));
  if (personLast && !placeLike && noCommon && toks.length <= 4 && personLast.has(last)) return true;
  const start =
    ctx.words.givenNames.has(first.toLowerCase()) ||
    personFirst.has(first) ||
    /^(?:ABU|ABD|ABDUL|ABDEL|ABDEL-|ABDUL-|UMM|MULLAH|HAJI|MAULANA|MAULVI|SAYYID|SAYED|SEYED|SYED)(?:$|-)/.test(toks[0]) ||
    /^[A-Z]\.$/.test(toks[0]);
  if (!start) return false;
  const commonWords = toks.filter((t) => ctx.words.common.has(t.toLowerCase()) && !ctx.words.givenNames.has(t.toLowerCase()));
  return commonWords.length <= 1;
}

/** Role and religion chunks that are never countries, though some spell an ISO code (MUS = Mauritius). */
const NOT_COUNTRY = new Set(['MUS', 'CHR', 'JEW', 'BUD', 'HIN', 'REL', 'GOV', 'MIL', 'REB', 'OPP', 'MED', 'EDU', 'HLH', 'BUS', 'AGR', 'LAB', 'ENV', 'HRI', 'DEV', 'REF', 'JUD', 'LEG', 'COP', 'SPY', 'ELI', 'CVL', 'PTY', 'INS', 'SEP', 'UAF', 'CRM', 'RAD', 'MOD']);

/**
 * CAMEO code → the country it names, or null. A code starts with a country (SYRGOV), or with a
 * transnational kind followed by a country (MNCUSA, NGOITA); later chunks are roles.
 */
function codeCountry(code: string, ctx: CleanContext): string | null {
  const first = code.slice(0, 3);
  const a2 = ctx.alpha3.get(first);
  if (a2) return a2;
  if (['MNC', 'NGO', 'NGM', 'IGO', 'IMG', 'UIS'].includes(first)) {
    const second = code.slice(3, 6);
    if (!NOT_COUNTRY.has(second)) return ctx.alpha3.get(second) ?? null;
  }
  return null;
}

function chunks(code: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 3 <= code.length; i += 3) out.push(code.slice(i, i + 3));
  return out;
}

const year = (d: string | null) => (d ? d.slice(0, 4) : null);

function roleYears(roles: PhoenixRole[]): { from: string | null; to: string | null; text: string } {
  const dated = roles.filter((r) => r.from || r.to);
  if (dated.length === 0) return { from: null, to: null, text: '' };
  const froms = dated.map((r) => r.from).filter((d): d is string => !!d).sort();
  const open = dated.some((r) => r.from && !r.to);
  const tos = dated.map((r) => r.to).filter((d): d is string => !!d).sort();
  const from = froms[0] ?? null;
  const to = open ? null : (tos[tos.length - 1] ?? null);
  const yf = year(from);
  const yt = year(to);
  let text = '';
  if (yf && yt) text = yf === yt ? `, ${yf}` : `, ${yf}–${yt}`;
  else if (yf) text = `, from ${yf} (as of 2014)`;
  else if (yt) text = `, until ${yt}`;
  return { from, to, text };
}

function countryOf(a2: string | null, ctx: CleanContext): string | null {
  const c = a2 ? ctx.countries.get(a2) : undefined;
  return c ? withArticle(c.name) : null;
}

function personDescription(roles: PhoenixRole[], ctx: CleanContext): { text: string; dates: { from: string | null; to: string | null } | null; country: string | null } {
  // Government roles first; the ELI code ("elite") only says the person is a political figure.
  const withCountry = roles.map((r) => ({ r, country: codeCountry(r.code, ctx), parts: chunks(r.code) }));
  const country = withCountry.find((x) => x.country)?.country ?? null;
  const where = countryOf(country, ctx);
  const gov = withCountry.filter((x) => x.parts.includes('GOV'));
  if (gov.length > 0) {
    const portfolios = [...new Set(gov.flatMap((x) => x.parts.slice(x.parts.indexOf('GOV') + 1)).map((p) => PORTFOLIO[p]).filter(Boolean))];
    const y = roleYears(gov.map((x) => x.r));
    const what = `Government official${where ? ` of ${where}` : ''}${portfolios.length ? ` (${portfolios.join(', ')})` : ''}`;
    return { text: `${what}${y.text}.`, dates: y.from || y.to ? { from: y.from, to: y.to } : null, country };
  }
  const igo = withCountry.find((x) => x.r.code.startsWith('IGO'));
  if (igo) {
    const rest = igo.r.code.slice(3);
    const body = Object.keys(IGO_NAMES).sort((a, b) => b.length - a.length).find((k) => rest.startsWith(k));
    const y = roleYears(withCountry.filter((x) => x.r.code.startsWith('IGO')).map((x) => x.r));
    return { text: `Official of ${body ? IGO_NAMES[body] : 'an intergovernmental organisation'}${y.text}.`, dates: y.from || y.to ? { from: y.from, to: y.to } : null, country };
  }
  const all = withCountry.flatMap((x) => x.parts);
  const kind = all.includes('MIL')
    ? 'Military figure'
    : all.some((p) => ['REB', 'INS', 'SEP', 'UAF'].includes(p))
      ? 'Figure in an armed opposition group'
      : all.includes('OPP')
        ? 'Opposition figure'
        : all.includes('JUD')
          ? 'Judicial figure'
          : all.includes('LEG')
            ? 'Legislator'
            : all.includes('MED')
              ? 'Media figure'
              : all.includes('BUS')
                ? 'Business figure'
                : all.includes('HRI')
                  ? 'Human rights figure'
                  : all.includes('NGO')
                    ? 'Figure in a non-governmental organisation'
                    : 'Political figure';
  const y = roleYears(withCountry.filter((x) => !x.parts.includes('ELI')).map((x) => x.r));
  return { text: `${kind}${where ? ` in ${where}` : ''}${y.text}.`, dates: y.from || y.to ? { from: y.from, to: y.to } : null, country };
}

function orgTypeAndDescription(rec: PhoenixRecord, name: string, ctx: CleanContext): { type: ActorType; text: string; country: string | null } {
  const codes = rec.roles.map((r) => r.code);
  const parts = codes.flatMap(chunks);
  const country = codes.map((c) => codeCountry(c, ctx)).find((c) => c) ?? null;
  const where = countryOf(country, ctx);
  const inWhere = where ? ` in ${where}` : '';
  const ofWhere = where ? ` of ${where}` : '';
  const upper = rec.name;
  if (rec.file.includes('MilNonState') || parts.some((p) => ['REB', 'INS', 'SEP', 'UAF', 'IMG'].includes(p)) || codes.some((c) => c.startsWith('IMG'))) {
    const kind = parts.includes('SEP') ? 'Separatist armed group' : parts.includes('INS') ? 'Insurgent group' : codes.some((c) => c.startsWith('IMG')) ? 'Transnational armed group' : 'Armed group';
    return { type: 'armed-group', text: `${kind}${inWhere || (country ? '' : '')}.`, country };
  }
  const civilian = /\b(?:LEAGUE|ASSOCIATION|FOUNDATION|SOCIETY|COMPANY|INC|CORPORATION|CORP|INSTITUTE|UNIVERSITY|COLLEGE|SCHOOL|CENTER|CENTRE|AGENCY|SERVICE|COOPERATION|TEAM|CELL)\b/.test(upper);
  if (parts.includes('MIL') && !civilian && (!parts.includes('GOV') || /\b(?:ARMY|FORCES?|NAVY|AIR FORCE|MILITARY|GUARDS?|CORPS|RIFLES|MARINES)\b/.test(upper))) {
    return { type: 'military', text: `Military or security force${ofWhere}.`, country };
  }
  if (codes.some((c) => c.startsWith('MNC'))) {
    const industry = /^([A-Za-z][A-Za-z &/,.-]+?)\s*(?:\t|\$|$)/.exec(rec.comment)?.[1]?.trim();
    const ok = industry && industry.length < 60 && !/NGO_Actors|MleH|kkl|^n\/a$/i.test(industry);
    return { type: 'organization', text: `Company${ok ? ` (${industry!.toLowerCase()})` : ''}${where ? ` based in ${where}` : ''}.`, country };
  }
  if (parts.includes('MED') && !parts.includes('GOV')) return { type: 'media', text: `News or media organisation${inWhere}.`, country };
  if (codes.some((c) => c.startsWith('IGO'))) {
    const rest = codes.find((c) => c.startsWith('IGO'))!.slice(3);
    const body = Object.keys(IGO_NAMES).sort((a, b) => b.length - a.length).find((k) => rest.startsWith(k) && IGO_NAMES[k] !== `the ${name}`);
    return { type: 'organization', text: body && rest !== body ? `Intergovernmental body, part of ${IGO_NAMES[body]}.` : 'Intergovernmental organisation.', country: null };
  }
  if (codes.some((c) => c.startsWith('NGO') || c.startsWith('NGM'))) {
    const focus = [...new Set(parts.slice(1).map((p) => FOCUS[p]).filter(Boolean))];
    return { type: 'organization', text: `Non-governmental organisation${focus.length ? ` (${focus.join(', ')})` : ''}${where ? `, ${where}` : ''}.`, country };
  }
  if (parts.includes('GOV') || parts.includes('LEG') || parts.includes('JUD') || parts.includes('COP') || parts.includes('SPY')) {
    const kind = parts.includes('LEG')
      ? 'Legislative body'
      : parts.includes('JUD')
        ? 'Judicial body'
        : parts.includes('SPY')
          ? 'Intelligence or security agency'
          : parts.includes('COP')
            ? 'Police or internal security body'
            : 'Government body';
    return { type: 'government', text: `${kind}${ofWhere}.`, country };
  }
  if (parts.includes('OPP')) return { type: 'organization', text: `Opposition organisation${inWhere}.`, country };
  if (parts.includes('PTY')) return { type: 'organization', text: `Political party${inWhere}.`, country };
  if (parts.includes('MED')) return { type: 'media', text: `News or media organisation${inWhere}.`, country };
  if (parts.includes('BUS')) return { type: 'organization', text: `Business organisation${inWhere}.`, country };
  if (parts.includes('EDU')) return { type: 'organization', text: `Educational or research institution${inWhere}.`, country };
  const focus = [...new Set(parts.map((p) => FOCUS[p]).filter(Boolean))];
  return { type: 'organization', text: `Organisation${focus.length ? ` (${focus.join(', ')})` : ''}${inWhere}.`, country };
}

/** "(ETA)" in a name: an acronym alias; "(GREECE)": a qualifier to drop. */
function splitParenthetical(p: string, known: (w: string) => boolean): { name: string; acronyms: string[] } {
  const acronyms: string[] = [];
  const name = p
    .replace(/\s*\(([^)]*)\)\s*/g, (_, inner: string) => {
      const t = inner.trim();
      if (/^[A-Z.\-/]{2,8}$/.test(t) && !known(t.toLowerCase())) acronyms.push(t);
      return ' ';
    })
    .replace(/\s+/g, ' ')
    .trim();
  return { name, acronyms };
}

/**
 * A bare name of two or three words filed under a government role, with no synonyms of its own and
 * no word an institution's name has (no English word, no acronym, no role noun): the dictionaries
 * list office holders that way ("SAEB_EREKAT [PSEGOV]", "ZORAN_MILANOVIC [HRVGOV]"), and they are
 * people, not governments. "SHIN_BET" and "DOWNING_STREET" are English words; "GRU" is one word.
 */
function officeHolder(rec: PhoenixRecord, ctx: CleanContext, known: (w: string) => boolean): boolean {
  if (rec.synonyms.length > 0 || !rec.roles.some((r) => chunks(r.code).includes('GOV'))) return false;
  const toks = tokensOf(rec.name);
  const name = toks.join(' ');
  // Two words at least once titles and demonym-like words are off (else the person would be dropped as a bare surname).
  if (toks.length < 2 || toks.length > 3 || tokensOf(personCore(name, ctx)).length < 2) return false;
  // An acronym in the name ("ABN AMRO") makes it an institution's.
  if (properCase(name, known).split(' ').some((t) => /^\p{Lu}{2,}$/u.test(t))) return false;
  if (ctx.placeNames.has(aliasKey(name))) return false;
  return toks.every((t) => {
    const lower = t.toLowerCase();
    if (!/^\p{L}[\p{L}'-]+$/u.test(t) || !/[AEIOUYÀ-ÖØ-Ý]/i.test(t) || t.length < 3) return false;
    return !ORG_WORDS.has(t) && !ctx.roleNouns.has(t) && (!ctx.words.english.has(lower) || ctx.words.givenNames.has(lower));
  });
}

/** The head noun of a phrase: the last word before "of", "for", "in"… or the last word. */
function headNoun(p: string): string {
  const toks = tokensOf(p);
  const cut = toks.findIndex((t, i) => i > 0 && /^(?:OF|FOR|IN|TO|ON|AT|WITHOUT|FROM|AGAINST)$/.test(t));
  const head = cut > 0 ? toks.slice(0, cut) : toks;
  return head[head.length - 1] ?? '';
}

interface Working {
  rec: PhoenixRecord;
  person: boolean;
  /** Synonyms kept as aliases. */
  aliases: string[];
  /** Short (one-token) aliases, claimed weakly. */
  short: string[];
  /** Leaders split off: the person phrase, plus one-token aliases (surnames) that go with it. */
  people: { phrase: string; short: string[] }[];
  /** Other bodies filed as synonyms. */
  bodies: string[];
  governmentPhrases: string[];
}

export function cleanPhoenix(records: PhoenixRecord[], ctx: CleanContext): { drafts: DraftEntity[]; report: CleanReport } {
  const report: CleanReport = { records: records.length, countryRecords: 0, generic: 0, leadersSplit: 0, bodiesSplit: 0, acronymsDropped: 0, governmentPhrases: 0, merged: 0, surnameOnly: 0, entities: 0 };
  // Words of people's names and of places count as words, not acronyms, when proper-casing.
  const knownNameWords = new Set<string>();
  const known = (w: string) => ctx.words.english.has(w) || ctx.words.givenNames.has(w) || knownNameWords.has(w);
  /** One-word synonyms listed before the leader whose surname they are. */
  const pendingSurnames = new Map<string, string[]>();
  const personFirst = new Set<string>();
  const personLast = new Set<string>();
  for (const r of records) {
    if (/CountryInfo|IGOrulers/i.test(r.comment)) {
      const toks = tokensOf(r.name.replace(/-/g, ' '));
      if (toks.length >= 2) personFirst.add(toks[0]);
      if (toks.length >= 2 && toks[toks.length - 1].length > 3) personLast.add(toks[toks.length - 1]);
      for (const t of toks) knownNameWords.add(t.toLowerCase());
    }
  }
  for (const c of ctx.countries.values()) for (const t of c.name.toUpperCase().split(/[\s-]+/)) knownNameWords.add(t.toLowerCase());

  const isCountryCode = (code: string) => code.length === 3 && ctx.alpha3.has(code);
  const countryNames = new Set<string>();
  for (const c of ctx.countries.values()) for (const n of [c.name, ...c.aliases]) countryNames.add(normalise(n.toUpperCase()));

  // 1. Classify each record and sort its synonyms.
  const working: Working[] = [];
  let previous: Working | null = null;
  for (const rec of records) {
    if (rec.roles.length === 0) continue;
    // A country's own record (code = the bare country code) lists cities and spellings: skip it.
    if ((rec.roles.every((r) => isCountryCode(r.code) || /^[A-Z]{3}$/.test(r.code)) && !rec.roles.some((r) => r.code === 'ELI')) || [rec.name, ...rec.synonyms].some((n) => countryNames.has(normalise(n)))) {
      report.countryRecords++;
      previous = null;
      continue;
    }
    const titled = rec.synonyms.some((syn) => /^(?:PRESIDENT|PRIME MINISTER|MR\.?|MRS\.?|MS\.?|DR\.?|KING|QUEEN|PRINCE|SHEIKH|GENERAL|GEN\.?|FOREIGN MINISTER|MINISTER|SECRETARY|CHANCELLOR|AMBASSADOR|SENATOR|GOVERNOR) /.test(syn) && shareNameToken(rec.name, syn));
    const person =
      /CountryInfo|IGOrulers/i.test(rec.comment) ||
      officeHolder(rec, ctx, known) ||
      (rec.roles.some((r) => chunks(r.code).includes('ELI')) && !/\b(?:GOVERNMENT|MINISTRY|PARTY|COUNCIL)\b/.test(rec.name)) ||
      (titled && !tokensOf(rec.name).some((t) => ORG_WORDS.has(t))) ||
      looksLikePerson(rec.name, ctx, personFirst, personLast);
    const head = headNoun(rec.name);
    if (!person && ctx.roleNouns.has(head) && !ORG_WORDS.has(head)) {
      report.generic++;
      continue;
    }
    // A record without codes of its own right after a person's record, sharing the surname,
    // is another spelling of that person ("LEONID ILYICH BREZHNEV" after "LEONID BREZHNEV").
    if (previous && previous.person && person && sameRoles(previous.rec, rec) && shareNameToken(previous.rec.name, rec.name)) {
      previous.aliases.push(rec.name, ...rec.synonyms.filter((s) => shareNameToken(previous!.rec.name, s)));
      report.merged++;
      continue;
    }
    const w: Working = { rec, person, aliases: [], short: [], people: [], bodies: [], governmentPhrases: [] };
    const synonyms = rec.synonyms.flatMap((s) => s.split('+').map((x) => x.trim())).filter(Boolean);
    for (let i = 0; i < synonyms.length; i++) {
      const s = synonyms[i];
      const comment = rec.synonymComments[i] ?? '';
      if (s.includes(',') || tokensOf(s).length > 8) continue;
      const single = tokensOf(s).length === 1;
      if (person) {
        if (GOVERNMENT_PHRASE.test(s)) {
          // "SYRIA'S GOVERNMENT" names whoever governs; only "<surname> government" is his.
          if (!/'S?\b|S GOVERNMENT$/.test(s) || shareNameToken(rec.name, s)) w.governmentPhrases.push(s);
          report.governmentPhrases++;
          continue;
        }
        if (FORCES_PHRASE.test(s)) {
          report.governmentPhrases++;
          continue;
        }
        if (!single && !shareNameToken(rec.name, s) && looksLikePerson(s, ctx, personFirst, personLast)) {
          const same = w.people.find((p) => shareNameToken(p.phrase, s));
          if (same) same.short.push(s);
          else w.people.push({ phrase: s, short: [] });
          report.leadersSplit++;
          continue;
        }
        if (single) w.short.push(s);
        else w.aliases.push(s);
        continue;
      }
      // An organisation's synonyms.
      const killed = /\b(?:killed|captured|arrested|died)\b/i.test(comment);
      if (!single && !shareNameToken(rec.name, s) && (killed || looksLikePerson(s, ctx, personFirst, personLast))) {
        const same = w.people.find((p) => shareNameToken(p.phrase, s));
        if (same) same.short.push(s);
        else w.people.push({ phrase: s, short: [] });
        report.leadersSplit++;
        continue;
      }
      // Another body filed under this one's code ("+OVERSEAS PRIVATE INVESTMENT CORPORATION" under
      // the Federal Trade Commission, "+LIWAA AL UMMA" under the Free Syrian Army): its own entity.
      if (!single && tokensOf(rec.name).length >= 2 && !shareNameToken(rec.name, s) && !isInitials(s, rec.name) && !isInitials(rec.name, s)) {
        w.bodies.push(s);
        report.bodiesSplit++;
        continue;
      }
      if (single) {
        // A one-word synonym: an acronym of the group, or the surname of a leader listed beside it.
        const leader = w.people.find((p) => nameTokens(p.phrase).includes(s.replace(/^(?:AL|EL)-/, '')));
        const later = synonyms.slice(i + 1).find((x) => tokensOf(x).length > 1 && !shareNameToken(rec.name, x) && nameTokens(x).includes(s.replace(/^(?:AL|EL)-/, '')));
        if (leader) leader.short.push(s);
        else if (later) pendingSurnames.set(later, [...(pendingSurnames.get(later) ?? []), s]);
        else if (/^[A-Z.\-/&]{2,7}$/.test(s) && !ctx.words.english.has(s.toLowerCase())) {
          // An acronym must spell the group's name or one of its aliases ("INLA" yes; "PLA",
          // another group's, no).
          if ([rec.name, ...synonyms].some((x) => isInitials(s, x))) w.short.push(s);
          else report.acronymsDropped++;
        } else if (!ctx.words.common.has(s.toLowerCase())) w.short.push(s);
        continue;
      }
      w.aliases.push(s);
    }
    // Surnames listed before their leader.
    for (const p of w.people) {
      const extra = pendingSurnames.get(p.phrase);
      if (extra) p.short.push(...extra);
    }
    pendingSurnames.clear();
    working.push(w);
    previous = w;
  }

  // 2. Entities, merging the same person listed twice (same core name and country).
  const drafts: DraftEntity[] = [];
  const byPersonKey = new Map<string, DraftEntity>();
  const addPerson = (upperNameIn: string, aliasesIn: string[], shortIn: string[], desc: ReturnType<typeof personDescription>, ref: string, derivedFrom?: string) => {
    // A person filed under a surname alone ("IRVINE") is named by the fullest alias that contains
    // it ("LORD IRVINE" → "Irvine", "MOUMOUNI DJERMAKOYE"); with none, the surname is only a weak
    // alias, never a name that beats a place.
    let upperName = upperNameIn;
    let aliases = aliasesIn;
    let short = shortIn;
    if (tokensOf(personCore(upperNameIn, ctx)).length === 1) {
      const fuller = aliasesIn.map((a) => personCore(a, ctx)).filter((a) => tokensOf(a).length >= 2 && nameTokens(a).some((t) => nameTokens(upperNameIn).includes(t)));
      if (fuller.length > 0) {
        upperName = fuller.sort((a, b) => tokensOf(a).length - tokensOf(b).length || (a < b ? -1 : 1))[0];
        aliases = aliasesIn.filter((a) => a !== upperName);
        short = [...shortIn, upperNameIn];
      } else {
        report.surnameOnly++;
        return null;
      }
    }
    const coreUpper = personCore(upperName, ctx);
    const name = personDisplayName(properCase(coreUpper, known));
    const key = `${normalise(coreUpper)}|${desc.country ?? ''}`;
    const claims: AliasClaim[] = [
      { alias: name, strength: STRENGTH.phoenixName },
      ...[upperName, ...aliases].map((a) => ({ alias: personDisplayName(properCase(a, known)), strength: STRENGTH.phoenixAlias })),
      // Surnames claim weakly; other spellings of the full name ("MOHAMMAD MORSY") as aliases.
      ...short.map((a) =>
        tokensOf(a).length > 1
          ? { alias: personDisplayName(properCase(personCore(a, ctx), known)), strength: STRENGTH.phoenixAlias }
          : { alias: properCase(a, known), strength: STRENGTH.phoenixShort },
      ),
    ];
    const existing = byPersonKey.get(key);
    if (existing) {
      existing.claims.push(...claims);
      if (!existing.dates && desc.dates) {
        existing.dates = desc.dates;
        existing.description = desc.text;
      }
      report.merged++;
      return existing;
    }
    const d: DraftEntity = {
      id: '',
      type: 'person',
      name,
      claims,
      description: derivedFrom ? `Associated with ${derivedFrom}.` : desc.text,
      derived: true,
      country: desc.country,
      wikidata: null,
      dates: derivedFrom ? null : desc.dates,
      source: 'phoenix',
      ref,
    };
    byPersonKey.set(key, d);
    drafts.push(d);
    return d;
  };

  for (const w of working) {
    const rec = w.rec;
    const ref = `${rec.file}:${rec.line}`;
    if (w.person) {
      const desc = personDescription(rec.roles, ctx);
      const p = addPerson(rec.name, w.aliases, w.short, desc, ref);
      if (!p) continue;
      for (const other of w.people) addPerson(other.phrase, [], other.short, { text: '', dates: null, country: desc.country }, ref, `${p.name}`);
      if (w.governmentPhrases.length > 0) {
        const where = countryOf(desc.country, ctx);
        const phrases = w.governmentPhrases.map((g) => governmentDisplay(properCase(g, known)));
        drafts.push({
          id: '',
          type: 'government',
          name: phrases[0],
          claims: phrases.map((alias) => ({ alias, strength: STRENGTH.phoenixAlias })),
          description: `Government${where ? ` of ${where}` : ''} led by ${p.name}.`,
          derived: true,
          country: desc.country,
          wikidata: null,
          dates: p.dates,
          source: 'phoenix',
          ref,
        });
      }
      continue;
    }
    const { name: upperName, acronyms } = splitParenthetical(rec.name, known);
    if (!upperName) continue;
    const name = properCase(upperName, known).replace(/^The /, '');
    const { type, text, country } = orgTypeAndDescription(rec, name, ctx);
    const aliasNames = w.aliases.map((a) => splitParenthetical(a, known));
    const claims: AliasClaim[] = [
      { alias: name, strength: STRENGTH.phoenixName },
      ...aliasNames.filter((a) => a.name).map((a) => ({ alias: properCase(a.name, known).replace(/^The /, ''), strength: STRENGTH.phoenixAlias })),
      ...[...acronyms, ...aliasNames.flatMap((a) => a.acronyms), ...w.short].map((a) => ({ alias: properCase(a, known), strength: STRENGTH.phoenixShort })),
    ];
    const org: DraftEntity = { id: '', type, name, claims, description: text, derived: true, country, wikidata: null, dates: null, source: 'phoenix', ref };
    drafts.push(org);
    for (const b of w.bodies) {
      const split = splitParenthetical(b, known);
      if (!split.name) continue;
      const bodyName = properCase(split.name, known).replace(/^The /, '');
      const body = orgTypeAndDescription({ ...rec, name: split.name }, bodyName, ctx);
      drafts.push({
        id: '',
        type: body.type,
        name: bodyName,
        claims: [{ alias: bodyName, strength: STRENGTH.phoenixAlias }, ...split.acronyms.map((a) => ({ alias: a, strength: STRENGTH.phoenixShort }))],
        description: body.text,
        derived: true,
        country: body.country,
        wikidata: null,
        dates: null,
        source: 'phoenix',
        ref,
      });
    }
    for (const p of w.people) addPerson(p.phrase, [], p.short, { text: '', dates: null, country }, ref, name);
  }
  report.entities = drafts.length;
  return { drafts, report };
}

function sameRoles(a: PhoenixRecord, b: PhoenixRecord): boolean {
  return a.roles.length === b.roles.length && a.roles.every((r, i) => r.code === b.roles[i].code && r.from === b.roles[i].from && r.to === b.roles[i].to);
}

function normalise(p: string): string {
  return p.toLowerCase().replace(/[-.']/g, ' ').replace(/\s+/g, ' ').trim();
}

/** "Bashar al Assad" → "Bashar al-Assad": the usual English spelling of the article in names. */
function personDisplayName(name: string): string {
  return name.replace(/\b(al|el) (?=\p{Lu})/gu, '$1-');
}

/** "Assad Government" → "Assad government". */
function governmentDisplay(name: string): string {
  return name.replace(/ (Government|Regime|Administration|Cabinet)$/, (_, w: string) => ` ${w.toLowerCase()}`);
}

/** Is `acr` the initials of `p` ("INLA" of "IRISH NATIONAL LIBERATION ARMY"; "of", "the"… may be skipped)? */
function isInitials(acr: string, p: string): boolean {
  const letters = acr.replace(/[^A-Z]/g, '');
  if (letters.length < 2 || letters.length > 8) return false;
  const words = tokensOf(p.replace(/[-/]/g, ' ')).map((w) => w.replace(/[^A-Z]/g, '')).filter(Boolean);
  const small = new Set(['OF', 'THE', 'AND', 'FOR', 'IN', 'ON', 'AL', 'EL', 'DE', 'LA', 'DU', 'DES', 'DEL', 'TO', 'A']);
  const match = (li: number, wi: number): boolean => {
    if (li === letters.length) return words.slice(wi).every((w) => small.has(w));
    if (wi === words.length) return false;
    const w = words[wi];
    if (w[0] === letters[li] && match(li + 1, wi + 1)) return true;
    return small.has(w) && match(li, wi + 1);
  };
  return match(0, 0);
}

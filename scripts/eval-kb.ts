/**
 * `npm run eval:kb`: what the bundled knowledge base holds and how well it serves.
 * Prints entity counts by type and source, the size of each shipped file (raw and gzip) against
 * the budgets, how long the index takes to load, how long a lookup takes, coverage of the labelled
 * actors of the founding article and the fixtures (development set) and, held out, agreement with
 * the gold names of CoNLL-2003 dev. Timings are medians of several runs; they depend on the load
 * of the machine, which is printed with them.
 *
 *   npm run eval:kb
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { loadavg } from 'node:os';
import path from 'node:path';
import { createKnowledgeBase } from '../lib/kb/knowledge-base';
import { readKbDetails } from '../lib/kb/details-file';
import { parseKbIndex } from '../lib/kb/index-file';
import { ACTOR_TYPES } from '../lib/schema';
import { REPO, SHARED, median, printTable } from './lib/common';
import { scoreConll, scoreLabels, type Labels } from './kb/evaluate';

const KB_DIR = path.join(REPO, 'public/kb');
const BUDGET_INDEX = 1024 * 1024;
const BUDGET_ALL = 2 * 1024 * 1024;

function gz(bytes: Buffer | string): number {
  return gzipSync(bytes, { level: 9 }).length;
}

function kib(n: number): string {
  return `${(n / 1024).toFixed(0)} KB`;
}

/** CPU milliseconds of this process: on a busy machine, wall time counts other processes' turns. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function time<T>(f: () => T): [T, number] {
  const t = cpuMs();
  const r = f();
  return [r, cpuMs() - t];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/**
 * The names a recogniser looks up in a text: from each capitalised word, 1 to 4 words joined by
 * a space or a hyphen (as lib/actors/recognize.ts joins them), a possessive "'s" stripped.
 */
function candidateSurfaces(text: string): string[] {
  const tokens = [...text.matchAll(/[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}]|[-'’.](?=[\p{L}\p{N}]))*/gu)];
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!/^\p{Lu}/u.test(tokens[i][0])) continue;
    for (let n = 1; n <= 4 && i + n <= tokens.length; n++) {
      const last = tokens[i + n - 1];
      if (n > 1) {
        const prev = tokens[i + n - 2];
        const gap = text.slice(prev.index + prev[0].length, last.index);
        if (gap !== ' ' && gap !== '-') break;
      }
      out.push(text.slice(tokens[i].index, last.index + last[0].length).replace(/['’]s$/, ''));
    }
  }
  return out;
}

const indexText = readFileSync(path.join(KB_DIR, 'index.txt'), 'utf8');
const detailsHeader = readFileSync(path.join(KB_DIR, 'details/header.json'), 'utf8');
const detailFiles = new Map(readdirSync(path.join(KB_DIR, 'details')).map((f) => [`kb/details/${f}`, readFileSync(path.join(KB_DIR, 'details', f))]));
const readDetails = () => readKbDetails(detailsHeader, (file) => detailFiles.get(file)!);
const shardSizes = [...detailFiles].filter(([f]) => f.endsWith('.txt')).map(([, b]) => b.length);
const detailsRaw = [...detailFiles.values()].reduce((n, b) => n + b.length, 0);
const load = loadavg()[0];

// Loading, median of 7 runs.
const parse: number[] = [];
const table: number[] = [];
const detailParse: number[] = [];
const firstBackground: number[] = [];
const coldBackground: number[] = [];
let kb = createKnowledgeBase(parseKbIndex(indexText), readDetails());
for (let r = 0; r < 7; r++) {
  const [index, tp] = time(() => parseKbIndex(indexText));
  const [k, tt] = time(() => createKnowledgeBase(index));
  const [details, td] = time(readDetails);
  const withDetails = createKnowledgeBase(index, details);
  // As in the page: the recogniser looked the actor up, then the popup asks for its background.
  const syria = withDetails.lookup('Syria')!;
  const [, tb] = time(() => withDetails.background(syria.id));
  const [, tc] = time(() => withDetails.background('kb:debkafile'));
  coldBackground.push(tc);
  parse.push(tp);
  table.push(tt);
  detailParse.push(td);
  firstBackground.push(tb);
  void k;
  kb = withDetails;
}

// Lookups of every candidate name in the founding article and the fixtures, median of 5 runs.
const texts = [readFileSync(path.join(SHARED, 'seed/palmyra-article.txt'), 'utf8')];
for (const f of ['sample-article', 'palmyra']) texts.push(readFileSync(path.join(REPO, 'tests/fixtures', f, 'page.html'), 'utf8').replace(/<[^>]+>/g, ' '));
const surfaces = texts.flatMap(candidateSurfaces);
const perLookup: number[] = [];
const perMapGet: number[] = [];
let hits = 0;
// A bare Map of as many keys, probed with the same fresh strings: what one hash probe costs on
// this machine at this moment, so that the lookup's cost can be read independently of the load.
const bare = new Map<string, number>();
for (let i = 0; i < kb.size * 2; i++) bare.set(`key ${i}`, i);
const RUNS = 9;
const ROUNDS = 20;
// Every probe gets a string of its own, as the recogniser slices each name from the text: a
// string's hash is computed once and cached, so reusing strings would flatter both timings.
const freshCopies = () => {
  const out: string[] = [];
  for (let k = 0; k < ROUNDS; k++) for (const s of surfaces) out.push((' ' + s).slice(1));
  return out;
};
for (let r = 0; r < RUNS; r++) {
  const fresh = freshCopies();
  let t = cpuMs();
  for (const s of fresh) if (kb.lookup(s)) hits++;
  perLookup.push(((cpuMs() - t) / fresh.length) * 1e6);
  const fresh2 = freshCopies();
  t = cpuMs();
  for (const s of fresh2) if (bare.get(s) !== undefined) hits += 0;
  perMapGet.push(((cpuMs() - t) / fresh2.length) * 1e6);
}
const hitRate = hits / (RUNS * ROUNDS * surfaces.length);

// Counts.
const index = parseKbIndex(indexText);
// Every entity appears in the slots (the key it wins) or in `others` (a shared key it may mean).
const entityTexts = new Set<string>();
for (const line of index.slots.all()) {
  const rest = line.slice(line.indexOf('|') + 1);
  if (line !== '' && rest !== '-') entityTexts.add(rest);
}
for (const line of index.others.all()) for (const e of line.split('\t').slice(1)) entityTexts.add(e);
const typeCount = new Map<string, number>();
const sourceCount = new Map<string, number>();
const sourceNames: Record<string, string> = { o: 'overlay', p: 'phoenix', c: 'countries', g: 'geonames' };
for (const e of entityTexts) {
  const type = index.types[Number(e.split('|')[0])];
  typeCount.set(type, (typeCount.get(type) ?? 0) + 1);
}
for (const line of [...detailFiles].flatMap(([f, b]) => (f.endsWith('.txt') ? b.toString('utf8').split('\n').slice(0, -1) : []))) {
  const src = sourceNames[line.split('\t')[5]?.charAt(0) ?? ''] ?? '?';
  sourceCount.set(src, (sourceCount.get(src) ?? 0) + 1);
}

console.log(`Knowledge base: ${kb.size} entities (target ≥ 30,000); load average ${load.toFixed(1)} on this machine during the run\n`);
printTable([['type', 'entities'], ...ACTOR_TYPES.map((t) => [t, typeCount.get(t) ?? 0]), ['total', kb.size]]);
console.log();
printTable([['source', 'entities'], ...['overlay', 'countries', 'phoenix', 'geonames'].map((s) => [s, sourceCount.get(s) ?? 0])]);
console.log();

const indexGz = gz(indexText);
const detailsGz = [...detailFiles.values()].reduce((n, b) => n + gz(b), 0);
const sizeRows: (string | number)[][] = [
  ['file', 'raw', 'gzip', 'budget (gzip)'],
  ['public/kb/index.txt (fetched by the analyzer)', kib(indexText.length), kib(indexGz), `${kib(BUDGET_INDEX)} ${indexGz <= BUDGET_INDEX ? 'ok' : 'OVER'}`],
  [`public/kb/details/: header and ${shardSizes.length} shards of ${kib(Math.min(...shardSizes))}–${kib(Math.max(...shardSizes))} (read a few at a time)`, kib(detailsRaw), kib(detailsGz), ''],
];
const built = path.join(REPO, '.output/chrome-mv3');
if (existsSync(built)) {
  const files = filesUnder(built);
  const all = files.reduce((n, f) => n + gz(readFileSync(f)), 0);
  const raw = files.reduce((n, f) => n + statSync(f).size, 0);
  sizeRows.push(['.output/chrome-mv3, every file', kib(raw), kib(all), `${kib(BUDGET_ALL)} ${all <= BUDGET_ALL ? 'ok' : 'OVER'}`]);
  const content = files.filter((f) => /content-scripts\/.*\.js$/.test(f));
  const cs = content.reduce((n, f) => n + gz(readFileSync(f)), 0);
  sizeRows.push(['content script JS', kib(content.reduce((n, f) => n + statSync(f).size, 0)), kib(cs), '150 KB before the index']);
} else {
  sizeRows.push(['kb files together', kib(indexText.length + detailsRaw), kib(indexGz + detailsGz), `${kib(BUDGET_ALL)} for the whole extension`]);
}
printTable(sizeRows);
console.log('(`npm run build` first to measure the whole extension)\n'.slice(existsSync(built) ? 999 : 0));

printTable([
  ['loading (median of 7, CPU ms)', 'ms'],
  ['index: lines found from the lengths line (a page decodes the bytes first)', median(parse)],
  ['index: lookup table (the slot lines as they are)', median(table)],
  ['index: total', median(parse) + median(table)],
  ['details: header read, shards as bytes (the CLI; the background fetches the shards it needs)', median(detailParse)],
  ['details: background of an actor the page found', median(firstBackground)],
  ['details: background of another id (a binary search over its shard)', median(coldBackground)],
]);
console.log();
printTable([
  ['lookup', 'value'],
  ['names looked up (1–4 words from each capitalised word of 3 texts)', surfaces.length],
  ['found', `${(hitRate * 100).toFixed(1)}%`],
  ['CPU ns per lookup (best of 9 runs; median in brackets)', `${Math.round(Math.min(...perLookup))} (${Math.round(median(perLookup))})`],
  ['CPU ns per bare Map.get of the same fresh strings (best of 9)', `${Math.round(Math.min(...perMapGet))} (${Math.round(median(perMapGet))})`],
  ['lookup cost in bare hash probes', (Math.min(...perLookup) / Math.min(...perMapGet)).toFixed(1)],
]);
console.log();

const labels = JSON.parse(readFileSync(path.join(REPO, 'data/eval/kb-labels.json'), 'utf8')) as Labels;
const scores = scoreLabels(kb, labels);
printTable([
  ['article (dev)', 'actors', 'correct', 'wrong', 'missing', 'described', 'written', 'non-actors', 'false hits'],
  ...scores.map((s) => [s.article, s.actors, s.correct, s.wrong, s.missing, s.described, s.written, s.notActors, s.falseHits]),
]);
for (const s of scores) for (const f of s.failures) console.log(`  ${s.article}: ${f}`);
console.log();

const conllPath = path.join(SHARED, 'nlp-gold/conll2003_dev.txt');
if (existsSync(conllPath)) {
  const c = scoreConll(kb, conllPath);
  printTable([
    ['CoNLL-2003 dev (held out)', 'gold names', 'resolved', 'coverage', 'type agrees', 'agreement'],
    ...c.byTag.map((t) => [t.tag, t.gold, t.resolved, `${((t.resolved / t.gold) * 100).toFixed(1)}%`, t.agree, `${((t.agree / Math.max(1, t.resolved)) * 100).toFixed(1)}%`]),
  ]);
  console.log(
    `capitalised words inside sentences that are no entity: ${c.plainCapitalised}; the KB resolves ${c.falseHits} (${((c.falseHits / c.plainCapitalised) * 100).toFixed(1)}%), ${c.weakFalseHits} of them flagged weak`,
  );
  console.log(`  e.g. ${c.examples.join('; ')}`);
}
console.log('\ncommand: npm run eval:kb');

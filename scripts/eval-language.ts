/**
 * Language detection (lib/text/language.ts), scored per language on texts assembled from the
 * development data and the repository's fixtures:
 *
 *   - corpus/readability dev pages: the text of expected.html, labelled by LABELS below (the
 *     language of the text, checked by reading it; expected-metadata.json's `lang` is what the
 *     page declares, and is wrong on some pages, e.g. liberation-1 declares "en");
 *   - corpus/aeb dev pages: ground-truth articleBody (all English but those in AEB_LABELS, each
 *     read by hand; every page was skimmed for text in another language);
 *   - summ-gold (CNN/DM, English) articles, the first 40;
 *   - tests/fixtures/<name>/page.html (our own pages, English) through the pipeline's article text.
 *
 * Each text is scored whole (first 3,000 characters, as the extension reads it) and as its first
 * paragraph of 200+ characters (a short text). "unknown" counts as wrong. The function-word lists
 * were written and tuned on the unit test's own paragraphs only; this set was not tuned on.
 *
 *   npm run eval:language            # the table
 *   npm run eval:language -- --list  # also every miss
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../lib/analysis';
import { detectLanguage, decideLanguage } from '../lib/text/language';
import { REPO, median, parseDocument, percentile, printTable, sharedPath } from './lib/common';

/** Language of the text of corpus/readability pages whose metadata has no `lang` or a wrong one. */
const LABELS: Record<string, string> = {
  'liberation-1': 'fr',
  gmw: 'zh',
  qq: 'zh',
  'la-nacion': 'es',
};
/** Pages of Lorem ipsum (no language): left out. */
const NO_LANGUAGE = new Set(['rtl-1', 'rtl-2', 'rtl-3', 'missing-paragraphs']);
/** AEB dev pages whose article is not in English (read by hand from the ground truth). */
const AEB_LABELS: Record<string, string> = {
  '0ec95c7261d1': 'ko',
  '9da36ae4714b': 'ko',
  '11ea381ad92b': 'pt',
  '23aaecd14171': 'pt',
  b3c19dd5f061: 'pt',
  cc03ddb5ef7d: 'pt',
  f6ac15a4d985: 'pt',
  '21486419bb10': 'id',
  b6fb53e9fb04: 'it',
  c4a3637c6696: 'ru',
  f105de6e63ca: 'ja',
};

interface Sample {
  set: string;
  name: string;
  lang: string;
  declared: string | null;
  text: string;
}

function primary(tag: unknown): string | null {
  return typeof tag === 'string' && /^[a-z]{2,3}/i.test(tag) ? tag.slice(0, tag.search(/[-_]|$/)).toLowerCase() : null;
}

function samples(): Sample[] {
  const out: Sample[] = [];
  const split = JSON.parse(readFileSync(sharedPath('corpus/split-dev.json'), 'utf8')) as Record<string, unknown>;
  const readabilityDev = (split.readability_dev as string[]) ?? [];
  for (const name of readabilityDev) {
    const dir = sharedPath('corpus/readability', name);
    if (!existsSync(path.join(dir, 'expected.html')) || NO_LANGUAGE.has(name)) continue;
    const meta = JSON.parse(readFileSync(path.join(dir, 'expected-metadata.json'), 'utf8')) as { lang?: string };
    const lang = LABELS[name] ?? primary(meta.lang);
    // Synthetic unit pages without a language of their own text are left out.
    if (!lang) continue;
    const text = (parseDocument(`<html><body>${readFileSync(path.join(dir, 'expected.html'), 'utf8')}</body></html>`).body.textContent ?? '').replace(/\s+/g, ' ').trim();
    out.push({ set: 'readability', name, lang, declared: primary(meta.lang), text });
  }
  const truth = JSON.parse(readFileSync(sharedPath('corpus/aeb/ground-truth.json'), 'utf8')) as Record<string, { articleBody: string }>;
  for (const [id, { articleBody }] of Object.entries(truth)) out.push({ set: 'aeb', name: id.slice(0, 12), lang: AEB_LABELS[id.slice(0, 12)] ?? 'en', declared: null, text: articleBody });
  const summ = readFileSync(sharedPath('summ-gold/cnndm_test_raw_dev60.jsonl'), 'utf8').split('\n').filter(Boolean).slice(0, 40);
  for (const line of summ) {
    const { id, article } = JSON.parse(line) as { id: string; article: string };
    out.push({ set: 'cnndm', name: id, lang: 'en', declared: null, text: article });
  }
  const fixtures = path.join(REPO, 'tests/fixtures');
  for (const name of readdirSync(fixtures)) {
    const file = path.join(fixtures, name, 'page.html');
    if (!existsSync(file)) continue;
    const a = analyze(parseDocument(readFileSync(file, 'utf8')), { force: true, summary: false });
    if (!a.article?.text) continue;
    const lang = primary(JSON.parse(readFileSync(path.join(fixtures, name, 'expected.json'), 'utf8'))?.article?.lang) ?? 'en';
    out.push({ set: 'fixtures', name, lang, declared: null, text: a.article.text });
  }
  return out;
}

/** The first paragraph of at least 200 characters (or the first 300 characters). */
function firstParagraph(text: string): string {
  const para = text.split(/\n\s*\n|\n/).find((p) => p.trim().length >= 200);
  return (para ?? text).trim().slice(0, 400);
}

const list = process.argv.includes('--list');
const all = samples();
const rows = new Map<string, { n: number; whole: number; short: number; unknown: number; decided: number }>();
const misses: string[] = [];
const times: number[] = [];
for (const s of all) {
  const r = rows.get(s.lang) ?? { n: 0, whole: 0, short: 0, unknown: 0, decided: 0 };
  rows.set(s.lang, r);
  r.n++;
  const whole = detectLanguage(s.text);
  const short = detectLanguage(firstParagraph(s.text));
  if (whole.lang === s.lang) r.whole++;
  else misses.push(`${s.set}/${s.name} (${s.lang}): whole text → ${whole.lang ?? 'unknown'} ${whole.confidence}`);
  if (short.lang === s.lang) r.short++;
  else {
    if (short.lang === null) r.unknown++;
    misses.push(`${s.set}/${s.name} (${s.lang}): first paragraph → ${short.lang ?? 'unknown'} ${short.confidence}`);
  }
  // What the extension would act on: the declaration weighed against the text.
  if (decideLanguage(s.declared, s.text).lang === s.lang) r.decided++;
}

// Time: every text again, after a warm-up pass (what a page that has run Sift before sees).
for (let pass = 0; pass < 3; pass++)
  for (const s of all) {
    const t0 = performance.now();
    detectLanguage(s.text);
    if (pass === 2) times.push(performance.now() - t0);
  }

const table: (string | number)[][] = [['language', 'texts', 'whole text', 'first paragraph', '(unknown)', 'decided with declaration']];
let n = 0;
let whole = 0;
let short = 0;
let decided = 0;
for (const [lang, r] of [...rows].sort((a, b) => b[1].n - a[1].n)) {
  table.push([lang, r.n, `${r.whole}/${r.n}`, `${r.short}/${r.n}`, r.unknown, `${r.decided}/${r.n}`]);
  n += r.n;
  whole += r.whole;
  short += r.short;
  decided += r.decided;
}
table.push(['all', n, `${whole}/${n} (${((100 * whole) / n).toFixed(1)}%)`, `${short}/${n} (${((100 * short) / n).toFixed(1)}%)`, '', `${decided}/${n} (${((100 * decided) / n).toFixed(1)}%)`]);
console.log(`Language detection on ${n} texts (corpus dev split, summ-gold, our fixtures)\n`);
printTable(table);
console.log(`\ntime per whole text: median ${median(times).toFixed(3)} ms, p95 ${percentile(times, 95).toFixed(3)} ms (first 3,000 characters read)`);
if (list) for (const m of misses) console.log(`miss: ${m}`);

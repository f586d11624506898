/**
 * Article detection and main-text extraction, scored on ../shared/corpus beside Readability.js
 * 0.6.0 in the same run:
 *
 *   (a) the article-extraction benchmark's shingle F1/P/R (corpus/README.md, restated exactly) of
 *       Sift's `article.text` vs `articleBody` on corpus/aeb, and Readability.js (jsdom, URL
 *       https://fake-url.com, `textContent`) on the same pages;
 *   (b) `isArticle` vs the `readerable` labels of corpus/readability (and extraction there vs
 *       expected.html's text);
 *   (c) the labelled detection set in tests/fixtures/detection (our own pages);
 *   and time per page (median, p95) for Sift's detection + extraction and Readability's parse()
 *   on the same DOM implementation (jsdom), with the ratio.
 *
 * AEB pages are split for honest reporting: "tune" = even index in sorted id order (tuned on),
 * "check" = odd index (not tuned on). All pages are reported too.
 *
 *   npm run eval:article                 # everything
 *   npm run eval:article -- --quick      # Sift on linkedom only (no jsdom, no Readability)
 *   npm run eval:article -- --worst 10   # also list the 10 worst Sift pages (tune split only)
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { detectArticle } from '../lib/article/detect';
import { declaredKind, type ArticleMeta } from '../lib/article/metadata';
import { TextMap } from '../lib/text/textmap';
import { REPO, median, parseDocument, percentile, printTable, sharedPath } from './lib/common';

// ---------------------------------------------------------------------------------------------
// The benchmark's metric (corpus/README.md "Metric"), restated.

const TOKEN_RE = /[\p{L}\p{N}_]+/gu;

export function tokenize(text: string): string[] {
  return text.match(TOKEN_RE) ?? [];
}

function shingles(tokens: string[]): Map<string, number> {
  const out = new Map<string, number>();
  if (tokens.length === 0) return out;
  const n = Math.min(4, tokens.length);
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = tokens.slice(i, i + n).join('\u0001');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

export interface PageScore {
  /** Per-page precision, or null when the prediction has no shingle (left out of the mean). */
  precision: number | null;
  /** Per-page recall, or null when the truth has no shingle. */
  recall: number | null;
  exact: boolean;
}

export function scorePage(prediction: string, truth: string): PageScore {
  const pt = tokenize(prediction);
  const tt = tokenize(truth);
  const p = shingles(pt);
  const t = shingles(tt);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [k, tc] of t) {
    const pc = p.get(k) ?? 0;
    tp += Math.min(tc, pc);
    if (tc > pc) fn += tc - pc;
  }
  for (const [k, pc] of p) {
    const tc = t.get(k) ?? 0;
    if (pc > tc) fp += pc - tc;
  }
  const exact = pt.length === tt.length && pt.every((x, i) => x === tt[i]);
  const sum = tp + fp + fn;
  if (sum === 0) return { precision: null, recall: null, exact };
  // Normalised by their sum as upstream does (every page weighs the same); ratios are unchanged.
  const [ntp, nfp, nfn] = [tp / sum, fp / sum, fn / sum];
  const precision = nfp === 0 && nfn === 0 ? 1 : ntp + nfp > 0 ? ntp / (ntp + nfp) : null;
  const recall = nfp === 0 && nfn === 0 ? 1 : ntp + nfn > 0 ? ntp / (ntp + nfn) : null;
  return { precision, recall, exact };
}

export interface CorpusScore {
  f1: number;
  precision: number;
  recall: number;
  accuracy: number;
  n: number;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

export function aggregate(scores: PageScore[]): CorpusScore {
  const precision = mean(scores.map((s) => s.precision).filter((x): x is number => x !== null));
  const recall = mean(scores.map((s) => s.recall).filter((x): x is number => x !== null));
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { f1, precision, recall, accuracy: mean(scores.map((s) => (s.exact ? 1 : 0))), n: scores.length };
}

/** Standard deviation of F1 over bootstrap resamples of the pages (seeded, so runs repeat). */
export function bootstrapF1(scores: PageScore[], rounds = 1000): number {
  let seed = 12345;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const f1s: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const sample = scores.map(() => scores[Math.floor(rand() * scores.length)]);
    f1s.push(aggregate(sample).f1);
  }
  const m = mean(f1s);
  return Math.sqrt(mean(f1s.map((x) => (x - m) ** 2)));
}

// ---------------------------------------------------------------------------------------------
// Sift's article text, exactly as the pipeline builds it (lib/analysis.ts).

export function siftArticle(doc: Document, url: string): { text: string; isArticle: boolean; confidence: number; signals: string[]; meta: ArticleMeta } {
  const detection = detectArticle(doc, { url });
  const text = detection.root ? TextMap.build(detection.root, { skip: detection.skip }).text : '';
  return { text, isArticle: detection.isArticle, confidence: detection.confidence, signals: detection.signals, meta: detection.meta };
}

/**
 * The content script's guess ahead of detection (`declaredKind`: the page says og:type article),
 * against the detector and the labels: a guess on a page that is no article loads the analyzer
 * for nothing.
 */
class DeclaredTally {
  declared = 0;
  detected = 0;
  labelledArticle = 0;
  labelledOther: string[] = [];
  add(doc: Document, name: string, isArticle: boolean, label: boolean): void {
    if (!declaredKind(doc).article) return;
    this.declared++;
    if (isArticle) this.detected++;
    if (label) this.labelledArticle++;
    else this.labelledOther.push(name);
  }
}

/** Whether Sift's metadata field agrees with Readability's expected value (null when none is expected). */
export function metadataAgrees(field: 'title' | 'byline' | 'siteName' | 'publishedTime' | 'lang', expected: string | null | undefined, got: string | null): boolean | null {
  if (expected === null || expected === undefined || expected === '') return null;
  if (got === null) return false;
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
  if (field === 'lang') return norm(expected).split(/[-_]/)[0] === norm(got).split(/[-_]/)[0];
  if (field === 'publishedTime') {
    const a = Date.parse(expected);
    const b = Date.parse(got);
    // Readability keeps the page's string; Sift normalises to UTC ISO. Same day is agreement when
    // the page gave no time zone.
    return a === b || expected.slice(0, 10) === got.slice(0, 10);
  }
  if (field === 'title') {
    // Sift leaves out the site's name that Readability sometimes keeps ("Mozilla - Wikipedia").
    const e = norm(expected);
    const g = norm(got);
    return e === g || (e.startsWith(g) && /^\s*[|–—\-:»·•_]/.test(e.slice(g.length)));
  }
  if (field === 'byline') {
    // Readability keeps "By" and whatever follows the name in the page ("By X\n March 11");
    // Sift gives the name alone. Agreement: the same name at the start.
    const strip = (s: string) => norm(s).replace(/^(?:by|par|por|von)\s+/, '');
    const e = strip(expected);
    const g = strip(got);
    return e === g || (e.startsWith(g) && !/\p{L}/u.test(e.charAt(g.length)));
  }
  return norm(expected) === norm(got);
}

// ---------------------------------------------------------------------------------------------
// The corpora.

export interface AebPage {
  id: string;
  html: string;
  truth: string;
  url: string;
  /** Index among the dev pages in sorted id order (-1 for a page outside the dev share). */
  index: number;
  /** "tune": dev page with an even index (tuned on); "check": odd index (not tuned on);
   *  "held-out": not in the dev share (only when SIFT_SHARED points at the whole benchmark). */
  split: 'tune' | 'check' | 'held-out';
}

export function loadAeb(): AebPage[] {
  const dir = sharedPath('corpus/aeb');
  const truth = JSON.parse(readFileSync(path.join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string; url: string }>;
  const splitFile = sharedPath('corpus/split-dev.json');
  const devIds = existsSync(splitFile) ? (JSON.parse(readFileSync(splitFile, 'utf8')) as { aeb_dev: string[] }).aeb_dev.map((x) => x.replace(/\.html$/, '')) : Object.keys(truth);
  const dev = [...devIds].sort();
  const devIndex = new Map(dev.map((id, i) => [id, i]));
  return Object.keys(truth)
    .sort()
    .map((id) => {
      const index = devIndex.get(id) ?? -1;
      const split = index < 0 ? 'held-out' : index % 2 === 0 ? 'tune' : 'check';
      return { id, index, split, html: readFileSync(path.join(dir, `${id}.html`), 'utf8'), truth: truth[id].articleBody, url: truth[id].url };
    });
}

/** One neutral address for every labelled page: the file name must not leak into URL cues. */
export const LABELLED_URL = 'https://www.example.test/page';

export interface LabelledPage {
  name: string;
  html: string;
  isArticle: boolean;
  kind: string;
  /** "tune": written while the detector was tuned; "check…": written after, in batches. */
  split: string;
}

/** tests/fixtures/detection/[check/]<article|not-article>/<kind>.html */
export function loadDetectionSet(): LabelledPage[] {
  const dir = path.join(REPO, 'tests/fixtures/detection');
  const out: LabelledPage[] = [];
  const checks = readdirSync(dir).filter((d) => d.startsWith('check')).sort();
  for (const split of ['tune', ...checks]) {
    for (const label of ['article', 'not-article']) {
      const rel = split === 'tune' ? label : `${split}/${label}`;
      const sub = path.join(dir, rel);
      if (!existsSync(sub)) continue;
      for (const f of readdirSync(sub).filter((x) => x.endsWith('.html')).sort()) {
        out.push({ name: `${rel}/${f}`, html: readFileSync(path.join(sub, f), 'utf8'), isArticle: label === 'article', kind: f.replace(/\.html$/, ''), split });
      }
    }
  }
  return out;
}

export interface ExpectedMetadata {
  title?: string | null;
  byline?: string | null;
  siteName?: string | null;
  publishedTime?: string | null;
  lang?: string | null;
  readerable: boolean;
}

export interface ReadabilityPage {
  name: string;
  html: string;
  readerable: boolean;
  expectedText: string | null;
  meta: ExpectedMetadata;
}

export function loadReadabilityPages(): ReadabilityPage[] {
  const dir = sharedPath('corpus/readability');
  return readdirSync(dir)
    .filter((n) => existsSync(path.join(dir, n, 'source.html')))
    .sort()
    .map((name) => {
      const meta = JSON.parse(readFileSync(path.join(dir, name, 'expected-metadata.json'), 'utf8')) as ExpectedMetadata;
      const exp = path.join(dir, name, 'expected.html');
      return {
        name,
        html: readFileSync(path.join(dir, name, 'source.html'), 'utf8').trim(),
        readerable: meta.readerable,
        expectedText: existsSync(exp) ? readFileSync(exp, 'utf8') : null,
        meta,
      };
    });
}

// ---------------------------------------------------------------------------------------------

/** The slice of jsdom 27 this script uses (jsdom ships no types, and @types/jsdom is not needed for this). */
interface JsdomModule {
  JSDOM: new (html: string, options: { url: string; virtualConsole: unknown }) => { window: { document: unknown } };
  VirtualConsole: new () => unknown;
}
const JSDOM_MODULE: string = 'jsdom';

const fmt = (x: number) => x.toFixed(3);
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function main() {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const worstAt = args.indexOf('--worst');
  const worst = worstAt >= 0 ? Number(args[worstAt + 1] ?? 10) : 0;
  const now = () => performance.now();

  const { JSDOM, VirtualConsole } = (await import(JSDOM_MODULE)) as JsdomModule;
  const { Readability, isProbablyReaderable } = await import('@mozilla/readability');
  const quiet = new VirtualConsole();
  const jsdom = (html: string, url: string) => new JSDOM(html, { url, virtualConsole: quiet }).window.document as unknown as Document;

  // (a) AEB
  const aeb = loadAeb();
  // Wall time and this process's CPU time (user + system): on a shared, loaded machine the CPU
  // time is the steadier of the two, since it leaves out the time other processes hold the core.
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  type Row = {
    page: AebPage; sift: PageScore; siftJsdom?: PageScore; readability?: PageScore;
    siftMs?: number; readMs?: number; siftCpu?: number; readCpu?: number; siftLinkedomMs: number; isArticle: boolean;
  };
  const rows: Row[] = [];
  const declared = new DeclaredTally();
  for (const page of aeb) {
    const ldoc = parseDocument(page.html);
    const t0 = now();
    const s = siftArticle(ldoc, page.url);
    const siftLinkedomMs = now() - t0;
    declared.add(ldoc, `aeb ${page.id.slice(0, 10)}`, s.isArticle, true);
    const row: Row = { page, sift: scorePage(s.text, page.truth), siftLinkedomMs, isArticle: s.isArticle };
    if (!quick) {
      const jdoc = jsdom(page.html, 'https://fake-url.com');
      const c1 = cpu();
      const t1 = now();
      const sj = siftArticle(jdoc, page.url);
      row.siftMs = now() - t1;
      row.siftCpu = cpu() - c1;
      row.siftJsdom = scorePage(sj.text, page.truth);
      const rdoc = jsdom(page.html, 'https://fake-url.com');
      const c2 = cpu();
      const t2 = now();
      const parsed = new Readability(rdoc).parse();
      row.readMs = now() - t2;
      row.readCpu = cpu() - c2;
      row.readability = scorePage(parsed?.textContent ?? '', page.truth);
    }
    rows.push(row);
  }

  const parts: [string, (r: Row) => boolean][] = [
    ['tune (even idx)', (r) => r.page.split === 'tune'],
    ['check (odd idx)', (r) => r.page.split === 'check'],
    ['all dev', (r) => r.page.split !== 'held-out'],
  ];
  if (rows.some((r) => r.page.split === 'held-out')) {
    parts.push(['held-out', (r) => r.page.split === 'held-out'], ['all pages', () => true]);
  }
  console.log(`\n(a) Article extraction, AEB pages (${aeb.length}), benchmark shingle metric (macro P/R, F1 of the means);\n    "tune" = dev pages with an even index in sorted id order (tuned on), "check" = odd index (not tuned on)\n`);
  const table: (string | number)[][] = [['extractor', 'split', 'pages', 'F1', '±', 'P', 'R', 'exact']];
  for (const [name, pick] of parts) {
    const sel = rows.filter(pick);
    const a = aggregate(sel.map((r) => r.sift));
    table.push(['Sift (linkedom)', name, sel.length, fmt(a.f1), fmt(bootstrapF1(sel.map((r) => r.sift))), fmt(a.precision), fmt(a.recall), fmt(a.accuracy)]);
    if (!quick) {
      const j = aggregate(sel.map((r) => r.siftJsdom!));
      table.push(['Sift (jsdom)', name, sel.length, fmt(j.f1), fmt(bootstrapF1(sel.map((r) => r.siftJsdom!))), fmt(j.precision), fmt(j.recall), fmt(j.accuracy)]);
      const b = aggregate(sel.map((r) => r.readability!));
      table.push(['Readability.js 0.6.0 (jsdom)', name, sel.length, fmt(b.f1), fmt(bootstrapF1(sel.map((r) => r.readability!))), fmt(b.precision), fmt(b.recall), fmt(b.accuracy)]);
    }
  }
  printTable(table);
  const notArticle = rows.filter((r) => !r.isArticle).map((r) => r.page.index);
  console.log(`\nisArticle on AEB pages (all are articles): ${rows.length - notArticle.length}/${rows.length}${notArticle.length ? ` (missed: idx ${notArticle.join(', ')})` : ''}`);

  if (worst > 0) {
    console.log(`\nWorst Sift pages (tune split, by per-page F1):`);
    const f = (s: PageScore) => ((s.precision ?? 0) + (s.recall ?? 0) > 0 ? (2 * (s.precision ?? 0) * (s.recall ?? 0)) / ((s.precision ?? 0) + (s.recall ?? 0)) : 0);
    const sorted = rows.filter((r) => r.page.split === 'tune').sort((x, y) => f(x.sift) - f(y.sift));
    for (const r of sorted.slice(0, worst)) {
      console.log(`  idx ${r.page.index} ${r.page.id.slice(0, 10)} F1 ${fmt(f(r.sift))} P ${fmt(r.sift.precision ?? 0)} R ${fmt(r.sift.recall ?? 0)}${r.readability ? ` | Readability F1 ${fmt(f(r.readability))}` : ''}  ${r.page.url}`);
    }
  }

  // (b) Readability's own test pages
  const rpages = loadReadabilityPages();
  let agree = 0;
  let readerableAgree = 0;
  const disagreements: string[] = [];
  const extraction: PageScore[] = [];
  const rsExtraction: PageScore[] = [];
  const fields = ['title', 'byline', 'siteName', 'publishedTime', 'lang'] as const;
  const metaAgree = Object.fromEntries(fields.map((f) => [f, { agree: 0, n: 0, wrong: [] as string[] }]));
  for (const p of rpages) {
    const url = 'http://fakehost/test/page.html';
    const ldoc = parseDocument(p.html);
    const s = siftArticle(ldoc, url);
    declared.add(ldoc, p.name, s.isArticle, p.readerable);
    for (const f of fields) {
      const a = metadataAgrees(f, p.meta[f], s.meta[f]);
      if (a === null) continue;
      metaAgree[f].n++;
      if (a) metaAgree[f].agree++;
      else metaAgree[f].wrong.push(`${p.name}: ${JSON.stringify(s.meta[f])} vs ${JSON.stringify(p.meta[f])}`);
    }
    if (s.isArticle === p.readerable) agree++;
    else disagreements.push(`${p.name} (label ${p.readerable}, Sift ${s.isArticle}, confidence ${s.confidence})`);
    if (p.expectedText !== null && p.readerable) {
      const expected = parseDocument(`<!doctype html><html><body>${p.expectedText}</body></html>`).body?.textContent ?? '';
      extraction.push(scorePage(s.text, expected));
      if (!quick) {
        const doc = jsdom(p.html, url);
        if (isProbablyReaderable(doc) === p.readerable) readerableAgree++;
        const parsed = new Readability(doc).parse();
        rsExtraction.push(scorePage(parsed?.textContent ?? '', expected));
      }
    } else if (!quick && isProbablyReaderable(jsdom(p.html, url)) === p.readerable) readerableAgree++;
  }
  console.log(`\n(b) Readability test pages (${rpages.length} dev pages; labels are isProbablyReaderable's own output)\n`);
  const t2: (string | number)[][] = [['', 'agreement with readerable', 'text F1 vs expected.html', 'P', 'R']];
  const se = aggregate(extraction);
  t2.push(['Sift', `${agree}/${rpages.length} = ${fmt(agree / rpages.length)}`, fmt(se.f1), fmt(se.precision), fmt(se.recall)]);
  if (!quick) {
    const re = aggregate(rsExtraction);
    t2.push(['Readability.js 0.6.0 (jsdom)', `${readerableAgree}/${rpages.length} = ${fmt(readerableAgree / rpages.length)}`, fmt(re.f1), fmt(re.precision), fmt(re.recall)]);
  }
  printTable(t2);
  if (disagreements.length) console.log(`  disagreements: ${disagreements.join('; ')}`);
  console.log(`\n    Metadata vs Readability's expected metadata where it has a value (a title is agreed when Readability's is Sift's\n    plus a site suffix; a byline when Readability's is "By " + Sift's + anything after the name)\n`);
  printTable([['field', 'agree', 'pages', 'share'], ...fields.map((f) => [f, metaAgree[f].agree, metaAgree[f].n, fmt(metaAgree[f].agree / (metaAgree[f].n || 1))])]);
  if (args.includes('--meta')) for (const f of fields) for (const w of metaAgree[f].wrong) console.log(`  ${f} ${w}`);

  // (c) our labelled detection set
  const labelled = loadDetectionSet();
  if (labelled.length) {
    console.log(`\n(c) Labelled detection set, tests/fixtures/detection (${labelled.length} pages; "tune" pages were written while tuning the detector;\n    "check" pages after it was frozen; "check-2" after the one fix the check pages led to)\n`);
    const t3: (string | number)[][] = [['', 'pages', 'accuracy', 'articles found', 'non-articles rejected', 'non-articles taken for articles']];
    const wrong: string[] = [];
    for (const split of [...new Set(labelled.map((p) => p.split)), 'all']) {
      const sel = labelled.filter((p) => split === 'all' || p.split === split);
      if (!sel.length) continue;
      let tp = 0, tn = 0, fp = 0;
      let rtp = 0, rtn = 0;
      for (const p of sel) {
        const ldoc = parseDocument(p.html);
        const s = siftArticle(ldoc, LABELLED_URL);
        if (split === 'all') declared.add(ldoc, p.name, s.isArticle, p.isArticle);
        if (s.isArticle && p.isArticle) tp++;
        else if (!s.isArticle && !p.isArticle) tn++;
        else {
          if (s.isArticle) fp++;
          if (split !== 'all') wrong.push(`${p.name} (confidence ${s.confidence}; ${s.signals.join(', ')})`);
        }
        if (!quick) {
          const r = isProbablyReaderable(jsdom(p.html, LABELLED_URL));
          if (r && p.isArticle) rtp++;
          if (!r && !p.isArticle) rtn++;
        }
      }
      const nA = sel.filter((p) => p.isArticle).length;
      const nN = sel.length - nA;
      t3.push([`Sift isArticle, ${split}`, sel.length, fmt((tp + tn) / sel.length), `${tp}/${nA}`, `${tn}/${nN}`, fp]);
      if (!quick) t3.push([`isProbablyReaderable, ${split}`, sel.length, fmt((rtp + rtn) / sel.length), `${rtp}/${nA}`, `${rtn}/${nN}`, nN - rtn]);
    }
    printTable(t3);
    if (wrong.length) console.log(`  wrong: ${wrong.join('\n         ')}`);
  }

  console.log(`\n(d) Pages that say they are articles (og:type), for which the content script asks for the analyzer ahead of detection\n`);
  printTable([
    ['pages that say so', 'detected as articles', 'labelled articles', 'labelled not articles'],
    [declared.declared, declared.detected, declared.labelledArticle, declared.labelledOther.length],
  ]);
  if (declared.labelledOther.length) console.log(`  not articles: ${declared.labelledOther.join(', ')}`);

  // Time
  console.log(`\nTime per page on the AEB dev pages (building the DOM excluded)\n`);
  const t4: (string | number)[][] = [['', 'wall median', 'wall p95', 'CPU median', 'CPU p95', 'ratio to Readability (medians, wall / CPU)']];
  const lk = rows.map((r) => r.siftLinkedomMs);
  if (!quick) {
    const sj = rows.map((r) => r.siftMs!);
    const rj = rows.map((r) => r.readMs!);
    const sc = rows.map((r) => r.siftCpu!);
    const rc = rows.map((r) => r.readCpu!);
    t4.push(['Sift detection + extraction (jsdom)', ms(median(sj)), ms(percentile(sj, 95)), ms(median(sc)), ms(percentile(sc, 95)), `${fmt(median(sj) / median(rj))} / ${fmt(median(sc) / median(rc))}`]);
    t4.push(['Readability.js parse() (jsdom)', ms(median(rj)), ms(percentile(rj, 95)), ms(median(rc)), ms(percentile(rc, 95)), '1.000 / 1.000']);
    const ratios = rows.map((r) => r.siftCpu! / Math.max(r.readCpu!, 0.001));
    console.log(`  (per page, Sift CPU time / Readability CPU time: median ${fmt(median(ratios))}, p95 ${fmt(percentile(ratios, 95))}; total ${fmt(sc.reduce((a, b) => a + b, 0) / rc.reduce((a, b) => a + b, 0))})`);
  }
  t4.push(['Sift detection + extraction (linkedom)', ms(median(lk)), ms(percentile(lk, 95)), '', '', '']);
  printTable(t4);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}

/**
 * `npm run size`: sizes of what the extension ships (after `npm run build`), raw and gzipped,
 * against the budgets. `tests/unit/size.test.ts` runs the same check, so CI fails when a budget
 * is exceeded.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface SizeRow {
  name: string;
  raw: number;
  gzip: number;
  budgetGzip: number | null;
}

const KB = 1024;
/** Budgets (gzipped bytes), from the performance and knowledge-base issues. */
export const BUDGETS = {
  /** Issue 10: the content script, which runs on every page, before the knowledge-base index. */
  contentScript: 150 * KB,
  /**
   * All page code on an article (content script + the analyser it imports): the same 150 KB. The
   * analyser runs the pipeline on the content script's detection, so the detector is not bundled
   * twice; the tagger model (about 46 KB gzipped of base64) is the next thing to move out.
   */
  articlePageCode: 150 * KB,
  kbIndex: 1024 * KB,
  total: 2048 * KB,
};

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

function measure(file: string): { raw: number; gzip: number } {
  const buf = readFileSync(file);
  return { raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
}

export function sizeReport(target = 'chrome-mv3'): SizeRow[] | null {
  const out = path.join(REPO, '.output', target);
  if (!existsSync(out)) return null;
  const all = files(out);
  const rows: SizeRow[] = [];
  const add = (name: string, list: string[], budgetGzip: number | null) => {
    const m = list.map(measure);
    rows.push({ name, raw: m.reduce((s, x) => s + x.raw, 0), gzip: m.reduce((s, x) => s + x.gzip, 0), budgetGzip });
  };
  const rel = (f: string) => path.relative(out, f).split(path.sep).join('/');
  add('content script (js, every page)', all.filter((f) => rel(f) === 'content-scripts/content.js'), BUDGETS.contentScript);
  add('analyzer (js, imported on articles)', all.filter((f) => rel(f) === 'analyzer.js'), null);
  add('later stages (js, imported after the claims)', all.filter((f) => rel(f) === 'later.js'), null);
  add('cards (js, imported with the later stages)', all.filter((f) => rel(f) === 'cards.js'), null);
  const pageCode = new Set(['content-scripts/content.js', 'analyzer.js', 'later.js', 'cards.js']);
  add('page code: content script + analyzer + later + cards', all.filter((f) => pageCode.has(rel(f))), BUDGETS.articlePageCode);
  // The stylesheets the manifest gives the content script (Firefox's include the ::highlight() rules).
  const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { content_scripts?: { css?: string[] }[] };
  const contentCss = new Set((manifest.content_scripts ?? []).flatMap((c) => c.css ?? []));
  add('content script (css, every page)', all.filter((f) => contentCss.has(rel(f))), null);
  add('popup + options (js, css, html)', all.filter((f) => /^(?:popup|options)\.html$|^chunks\/|^assets\//.test(rel(f))), null);
  add('background', all.filter((f) => rel(f) === 'background.js'), null);
  add('knowledge base: index (fetched by the analyzer)', all.filter((f) => rel(f) === 'kb/index.txt'), BUDGETS.kbIndex);
  add('knowledge base: details (on demand)', all.filter((f) => rel(f).startsWith('kb/') && rel(f) !== 'kb/index.txt'), null);
  add('everything bundled', all, BUDGETS.total);
  return rows;
}

export function overBudget(rows: SizeRow[]): SizeRow[] {
  return rows.filter((r) => r.budgetGzip !== null && r.gzip > r.budgetGzip);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const target of ['chrome-mv3', 'firefox-mv3']) {
    const rows = sizeReport(target);
    if (!rows) {
      console.error(`.output/${target} is missing: run npm run build`);
      process.exitCode = 1;
      continue;
    }
    console.log(`\n${target}`);
    const k = (n: number) => `${(n / KB).toFixed(1)} KB`;
    const width = Math.max(...rows.map((r) => r.name.length));
    console.log(`${'file'.padEnd(width)}  ${'raw'.padStart(10)}  ${'gzip'.padStart(10)}  budget (gzip)`);
    for (const r of rows) console.log(`${r.name.padEnd(width)}  ${k(r.raw).padStart(10)}  ${k(r.gzip).padStart(10)}  ${r.budgetGzip ? `${k(r.budgetGzip)}${r.gzip > r.budgetGzip ? '  OVER' : ''}` : ''}`);
    if (overBudget(rows).length) process.exitCode = 1;
  }
}

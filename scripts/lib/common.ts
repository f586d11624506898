/**
 * Shared by the evaluation and benchmark scripts: where the development data lives, how to parse
 * a page like the CLI does, and how to print a table.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePage } from '../../bin/parse';
import type { KnowledgeBase } from '../../lib/kb/knowledge-base';
import { loadKnowledgeBase } from '../../bin/cli';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** ../shared beside the clone, or SIFT_SHARED. Evaluation data never enters the repository. */
export const SHARED = process.env.SIFT_SHARED ? path.resolve(process.env.SIFT_SHARED) : path.resolve(REPO, '../shared');

/**
 * Whether a fixture page, as the e2e server serves it, is an article: the news front, the
 * generated section front and the generated web application are not (Sift looks at them and
 * leaves them; no highlights to wait for).
 */
export function isArticleFixture(rel: string): boolean {
  return !rel.startsWith('news-front') && rel !== 'generated/front-page.html' && rel !== 'generated/web-app.html';
}

export function sharedPath(...parts: string[]): string {
  return path.join(SHARED, ...parts);
}

/** A Document from HTML, parsed as the CLI parses it (linkedom; fragments in a page skeleton). */
export function parseDocument(html: string): Document {
  return parsePage(html);
}

let kb: KnowledgeBase | null = null;
export function bundledKnowledgeBase(): KnowledgeBase {
  kb ??= loadKnowledgeBase(path.join(REPO, 'public/kb'));
  return kb;
}

/** Prints rows as an aligned text table (first row = header). */
export function printTable(rows: (string | number)[][]): void {
  const cells = rows.map((r) => r.map((c) => (typeof c === 'number' ? (Number.isInteger(c) ? String(c) : c.toFixed(3)) : c)));
  const widths = cells[0].map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(cells[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of cells.slice(1)) console.log(line(r));
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

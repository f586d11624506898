/**
 * `npm run bench`: what Sift's analysis costs, next to Readability.js's parse() alone, in the same
 * run, on the same pages (the corpus in ../shared), with the same DOM implementation (linkedom,
 * as the CLI uses; `--dom jsdom` for jsdom). Parsing the HTML into a DOM is not counted for
 * either. Prints per-page medians and p95, stage by stage, and ms per 1,000 words.
 *
 *   npm run bench                      all corpus pages, 3 rounds, the minimum of each page's rounds
 *   npm run bench -- --rounds 5 --limit 40 --dom jsdom
 *
 * Browser costs (time to highlights, long tasks, heap) come from `npm run bench:browser`; bundle
 * sizes from `npm run size`.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { Readability } from '@mozilla/readability';
import { analyze } from '../lib/analysis';
import type { Analysis } from '../lib/schema';
import { bundledKnowledgeBase, median, parseDocument, percentile, printTable, sharedPath } from './lib/common';

interface Page {
  name: string;
  html: string;
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

function corpusPages(): Page[] {
  const pages: Page[] = [];
  const aeb = sharedPath('corpus/aeb');
  for (const f of readdirSync(aeb).filter((f) => f.endsWith('.html')).sort()) pages.push({ name: `aeb/${f.slice(0, 12)}`, html: readFileSync(path.join(aeb, f), 'utf8') });
  const rd = sharedPath('corpus/readability');
  for (const d of readdirSync(rd).sort()) {
    const f = path.join(rd, d, 'source.html');
    if (existsSync(f)) pages.push({ name: `readability/${d}`, html: readFileSync(f, 'utf8').trim() });
  }
  return pages;
}

async function domFactory(kind: string): Promise<(html: string) => Document> {
  if (kind === 'jsdom') {
    // A computed specifier: jsdom ships no types and only this optional path needs it.
    const jsdom = 'jsdom';
    const { JSDOM } = (await import(jsdom)) as { JSDOM: new (html: string, o: { url: string }) => { window: { document: unknown } } };
    return (html) => new JSDOM(html, { url: 'https://fake-url.com/' }).window.document as unknown as Document;
  }
  return parseDocument;
}

const now = () => performance.now();

async function main() {
  const rounds = Number(arg('rounds', '3'));
  const limit = Number(arg('limit', '0'));
  const dom = arg('dom', 'linkedom');
  const makeDoc = await domFactory(dom);
  const kb = bundledKnowledgeBase();
  let pages = corpusPages();
  if (limit > 0) pages = pages.slice(0, limit);

  const sift: number[] = [];
  const readability: number[] = [];
  const ratios: number[] = [];
  const stages = new Map<string, number[]>();
  const actorsPer1k: number[] = [];
  const claimsPer1k: number[] = [];
  let readabilityFailures = 0;

  for (const page of pages) {
    let bestSift = Infinity;
    let bestReadability = Infinity;
    let bestAnalysis: Analysis | null = null;
    for (let r = 0; r < rounds; r++) {
      // A fresh DOM for each: Readability changes the document it parses.
      const docA = makeDoc(page.html);
      const t0 = now();
      const a = analyze(docA, { kb, url: 'https://fake-url.com/', force: true });
      const t1 = now();
      if (t1 - t0 < bestSift) {
        bestSift = t1 - t0;
        bestAnalysis = a;
      }
      const docB = makeDoc(page.html);
      const t2 = now();
      try {
        new Readability(docB).parse();
      } catch {
        if (r === 0) readabilityFailures++;
      }
      bestReadability = Math.min(bestReadability, now() - t2);
    }
    sift.push(bestSift);
    readability.push(bestReadability);
    ratios.push(bestSift / bestReadability);
    const a = bestAnalysis!;
    for (const [stage, ms] of Object.entries(a.timingsMs)) {
      if (stage === 'total') continue;
      if (!stages.has(stage)) stages.set(stage, []);
      stages.get(stage)!.push(ms);
    }
    const words = a.article?.wordCount ?? 0;
    if (words >= 200) {
      actorsPer1k.push(((a.timingsMs.actors ?? 0) * 1000) / words);
      claimsPer1k.push(((a.timingsMs.claims ?? 0) * 1000) / words);
    }
  }

  const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
  console.log(`\n${pages.length} corpus pages, ${dom}, best of ${rounds} rounds per page; parsing excluded\n`);
  printTable([
    ['', 'median ms', 'p95 ms', 'total ms'],
    ['Sift analyze() (whole pipeline)', median(sift), percentile(sift, 95), sum(sift)],
    ['Readability parse() alone', median(readability), percentile(readability, 95), sum(readability)],
    ['ratio Sift / Readability (per page)', median(ratios), percentile(ratios, 95), sum(sift) / sum(readability)],
  ]);
  if (readabilityFailures) console.log(`(Readability threw on ${readabilityFailures} pages with ${dom}; their time is still counted.)`);
  console.log('\nSift stage by stage (ms per page)\n');
  printTable([['stage', 'median', 'p95', 'total'], ...[...stages].map(([s, xs]) => [s, median(xs), percentile(xs, 95), sum(xs)])]);
  console.log('\nms per 1,000 words (pages with ≥ 200 words)\n');
  printTable([
    ['stage', 'median', 'p95'],
    ['actors', median(actorsPer1k), percentile(actorsPer1k, 95)],
    ['claims', median(claimsPer1k), percentile(claimsPer1k, 95)],
  ]);
}

await main();

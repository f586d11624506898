import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { analyze, fillDocumentWithText } from '@/lib/analysis';
import { parseDocument } from '@/scripts/lib/common';
import { bundledKb, htmlDocument, REPO } from '@/tests/unit/dom';
import { expectWellFormed } from './check';
import { mutate, mutation, NASTY, pick, WORDS } from './mutate';

/**
 * Promise 8: the pipeline survives whatever the web serves. Property-based: the repository's own
 * fixture pages, mutated (tags dropped, duplicated, swapped; the page truncated; hostile unicode,
 * huge attributes, unclosed nesting and footnote-like markers injected), parsed with the CLI's
 * DOM (linkedom), and random plain text. For every input: no throw, the Analysis is well-formed
 * (./check.ts), and it took less than `boundMs` of its size.
 *
 * Fixed seed, so CI runs the same inputs every time. A long local run:
 *   SIFT_FUZZ_RUNS=20000 SIFT_FUZZ_SEED=7 npx vitest run tests/unit/robust/fuzz.test.ts
 * (SIFT_FUZZ_RUNS is the number of mutated pages; plain texts are 1.25 times as many.)
 */
const SEED = Number(process.env.SIFT_FUZZ_SEED ?? 20261126);
const PAGE_RUNS = Number(process.env.SIFT_FUZZ_RUNS ?? 1200);
const TEXT_RUNS = Math.ceil(PAGE_RUNS * 1.25);
/**
 * Per input (parse + analysis), by its size: typical inputs take 5–50 ms, the largest (60,000
 * characters of attribute turned text) about a second; a quadratic blow-up on them takes minutes.
 */
const boundMs = (chars: number) => 1000 + chars / 20;

function fixturePages(): { name: string; html: string }[] {
  const out: { name: string; html: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const p = path.join(dir, entry);
      if (statSync(p).isDirectory()) walk(p);
      else if (entry.endsWith('.html')) out.push({ name: path.relative(path.join(REPO, 'tests/fixtures'), p), html: readFileSync(p, 'utf8') });
    }
  };
  walk(path.join(REPO, 'tests/fixtures'));
  return out;
}

const timings: number[] = [];

function analyseTimed(chars: number, run: () => ReturnType<typeof analyze>) {
  const t0 = performance.now();
  const a = run();
  const ms = performance.now() - t0;
  timings.push(ms);
  if (ms > boundMs(chars)) expect.fail(`took ${ms.toFixed(0)} ms on ${chars} characters (bound ${boundMs(chars).toFixed(0)} ms)`);
  return a;
}

describe('fuzz: the pipeline on mutated pages and random text', () => {
  const pages = fixturePages();
  const kb = bundledKb();

  it('has fixture pages to mutate', () => {
    expect(pages.length).toBeGreaterThan(40);
  });

  // Long local runs take minutes: the per-test timeout grows with the runs.
  it(`survives ${PAGE_RUNS} mutated fixture pages (seed ${SEED})`, { timeout: Math.max(60_000, PAGE_RUNS * 100) }, () => {
    fc.assert(
      fc.property(fc.nat({ max: pages.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 8 }), fc.boolean(), fc.boolean(), (i, mutations, force, raw) => {
        const html = mutate(pages[i].html, mutations);
        // As the CLI parses (a fragment goes into a page skeleton), or raw linkedom, whose trees
        // are stranger still (a fragment's first element as the root, or no root at all).
        const parse = raw ? htmlDocument : parseDocument;
        const a = analyseTimed(html.length, () => analyze(parse(html), { kb, source: pages[i].name, url: 'https://example.org/news/story', force }));
        expectWellFormed(a, { force });
      }),
      { seed: SEED, numRuns: PAGE_RUNS, endOnFailure: true },
    );
  });

  it(`survives ${TEXT_RUNS} random plain texts (seed ${SEED})`, { timeout: Math.max(60_000, TEXT_RUNS * 50) }, () => {
    const word = fc.oneof({ weight: 4, arbitrary: pick(WORDS) }, { weight: 2, arbitrary: pick(NASTY) }, { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) }, { weight: 1, arbitrary: fc.constantFrom('. ', '.\n\n', '\n', '  ') });
    const text = fc.oneof(fc.array(word, { maxLength: 400 }).map((ws) => ws.join(' ')), fc.string({ unit: 'binary', maxLength: 2000 }), fc.string({ unit: 'grapheme', maxLength: 2000 }));
    fc.assert(
      fc.property(text, (t) => {
        const doc = parseDocument('<!doctype html><html><head></head><body></body></html>');
        const root = fillDocumentWithText(doc, t);
        const a = analyseTimed(t.length, () => analyze(doc, { kb, source: 'fuzz.txt', root }));
        expectWellFormed(a, { root: true });
      }),
      { seed: SEED, numRuns: TEXT_RUNS, endOnFailure: true },
    );
    const sorted = [...timings].sort((x, y) => x - y);
    // The numbers the report quotes (printed once, with the command in the header comment).
    console.log(
      `fuzz: ${timings.length} inputs, seed ${SEED}, per input median ${sorted[sorted.length >> 1].toFixed(1)} ms, p99 ${sorted[Math.floor(sorted.length * 0.99)].toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms`,
    );
  });
});

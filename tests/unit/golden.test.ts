import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '@/lib/analysis';
import { bundledKb, fixtureDocument, REPO } from './dom';

// Golden files: tests/fixtures/<name>/expected.json is the whole Analysis of page.html (timings
// left out). Rewritten only by `npm run test:update`; review the diff like code.
const FIXTURES = path.join(REPO, 'tests/fixtures');
const UPDATE = process.env.SIFT_UPDATE_GOLDEN === '1';
const names = readdirSync(FIXTURES).filter((n) => existsSync(path.join(FIXTURES, n, 'page.html')));

describe('golden analyses of the fixture pages', () => {
  it.each(names)('%s', (name) => {
    const analysis = analyze(fixtureDocument(name), { kb: bundledKb(), url: `https://fixtures.sift.test/${name}/`, source: `${name}/page.html` });
    const { timingsMs: _timings, ...stable } = analysis;
    const file = path.join(FIXTURES, name, 'expected.json');
    const json = JSON.stringify(stable, null, 2) + '\n';
    if (UPDATE || !existsSync(file)) {
      writeFileSync(file, json);
      if (!UPDATE) throw new Error(`${name}/expected.json was missing and has been written: review and commit it`);
    }
    expect(JSON.parse(json)).toEqual(JSON.parse(readFileSync(file, 'utf8')));
  });
});

import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO, SHARED } from '@/tests/unit/dom';

// The real command, as people script against it (ANALYSIS.md): one process, many files.
const SIFT = path.join(REPO, 'bin/sift.mjs');
const run = (args: string[], input?: string | Buffer) => spawnSync(process.execPath, [SIFT, ...args], { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

describe('sift analyze', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sift-cli-'));
  const palmyraHtml = path.join(REPO, 'tests/fixtures/palmyra/page.html');
  const palmyraTxt = path.join(SHARED, 'seed/palmyra-article.txt');

  it('prints one JSON object per file, in order, and nothing else', () => {
    const r = run(['analyze', '--json', palmyraHtml, palmyraTxt]);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    const [html, txt] = lines.map((l) => JSON.parse(l));
    expect(html).toMatchObject({ schemaVersion: 1, source: palmyraHtml, isArticle: true });
    expect(html.article.title).toBe('The Assad regime retakes Palmyra from ISIL');
    expect(txt).toMatchObject({ schemaVersion: 1, isArticle: true });
    expect(txt.article.title).toBeNull();
    expect(txt.article.byline).toBeNull();
    expect(typeof html.timingsMs.total).toBe('number');
  });

  it('reads standard input with "-" and --text', () => {
    const r = run(['analyze', '--json', '--text', '-'], 'The Kremlin said 40 people died.\n\nPutin agreed.');
    expect(r.status).toBe(0);
    const a = JSON.parse(r.stdout);
    expect(a.source).toBe('-');
    expect(a.article.text).toBe('The Kremlin said 40 people died.\n\nPutin agreed.');
    expect(a.claims[0]).toMatchObject({ text: '40 people', value: 40, kind: 'casualties', source: 'Kremlin' });
  });

  it('leaves a page that is not an article alone unless --force', () => {
    const front = path.join(REPO, 'tests/fixtures/news-front/page.html');
    const plain = JSON.parse(run(['analyze', '--json', front]).stdout);
    expect(plain).toMatchObject({ isArticle: false, actors: [], claims: [], footnotes: [], summary: [] });
    expect(plain.article).not.toBeNull();
    const forced = JSON.parse(run(['analyze', '--json', '--force', front]).stdout);
    expect(forced.isArticle).toBe(false);
    expect(forced.claims.length).toBeGreaterThan(0);
  });

  it('reports bad input clearly and goes on with the other files', () => {
    const binary = path.join(dir, 'image.html');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    const latin1 = path.join(dir, 'latin1.html');
    writeFileSync(latin1, Buffer.from('<p>caf\xe9</p>', 'latin1'));
    const empty = path.join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const huge = path.join(dir, 'huge.html');
    writeFileSync(huge, Buffer.alloc(21 * 1024 * 1024, 'a'));
    const r = run(['analyze', '--json', binary, path.join(dir, 'missing.html'), palmyraHtml, latin1, empty, huge]);
    expect(r.status).toBe(1);
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.error ?? 'ok')).toEqual([
      'binary input (NUL bytes): not a text or HTML file',
      'no such file',
      'ok',
      'input is not valid UTF-8',
      'empty input',
      'input is 21.0 MB; the limit is 20 MB',
    ]);
    expect(r.stderr).toContain('missing.html: no such file');
  });

  it('prints a readable report without --json', () => {
    const out = execFileSync(process.execPath, [SIFT, 'analyze', palmyraHtml], { encoding: 'utf8' });
    expect(out).toContain('The Assad regime retakes Palmyra from ISIL');
    expect(out).toContain('Summary');
    expect(out).toContain('Islamic State');
    expect(out).toContain('“400 of their fighters”');
  });

  it('explains its usage and rejects unknown options', () => {
    expect(run(['--help']).stdout).toContain('Usage: sift analyze');
    const r = run(['analyze', '--frobnicate', palmyraHtml]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown option --frobnicate');
  });
});

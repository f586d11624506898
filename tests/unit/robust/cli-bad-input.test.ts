import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decodeInput } from '@/bin/cli';
import { REPO } from '@/tests/unit/dom';

/**
 * Promise 8 for the command line, through the real command in a child process (README "Command
 * line"): bad input gives a message on standard error, `{"source", "error"}` on its line under
 * --json, a non-zero exit status, and the other files go on. Encodings as browsers read them: a
 * byte-order mark decides, then UTF-8, then a legacy encoding the page declares in <meta>.
 */
const SIFT = path.join(REPO, 'bin/sift.mjs');
const run = (args: string[], input?: string | Buffer) =>
  spawnSync(process.execPath, [SIFT, ...args], { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 120_000 });
const lines = (stdout: string) => stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown> & { error?: string });

const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="__CHARSET__"><title>Café owners in Palmyra</title></head><body><article><h1>Café owners in Palmyra</h1>
${'<p>The Kremlin said on Tuesday that 40 people had died in Palmyra, according to the Syrian Observatory for Human Rights. Café owners in the city, which Islamic State held for a year, said 12 shops had reopened.</p>'.repeat(4)}
</article></body></html>`;

describe('sift analyze on bad input', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sift-robust-'));
  const file = (name: string, bytes: Buffer | string) => {
    const p = path.join(dir, name);
    writeFileSync(p, bytes);
    return p;
  };

  it('reads a UTF-16 page with a byte-order mark (LE and BE) and a Latin-1 page that declares it', () => {
    const html = ARTICLE.replace('__CHARSET__', 'utf-8');
    const le = file('utf16le.html', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(html, 'utf16le')]));
    const be = Buffer.from(html, 'utf16le');
    be.swap16();
    const beFile = file('utf16be.html', Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
    const latin1 = file('latin1.html', Buffer.from(ARTICLE.replace('__CHARSET__', 'iso-8859-1'), 'latin1'));
    const http = file('http-equiv.html', Buffer.from(ARTICLE.replace('<meta charset="__CHARSET__">', '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'), 'latin1'));
    const r = run(['analyze', '--json', le, beFile, latin1, http]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const a of lines(r.stdout)) {
      expect(a.error).toBeUndefined();
      expect((a.article as { title: string }).title).toBe('Café owners in Palmyra');
      expect((a.article as { text: string }).text).toContain('Café owners in the city');
      expect((a.claims as unknown[]).length).toBeGreaterThan(0);
    }
  });

  it('rejects what it cannot read, file by file, and goes on', () => {
    const palmyra = path.join(REPO, 'tests/fixtures/palmyra/page.html');
    const files = [
      file('random.bin', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))),
      file('invalid-utf8.html', Buffer.from([0x3c, 0x70, 0x3e, 0xc3, 0x28, 0xa0, 0xa1, 0x3c, 0x2f, 0x70, 0x3e])),
      file('declares-utf8.html', Buffer.from('<meta charset="utf-8"><p>caf\xe9</p>', 'latin1')),
      file('declares-unknown.html', Buffer.from('<meta charset="x-klingon"><p>caf\xe9</p>', 'latin1')),
      palmyra,
      file('utf16-no-bom.html', Buffer.from('<p>hello</p>', 'utf16le')),
      file('empty.html', ''),
      file('blank.html', ' \n\t\r\n '),
      file('bom-only.html', Buffer.from([0xef, 0xbb, 0xbf])),
      file('huge.html', Buffer.alloc(20 * 1024 * 1024 + 1, 'a')),
    ];
    const r = run(['analyze', '--json', ...files]);
    expect(r.status).toBe(1);
    const out = lines(r.stdout);
    expect(out.map((l) => l.source)).toEqual(files);
    expect(out.map((l) => l.error ?? 'ok')).toEqual([
      'binary input (NUL bytes): not a text or HTML file',
      'input is not valid UTF-8',
      'input is not valid UTF-8',
      'input is not valid UTF-8, and the encoding it declares ("x-klingon") is not known',
      'ok',
      'binary input (NUL bytes): not a text or HTML file',
      'empty input',
      'empty input',
      'empty input',
      'input is 20.0 MB; the limit is 20 MB',
    ]);
    // One line on standard error per failed file, naming it.
    const errors = r.stderr.trimEnd().split('\n');
    expect(errors).toHaveLength(9);
    for (const f of files) if (f !== palmyra) expect(r.stderr).toContain(`sift: ${f}: `);
    expect(errors.every((l) => l.startsWith('sift: '))).toBe(true);
  });

  it('without --json: messages on standard error only, the good file reported, status 1', () => {
    const palmyra = path.join(REPO, 'tests/fixtures/palmyra/page.html');
    const r = run(['analyze', file('empty2.html', ''), palmyra]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('empty2.html: empty input');
    expect(r.stdout).toContain('The Assad regime retakes Palmyra from ISIL');
  });

  it('standard input: HTML, binary and empty', () => {
    const html = ARTICLE.replace('__CHARSET__', 'utf-8');
    const ok = run(['analyze', '--json', '-'], html);
    expect(ok.status).toBe(0);
    expect(lines(ok.stdout)[0]).toMatchObject({ source: '-', isArticle: true });
    const binary = run(['analyze', '--json', '-'], Buffer.from([0, 1, 2, 3, 0xff]));
    expect(binary.status).toBe(1);
    expect(lines(binary.stdout)).toEqual([{ source: '-', error: 'binary input (NUL bytes): not a text or HTML file' }]);
    const empty = run(['analyze', '--json', '--text', '-'], '');
    expect(empty.status).toBe(1);
    expect(lines(empty.stdout)).toEqual([{ source: '-', error: 'empty input' }]);
    expect(empty.stderr).toBe('sift: -: empty input\n');
  });

  it('a fragment or bare text as .html is read as a browser would (in a page skeleton)', () => {
    const fragment = file('fragment.html', '<title>Palmyra retaken</title>\n' + '<p>The Kremlin said on Tuesday that 40 people had died in Palmyra, according to the Syrian Observatory for Human Rights.</p>'.repeat(6));
    const bare = file('bare.html', 'The Kremlin said 40 people died in Palmyra.');
    const r = run(['analyze', '--json', '--force', fragment, bare]);
    expect(r.status).toBe(0);
    const [a, b] = lines(r.stdout) as { article: { title: string; text: string } | null; claims: unknown[] }[];
    // Before, linkedom made <title> the root element and left every paragraph outside it.
    expect(a.article?.title).toBe('Palmyra retaken');
    expect(a.claims.length).toBe(6);
    expect(b.article?.text).toBe('The Kremlin said 40 people died in Palmyra.');
  });

  it('stress pages through the command: deep nesting and RTL text (each well under the time limit)', () => {
    const deep = file('deep.html', `<!doctype html><html><body><article>${'<div><span>'.repeat(10_000)}The Kremlin said 40 people died.${'</span></div>'.repeat(10_000)}</article></body></html>`);
    const rtl = file('rtl.html', `<!doctype html><html lang="ar" dir="rtl"><body><article>${'<p>قال المرصد السوري لحقوق الإنسان إن ٤٠ شخصا قتلوا في تدمر، وقال الكرملين إن 12 جنديا أصيبوا.</p>'.repeat(20)}</article></body></html>`);
    const r = run(['analyze', '--json', '--force', deep, rtl]);
    expect(r.status).toBe(0);
    const [d, a] = lines(r.stdout) as { article: { text: string } | null }[];
    expect(d.article?.text).toContain('The Kremlin said 40 people died.');
    expect(a.article?.text).toContain('تدمر');
  });
});

describe('decodeInput', () => {
  it('a UTF-8 byte-order mark is dropped; valid UTF-8 wins over a declared legacy encoding', () => {
    expect(decodeInput(Buffer.from('\uFEFF<p>é</p>'))).toBe('<p>é</p>');
    expect(decodeInput(Buffer.from('<meta charset="iso-8859-1"><p>é</p>'), { html: true })).toBe('<meta charset="iso-8859-1"><p>é</p>');
  });
  it('a declared encoding counts for HTML only, and a UTF-16 BOM must be followed by UTF-16', () => {
    const latin1 = Buffer.from('<meta charset="latin1"><p>caf\xe9</p>', 'latin1');
    expect(decodeInput(latin1, { html: true })).toBe('<meta charset="latin1"><p>café</p>');
    expect(() => decodeInput(latin1)).toThrow('input is not valid UTF-8');
    expect(() => decodeInput(Buffer.from([0xff, 0xfe, 0x00, 0xd8]))).toThrow('not valid UTF-16LE');
  });
});

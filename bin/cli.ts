/**
 * `sift analyze [--json] [--text] [--url URL] [--force] [--no-summary] FILE...`
 * The same lib/ pipeline as the extension, over a Node DOM (linkedom). See README "Command line".
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { analyze, fillDocumentWithText } from '../lib/analysis';
import type { Analysis } from '../lib/schema';
import { createKnowledgeBase, type KnowledgeBase } from '../lib/kb/knowledge-base';
import { readKbDetails } from '../lib/kb/details-file';
import { parseKbIndex } from '../lib/kb/index-file';
import { formatReport } from './report';
import { parsePage } from './parse';

export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => Buffer;
  readFile: (file: string) => Buffer;
  isTTY: boolean;
  /** Folder with index.txt and details/. */
  kbDir: string;
}

interface Options {
  json: boolean;
  text: boolean;
  url: string | null;
  force: boolean;
  summary: boolean;
  files: string[];
}

const USAGE = `Usage: sift analyze [--json] [--text] [--url URL] [--force] [--no-summary] FILE...

Analyses news pages (.html) or plain text (.txt, or any file with --text; "-" reads standard input)
and prints the actors, numeric claims, footnotes and summary Sift finds.

  --json        one JSON object per file, one per line (JSON Lines), nothing else on stdout
  --text        take input as plain text: the whole text is the article (paragraphs = blank lines)
  --url URL     the page's address (resolves relative links, names the site)
  --force       analyse a page even when it is not an article
  --no-summary  skip the summary
`;

function parseArgs(argv: string[]): Options | string {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') return USAGE;
  if (command !== 'analyze') return `${command ? `unknown command "${command}"` : 'missing command'}\n\n${USAGE}`;
  const o: Options = { json: false, text: false, url: null, force: false, summary: true, files: [] };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--json') o.json = true;
    else if (a === '--text') o.text = true;
    else if (a === '--force') o.force = true;
    else if (a === '--no-summary') o.summary = false;
    else if (a === '--url') {
      const v = rest[++i];
      if (!v) return '--url needs a value';
      try {
        o.url = new URL(v).href;
      } catch {
        return `--url: "${v}" is not a URL`;
      }
    } else if (a.startsWith('--url=')) o.url = a.slice(6);
    else if (a === '--help' || a === '-h') return USAGE;
    else if (a.startsWith('--')) return `unknown option ${a}\n\n${USAGE}`;
    else o.files.push(a);
  }
  if (o.files.length === 0) return `no input file\n\n${USAGE}`;
  return o;
}

export function loadKnowledgeBase(kbDir: string): KnowledgeBase {
  const index = parseKbIndex(readFileSync(path.join(kbDir, 'index.txt'), 'utf8'));
  const details = readKbDetails(readFileSync(path.join(kbDir, 'details/header.json'), 'utf8'), (file) => readFileSync(path.join(kbDir, file.slice('kb/'.length))));
  return createKnowledgeBase(index, details);
}

/** `<meta charset="…">` or `<meta http-equiv="Content-Type" content="…; charset=…">`, in the first 1,024 bytes. */
const META_CHARSET = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i;

/**
 * Decode input as a browser would, but strictly: a byte-order mark (UTF-8, UTF-16LE/BE) decides;
 * else valid UTF-8 is UTF-8; else an HTML page may declare a legacy encoding with <meta charset>
 * ("iso-8859-1" decodes as windows-1252, as in browsers). Binary input, and bytes that are
 * neither UTF-8 nor in a declared encoding, are errors: the analysis must not run on them.
 */
export function decodeInput(bytes: Buffer, o: { html?: boolean } = {}): string {
  if (bytes.length === 0) throw new Error('empty input');
  if (bytes.length > MAX_INPUT_BYTES) throw new Error(`input is ${(bytes.length / 1048576).toFixed(1)} MB; the limit is 20 MB`);
  let text: string;
  const bom16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  if (bom16) {
    try {
      text = new TextDecoder(bom16, { fatal: true }).decode(bytes);
    } catch {
      throw new Error(`input is not valid ${bom16.toUpperCase()} (it starts with a ${bom16.toUpperCase()} byte-order mark)`);
    }
  } else {
    const probe = bytes.subarray(0, 8192);
    if (probe.includes(0)) throw new Error('binary input (NUL bytes): not a text or HTML file');
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      const declared = o.html ? META_CHARSET.exec(bytes.subarray(0, 1024).toString('latin1'))?.[1] : undefined;
      let decoder: TextDecoder | null = null;
      try {
        decoder = declared ? new TextDecoder(declared) : null;
      } catch {
        throw new Error(`input is not valid UTF-8, and the encoding it declares ("${declared}") is not known`);
      }
      // A page declaring UTF-16 without a byte-order mark is read as UTF-8 by browsers too.
      if (!decoder || decoder.encoding === 'utf-8' || decoder.encoding.startsWith('utf-16')) throw new Error('input is not valid UTF-8');
      text = decoder.decode(bytes);
    }
  }
  text = text.replace(/^\uFEFF/, '');
  if (!text.trim()) throw new Error('empty input');
  return text;
}

export function analyzeInput(content: string, source: string, o: Pick<Options, 'text' | 'url' | 'force' | 'summary'>, kb: KnowledgeBase): Analysis {
  const url = o.url ?? (source === '-' ? 'file:///dev/stdin' : `file://${path.resolve(source)}`);
  if (o.text || /\.txt$/i.test(source)) {
    const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');
    const root = fillDocumentWithText(document, content);
    return analyze(document, { source, url, kb, root, summary: o.summary });
  }
  return analyze(parsePage(content), { source, url, kb, force: o.force, summary: o.summary });
}

export function main(argv: string[], io: CliIo): number {
  const parsed = parseArgs(argv);
  if (typeof parsed === 'string') {
    if (parsed === USAGE) {
      io.stdout(USAGE);
      return 0;
    }
    io.stderr(`sift: ${parsed}\n`);
    return 2;
  }
  let kb: KnowledgeBase;
  try {
    kb = loadKnowledgeBase(io.kbDir);
  } catch (e) {
    io.stderr(`sift: cannot load the knowledge base from ${io.kbDir}: ${(e as Error).message}\n`);
    return 2;
  }
  let failed = 0;
  for (const file of parsed.files) {
    let analysis: Analysis;
    try {
      const bytes = file === '-' ? io.readStdin() : io.readFile(file);
      analysis = analyzeInput(decodeInput(bytes, { html: !parsed.text && !/\.txt$/i.test(file) }), file, parsed, kb);
    } catch (e) {
      failed++;
      const err = e as NodeJS.ErrnoException;
      const message =
        err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'is a directory' : err.code === 'EACCES' ? 'permission denied' : err.message;
      io.stderr(`sift: ${file}: ${message}\n`);
      if (parsed.json) io.stdout(JSON.stringify({ source: file, error: message }) + '\n');
      continue;
    }
    io.stdout(parsed.json ? JSON.stringify(analysis) + '\n' : formatReport(analysis, { color: io.isTTY }) + '\n');
  }
  return failed > 0 ? 1 : 0;
}

import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO } from '../dom';

// Issue 11, promises 1 and 2: the lint rules in .oxlintrc.json catch every way the code could turn
// text into HTML or code. Each line below is one such way; oxlint must report each of them, and
// nothing in the safe file. (Found this way: oxlint's `no-implied-eval` reports nothing without
// type information, hence Sift's own rules in scripts/lint/sift-oxlint-plugin.mjs.)

const SINKS: [string, string][] = [
  ['innerHTML', 'el.innerHTML = s;'],
  ['innerHTML, computed', "el['innerHTML'] = s;"],
  ['outerHTML, read by destructuring', 'const { outerHTML } = el; use(outerHTML);'],
  ['insertAdjacentHTML', "el.insertAdjacentHTML('beforeend', s);"],
  ['srcdoc', 'frame.srcdoc = s;'],
  ['document.write', 'document.write(s);'],
  ['document.writeln', 'document.writeln(s);'],
  ['createContextualFragment', 'use(document.createRange().createContextualFragment(s));'],
  ['setHTMLUnsafe', 'el.setHTMLUnsafe(s);'],
  ['parseHTMLUnsafe', 'use(Document.parseHTMLUnsafe(s));'],
  ['DOMParser', "use(new DOMParser().parseFromString(s, 'text/html'));"],
  ['eval', 'eval(s);'],
  ['new Function', 'use(new Function(s));'],
  ['Function()', 'use(Function(s));'],
  ['a string timer', "setTimeout('run()', 10);"],
  ['a template timer', 'window.setInterval(`run(${s})`, 10);'],
  ['an inline handler', "el.setAttribute('onclick', s);"],
  ['srcdoc as an attribute', "el.setAttribute('srcdoc', s);"],
  ['innerHTML by name', "Reflect.set(el, 'innerHTML', s);"],
  ['a javascript: URL', "location.href = 'javascript:void 0';"],
  ['dangerouslySetInnerHTML', 'use(<div dangerouslySetInnerHTML={{ __html: s }} />);'],
  ['a javascript: link in JSX', 'use(<a href="javascript:void 0">x</a>);'],
  ['srcDoc in JSX', 'use(<iframe title="x" srcDoc={s} />);'],
  ['a script element in JSX', 'use(<script src={s} />);'],
];

const SAFE = `
declare const el: HTMLElement; declare const s: string; declare function use(x: unknown): void;
el.textContent = s;
el.append(document.createTextNode(s));
el.setAttribute('title', s);
setTimeout(() => use(s), 10);
use(<p title={s}>{s}</p>);
use(<a href={s} target="_blank" rel="noopener noreferrer">{s}</a>);
`;

const HEADER = 'declare const el: HTMLElement; declare const frame: HTMLIFrameElement; declare const s: string; declare function use(x: unknown): void;\n';

function lint(dir: string, file: string, source: string): { line: number; code: string }[] {
  writeFileSync(path.join(dir, file), source);
  // Outside the repository, so that the test-file overrides do not apply: the rules as they apply to lib/ and components/.
  const r = spawnSync(path.join(REPO, 'node_modules/.bin/oxlint'), ['-c', path.join(REPO, '.oxlintrc.json'), '--format', 'json', file], { cwd: dir, encoding: 'utf8' });
  const out = JSON.parse(r.stdout) as { diagnostics: { code: string; labels?: { span: { line: number } }[] }[] };
  return out.diagnostics.map((d) => ({ line: d.labels?.[0]?.span.line ?? 0, code: d.code }));
}

describe('the lint rules that guard page text', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sift-lint-'));

  it('report every HTML and code sink', () => {
    const source = HEADER + SINKS.map(([, code]) => code).join('\n') + '\nexport {};\n';
    const found = lint(dir, 'sinks.tsx', source).filter((d) => !/no-undef|jsx-key|no-unused/.test(d.code));
    const missed = SINKS.filter((_, i) => !found.some((d) => d.line === i + 2)).map(([name]) => name);
    expect(missed).toEqual([]);
  });

  it('leave safe DOM and JSX alone', () => {
    expect(lint(dir, 'safe.tsx', SAFE + 'export {};\n').filter((d) => !/no-undef/.test(d.code))).toEqual([]);
  });
});

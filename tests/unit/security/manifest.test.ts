import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO } from '../dom';

// Issue 11, promises 1 and 6: the built manifests and bundles of both browsers. `npm test` (and
// .ci/run) build first; run `npm run build` before `npm run test:unit` to include these checks.
// The manifest snapshot is the whole manifest but its version: any change to permissions, host
// access, CSP, web-accessible resources, commands or entry points shows in review
// (`npx vitest run -u tests/unit/security` rewrites it).

const TARGETS = ['chrome-mv3', 'firefox-mv3'] as const;
const outDir = (target: string) => path.join(REPO, '.output', target);
const built = (target: string) => existsSync(path.join(outDir(target), 'manifest.json'));
const manifestOf = (target: string) => JSON.parse(readFileSync(path.join(outDir(target), 'manifest.json'), 'utf8')) as Record<string, unknown>;

function filesUnder(dir: string, ext: RegExp): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p, ext));
    else if (ext.test(name)) out.push(p);
  }
  return out;
}

describe.each(TARGETS)('the %s manifest', (target) => {
  it.skipIf(!built(target))('asks for storage only, reaches the pages its content script runs on and no more, and is closed to pages and other extensions', () => {
    const m = manifestOf(target);
    expect(m.manifest_version).toBe(3);
    // No scripting: the content script imports the analyser's scripts itself (README, "Permissions").
    expect(m.permissions).toEqual(['storage']);
    expect(m.optional_permissions).toBeUndefined();
    expect(m.host_permissions).toEqual(['http://*/*', 'https://*/*']);
    expect(m.optional_host_permissions).toBeUndefined();
    // No page or other extension can connect to Sift's background.
    expect(m.externally_connectable).toBeUndefined();
    expect(m.content_security_policy).toEqual({ extension_pages: "script-src 'self'; object-src 'none'" });
    const scripts = m.content_scripts as { matches: string[]; all_frames?: boolean; world?: string; match_about_blank?: boolean }[];
    expect(scripts).toHaveLength(1);
    expect(scripts[0].matches).toEqual(['http://*/*', 'https://*/*']);
    // The isolated world, top frames only.
    expect(scripts[0].world).toBeUndefined();
    expect(scripts[0].all_frames).toBeUndefined();
    expect(scripts[0].match_about_blank).toBeUndefined();
    // Only the knowledge base and the analyser's scripts, which the content script imports, are
    // reachable from pages, at an address pages cannot guess.
    const war = m.web_accessible_resources as { resources: string[]; matches: string[]; use_dynamic_url?: boolean }[];
    expect(war).toHaveLength(1);
    expect(war[0].resources).toEqual(['kb/index.txt', 'analyzer.js', 'later.js', 'cards.js']);
    expect(war[0].matches).toEqual(['http://*/*', 'https://*/*']);
    if (target === 'chrome-mv3') expect(war[0].use_dynamic_url).toBe(true);
    // No update URL, no key, no sandbox pages with a looser CSP.
    expect(m.update_url).toBeUndefined();
    expect(m.sandbox).toBeUndefined();
  });

  it.skipIf(!built(target))('matches its snapshot', async () => {
    const { version: _version, ...m } = manifestOf(target);
    await expect(JSON.stringify(m, null, 2) + '\n').toMatchFileSnapshot(`./__snapshots__/${target}.manifest.json`);
  });
});

describe('the Firefox manifest', () => {
  it.skipIf(!built('firefox-mv3'))('declares that Sift collects no data', () => {
    const gecko = (manifestOf('firefox-mv3').browser_specific_settings as { gecko: Record<string, unknown> }).gecko;
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
    expect(gecko.id).toBe('sift@sift-reader.org');
  });
});

/**
 * What may never appear in the shipped code. Preact's renderer carries one `innerHTML` assignment
 * for `dangerouslySetInnerHTML`, which Sift never passes (the `react/no-danger` lint rule): that one
 * exact statement is allowed, nothing else.
 */
const FORBIDDEN: [string, RegExp][] = [
  ['eval', /(?<![\w.$])eval\s*\(/],
  ['the Function constructor', /(?<![\w$])(?:new\s+)?Function\s*\(/],
  ['a string timer', /set(?:Timeout|Interval)\s*\(\s*["'`]/],
  ['importScripts', /importScripts\s*\(/],
  ['document.write', /document\.write(?:ln)?\s*\(/],
  ['insertAdjacentHTML', /insertAdjacentHTML/],
  ['outerHTML assignment', /\.outerHTML\s*=[^=]/],
  ['createContextualFragment', /createContextualFragment/],
  ['setHTMLUnsafe', /setHTMLUnsafe|parseHTMLUnsafe/],
  ['srcdoc', /\.srcdoc\s*=[^=]/],
  ['a remote import', /import\s*\(\s*["'`]https?:/],
  ['a remote script', /\.src\s*=\s*["'`]https?:/],
  ['an HTML property set by name', /["'`](?:innerHTML|outerHTML|srcdoc)["'`]/],
  ['an inline handler attribute', /setAttribute(?:NS)?\([^)]*["'`]on[a-z]+["'`]/i],
];
const PREACT_DANGEROUS_HTML = /\(\w+\.innerHTML=\w+\.__html\)/g;

describe.each(TARGETS)('the %s bundles', (target) => {
  it.skipIf(!built(target))('hold no eval, no Function constructor, no HTML sinks and no remote code', () => {
    const found: string[] = [];
    for (const file of filesUnder(outDir(target), /\.m?js$/)) {
      const code = readFileSync(file, 'utf8');
      const rel = path.relative(outDir(target), file);
      for (const [what, re] of FORBIDDEN) {
        const m = re.exec(code);
        if (m) found.push(`${rel}: ${what}: …${code.slice(Math.max(0, m.index - 40), m.index + 40)}…`);
      }
      const innerHtml = (code.match(/\.innerHTML\s*=[^=]/g) ?? []).length;
      const allowed = (code.match(PREACT_DANGEROUS_HTML) ?? []).length;
      if (innerHtml > allowed) found.push(`${rel}: ${innerHtml - allowed} innerHTML assignment(s) besides Preact's dangerouslySetInnerHTML`);
    }
    expect(found).toEqual([]);
  });

  it.skipIf(!built(target))('load every script from the package: no inline scripts, no inline handlers, no remote sources', () => {
    const pages = filesUnder(outDir(target), /\.html$/);
    expect(pages.map((p) => path.basename(p)).sort()).toEqual(['options.html', 'popup.html']);
    for (const page of pages) {
      const html = readFileSync(page, 'utf8');
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attrs, body] of scripts) {
        expect(body.trim(), `inline script in ${page}`).toBe('');
        expect(attrs).toMatch(/\ssrc="\/[^"/][^"]*"/);
      }
      expect(html).not.toMatch(/\son[a-z]+\s*=/i);
      expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//i);
      expect(html).not.toMatch(/javascript:/i);
    }
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlDocument } from '@/tests/unit/dom';
import { CATEGORIES } from '../categories';
import {
  ALL_HIGHLIGHT_NAMES,
  composite,
  contrastRatio,
  FLASH_HIGHLIGHT,
  firefoxHighlightStylesheet,
  hexToRgb,
  highlightColours,
  highlightCss,
  highlightLinesPainted,
  highlightRules,
  highlightScope,
  highlightShape,
  LINELESS_RENAMED,
  linelessColours,
  paletteHighlightName,
  parseCssColor,
  PAGE_SCHEMES,
  schemeFromLayers,
} from './palette';

const REPO = path.resolve(__dirname, '../..');

/** selector → declarations, for the flat CSS these files hold; `@media … dark` blocks separately. */
function rules(css: string): { light: Map<string, Record<string, string>>; dark: Map<string, Record<string, string>> } {
  const clean = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const cut = clean.indexOf('@media (prefers-color-scheme: dark)');
  const parse = (part: string) => {
    const out = new Map<string, Record<string, string>>();
    for (const m of part.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
      const decls: Record<string, string> = {};
      for (const d of m[2].split(';')) {
        const i = d.indexOf(':');
        if (i > 0) decls[d.slice(0, i).trim()] = d.slice(i + 1).trim();
      }
      out.set(m[1].trim(), decls);
    }
    return out;
  };
  return cut < 0 ? { light: parse(clean), dark: new Map() } : { light: parse(clean.slice(0, cut)), dark: parse(clean.slice(cut)) };
}

const white = { r: 255, g: 255, b: 255 };
const LIGHT_PAGES = ['#ffffff', '#fdfdfb', '#f5f5f0'];
const DARK_PAGES = ['#121212', '#1e1e1e', '#2b2b2b'];
const rgbOf = (hex: string) => {
  const [r, g, b] = hexToRgb(hex);
  return { r, g, b };
};

describe('highlight palette', () => {
  it('is what the highlight rules paint, for every scheme and browser, and what the fallback marks paint', () => {
    const marks = rules(readFileSync(path.join(REPO, 'entrypoints/content/style.css'), 'utf8')).light;
    for (const scheme of PAGE_SCHEMES) {
      for (const lines of [true, false]) {
        const css = rules(highlightRules(scheme, lines)).light;
        // The painter's names and the flash, nothing else.
        expect([...css.keys()].sort()).toEqual([...CATEGORIES.map((c) => `::highlight(${paletteHighlightName(c, scheme, lines)})`), `::highlight(${FLASH_HIGHLIGHT})`].sort());
        expect(css.get(`::highlight(${FLASH_HIGHLIGHT})`)).toEqual({ 'background-color': 'rgb(250 204 21 / 0.85)', color: '#111' });
        for (const c of CATEGORIES) {
          const want = highlightCss(c, scheme);
          const rule = css.get(`::highlight(${paletteHighlightName(c, scheme, lines)})`);
          if (lines || !LINELESS_RENAMED.includes(c)) expect(rule, `::highlight for ${c} (${scheme}, lines ${lines})`).toEqual({ 'background-color': want.background, 'text-decoration': want.decoration });
          else {
            const lineless = highlightCss(c, scheme, false);
            expect(rule, `::highlight without lines for ${c} (${scheme})`).toEqual({ 'background-color': lineless.background, ...(lineless.color && { color: lineless.color }), 'text-decoration': 'none' });
          }
        }
      }
      for (const c of CATEGORIES) {
        const want = highlightCss(c, scheme);
        const lineless = highlightCss(c, scheme, false);
        if (!LINELESS_RENAMED.includes(c)) expect(lineless.color, `${c} without lines (${scheme}) keeps the page's text colour`).toBeUndefined();
        // Where lines are not drawn, every category still shows: its tint, or the tint its -tint name gives it.
        expect(lineless.background, `${c} without lines (${scheme})`).not.toBe('transparent');
        if (!LINELESS_RENAMED.includes(c)) expect(lineless.background).toBe(want.background);
        const mark = marks.get(`sift-mark[data-palette='${scheme}'][data-category='${c}']`);
        expect(mark, `fallback mark for ${c} (${scheme})`).toEqual({ 'background-color': want.background, 'text-decoration': want.decoration });
      }
    }
  });

  it('gives Firefox, whose content scripts cannot adopt a sheet, every painter\'s rules in public/highlights.css', () => {
    expect(readFileSync(path.join(REPO, 'public/highlights.css'), 'utf8')).toBe(firefoxHighlightStylesheet());
    const css = rules(firefoxHighlightStylesheet()).light;
    for (const scheme of PAGE_SCHEMES) for (const lines of [true, false]) for (const [selector, decls] of rules(highlightRules(scheme, lines)).light) expect(css.get(selector)).toEqual(decls);
    expect(css.size).toBe(ALL_HIGHLIGHT_NAMES.length + 1);
  });

  it('scopes the rules to the nearest element with an id around the painted text, or to nothing', () => {
    const doc = htmlDocument('<!doctype html><html><body><div id="page"><main><article id="post:7"><div class="body"><p>x</p></div></article></main></div><p id="x">y</p></body></html>');
    const escape = (id: string) => id.replace(/[^\w-]/g, (c) => `\\${c}`);
    expect(highlightScope(doc.querySelector('.body'), escape)).toBe('#post\\:7');
    expect(highlightScope(doc.querySelector('article'), escape)).toBe('#post\\:7');
    expect(highlightScope(doc.querySelector('main'), escape)).toBe('#page');
    expect(highlightScope(doc.body, escape)).toBe('');
    expect(highlightScope(doc.querySelector('.body'), undefined)).toBe('');
    const css = rules(highlightRules('light', true, '#page')).light;
    // The element's own text and its descendants', with the same declarations as unscoped.
    for (const [selector, decls] of rules(highlightRules('light', true)).light) {
      const name = selector.slice('::highlight('.length, -1);
      expect(css.get(`#page::highlight(${name}), #page ::highlight(${name})`)).toEqual(decls);
    }
  });

  // A ::highlight() rule applies to every element of every page: in the content script's stylesheet,
  // it made each style recalculation about three times as long in Chromium (highlightRules).
  it('leaves ::highlight() rules out of the stylesheet every page gets', () => {
    const css = readFileSync(path.join(REPO, 'entrypoints/content/style.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    expect(css).not.toContain('::highlight');
    for (const selector of rules(css).light.keys()) expect(selector, 'a rule keyed to Sift\'s own elements').toMatch(/^sift-mark\b/);
  });

  it('is what the popup legend shows (light, and dark under prefers-color-scheme: dark)', () => {
    const css = rules(readFileSync(path.join(REPO, 'components/swatches.css'), 'utf8'));
    for (const c of CATEGORIES) {
      for (const scheme of PAGE_SCHEMES) {
        const want = highlightCss(c, scheme);
        const rule = (scheme === 'light' ? css.light : css.dark).get(`.swatch-${c}`);
        expect(rule, `.swatch-${c} (${scheme})`).toEqual({ background: want.background, 'text-decoration': want.decoration });
        // With tint-only, the cascade as the browser resolves it: the category's rule, then (more
        // specific) `.swatch.tint-only` and the category's own tint-only rule, the dark one last.
        const tintOnly = {
          ...rule,
          ...css.light.get('.swatch.tint-only'),
          ...css.light.get(`.swatch-${c}.tint-only`),
          ...(scheme === 'dark' ? css.dark.get(`.swatch-${c}.tint-only`) : {}),
        };
        const lineless = highlightCss(c, scheme, false);
        expect(tintOnly, `.swatch-${c}.tint-only (${scheme})`).toEqual({ background: lineless.background, ...(lineless.color && { color: lineless.color }), 'text-decoration': 'none' });
      }
    }
  });

  it('tells every category apart by shape, not only by hue (colour-blind readers)', () => {
    const signature = (c: (typeof CATEGORIES)[number]) => {
      const s = highlightShape(c);
      return `${s.lines}/${s.style}/${s.thickness}/${s.fill ? 'tinted' : 'plain'}`;
    };
    const seen = new Map<string, string>();
    for (const c of CATEGORIES) {
      const sig = signature(c);
      expect(seen.get(sig), `${c} looks like ${seen.get(sig)}`).toBeUndefined();
      seen.set(sig, c);
    }
  });

  it('tells every two categories apart where the lines are not drawn: by tint (ΔE ≥ 5), or by text colour', () => {
    const lab = ({ r, g, b }: { r: number; g: number; b: number }) => {
      const lin = (v: number) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      const [R, G, B] = [lin(r), lin(g), lin(b)];
      const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
      const [x, y, z] = [f((0.4124 * R + 0.3576 * G + 0.1805 * B) / 0.95047), f(0.2126 * R + 0.7152 * G + 0.0722 * B), f((0.0193 * R + 0.1192 * G + 0.9505 * B) / 1.08883)];
      return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
    };
    const deltaE = (a: { r: number; g: number; b: number }, b: { r: number; g: number; b: number }) => Math.hypot(...lab(a).map((v, i) => v - lab(b)[i]));
    for (const scheme of PAGE_SCHEMES) {
      const page = rgbOf(scheme === 'light' ? '#ffffff' : '#121212');
      const look = (c: (typeof CATEGORIES)[number]) => {
        const col = linelessColours(c, scheme);
        return { tint: composite({ ...rgbOf(col.fill), a: col.fillAlpha }, page), text: col.text ? rgbOf(col.text) : null };
      };
      for (const [i, a] of CATEGORIES.entries()) {
        for (const b of CATEGORIES.slice(i + 1)) {
          const [x, y] = [look(a), look(b)];
          const apart = deltaE(x.tint, y.tint) >= 5 || (x.text === null) !== (y.text === null) || (x.text !== null && y.text !== null && deltaE(x.text, y.text) >= 20);
          expect(apart, `${a} and ${b} without lines (${scheme})`).toBe(true);
        }
      }
    }
  });

  it('keeps lines visible (≥ 4.5:1) and page text readable over the tint (AA everywhere, AAA on white and #121212)', () => {
    for (const c of CATEGORIES) {
      for (const scheme of PAGE_SCHEMES) {
        const col = highlightColours(c, scheme);
        const pages = scheme === 'light' ? LIGHT_PAGES : DARK_PAGES;
        // Typical body text of such pages.
        const text = scheme === 'light' ? rgbOf('#1d1d1f') : rgbOf('#e8e8e8');
        for (const page of pages) {
          const bg = rgbOf(page);
          expect(contrastRatio(rgbOf(col.line), bg), `${c} line on ${page}`).toBeGreaterThanOrEqual(4.5);
          const floor = page === '#ffffff' || page === '#121212' ? 7 : 4.5;
          for (const colours of [col, linelessColours(c, scheme)]) {
            const tinted = composite({ ...rgbOf(colours.fill), a: colours.fillAlpha }, bg);
            // A category that writes its text in its own colour must keep it readable too (AA).
            const own = colours.text ? rgbOf(colours.text) : null;
            expect(contrastRatio(own ?? text, tinted), `text over ${c} tint on ${page}`).toBeGreaterThanOrEqual(own ? 4.5 : floor);
          }
        }
      }
    }
  });

  it('names dark-page highlights apart and lists every name for clearing', () => {
    expect(paletteHighlightName('person', 'light')).toBe('sift-actor-person');
    expect(paletteHighlightName('person', 'dark')).toBe('sift-actor-person-dark');
    expect(paletteHighlightName('claim', 'dark')).toBe('sift-claim-dark');
    expect(paletteHighlightName('country', 'light', false)).toBe('sift-actor-country-tint');
    expect(paletteHighlightName('place', 'dark', false)).toBe('sift-actor-place-dark-tint');
    expect(paletteHighlightName('person', 'light', false)).toBe('sift-actor-person');
    expect(new Set(ALL_HIGHLIGHT_NAMES).size).toBe(CATEGORIES.length * 2 + LINELESS_RENAMED.length * 2);
    expect(ALL_HIGHLIGHT_NAMES).toEqual(expect.arrayContaining(['sift-actor-country-tint', 'sift-actor-place-dark-tint']));
  });

  it('knows which browsers draw no lines in ::highlight() (Firefox before 146)', () => {
    const firefox = (v: number) => `Mozilla/5.0 (X11; Linux x86_64; rv:${v}.0) Gecko/20100101 Firefox/${v}.0`;
    expect(highlightLinesPainted(firefox(140))).toBe(false);
    expect(highlightLinesPainted(firefox(145))).toBe(false);
    expect(highlightLinesPainted(firefox(146))).toBe(true);
    expect(highlightLinesPainted(firefox(152))).toBe(true);
    const chromium = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/150.0.0.0 Safari/537.36';
    expect(highlightLinesPainted(chromium)).toBe(true);
    expect(highlightLinesPainted('')).toBe(true);
  });
});

describe('parseCssColor', () => {
  it('reads the forms computed styles come in', () => {
    expect(parseCssColor('rgb(18, 18, 18)')).toEqual({ r: 18, g: 18, b: 18, a: 1 });
    expect(parseCssColor('rgba(0, 0, 0, 0)')).toEqual({ r: 0, g: 0, b: 0, a: 0 });
    expect(parseCssColor('rgb(10 20 30 / 0.5)')).toEqual({ r: 10, g: 20, b: 30, a: 0.5 });
    expect(parseCssColor('transparent')!.a).toBe(0);
    expect(parseCssColor('#fff')).toEqual({ r: 255, g: 255, b: 255, a: 1 });
    expect(parseCssColor('color(srgb 1 1 1 / 0.25)')).toEqual({ r: 255, g: 255, b: 255, a: 0.25 });
    expect(parseCssColor('nonsense')).toBeNull();
    expect(parseCssColor('rgb(1)')).toBeNull();
  });

  it('keeps the lightness of Lab-family colours', () => {
    const darkOk = parseCssColor('oklch(0.2 0.02 260)')!;
    const lightOk = parseCssColor('oklch(95% 0.01 90)')!;
    const darkLab = parseCssColor('lab(12 0 0)')!;
    expect(contrastRatio(darkOk, white)).toBeGreaterThan(10);
    expect(contrastRatio(lightOk, white)).toBeLessThan(1.3);
    expect(contrastRatio(darkLab, white)).toBeGreaterThan(10);
  });
});

describe('schemeFromLayers (the page-background choice)', () => {
  it('takes the first mostly opaque background from the article root upwards', () => {
    expect(schemeFromLayers([{ backgroundColor: 'rgba(0, 0, 0, 0)' }, { backgroundColor: 'rgb(18, 18, 18)' }])).toBe('dark');
    expect(schemeFromLayers([{ backgroundColor: 'rgb(253, 253, 251)' }, { backgroundColor: 'rgb(0, 0, 0)' }])).toBe('light');
    expect(schemeFromLayers([{ backgroundColor: 'rgb(30, 41, 59)' }])).toBe('dark'); // slate-800
    expect(schemeFromLayers([{ backgroundColor: 'rgb(100, 100, 100)' }])).toBe('dark');
    expect(schemeFromLayers([{ backgroundColor: 'rgb(150, 150, 150)' }])).toBe('light');
    // A faint overlay does not decide; the layer under it does.
    expect(schemeFromLayers([{ backgroundColor: 'rgba(255, 255, 255, 0.05)' }, { backgroundColor: 'rgb(10, 10, 10)' }])).toBe('dark');
  });

  it('falls back to the text colour when every layer is transparent', () => {
    expect(schemeFromLayers([{ backgroundColor: 'rgba(0, 0, 0, 0)', color: 'rgb(230, 230, 230)' }, { backgroundColor: 'rgba(0, 0, 0, 0)' }])).toBe('dark');
    expect(schemeFromLayers([{ backgroundColor: 'rgba(0, 0, 0, 0)', color: 'rgb(20, 20, 20)' }])).toBe('light');
    expect(schemeFromLayers([])).toBe('light');
  });

  it('stops at a background image (unknown colour) and lets the text colour decide', () => {
    expect(
      schemeFromLayers([
        { backgroundColor: 'rgba(0, 0, 0, 0)', backgroundImage: 'linear-gradient(#000, #111)', color: 'rgb(240, 240, 240)' },
        { backgroundColor: 'rgb(255, 255, 255)' },
      ]),
    ).toBe('dark');
  });
});

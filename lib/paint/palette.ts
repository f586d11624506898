import { CATEGORIES, highlightName, type Category } from '../categories';

/**
 * The highlight palette: one style per category and page scheme. The `::highlight()` rules are
 * written from it (`highlightRules`); it is the source of truth for the fallback marks in
 * `entrypoints/content/style.css` and for `components/swatches.css` (the legend), and
 * `palette.test.ts` checks that both files say exactly what this table says, that every colour keeps
 * its contrast on light and dark pages, and that no two categories differ by hue alone.
 *
 * Colours follow Okabe & Ito's colour-blind-safe set, darkened for light pages and lightened for
 * dark ones. Shapes (underline/overline, line style, thickness, fill or none) tell the categories
 * apart for readers who cannot tell the hues apart.
 */

export type PageScheme = 'light' | 'dark';
export const PAGE_SCHEMES: readonly PageScheme[] = ['light', 'dark'];

export interface HighlightShape {
  lines: 'underline' | 'underline overline';
  style: 'solid' | 'dashed' | 'dotted' | 'wavy' | 'double';
  /** Line thickness in CSS pixels. */
  thickness: 1 | 2 | 3;
  /** Whether the text gets a tinted background. */
  fill: boolean;
}

export interface HighlightColours {
  /** Line colour, `#rrggbb`. */
  line: string;
  /** Background tint, `#rrggbb`, drawn at `fillAlpha`. */
  fill: string;
  fillAlpha: number;
  /** Text colour, `#rrggbb`, where the browser paints no lines and the tint alone would not tell the category apart (`LINELESS_TEXT`). */
  text?: string;
}

const SHAPES: Record<Category, HighlightShape> = {
  person: { lines: 'underline', style: 'solid', thickness: 2, fill: true },
  organization: { lines: 'underline', style: 'dashed', thickness: 2, fill: true },
  'armed-group': { lines: 'underline', style: 'wavy', thickness: 1, fill: true },
  government: { lines: 'underline', style: 'double', thickness: 1, fill: true },
  military: { lines: 'underline overline', style: 'dashed', thickness: 1, fill: true },
  media: { lines: 'underline', style: 'dotted', thickness: 2, fill: true },
  country: { lines: 'underline', style: 'solid', thickness: 1, fill: false },
  place: { lines: 'underline', style: 'dotted', thickness: 1, fill: false },
  claim: { lines: 'underline', style: 'solid', thickness: 3, fill: true },
  footnote: { lines: 'underline overline', style: 'solid', thickness: 1, fill: true },
};

// [light-page line, dark-page line]; fills use the same hue.
const LINES: Record<Category, [string, string]> = {
  person: ['#0072b2', '#56b4e9'],
  organization: ['#00785a', '#3ccf9f'],
  'armed-group': ['#c0410b', '#ff8a5c'],
  government: ['#9a3f83', '#e49ad3'],
  military: ['#a35f00', '#f0b440'],
  media: ['#2a6f97', '#8ecdf2'],
  country: ['#5b6675', '#b4bdc9'],
  place: ['#7a5a2e', '#d7b98a'],
  claim: ['#846800', '#f0e442'],
  footnote: ['#b3306b', '#f78fbb'],
};

/** Claims carry the strongest fill: a bright yellow that reads as "marker pen" in both schemes. */
const CLAIM_FILL = '#f0e442';

export function highlightShape(category: Category): HighlightShape {
  return SHAPES[category];
}

export function highlightColours(category: Category, scheme: PageScheme): HighlightColours {
  const line = LINES[category][scheme === 'light' ? 0 : 1];
  if (!SHAPES[category].fill) return { line, fill: line, fillAlpha: 0 };
  if (category === 'claim') return { line, fill: CLAIM_FILL, fillAlpha: scheme === 'light' ? 0.45 : 0.2 };
  return { line, fill: line, fillAlpha: scheme === 'light' ? 0.12 : 0.18 };
}

function rgb(hex: string, alpha?: number): string {
  const [r, g, b] = hexToRgb(hex);
  return alpha === undefined ? `rgb(${r} ${g} ${b})` : `rgb(${r} ${g} ${b} / ${alpha})`;
}

/**
 * Whether the browser draws `text-decoration` in `::highlight()`. Firefox draws only the background
 * there before version 146 (MDN's compatibility data, mdn/browser-compat-data#28782), and no CSS
 * feature query can tell, so the user agent does. Chromium and Safari draw both.
 */
export function highlightLinesPainted(userAgent: string): boolean {
  const firefox = /\bFirefox\/(\d+)/.exec(userAgent);
  return !firefox || Number(firefox[1]) >= 146;
}

/**
 * Where the lines are not drawn, a category without a tint (countries, places) would not show at
 * all: it gets its line colour as a tint instead, at the strength of the other categories' tints.
 */
const LINELESS_ALPHA: Record<PageScheme, number> = { light: 0.14, dark: 0.2 };

/**
 * Where the lines are not drawn, the tints alone leave pairs of categories that look the same (a
 * colour difference ΔE under 5 on a white page: government and footnote 1.8, person and media 2.3,
 * media and country 2.9, military and place 3.4, armed group and military 3.6, armed group and
 * place 4.0, country and place 4.8, organisation and media 4.9). These categories also write their
 * text in their colour ([light page, dark page]: the line colour, darkened or lightened where it
 * needs to be for 4.5:1 over its tint on every test page), which sets each of those pairs apart;
 * palette.test checks that every pair now differs by tint, by text colour or by both.
 */
const LINELESS_TEXT: Partial<Record<Category, [string, string]>> = {
  'armed-group': ['#b13c0a', '#ff9166'],
  media: ['#28698f', '#8ecdf2'],
  place: ['#7a5a2e', '#d7b98a'],
  footnote: ['#af2f69', '#f790bc'],
};

/** The colours a category is drawn with where the browser paints no lines (`highlightLinesPainted`). */
export function linelessColours(category: Category, scheme: PageScheme): HighlightColours {
  const c = highlightColours(category, scheme);
  const tinted = c.fillAlpha > 0 ? c : { ...c, fillAlpha: LINELESS_ALPHA[scheme] };
  const text = LINELESS_TEXT[category];
  return text ? { ...tinted, text: text[scheme === 'light' ? 0 : 1] } : tinted;
}

/**
 * The CSS declarations of a category's highlight, exactly as the CSS files write them. With
 * `lines` false, what is drawn where the browser paints no lines: the tint alone, and for some
 * categories a text colour (`color`, else absent).
 */
export function highlightCss(category: Category, scheme: PageScheme, lines = true): { background: string; decoration: string; color?: string } {
  const shape = SHAPES[category];
  const c = lines ? highlightColours(category, scheme) : linelessColours(category, scheme);
  return {
    background: c.fillAlpha > 0 ? rgb(c.fill, c.fillAlpha) : 'transparent',
    decoration: lines ? `${shape.lines} ${shape.style} ${rgb(c.line)} ${shape.thickness}px` : 'none',
    ...(c.text && { color: rgb(c.text) }),
  };
}

/**
 * The name a category's ranges are registered under in `CSS.highlights`: the plain name on light
 * pages (`sift-actor-person`), the same with `-dark` on dark pages, styled by its own rules. Where
 * the browser paints no lines, the categories that have no tint or that get a text colour are
 * registered under a `-tint` name whose rule draws them so (`sift-actor-country-tint`); the others
 * show their tint as they are.
 */
export function paletteHighlightName(category: Category, scheme: PageScheme, lines = true): string {
  const name = scheme === 'light' ? highlightName(category) : `${highlightName(category)}-dark`;
  return lines || !LINELESS_RENAMED.includes(category) ? name : `${name}-tint`;
}

/** The highlight that flashes a span brought into view (a list item in the popup, a keyboard step), in both schemes. */
export const FLASH_HIGHLIGHT = 'sift-flash';
const FLASH_CSS = { background: 'rgb(250 204 21 / 0.85)', color: '#111' };

/**
 * The `::highlight()` rules one painter needs: its categories under the names it registers them
 * (`paletteHighlightName` for the page's scheme and the browser's lines), and the flash. They are
 * not in the content script's stylesheet: a `::highlight()` rule applies to every element, and with
 * the 31 rules there every style recalculation of every page took about three times as long
 * (Chromium, a page of 30,000 elements: 298 against 103 ms without them, 109 without Sift; CDP
 * `RecalcStyleDuration`). The painter adopts them into the document while highlights show
 * (sheet.ts).
 */
export function highlightRules(scheme: PageScheme, lines: boolean, scope = ''): string {
  // Scoped, the rules apply inside one element (and to its own text) instead of everywhere.
  const selector = (name: string) => (scope ? `${scope}::highlight(${name}), ${scope} ::highlight(${name})` : `::highlight(${name})`);
  const rules = CATEGORIES.map((c) => {
    const css = highlightCss(c, scheme, lines || !LINELESS_RENAMED.includes(c));
    return `${selector(paletteHighlightName(c, scheme, lines))} { background-color: ${css.background};${css.color ? ` color: ${css.color};` : ''} text-decoration: ${css.decoration}; }`;
  });
  rules.push(`${selector(FLASH_HIGHLIGHT)} { background-color: ${FLASH_CSS.background}; color: ${FLASH_CSS.color}; }`);
  return rules.join('\n');
}

/**
 * A selector for the element that holds the highlighted text: the id of the element or of its
 * nearest ancestor that has one (ids are what pages keep stable; a path of positions would break
 * when an ad is inserted above the story), or '' (the rules then apply everywhere). Scoped rules
 * cost style recalculation inside that element only: on the 1 MB fixture page a full recalculation
 * took 74 ms with the rules unscoped, 60 scoped to its article, 58 without them (Chromium, page
 * world, median of 36).
 */
export function highlightScope(root: Element | null, escape: ((id: string) => string) | undefined): string {
  if (!escape) return '';
  for (let el = root; el; el = el.parentElement) {
    const id = el.getAttribute('id');
    if (id) return `#${escape(id)}`;
  }
  return '';
}

/**
 * Every painter's rules, for Firefox: its content scripts cannot adopt a stylesheet into the page
 * (setting `adoptedStyleSheets` through their wrappers throws), so there the rules come with the
 * content script, in `public/highlights.css` (wxt.config.ts lists it for Firefox only;
 * palette.test.ts checks that it holds exactly this).
 */
export function firefoxHighlightStylesheet(): string {
  const rules = new Set(PAGE_SCHEMES.flatMap((scheme) => [true, false].flatMap((lines) => highlightRules(scheme, lines).split('\n'))));
  return `/* Generated from lib/paint/palette.ts (firefoxHighlightStylesheet); palette.test.ts checks it. */\n${[...rules].join('\n')}\n`;
}

/** The categories that need their own rule where lines are not painted: no tint of their own, or a text colour. */
export const LINELESS_RENAMED: readonly Category[] = CATEGORIES.filter((c) => !SHAPES[c].fill || LINELESS_TEXT[c] !== undefined);

/** Every highlight name Sift may register, for clearing. */
export const ALL_HIGHLIGHT_NAMES: readonly string[] = PAGE_SCHEMES.flatMap((s) => [
  ...CATEGORIES.map((c) => paletteHighlightName(c, s)),
  ...LINELESS_RENAMED.map((c) => paletteHighlightName(c, s, false)),
]);

// --- Colours ------------------------------------------------------------------------------------

export function hexToRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** An sRGB colour with alpha, channels 0–255, alpha 0–1. */
export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

function channel(s: string, scale255: boolean): number {
  const t = s.trim();
  if (t === 'none') return 0;
  if (t.endsWith('%')) return (parseFloat(t) / 100) * (scale255 ? 255 : 1);
  return parseFloat(t);
}

/**
 * Parse a computed CSS colour (`rgb()`/`rgba()`, `color(srgb …)`, `transparent`, and the lightness of
 * `oklch()/oklab()/lab()/lch()`, which browsers keep as specified). Returns null when it cannot
 * tell. For the Lab family only lightness is kept (as grey), which is all the scheme choice needs.
 */
export function parseCssColor(value: string): Rgba | null {
  const v = value.trim().toLowerCase();
  if (v === 'transparent') return { r: 0, g: 0, b: 0, a: 0 };
  if (v.startsWith('#')) {
    const h = v.slice(1);
    const full = h.length === 3 || h.length === 4 ? [...h].map((c) => c + c).join('') : h;
    if (!/^[0-9a-f]{6}(?:[0-9a-f]{2})?$/.test(full)) return null;
    const n = (i: number) => parseInt(full.slice(i, i + 2), 16);
    return { r: n(0), g: n(2), b: n(4), a: full.length === 8 ? n(6) / 255 : 1 };
  }
  const m = /^([a-z-]+)\((.*)\)$/.exec(v);
  if (!m) return null;
  const [, fn, body] = m;
  const [main, alphaPart] = body.includes('/') ? body.split('/') : [body, undefined];
  const parts = main.split(/[\s,]+/).filter(Boolean);
  let alpha = alphaPart !== undefined ? channel(alphaPart, false) : 1;
  if (fn === 'rgb' || fn === 'rgba') {
    if (parts.length < 3) return null;
    if (parts.length === 4 && alphaPart === undefined) alpha = channel(parts[3], false);
    const [r, g, b] = parts.slice(0, 3).map((p) => channel(p, true));
    return { r: clamp(r, 0, 255), g: clamp(g, 0, 255), b: clamp(b, 0, 255), a: clamp(alpha, 0, 1) };
  }
  if (fn === 'color' && (parts[0] === 'srgb' || parts[0] === 'srgb-linear' || parts[0] === 'display-p3')) {
    const [r, g, b] = parts.slice(1, 4).map((p) => channel(p, false) * 255);
    return { r: clamp(r, 0, 255), g: clamp(g, 0, 255), b: clamp(b, 0, 255), a: clamp(alpha, 0, 1) };
  }
  if (fn === 'oklch' || fn === 'oklab' || fn === 'lab' || fn === 'lch') {
    // Lightness: oklab/oklch 0–1 (or %), lab/lch 0–100. Map to a grey of the same perceived lightness.
    const raw = parts[0];
    const l = clamp(raw.endsWith('%') ? parseFloat(raw) / 100 : parseFloat(raw) / (fn.startsWith('ok') ? 1 : 100), 0, 1);
    if (!Number.isFinite(l)) return null;
    // Relative luminance of a grey of that lightness: OKLab's L is the cube root of it; CIE L* is
    // 116·Y^(1/3) − 16 (linear below L* = 8). Then back to an sRGB channel value.
    const y = fn.startsWith('ok') ? l ** 3 : l > 0.08 ? ((l * 100 + 16) / 116) ** 3 : (l * 100) / 903.3;
    const grey = 255 * (y <= 0.0031308 ? 12.92 * y : 1.055 * y ** (1 / 2.4) - 0.055);
    return { r: grey, g: grey, b: grey, a: clamp(alpha, 0, 1) };
  }
  return null;
}

function linear(c: number): number {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
}

/** WCAG relative luminance of an opaque colour. */
export function relativeLuminance(c: Pick<Rgba, 'r' | 'g' | 'b'>): number {
  return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
}

export function contrastRatio(a: Pick<Rgba, 'r' | 'g' | 'b'>, b: Pick<Rgba, 'r' | 'g' | 'b'>): number {
  const x = relativeLuminance(a);
  const y = relativeLuminance(b);
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

/** `top` drawn over an opaque `bottom`. */
export function composite(top: Rgba, bottom: Pick<Rgba, 'r' | 'g' | 'b'>): Rgba {
  const a = top.a;
  return { r: top.r * a + bottom.r * (1 - a), g: top.g * a + bottom.g * (1 - a), b: top.b * a + bottom.b * (1 - a), a: 1 };
}

/** Below this luminance a background reads as dark: white text has more contrast on it than black. */
export const DARK_LUMINANCE = 0.179;

/** What the scheme choice reads from one element, from the article root up to `<html>`. */
export interface SchemeLayer {
  backgroundColor: string;
  /** `none` or an image/gradient: the colour under the text is then unknown at this layer. */
  backgroundImage?: string;
  /** The element's text colour (only the first layer's is used). */
  color?: string;
}

/**
 * Whether the article sits on a dark background: the first mostly opaque background from the
 * article root upwards decides; when every layer is transparent (or an image), the text colour
 * decides (light text means a dark canvas); otherwise the page is light.
 */
export function schemeFromLayers(layers: readonly SchemeLayer[]): PageScheme {
  for (const layer of layers) {
    const bg = parseCssColor(layer.backgroundColor);
    if (bg && bg.a >= 0.5) return relativeLuminance(bg) < DARK_LUMINANCE ? 'dark' : 'light';
    if (layer.backgroundImage && layer.backgroundImage !== 'none') break;
  }
  const text = layers[0]?.color ? parseCssColor(layers[0].color) : null;
  if (text && text.a > 0.5 && relativeLuminance(text) > 0.5) return 'dark';
  return 'light';
}

/**
 * The article's scheme in a live page: computed styles of the root and its ancestors, read once
 * per analysis (style resolution only, no layout).
 */
export function detectPageScheme(root: Element): PageScheme {
  const win = root.ownerDocument?.defaultView;
  if (!win?.getComputedStyle) return 'light';
  const layers: SchemeLayer[] = [];
  for (let el: Element | null = root; el; el = el.parentElement) {
    const cs = win.getComputedStyle(el);
    layers.push({ backgroundColor: cs.backgroundColor, backgroundImage: cs.backgroundImage, color: layers.length === 0 ? cs.color : undefined });
    const bg = parseCssColor(cs.backgroundColor);
    if (bg && bg.a >= 0.5) break;
  }
  return schemeFromLayers(layers);
}

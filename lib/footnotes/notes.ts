import type { FootnoteNote } from '../schema';
import { isBlockElement, isHiddenByMarkup } from '../text/textmap';
import {
  BACKLINK_CLASS,
  BACKLINK_TEXT,
  leadingLabel,
  markerLabel,
  NOTES_CONTAINER,
  NOTES_HEADING,
  stripLeadingLabel,
  type NoteLabelKind,
} from './labels';
import { trimEndWhile } from '../text/trim';
import { bmp } from '../text/bmp-classes';

/**
 * Notes: the element that holds a note, its text without back-links, its links, and the notes a
 * page lists without linking to them (a trailing "Notes" section, "[1] …" paragraphs, "* …"
 * definitions).
 */

/** Elements whose content is never a note's reading text. */
const NEVER_TEXT = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS',
  'VIDEO', 'AUDIO', 'SELECT', 'TEXTAREA', 'INPUT', 'BUTTON', 'HEAD', 'TITLE', 'META', 'LINK',
]);

/** Cells that hold only a note's number beside its text (`<th>1</th><td>…</td>`, `<dt>1</dt><dd>…</dd>`). */
const LABEL_CELLS = new Set(['TH', 'TD', 'DT']);

/** Text only screen readers get ("Back to content"): not what a reader sees in the note. */
const SCREEN_READER_ONLY = /(?:^|\s)(?:sr-only|screen-reader-text|visually-hidden|visuallyhidden|a11y-hidden)(?:$|\s)/;

const BARE_URL_RE = /\bhttps?:\/\/[^\s<>"'“”‘’]+/g;

/** Resolves `href` against `base`; only http(s) addresses are links Sift offers. */
export function httpLink(href: string, base: string): string | null {
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

export interface NoteContext {
  base: string;
  /** The fragment id an anchor points to on this page, or null (external link, no fragment). */
  fragment: (a: Element) => string | null;
}

/** A same-page anchor that leads back to the text: "↩", "^ a b", the note's own number. */
export function isBacklink(a: Element, ctx: NoteContext): boolean {
  if (a.tagName !== 'A') return false;
  if (a.getAttribute('role') === 'doc-backlink' || a.hasAttribute('data-footnote-backref')) return true;
  if (BACKLINK_CLASS.test(a.getAttribute('class') ?? '')) return true;
  if (ctx.fragment(a) === null) return false;
  const label = a.getAttribute('aria-label') ?? a.getAttribute('title') ?? '';
  if (/\b(?:back|return|jump)\b/i.test(label)) return true;
  const text = (a.textContent ?? '').replace(/[\s\u00A0]+/g, ' ').trim();
  return text.length <= 12 && BACKLINK_TEXT.test(text);
}

/**
 * The note held by `el`: its words without back-links, screen-reader-only text or a written-out
 * copy of its own label, and its http(s) links. Null when nothing but a label is left.
 */
export function readNote(el: Element, label: string | null, ctx: NoteContext): FootnoteNote | null {
  const parts: string[] = [];
  const links: string[] = [];
  let seenText = false;
  const addLink = (href: string) => {
    const url = httpLink(href, ctx.base);
    if (url && !links.includes(url)) links.push(url);
  };
  // null on the stack: a block ended, so its text and the next never run together.
  const stack: (Node | null)[] = [el];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n === null) {
      parts.push(' ');
      continue;
    }
    if (n.nodeType === 3) {
      const data = (n as Text).data;
      if (/\S/.test(data)) seenText = true;
      parts.push(data);
      continue;
    }
    if (n.nodeType !== 1) continue;
    const e = n as Element;
    const tag = e.tagName.toUpperCase();
    if (e !== el) {
      if (NEVER_TEXT.has(tag) || isHiddenByMarkup(e)) continue;
      const cls = e.getAttribute('class') ?? '';
      if (SCREEN_READER_ONLY.test(cls) || /mw-cite-backlink/.test(cls)) continue;
      if (tag === 'A' && isBacklink(e, ctx)) continue;
      // The note's number written as its own element before any text ("<sup>1</sup> Note…").
      if (!seenText && label !== null && (!isBlockElement(e) || LABEL_CELLS.has(tag)) && markerLabel(e.textContent ?? '') === label) continue;
      if (tag === 'A') {
        const href = e.getAttribute('href');
        if (href && ctx.fragment(e) === null) addLink(href);
      }
      if (tag === 'BR') {
        parts.push(' ');
        continue;
      }
      if (isBlockElement(e)) {
        parts.push(' ');
        stack.push(null);
      }
    }
    for (let c = e.lastChild; c; c = c.previousSibling) stack.push(c);
  }
  let text = parts.join('').replace(/[\s\u00A0]+/g, ' ').trim();
  if (label !== null) text = stripLeadingLabel(text, label);
  text = stripBacklinkArrows(text).trim();
  if (!bmp(/[\p{L}\p{N}]/u).test(text) || (label !== null && text === label)) return null;
  for (const m of text.matchAll(BARE_URL_RE)) {
    const url = httpLink(trimEndWhile(m[0], (c) => '.,;:!?)]'.includes(c)), ctx.base);
    if (url && !links.includes(url)) links.push(url);
  }
  return { text, links };
}

const isBacklinkArrow = (c: string) => c === '↩' || c === '↵' || c === '⤴' || c === '\uFE0E' || c === '\uFE0F';
const isSpace = (c: string) => /\s/.test(c);

/**
 * `text` without the back-link arrows at its end ("… 2019. ↩", "↩︎ 2"), as
 * `/\s*(?:[↩↵⤴]|\uFE0E|\uFE0F)+(?:\s*\d+)?\s*$/u` would strip them, by a backward scan: the
 * pattern was quadratic on a long run of arrows.
 */
function stripBacklinkArrows(text: string): string {
  let e = trimEndWhile(text, isSpace).length;
  let d = e;
  while (d > 0 && text[d - 1] >= '0' && text[d - 1] <= '9') d--;
  if (d < e) {
    const w = trimEndWhile(text.slice(0, d), isSpace).length;
    if (w > 0 && isBacklinkArrow(text[w - 1])) e = w;
  }
  const arrowsEnd = e;
  while (e > 0 && isBacklinkArrow(text[e - 1])) e--;
  if (e === arrowsEnd) return text;
  return trimEndWhile(text.slice(0, e), isSpace);
}

/** Inline elements that may hold a note of their own (Modern Footnotes' tooltip span). */
const INLINE_NOTE_HOLDERS = new Set(['SPAN', 'ASIDE', 'DIV', 'SMALL']);

/**
 * The element holding the note an anchor points to. The target may be the note itself (`<li
 * id="fn1">`), an empty anchor or the note's number inside it (`<span id="…">`, Substack's
 * `<a id="footnote-1">1</a>`), or a term whose definition follows (`<dt>`).
 */
export function noteHolder(target: Element, label: string | null, ctx: NoteContext): Element | null {
  let el: Element | null = target;
  for (let depth = 0; el && depth < 4; depth++) {
    const tag = el.tagName.toUpperCase();
    if (tag === 'BODY' || tag === 'HTML' || tag === 'ARTICLE' || tag === 'MAIN') return null;
    const note = readNote(el, label, ctx);
    if (note && (isBlockElement(el) || INLINE_NOTE_HOLDERS.has(tag) || tag === 'LI')) return el;
    if (!note && tag === 'DT') {
      const dd = el.nextElementSibling;
      return dd && dd.tagName.toUpperCase() === 'DD' ? dd : null;
    }
    if (note && !isBlockElement(el)) {
      // An inline element with words of its own (a tooltip span): the note itself.
      if ((el.textContent ?? '').trim().length > 2) return el;
    }
    el = el.parentElement;
  }
  return null;
}

export interface ListedNote {
  el: Element;
  label: string;
  kind: NoteLabelKind | 'sup' | 'ol';
  /** In a notes section (after a "Notes" heading, or in a footnotes container). */
  inNotes: boolean;
}

const ITEM_TAGS = new Set(['P', 'LI', 'DD']);
const HEADING_RE = /^H([1-6])$/;
const CONTAINER_TAGS = new Set(['DIV', 'SECTION', 'OL', 'UL', 'ASIDE', 'FOOTER', 'DL', 'TD', 'BLOCKQUOTE', 'ARTICLE', 'MAIN']);

function hasBlockChild(el: Element): boolean {
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) if (isBlockElement(c)) return true;
  return false;
}

/** The first few visible characters of an element, and whether they sit in a <sup>. */
function opening(el: Element, max = 12): { text: string; inSup: boolean } {
  let text = '';
  let inSup = false;
  const stack: { n: Node; sup: boolean }[] = [{ n: el, sup: false }];
  while (stack.length > 0 && text.trim().length < max) {
    const { n, sup } = stack.pop()!;
    if (n.nodeType === 3) {
      const d = (n as Text).data;
      if (!text.trim() && /\S/.test(d)) inSup = sup;
      text += d;
      continue;
    }
    if (n.nodeType !== 1) continue;
    const e = n as Element;
    if (e !== el && (NEVER_TEXT.has(e.tagName.toUpperCase()) || isHiddenByMarkup(e))) continue;
    const isSup = sup || e.tagName.toUpperCase() === 'SUP';
    for (let c = e.lastChild; c; c = c.previousSibling) stack.push({ n: c, sup: isSup });
  }
  return { text: text.replace(/[\s\u00A0]+/g, ' ').trimStart(), inSup };
}

function isNotesContainer(el: Element): boolean {
  const role = el.getAttribute('role');
  if (role === 'doc-endnotes' || role === 'doc-footnotes' || el.hasAttribute('data-footnotes')) return true;
  const ci = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  return ci.length > 1 && NOTES_CONTAINER.test(ci);
}

function isNotesHeadingText(el: Element): boolean {
  const t = (el.textContent ?? '').replace(/[\s\u00A0]+/g, ' ').trim();
  return t.length > 0 && t.length <= 40 && NOTES_HEADING.test(t);
}

/**
 * Notes the page lists by label: items (paragraphs, list items, definitions) of the article and
 * of everything after it in the document, whose text starts with a label ("[1] …", "1. …",
 * "<sup>1</sup> …", "* …") or which are numbered items of a notes section's <ol>. One walk,
 * bounded by `maxElements`.
 */
export function listNotes(doc: Document, root: Element, maxElements = 20_000): ListedNote[] {
  const out: ListedNote[] = [];
  let visited = 0;
  const ordinals = new Map<Element, Map<Element, number>>();
  // The notes section opened by a heading: its level (7 for a bold paragraph) and its scope.
  let section: { level: number; scope: Element } | null = null;

  const visit = (start: Element) => {
    const stack: { el: Element; inContainer: boolean }[] = [{ el: start, inContainer: false }];
    while (stack.length > 0 && visited < maxElements) {
      const { el, inContainer } = stack.pop()!;
      visited++;
      const tag = el.tagName.toUpperCase();
      if (NEVER_TEXT.has(tag) || isHiddenByMarkup(el)) continue;
      if (section && !section.scope.contains(el)) section = null;
      const heading = HEADING_RE.exec(tag);
      if (heading) {
        const level = Number(heading[1]);
        if (isNotesHeadingText(el)) section = { level, scope: scopeOf(el) };
        else if (section && level <= section.level) section = null;
        continue;
      }
      const container = inContainer || (CONTAINER_TAGS.has(tag) && isNotesContainer(el));
      const isItem = ITEM_TAGS.has(tag) || ((tag === 'DIV' || tag === 'TD') && !hasBlockChild(el) && el.firstChild !== null);
      if (isItem) {
        if ((tag === 'P' || tag === 'DIV') && isNotesHeadingText(el)) {
          section = { level: 7, scope: scopeOf(el) };
          continue;
        }
        const inNotes = container || section !== null;
        const { text, inSup } = opening(el);
        const lead = leadingLabel(text);
        if (lead) {
          out.push({ el, label: lead.label, kind: lead.kind, inNotes });
        } else if (inSup) {
          const m = /^(\d{1,3})(?!\d)/.exec(text);
          if (m) out.push({ el, label: m[1], kind: 'sup', inNotes });
        } else if (inNotes && tag === 'LI' && el.parentElement?.tagName.toUpperCase() === 'OL') {
          out.push({ el, label: String(ordinalOf(el, ordinals)), kind: 'ol', inNotes });
        }
        continue;
      }
      for (let c = el.lastElementChild; c; c = c.previousElementSibling) stack.push({ el: c, inContainer: container });
    }
  };

  visit(root);
  // Then everything after the article: following siblings of the root and of its ancestors.
  for (let n: Element | null = root; n && n.tagName.toUpperCase() !== 'HTML' && visited < maxElements; n = n.parentElement) {
    for (let s = n.nextElementSibling; s && visited < maxElements; s = s.nextElementSibling) visit(s);
  }
  return out;
}

/** A heading's section: its parent, or the parent's parent when the parent only wraps it. */
function scopeOf(heading: Element): Element {
  const parent = heading.parentElement;
  if (!parent) return heading;
  if (parent.childElementCount <= 1 && parent.parentElement && parent.tagName.toUpperCase() !== 'BODY') return parent.parentElement;
  return parent;
}

/** The number an <ol> shows for its list item (`start` and `value`; `reversed` aside), one count per list. */
function ordinalOf(li: Element, cache: Map<Element, Map<Element, number>>): number {
  const ol = li.parentElement!;
  let numbers = cache.get(ol);
  if (!numbers) {
    numbers = new Map();
    let n = Number.parseInt(ol.getAttribute('start') ?? '1', 10);
    if (!Number.isFinite(n)) n = 1;
    for (let c = ol.firstElementChild; c; c = c.nextElementSibling) {
      if (c.tagName.toUpperCase() !== 'LI') continue;
      const v = Number.parseInt(c.getAttribute('value') ?? '', 10);
      if (Number.isFinite(v)) n = v;
      numbers.set(c, n++);
    }
    cache.set(ol, numbers);
  }
  return numbers.get(li) ?? 0;
}

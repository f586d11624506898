import type { Footnote, FootnoteNote, Span } from '../schema';
import type { TextMap } from '../text/textmap';
import { sentenceIndexAt, type Sentence } from '../text/sentences';
import type { FootnoteMarker } from '../claims/claims';
import { isBracketed, markerLabel, SYMBOL_CHARS } from './labels';
import { drain, type Steps } from '../steps';
import { httpLink, listNotes, noteHolder, readNote, type ListedNote, type NoteContext } from './notes';
import { bmp } from '../text/bmp-classes';

/**
 * Footnotes: the markers in the article, the notes they stand for, and the sentence that cites
 * each marker. The patterns real pages use:
 *
 * - linked markers: `<sup><a href="#fn5">5</a></sup>` and its variants (MediaWiki `cite_note-…`,
 *   WordPress footnotes blocks and plugins, Substack `footnote-anchor-N`, Ghost/markdown-it,
 *   Pandoc, kramdown and Python-Markdown `fn:1`, GitHub), the note found by the link's target
 *   anywhere in the document (or by `aria-describedby`, for notes shown as tooltips);
 * - plain-text markers "[5]", "[^5]", "[1, 2]", with notes in "[5] …" paragraphs or a "Notes" list;
 * - superscript numbers without links, with notes in a trailing "Notes" section;
 * - asterisks and daggers, only where the page defines them ("* Provisional figure.").
 *
 * Notes may sit inside the article or after it; they are read from the DOM, never from the
 * article's text. A marker without a note on the page keeps `note: null`.
 */

export interface FootnoteInput {
  doc: Document;
  root: Element;
  map: TextMap;
  /** The page's address: base for relative links in notes, and "this page" for absolute `…#fn1` links. */
  baseUrl?: string;
}

export interface FootnoteResult {
  footnotes: Footnote[];
  /** Every citation's marker, in text order (a "[1, 2]" marker appears once per label). */
  markers: FootnoteMarker[];
}

/**
 * Notes a page places inline right after their marker and shows only on demand (Modern Footnotes'
 * tooltip span, the "footnotes" plugin's tooltip): not reading text. The article's TextMap skips
 * them so they do not run into the sentence that cites them; their note is read from the DOM.
 */
const INLINE_NOTE_CLASS = /(?:^|\s)(?:modern-footnotes-footnote__note|footnote_tooltip|footnote-tooltip|fn-tooltip)(?:$|\s)/;

export function isInlineNote(el: Element): boolean {
  const cls = el.getAttribute('class');
  if (cls && INLINE_NOTE_CLASS.test(cls)) return true;
  return el.getAttribute('role') === 'tooltip' && /foot|(?:^|\W)fn|mfn|note/i.test(`${cls ?? ''} ${el.getAttribute('id') ?? ''}`);
}

/** `skip` for the article's TextMap, leaving out inline notes as well. */
export function skipInlineNotes(skip?: (el: Element) => boolean): (el: Element) => boolean {
  return skip ? (el) => skip(el) || isInlineNote(el) : isInlineNote;
}

/**
 * Fill in each citation's sentence once the text is split (markers are found first, because the
 * sentence splitter needs them: "…next year.5 In Kenya" ends a sentence after the "5").
 */
export function attachCitingSentences(footnotes: Footnote[], sentences: readonly Sentence[], text: string): void {
  for (const f of footnotes) {
    for (const c of f.citations) {
      // A marker right after a sentence's full stop belongs to that sentence.
      let i = sentenceIndexAt(sentences, c.start);
      if (i < 0) i = sentenceIndexAt(sentences, Math.max(0, c.start - 1));
      c.sentence = i >= 0 ? sentences[i].text : text.slice(c.start, c.end);
    }
  }
}

/** Words in a link's class, id, rel or role that say "footnote". */
const MARKER_HINT = /foot|(?:^|[^a-z])fn|note|cite|(?:^|[^a-z])ref|endnote/i;
/** An address naming one note ("#fn3", "#cite_note-x-3", "#ref-12"), not a section ("#references"). */
const NOTE_HREF = /#.*(?:foot|fn|note|cite|ref)[^#]*\d|#.*\d[^#]*(?:fn|note|ref)/i;
/** Ids of note elements, for absolute links (`https://site/post/#fn1`) whose page address differs. */
const NOTE_ID = /foot|fn|note|cite|ref/i;
const HEADING_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
const HEADING_OR_NAV_TAGS = new Set([...HEADING_TAGS, 'NAV']);
const CODE_TAGS = new Set(['CODE', 'PRE', 'KBD', 'SAMP', 'TT', 'VAR']);
const NOTE_LIST_TAGS = new Set(['OL', 'DL']);

/** The nearest ancestor (or `el` itself) that passes `test`; by tag names, which every DOM answers fast. */
function ancestor(el: Element | null, test: (e: Element, tag: string) => boolean): Element | null {
  for (let e = el; e; e = e.parentElement) if (test(e, e.tagName.toUpperCase())) return e;
  return null;
}
const inCode = (el: Element | null) => ancestor(el, (_, tag) => CODE_TAGS.has(tag)) !== null;
const inHeadingOrNav = (el: Element) =>
  ancestor(el, (e, tag) => HEADING_OR_NAV_TAGS.has(tag) || e.getAttribute('role') === 'navigation' || /(?:^|\s)toc(?:$|\s)/.test(e.getAttribute('class') ?? '') || e.getAttribute('id') === 'toc') !== null;

/** "[1]", "[1, 2]", "[3–5]", "[^1]", "[^note]". Group 1: numbers; group 2: a caret label. */
const PLAIN_MARKER_RE = /\[(?:(\d{1,3}(?:\s*[,–-]\s*\d{1,3}){0,8})|\^([\w-]{1,24}))\]/g;
/** Asterisks and daggers glued to the word or figure they qualify ("42%*", "Smith†"). */
const SYMBOL_MARKER_RE = /(\*{1,3}|†{1,2}|‡{1,2}|§{1,2}|¶|‖)/g;
const WORD_CHAR = bmp(/[\p{L}\p{N}_]/u);

interface Candidate extends Span {
  labels: string[];
  note?: FootnoteNote | null;
  kind: 'linked' | 'plain' | 'sup' | 'symbol';
}

interface Page extends NoteContext {
  doc: Document;
  /** origin + path of the page, for absolute links to this page. */
  pageKey: string | null;
  byId: (id: string) => Element | null;
  /** True when `a` comes after `b` in the document (a link pointing back, to text before it). */
  follows: (a: Element, b: Element) => boolean;
}

function makePage(doc: Document, baseUrl?: string): Page {
  const base = baseUrl || doc.baseURI || doc.URL || 'about:blank';
  let pageKey: string | null = null;
  try {
    const u = new URL(base);
    pageKey = (u.origin + u.pathname).replace(/\/$/, '');
  } catch {
    pageKey = null;
  }
  // Ids (and `<a name>` anchors) of the whole document, indexed in one walk on the first lookup:
  // linkedom, which the CLI uses, answers each getElementById with a full selector scan (about
  // 9 ms on a 2,000-element page), while the walk costs a browser about a millisecond, and only
  // on pages that have a linked marker at all. The walk also gives document order.
  let index: Map<string, Element> | null = null;
  let order: Map<Element, number> | null = null;
  const byId = (id: string): Element | null => {
    if (!index) {
      index = new Map();
      order = new Map();
      // Our own walk: linkedom's document.getElementsByTagName('*') returns nothing.
      let i = 0;
      const stack: Element[] = doc.documentElement ? [doc.documentElement] : [];
      while (stack.length > 0) {
        const e = stack.pop()!;
        order.set(e, i++);
        const key = e.getAttribute('id') ?? (e.tagName.toUpperCase() === 'A' ? e.getAttribute('name') : null);
        if (key && !index.has(key)) index.set(key, e);
        for (let c = e.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
      }
    }
    return index.get(id) ?? null;
  };
  const fragment = (a: Element): string | null => {
    const href = (a.getAttribute('href') ?? '').trim();
    const hash = href.indexOf('#');
    if (hash < 0 || hash === href.length - 1) return null;
    let id = href.slice(hash + 1);
    try {
      id = decodeURIComponent(id);
    } catch {
      // Keep the raw id.
    }
    if (hash === 0) return id;
    try {
      const u = new URL(href, base);
      if (u.protocol !== 'http:' && u.protocol !== 'https:' && u.protocol !== 'file:') return null;
      if (pageKey !== null && (u.origin + u.pathname).replace(/\/$/, '') === pageKey) return id;
    } catch {
      return null;
    }
    // Another address, but the note is on this page (a canonical or mirrored address).
    return NOTE_ID.test(id) && byId(id) ? id : null;
  };
  const follows = (a: Element, b: Element): boolean => {
    const oa = order?.get(a);
    const ob = order?.get(b);
    return oa !== undefined && ob !== undefined ? oa > ob : followsByAncestors(a, b);
  };
  return { doc, base, pageKey, byId, fragment, follows };
}

/**
 * True when `a` comes after `b` in the document. By ancestor chains, not compareDocumentPosition:
 * linkedom answers that one wrongly for nested nodes.
 */
function followsByAncestors(a: Element, b: Element): boolean {
  const chain = (n: Element): Element[] => {
    const out: Element[] = [];
    for (let e: Element | null = n; e; e = e.parentElement) out.push(e);
    return out.reverse();
  };
  const ca = chain(a);
  const cb = chain(b);
  let i = 0;
  while (i < ca.length && i < cb.length && ca[i] === cb[i]) i++;
  if (i === ca.length || i === cb.length) return ca.length > cb.length; // one contains the other
  if (i === 0) return false; // different trees
  for (let s = ca[i].previousElementSibling; s; s = s.previousElementSibling) if (s === cb[i]) return true;
  return false;
}

function attrs(el: Element | null): string {
  if (!el) return '';
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''} ${el.getAttribute('rel') ?? ''} ${el.getAttribute('role') ?? ''}`;
}

function isInCode(map: TextMap, offset: number): boolean {
  return inCode(map.domPoint(offset, 'start')?.node.parentElement ?? null);
}

function elementAt(map: TextMap, offset: number): Element | null {
  return map.domPoint(offset, 'start')?.node.parentElement ?? null;
}

/** The note an anchor points to: its `href` fragment, or the element it is described by. */
function targetOf(a: Element, page: Page): { target: Element | null; linked: boolean } {
  const id = page.fragment(a);
  if (id !== null) return { target: page.byId(id), linked: true };
  for (const attr of ['aria-describedby', 'aria-controls', 'aria-details']) {
    for (const ref of (a.getAttribute(attr) ?? '').split(/\s+/)) {
      const el = ref ? page.byId(ref) : null;
      if (el) return { target: el, linked: true };
    }
  }
  // A footnote of another page (a reposted article linking to the original's "#fn3"): still a
  // marker, with its note left behind.
  const href = a.getAttribute('href') ?? '';
  const hash = href.indexOf('#');
  if (hash > 0 && NOTE_ID.test(href.slice(hash + 1))) return { target: null, linked: true };
  return { target: null, linked: false };
}

/** Easy Footnotes and others repeat the note in the marker's `title`: the note when no list is shown. */
function noteFromTitle(a: Element, page: Page): FootnoteNote | null {
  const title = a.getAttribute('title') ?? '';
  const text = title.replace(/<[^>]*>/g, ' ').replace(/[\s\u00A0]+/g, ' ').trim();
  if (text.split(' ').length < 3 || /^(?:(?:jump|go|skip|scroll) to|see|read) (?:the )?(?:foot)?note/i.test(text)) return null;
  const links: string[] = [];
  for (const m of title.matchAll(/href\s*=\s*["']([^"']+)["']/gi)) {
    const url = httpLink(m[1], page.base);
    if (url && !links.includes(url)) links.push(url);
  }
  return { text, links };
}

interface Linked {
  a: Element;
  span: Span;
  label: string;
  target: Element | null;
  holder: Element | null;
}

/** 1. Linked markers in the article, with the element holding each one's note. */
function findLinked(root: Element, map: TextMap, page: Page): Linked[] {
  const found: Linked[] = [];
  const anchors = root.getElementsByTagName('a');
  // The last anchor whose text was read: a link nested in a link (DOM-built or linkedom-parsed
  // markup; HTML parsers in browsers never nest them) is part of it, not a marker of its own, and
  // reading each again cost seconds on 10,000 nested links (a subtree walk per link).
  let examined: Element | null = null;
  for (let i = 0; i < anchors.length; i++) {
    const a = anchors[i];
    // Cheap first: a marker links to a fragment or names the element describing it.
    if (!(a.getAttribute('href') ?? '').includes('#') && !a.hasAttribute('aria-describedby') && !a.hasAttribute('aria-controls') && !a.hasAttribute('aria-details')) continue;
    if (examined && examined.contains(a)) continue;
    examined = a;
    const text = a.textContent ?? '';
    const label = markerLabel(text);
    if (!label) continue;
    const { target, linked } = targetOf(a, page);
    if (!linked) continue;
    if (target && (target === a || target.contains(a) || a.contains(target))) continue;
    // Pointing back to text before it: a back-link from a note, not a marker.
    if (target && page.follows(a, target)) continue;
    if (inHeadingOrNav(a)) continue;
    // A heading (or an anchor in one) is a section, never a note: table-of-contents numbers.
    if (target && ancestor(target, (_, tag) => HEADING_TAGS.has(tag))) continue;
    // The marker element: the link, or the <sup> around it when the sup holds only the label ("[<a>1</a>]").
    const parent = a.parentElement;
    const sup = ancestor(a, (_, tag) => tag === 'SUP') ?? a.getElementsByTagName('sup')[0] ?? null;
    const markerEl = parent && parent.tagName.toUpperCase() === 'SUP' && markerLabel(parent.textContent ?? '') === label ? parent : a;
    const hinted =
      sup !== null ||
      isBracketed(text) ||
      MARKER_HINT.test(`${attrs(a)} ${attrs(parent)}`) ||
      NOTE_HREF.test(a.getAttribute('href') ?? '') ||
      a.hasAttribute('data-footnote-ref') ||
      (target !== null && ancestor(target, (e, tag) => tag === 'LI' || NOTE_LIST_TAGS.has(tag) || e.getAttribute('role') === 'doc-endnotes') !== null);
    if (!hinted) continue;
    const span = map.spanOf(markerEl);
    if (!span) continue;
    const holder = target ? noteHolder(target, label, page) : null;
    found.push({ a, span, label, target, holder: holder && !holder.contains(a) ? holder : null });
  }
  // A "marker" inside another marker's note is a back-link or a note citing a note: not the article's.
  const holders = new Set(found.map((f) => f.holder).filter((h): h is Element => h !== null));
  if (holders.size === 0) return found;
  return found.filter((f) => {
    for (let e: Element | null = f.a.parentElement; e; e = e.parentElement) if (holders.has(e)) return false;
    return true;
  });
}

/** 2. "[1]", "[^1]", "[1, 2]" in the article's text, outside links, code and other words. */
function findPlain(text: string, map: TextMap): Candidate[] {
  const out: Candidate[] = [];
  PLAIN_MARKER_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PLAIN_MARKER_RE.exec(text)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    const before = text[start - 1] ?? ' ';
    const after = text[end] ?? ' ';
    // "arr[1]", "[1]st", a markdown link "[1](…)".
    if ((WORD_CHAR.test(before) && before !== '_') || WORD_CHAR.test(after) || after === '(') continue;
    let labels: string[];
    if (m[2] !== undefined) labels = [m[2]];
    else {
      labels = [];
      for (const part of m[1].split(/\s*,\s*/)) {
        const range = /^(\d+)\s*[–-]\s*(\d+)$/.exec(part);
        if (range) {
          const [lo, hi] = [Number(range[1]), Number(range[2])];
          if (hi <= lo || hi - lo > 12) {
            labels = [];
            break;
          }
          for (let n = lo; n <= hi; n++) labels.push(String(n));
        } else labels.push(String(Number(part)));
      }
      if (labels.length === 0 || labels.includes('0') || /^0\d/.test(m[1])) continue;
    }
    const el = elementAt(map, start);
    if (el && (inCode(el) || ancestor(el, (e, tag) => tag === 'A' && e.hasAttribute('href')))) continue;
    out.push({ start, end, labels: [...new Set(labels)], kind: 'plain' });
  }
  return out;
}

/** 3. Superscript numbers without links, unless they are exponents ("10⁶", "km²") or verse numbers. */
function findBareSups(root: Element, text: string, map: TextMap): Candidate[] {
  const out: Candidate[] = [];
  const sups = root.getElementsByTagName('sup');
  // The last superscript whose text was read: one nested in it is part of it, and reading each
  // again cost seconds on 10,000 nested ones (a subtree walk per superscript).
  let examined: Element | null = null;
  for (let i = 0; i < sups.length; i++) {
    const sup = sups[i];
    if (examined && examined.contains(sup)) continue;
    examined = sup;
    const t = (sup.textContent ?? '').trim();
    if (!/^[1-9]\d{0,2}$/.test(t)) continue;
    if (sup.getElementsByTagName('a').length > 0 || ancestor(sup, (_, tag) => tag === 'A')) continue;
    const span = map.spanOf(sup);
    if (!span) continue;
    const before = text[span.start - 1] ?? '';
    const after = text[span.end] ?? '';
    // An exponent: "10<sup>6</sup>", "5 <sup>2</sup>".
    if (/\d/.test(before) || (before === ' ' && /\d/.test(text[span.start - 2] ?? ''))) continue;
    // A verse number glued to the word it opens: "<sup>2</sup>And the earth".
    if ((before === '' || /\s/.test(before)) && bmp(/\p{L}/u).test(after)) continue;
    // A unit or a variable: "km<sup>2</sup>", "x<sup>2</sup>", "mc<sup>2</sup>".
    const word = bmp(/\p{L}+$/u).exec(text.slice(Math.max(0, span.start - 12), span.start))?.[0] ?? '';
    if (word.length === 1 || (word.length === 2 && word === word.toLowerCase())) continue;
    if (inCode(sup)) continue;
    out.push({ ...span, labels: [t], kind: 'sup' });
  }
  return out;
}

/** 4. Asterisk and dagger glyphs glued after a word or figure (kept only where the page defines them). */
function findSymbols(text: string, map: TextMap): Candidate[] {
  const out: Candidate[] = [];
  SYMBOL_MARKER_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SYMBOL_MARKER_RE.exec(text)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    const before = text[start - 1] ?? '';
    const after = text[end] ?? '';
    if (!before || /\s/.test(before) || SYMBOL_CHARS.includes(before)) continue;
    if (SYMBOL_CHARS.includes(after) || WORD_CHAR.test(after)) continue;
    if (isInCode(map, start)) continue;
    out.push({ start, end, labels: [m[1]], kind: 'symbol' });
  }
  return out;
}

export function findFootnotes(input: FootnoteInput): FootnoteResult {
  return drain(findFootnotesSteps(input));
}

/** `findFootnotes` as steps (lib/steps.ts): a pause between its searches of the page and the text. */
export function* findFootnotesSteps(input: FootnoteInput): Steps<FootnoteResult> {
  const { doc, root, map } = input;
  const text = map.text;
  const page = makePage(doc, input.baseUrl);

  const linked = findLinked(root, map, page);
  const candidates: Candidate[] = linked.map((l) => {
    let note = l.holder ? readNote(l.holder, l.label, page) : null;
    if (!note && !l.target) note = noteFromTitle(l.a, page);
    return { ...l.span, labels: [l.label], note, kind: 'linked' as const };
  });
  yield;
  const taken = (s: Span) => candidates.some((c) => c.start < s.end && c.end > s.start);

  // Spans of notes inside the article: nothing in them cites the article's text.
  const noteSpans: Span[] = [];
  for (const l of linked) {
    const span = l.holder ? map.spanOf(l.holder) : null;
    if (span && !noteSpans.some((s) => s.start === span.start)) noteSpans.push(span);
  }

  yield;
  const plain = findPlain(text, map).filter((c) => !taken(c));
  yield;
  const sups = findBareSups(root, text, map).filter((c) => !taken(c));
  yield;
  const symbols = findSymbols(text, map).filter((c) => !taken(c));
  yield;
  const missing = candidates.some((c) => c.note === null);

  // Notes the page lists without a link to them (a "Notes" section, "[1] …" paragraphs).
  let listedNote: ((label: string) => FootnoteNote | null) | null = null;
  if (plain.length > 0 || sups.length > 0 || symbols.length > 0 || missing) {
    const listed = listNotes(doc, root);
    yield;
    const byLabel = new Map<string, ListedNote[]>();
    for (const n of listed) {
      const list = byLabel.get(n.label);
      if (list) list.push(n);
      else byLabel.set(n.label, [n]);
    }
    const symbolLabels = new Set(symbols.map((s) => s.labels[0]));
    for (const n of listed) {
      const counts = n.inNotes || n.kind === 'bracket' || n.kind === 'sup' || (n.kind === 'symbol' && symbolLabels.has(n.label));
      if (!counts) continue;
      const span = map.spanOf(n.el);
      if (span) noteSpans.push(span);
    }
    const inNote = (c: Span) => noteSpans.some((s) => c.start >= s.start && c.start < s.end);
    const noteFor = (label: string, accept: (n: ListedNote) => boolean): FootnoteNote | null => {
      for (const n of byLabel.get(label) ?? []) {
        if (!accept(n)) continue;
        const note = readNote(n.el, label, page);
        if (note) return note;
      }
      return null;
    };
    const strongOrListed = (n: ListedNote) => n.kind === 'bracket' || n.kind === 'sup' || n.inNotes;

    listedNote = (label) => noteFor(label, (n) => n.kind !== 'symbol' && strongOrListed(n));
    for (const c of plain) if (!inNote(c)) candidates.push(c);
    // Bare superscripts: those with a note, and the rest when they count from 1 like footnotes.
    const keptSups = sups.filter((c) => !inNote(c));
    for (const c of keptSups) c.note = listedNote(c.labels[0]);
    const countsFromOne = keptSups.some((c) => c.labels[0] === '1');
    for (const c of keptSups) if (c.note || countsFromOne) candidates.push(c);
    // Symbols: only where a definition after the first use says what they mean.
    for (const c of symbols) {
      if (inNote(c)) continue;
      const label = c.labels[0];
      const first = symbols.find((s) => s.labels[0] === label)!;
      const note = noteFor(label, (n) => {
        if (n.kind !== 'symbol') return false;
        const span = map.spanOf(n.el);
        return !span || span.start > first.start;
      });
      if (note) candidates.push({ ...c, note });
    }
  }

  yield;
  return assemble(candidates, text, listedNote);
}

/** Candidates → footnotes (one per label, citations in text order) and the marker list. */
function assemble(candidates: Candidate[], text: string, listedNote: ((label: string) => FootnoteNote | null) | null): FootnoteResult {
  const byLabel = new Map<string, Footnote>();
  // Citation starts per label: a set, not a scan of the citations (26,000 "[1]" took seconds).
  const cited = new Map<string, Set<number>>();
  const markers: FootnoteMarker[] = [];
  candidates.sort((a, b) => a.start - b.start);
  for (const c of candidates) {
    for (const label of c.labels) {
      let f = byLabel.get(label);
      if (!f) {
        f = { label, citations: [], note: null };
        byLabel.set(label, f);
        cited.set(label, new Set());
      }
      const starts = cited.get(label)!;
      if (!starts.has(c.start)) {
        starts.add(c.start);
        f.citations.push({ start: c.start, end: c.end, sentence: text.slice(c.start, c.end) });
        markers.push({ start: c.start, end: c.end, label });
      }
      if (!f.note && c.note && c.labels.length === 1) f.note = c.note;
    }
  }
  const footnotes = [...byLabel.values()];
  if (listedNote) for (const f of footnotes) f.note ??= listedNote(f.label);
  // Numbered notes in number order, then the others (letters, symbols) in order of first citation.
  footnotes.sort((a, b) => {
    const na = /^\d+$/.test(a.label) ? Number(a.label) : Infinity;
    const nb = /^\d+$/.test(b.label) ? Number(b.label) : Infinity;
    if (na !== nb) return na - nb;
    return a.citations[0].start - b.citations[0].start;
  });
  return { footnotes, markers };
}

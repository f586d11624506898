import type { Citation, Footnote, FootnoteNote, Span } from '../schema';
import type { TextMap } from '../text/textmap';
import { sentenceIndexAt, type Sentence } from '../text/sentences';
import type { FootnoteMarker } from '../claims/claims';

/**
 * Footnotes: markers in the article (linked `<sup><a href="#fn5">5</a></sup>`, MediaWiki
 * `cite_note-…`, plain-text "[5]"), the notes they point to, and the sentence that cites each.
 */

export interface FootnoteInput {
  doc: Document;
  root: Element;
  map: TextMap;
  /** Base for relative links in notes; defaults to the document's address. */
  baseUrl?: string;
}

export interface FootnoteResult {
  footnotes: Footnote[];
  markers: FootnoteMarker[];
}

const LABEL_RE = /^\s*[[(]?\s*\^?\s*(\d{1,3}|[a-z]|[ivx]{1,5}|[*†‡§¶]+)\s*[\])]?\s*$/i;
const NOTE_HINT = /(?:^|[^a-z])(?:fn|footnote|note|cite|ref|endnote)/i;
const PLAIN_MARKER_RE = /\[\^?(\d{1,3})\]/g;
const BACKLINK_TEXT = /^(?:[↩↑^⤴]|\^|back|return)/i;

function safeLinks(el: Element, base: string): string[] {
  const out: string[] = [];
  const anchors = el.querySelectorAll('a[href]');
  for (let i = 0; i < anchors.length; i++) {
    const a = anchors[i];
    const href = a.getAttribute('href') ?? '';
    if (href.startsWith('#')) continue;
    try {
      const url = new URL(href, base);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && !out.includes(url.href)) out.push(url.href);
    } catch {
      // Not a URL: not a link we can offer.
    }
  }
  return out;
}

/** The note's own words, without back-links ("↩", "^ a b"). */
function noteText(el: Element): string {
  const parts: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === 3) {
      parts.push((n as Text).data);
      return;
    }
    if (n.nodeType !== 1) return;
    const e = n as Element;
    const cls = e.getAttribute('class') ?? '';
    if (/backlink|footnote-back|reversefootnote|fn-back/i.test(cls)) return;
    if (e.tagName === 'A' && (e.getAttribute('href') ?? '').startsWith('#') && BACKLINK_TEXT.test((e.textContent ?? '').trim())) return;
    for (let c = e.firstChild; c; c = c.nextSibling) walk(c);
  };
  walk(el);
  return parts.join('').replace(/\s+/g, ' ').trim();
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

const citationOf = (span: Span): Citation => ({ start: span.start, end: span.end, sentence: '' });

export function findFootnotes(input: FootnoteInput): FootnoteResult {
  const { doc, root, map } = input;
  const text = map.text;
  const base = input.baseUrl || doc.baseURI || doc.URL || 'about:blank';
  const byLabel = new Map<string, Footnote>();
  const markers: FootnoteMarker[] = [];
  const order: string[] = [];
  const get = (label: string): Footnote => {
    let f = byLabel.get(label);
    if (!f) {
      f = { label, citations: [], note: null };
      byLabel.set(label, f);
      order.push(label);
    }
    return f;
  };

  // 1. Linked markers.
  const noteElements = new Set<Element>();
  const anchors = root.querySelectorAll('a[href^="#"]');
  for (let i = 0; i < anchors.length; i++) {
    const a = anchors[i];
    const label = LABEL_RE.exec(a.textContent ?? '')?.[1];
    if (!label) continue;
    const sup = a.closest('sup');
    const hint = `${a.getAttribute('class') ?? ''} ${a.getAttribute('id') ?? ''} ${a.getAttribute('href') ?? ''} ${a.getAttribute('role') ?? ''} ${a.parentElement?.getAttribute('class') ?? ''}`;
    if (!sup && !NOTE_HINT.test(hint)) continue;
    const id = decodeURIComponent((a.getAttribute('href') ?? '').slice(1));
    const target = id ? doc.getElementById(id) ?? doc.querySelector(`[name="${CSS_escape(id)}"]`) : null;
    if (target && (target === a || target.contains(a))) continue; // a back-link inside its own note
    const span = map.spanOf(sup ?? a);
    if (!span) continue;
    const f = get(label);
    f.citations.push(citationOf(span));
    markers.push({ ...span, label });
    if (target && !f.note) {
      const t = noteText(target).replace(/^\s*\[?\^?\s*\w{1,3}\s*[\].]\s*/, '');
      if (/\p{L}/u.test(t)) {
        f.note = { text: t, links: safeLinks(target, base) };
        noteElements.add(target);
      }
    }
  }

  // 2. Plain-text markers "[5]" (and "[^5]") in the text, outside notes and linked markers.
  const notesByLabel = new Map<string, FootnoteNote>();
  const noteParagraphs: Span[] = [];
  for (const p of map.paragraphs) {
    const para = text.slice(p.start, p.end);
    const m = /^\[\^?(\d{1,3})\]:?\s*(.*)$/s.exec(para);
    if (m) {
      noteParagraphs.push(p);
      const body = m[2].trim();
      if (/\p{L}/u.test(body) && !notesByLabel.has(m[1])) {
        const links = [...body.matchAll(/https?:\/\/[^\s)\]]+/g)].map((x) => x[0].replace(/[.,;]+$/, ''));
        notesByLabel.set(m[1], { text: body, links });
      }
    }
  }
  const inNote = (pos: number) => noteParagraphs.some((p) => pos >= p.start && pos < p.end);
  const taken = (s: number, e: number) => markers.some((mk) => mk.start < e && mk.end > s);
  PLAIN_MARKER_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PLAIN_MARKER_RE.exec(text)) !== null) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (inNote(span.start) || taken(span.start, span.end)) continue;
    const label = m[1];
    const f = get(label);
    f.citations.push(citationOf(span));
    markers.push({ ...span, label });
  }
  for (const [label, note] of notesByLabel) {
    const f = byLabel.get(label);
    if (f && !f.note) f.note = note;
  }

  markers.sort((a, b) => a.start - b.start);
  const footnotes = order.map((l) => byLabel.get(l)!).filter((f) => f.citations.length > 0);
  // Numeric labels in numeric order; others in order of first citation.
  footnotes.sort((a, b) => {
    const na = /^\d+$/.test(a.label) ? Number(a.label) : NaN;
    const nb = /^\d+$/.test(b.label) ? Number(b.label) : NaN;
    if (!Number.isNaN(na) && !Number.isNaN(nb)) return na - nb;
    return a.citations[0].start - b.citations[0].start;
  });
  for (const f of footnotes) f.citations.sort((a, b) => a.start - b.start);
  return { footnotes, markers };
}

/** CSS.escape is missing from some DOM implementations (linkedom). */
function CSS_escape(s: string): string {
  return s.replace(/["\\]/g, '\\$&');
}

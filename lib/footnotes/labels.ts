import { bmp } from '../text/bmp-classes';
/**
 * What a footnote label looks like, in marker text and at the start of a note. Compiled once.
 */

/** Footnote symbols in their traditional order (plus the asterisk runs "**", "***"). */
export const SYMBOL_CHARS = '*†‡§¶‖';

/**
 * The visible text of a marker: "1", "[1]", "(1)", "^1", "[a]", "[note 1]", "[1:1]" (markdown-it's
 * second citation of note 1), "*", "†". Group 1: a note-group word (MediaWiki "[note 1]",
 * "[nb 2]"); group 2: the label.
 */
const MARKER_TEXT_RE =
  /^[[(]?\s*\^?\s*(?:(note|nb|n|fn|lower-alpha|upper-alpha|lower-roman|upper-roman)\s+)?(\d{1,3}|[a-z]{1,2}|[ivxlc]{1,6}|[*†‡§¶‖]{1,3})(?::\d{1,3})?\s*[\])]?$/i;

/** The label a marker's visible text stands for, or null when the text is not a marker. */
export function markerLabel(text: string): string | null {
  const t = text.replace(/[\s\u00A0]+/g, ' ').trim();
  if (!t || t.length > 24) return null;
  const m = MARKER_TEXT_RE.exec(t);
  if (!m) return null;
  return m[1] ? `${m[1].toLowerCase()} ${m[2]}` : m[2];
}

/** True when the marker text was written in brackets ("[1]"): a strong sign of a footnote. */
export const isBracketed = (text: string): boolean => /^\s*\[[^\]]{1,24}\]\s*$/.test(text);

/**
 * The label at the start of a note's text, written out: "[1] …", "[^1]: …", "1. …", "1) …",
 * "* …", "† …". Returns the label, how it was written and where the note's own text starts.
 */
export type NoteLabelKind = 'bracket' | 'numbered' | 'symbol';
export interface LeadingLabel {
  label: string;
  kind: NoteLabelKind;
  rest: number;
}

const LEADING_BRACKET = /^\[\^?(\d{1,3}|[\w-]{1,24})\]:?\s*/;
const LEADING_NUMBER = /^(\d{1,3})[.)]\s+/;
const LEADING_SYMBOL = bmp(/^(\*{1,3}|†{1,2}|‡{1,2}|§{1,2}|¶|‖)\s*(?=[\p{L}\p{N}"“‘'(])/u);

export function leadingLabel(text: string): LeadingLabel | null {
  let m = LEADING_BRACKET.exec(text);
  if (m && (/^\d+$/.test(m[1]) || text[1] === '^')) return { label: m[1], kind: 'bracket', rest: m[0].length };
  m = LEADING_NUMBER.exec(text);
  if (m) return { label: m[1], kind: 'numbered', rest: m[0].length };
  m = LEADING_SYMBOL.exec(text);
  if (m) return { label: m[1], kind: 'symbol', rest: m[0].length };
  return null;
}

/** Removes a written-out copy of `label` from the start of a note ("1. ", "[1] ", "[^1]: ", "^ ", "* "). */
export function stripLeadingLabel(text: string, label: string): string {
  let i = 0;
  const skipSpaces = () => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  if (text[0] === '^') {
    i = 1;
    skipSpaces();
  }
  const from = i;
  if (text[i] === '[') {
    i++;
    if (text[i] === '^') i++;
    if (text.startsWith(label, i) && text[i + label.length] === ']') {
      i += label.length + 1;
      if (text[i] === ':') i++;
      skipSpaces();
      return text.slice(i);
    }
  } else if (text.startsWith(label, i)) {
    const next = text[i + label.length] ?? '';
    if (SYMBOL_CHARS.includes(label[0]) ? !SYMBOL_CHARS.includes(next) : /[.):]/.test(next) && !/\d/.test(text[i + label.length + 1] ?? '')) {
      i += label.length + (SYMBOL_CHARS.includes(label[0]) ? 0 : 1);
      skipSpaces();
      return text.slice(i);
    }
  }
  return from > 0 ? text.slice(from) : text;
}

/** Headings of a notes section. */
export const NOTES_HEADING =
  /^(?:foot\s?notes?|end\s?notes?|notes?|references?|sources?|citations?|bibliography|works cited|notes (?:and|&) (?:references|sources)|sources (?:and|&) notes|references (?:and|&) notes)\s*:?$/i;

/** Class or id words of a notes container. */
export const NOTES_CONTAINER =
  /(?:^|[\s_-])(?:foot-?notes?|end-?notes?|fn-?list|notes|references|reflist|citations|sources|bibliography)(?:$|[\s_-])|footnotes/i;

/** Class words of a back-link in a note ("↩", "^ a b"). */
export const BACKLINK_CLASS = /back-?ref|back-?link|reversefootnote|footnote-?back|footnote-return|to-?top|fn-?back|return-to/i;

/** Text of a back-link: arrows, a caret, or a short "back"/"return" word, perhaps with a count. */
export const BACKLINK_TEXT = /^(?:[↩↵⤴⤶↑⬆^\s\d]|\uFE0E|\uFE0F|[a-z](?=\s|$)|back|return|jump(?: up| back)?|top|to text)*$/i;

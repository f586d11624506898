/**
 * HTML → Document with linkedom, as the CLI and the evaluation scripts parse pages. linkedom
 * builds no <html>/<head>/<body> of its own: a file that is a fragment ("<title>…</title><p>…")
 * would become a document whose root element is its first element, the rest left outside, and a
 * file of bare text a document without a root element. Such input is parsed again inside a page
 * skeleton, its leading head elements in <head>, as a browser would arrange it.
 */
import { parseHTML } from 'linkedom';

/** Leading markup that belongs in <head>: doctype, comments, title, meta, link, base, style. */
const HEAD_PART = /^(?:\s+|<!doctype[^>]*>|<!--[\s\S]*?-->|<(?:meta|link|base)\b[^>]*>|<title\b[^>]*>[^<]*<\/title>|<style\b[^>]*>[^<]*<\/style>|<\/?head\b[^>]*>)*/i;

export function parsePage(html: string): Document {
  const doc = parseHTML(html).document as unknown as Document;
  const root = doc.documentElement;
  if (root && root.tagName.toUpperCase() === 'HTML') return doc;
  const head = HEAD_PART.exec(html)?.[0] ?? '';
  const body = html.slice(head.length).replace(/<\/?(?:html|body)\b[^>]*>/gi, '');
  return parseHTML(`<!doctype html><html><head>${head.replace(/<!doctype[^>]*>|<\/?head\b[^>]*>/gi, '')}</head><body>${body}</body></html>`).document as unknown as Document;
}

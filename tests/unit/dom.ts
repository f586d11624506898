import { parseHTML } from 'linkedom';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KnowledgeBase } from '@/lib/kb/knowledge-base';
import { loadKnowledgeBase } from '@/bin/cli';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** ../shared (evaluation data, seed); SIFT_SHARED points elsewhere. */
export const SHARED = process.env.SIFT_SHARED ? path.resolve(process.env.SIFT_SHARED) : path.resolve(REPO, '../shared');

export function htmlDocument(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/**
 * An element of the test's global document (happy-dom), built with createElement, attributes and
 * text nodes: test pages are never made by parsing markup, as page text never is in Sift.
 */
export function el(tag: string, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElement {
  const e = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) e.setAttribute(name, value);
  e.append(...children);
  return e;
}

export function fixtureDocument(name: string): Document {
  return htmlDocument(readFileSync(path.join(REPO, 'tests/fixtures', name, 'page.html'), 'utf8'));
}

let kb: KnowledgeBase | null = null;
/** The bundled knowledge base, as the CLI loads it. */
export function bundledKb(): KnowledgeBase {
  kb ??= loadKnowledgeBase(path.join(REPO, 'public/kb'));
  return kb;
}

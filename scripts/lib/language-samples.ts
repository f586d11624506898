/**
 * The texts language detection is scored on (scripts/eval-language.ts and its floor test): the
 * development corpus, summ-gold and our fixtures, each labelled with the language it is written in.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../lib/analysis';
import { parseDocument, REPO, sharedPath } from './common';

/** Language of the text of corpus/readability pages whose metadata has no `lang` or a wrong one. */
const LABELS: Record<string, string> = {
  'liberation-1': 'fr',
  gmw: 'zh',
  qq: 'zh',
  'la-nacion': 'es',
};
/** Pages of Lorem ipsum (no language): left out. */
const NO_LANGUAGE = new Set(['rtl-1', 'rtl-2', 'rtl-3', 'missing-paragraphs']);
/** AEB dev pages whose article is not in English (read by hand from the ground truth). */
const AEB_LABELS: Record<string, string> = {
  '0ec95c7261d1': 'ko',
  '9da36ae4714b': 'ko',
  '11ea381ad92b': 'pt',
  '23aaecd14171': 'pt',
  b3c19dd5f061: 'pt',
  cc03ddb5ef7d: 'pt',
  f6ac15a4d985: 'pt',
  '21486419bb10': 'id',
  b6fb53e9fb04: 'it',
  c4a3637c6696: 'ru',
  f105de6e63ca: 'ja',
};

export interface LanguageSample {
  set: string;
  name: string;
  lang: string;
  declared: string | null;
  text: string;
}

function primary(tag: unknown): string | null {
  return typeof tag === 'string' && /^[a-z]{2,3}/i.test(tag) ? tag.slice(0, tag.search(/[-_]|$/)).toLowerCase() : null;
}

export function languageSamples(): LanguageSample[] {
  const out: LanguageSample[] = [];
  const split = JSON.parse(readFileSync(sharedPath('corpus/split-dev.json'), 'utf8')) as Record<string, unknown>;
  const readabilityDev = (split.readability_dev as string[]) ?? [];
  for (const name of readabilityDev) {
    const dir = sharedPath('corpus/readability', name);
    if (!existsSync(path.join(dir, 'expected.html')) || NO_LANGUAGE.has(name)) continue;
    const meta = JSON.parse(readFileSync(path.join(dir, 'expected-metadata.json'), 'utf8')) as { lang?: string };
    const lang = LABELS[name] ?? primary(meta.lang);
    // Synthetic unit pages without a language of their own text are left out.
    if (!lang) continue;
    const text = (parseDocument(`<html><body>${readFileSync(path.join(dir, 'expected.html'), 'utf8')}</body></html>`).body.textContent ?? '').replace(/\s+/g, ' ').trim();
    out.push({ set: 'readability', name, lang, declared: primary(meta.lang), text });
  }
  const truth = JSON.parse(readFileSync(sharedPath('corpus/aeb/ground-truth.json'), 'utf8')) as Record<string, { articleBody: string }>;
  for (const [id, { articleBody }] of Object.entries(truth)) out.push({ set: 'aeb', name: id.slice(0, 12), lang: AEB_LABELS[id.slice(0, 12)] ?? 'en', declared: null, text: articleBody });
  const summ = readFileSync(sharedPath('summ-gold/cnndm_test_raw_dev60.jsonl'), 'utf8').split('\n').filter(Boolean).slice(0, 40);
  for (const line of summ) {
    const { id, article } = JSON.parse(line) as { id: string; article: string };
    out.push({ set: 'cnndm', name: id, lang: 'en', declared: null, text: article });
  }
  const fixtures = path.join(REPO, 'tests/fixtures');
  for (const name of readdirSync(fixtures)) {
    const file = path.join(fixtures, name, 'page.html');
    if (!existsSync(file)) continue;
    const doc = parseDocument(readFileSync(file, 'utf8'));
    const declared = primary(doc.documentElement?.getAttribute('lang'));
    const a = analyze(doc, { force: true, summary: false });
    if (!a.article?.text) continue;
    // Our fixtures are English but the French ones (one of them declares lang="en" by mistake).
    out.push({ set: 'fixtures', name, lang: name.startsWith('french-') ? 'fr' : 'en', declared, text: a.article.text });
  }
  return out;
}

/** The first paragraph of at least 200 characters (or the first 300 characters). */
export function firstParagraph(text: string): string {
  const para = text.split(/\n\s*\n|\n/).find((p) => p.trim().length >= 200);
  return (para ?? text).trim().slice(0, 400);
}


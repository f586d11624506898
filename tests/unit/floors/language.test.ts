import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { decideLanguage, detectLanguage } from '@/lib/text/language';
import { firstParagraph, languageSamples } from '@/scripts/lib/language-samples';
import { SHARED } from '../dom';

// Regression floors for language detection, just under what `npm run eval:language` measured
// (203 texts: corpus dev split, summ-gold, our fixtures; the function-word lists were tuned on the
// unit test's own paragraphs, not on these). A floor, not a target.

describe.skipIf(!existsSync(path.join(SHARED, 'corpus/split-dev.json')))('language detection on the labelled texts', () => {
  const samples = languageSamples();
  const whole = samples.map((s) => ({ s, guess: detectLanguage(s.text) }));

  it('names the language of at least 96% of whole texts', () => {
    expect(samples.length).toBeGreaterThanOrEqual(200);
    expect(whole.filter(({ s, guess }) => guess.lang === s.lang).length / samples.length).toBeGreaterThanOrEqual(0.96);
  });

  it('never names a wrong language for a whole text (unknown is allowed)', () => {
    expect(whole.filter(({ s, guess }) => guess.lang !== null && guess.lang !== s.lang).map(({ s, guess }) => `${s.set}/${s.name}: ${s.lang} → ${guess.lang}`)).toEqual([]);
  });

  it('names the language of at least 92% of first paragraphs', () => {
    const right = samples.filter((s) => detectLanguage(firstParagraph(s.text)).lang === s.lang).length;
    expect(right / samples.length).toBeGreaterThanOrEqual(0.92);
  });

  it('decides at least 97% right with the page’s declaration, and never stops an English text', () => {
    const decided = samples.map((s) => ({ s, lang: decideLanguage(s.declared, s.text).lang }));
    expect(decided.filter(({ s, lang }) => lang === s.lang).length / samples.length).toBeGreaterThanOrEqual(0.97);
    // An English article taken for another language would lose its highlights.
    expect(decided.filter(({ s, lang }) => s.lang === 'en' && lang !== null && lang !== 'en').map(({ s }) => s.name)).toEqual([]);
  });
});

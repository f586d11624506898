import { describe, expect, it } from 'vitest';
import { findActors } from '@/lib/actors/recognize';
import { splitSentences } from '@/lib/text/sentences';
import { bundledKb } from './dom';

// Name boundaries that only the bundled knowledge base brings out: with it, the tagger reads "The"
// into a name it knows, and other spans than with the small test KBs of lib/actors.

const mentions = (text: string) => findActors({ text, sentences: splitSentences(text), ignore: [], kb: bundledKb() }).flatMap((a) => a.mentions.map((m) => m.text));

describe('actors with the bundled knowledge base', () => {
  it('keeps a sentence\'s "The" out of a name, unless the knowledge base\'s name has it', () => {
    const found = mentions('The United Nations and European Union stressed the decision. The EU reiterated it still considers all settlement activity illegal.');
    expect(found.sort()).toEqual(['EU', 'European Union', 'United Nations']);
    expect(mentions('The Hague hosts the court. The Guardian reported it, and The Gambia agreed.')).toEqual(['The Hague', 'The Guardian', 'Gambia']);
  });

  it('takes no pronoun with its verb for a name, nor into one', () => {
    expect(mentions("I've seen it. Silego I've known for years.")).toEqual(['Silego']);
  });
});

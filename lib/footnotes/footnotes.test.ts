import { describe, expect, it } from 'vitest';
import { htmlDocument } from '@/tests/unit/dom';
import { analyze } from '../analysis';
import { TextMap } from '../text/textmap';
import { splitSentences } from '../text/sentences';
import { attachCitingSentences, findFootnotes, isInlineNote, skipInlineNotes } from './footnotes';

const URL = 'https://news.example/2024/story/';

/** Footnotes of `body`, with the element #a as the article root (the rest of the page around it). */
function footnotesOf(body: string, rootId = 'a') {
  const doc = htmlDocument(`<!doctype html><html><body>${body}</body></html>`);
  const root = doc.getElementById(rootId)!;
  const map = TextMap.build(root, { skip: skipInlineNotes() });
  const { footnotes, markers } = findFootnotes({ doc, root, map, baseUrl: URL });
  attachCitingSentences(footnotes, splitSentences(map.text, map.paragraphs, markers), map.text);
  return { footnotes, markers, text: map.text };
}

const summary = (body: string, rootId?: string) =>
  footnotesOf(body, rootId).footnotes.map((f) => ({ label: f.label, cited: f.citations.length, note: f.note?.text ?? null }));

describe('findFootnotes: linked markers', () => {
  it('ties <sup><a href="#fnN"> to its note, without back-links, counting every citation', () => {
    const { footnotes, markers, text } = footnotesOf(`<div id="a">
      <p>Prices rose.<sup id="r1"><a href="#fn1">1</a></sup> Wages did not.<sup id="r2"><a href="#fn2">2</a></sup></p>
      <p>Rents rose too.<sup id="r1b"><a href="#fn1">1</a></sup></p>
      <ol class="footnotes"><li id="fn1">Statistics office, <a href="/data">table 3</a>. <a href="#r1">↩</a> <a href="#r1b">↩</a></li>
      <li id="fn2">Union survey. <a href="javascript:void(0)">open</a> <a href="data:text/html,x">raw</a> <a href="#r2" class="footnote-back">↩︎</a></li></ol></div>`);
    expect(footnotes.map((f) => f.label)).toEqual(['1', '2']);
    expect(footnotes[0].citations.map((c) => c.sentence)).toEqual(['Prices rose.1', 'Rents rose too.1']);
    expect(footnotes[0].note).toEqual({ text: 'Statistics office, table 3.', links: ['https://news.example/data'] });
    expect(footnotes[1].note).toEqual({ text: 'Union survey. open raw', links: [] });
    for (const m of markers) expect(text.slice(m.start, m.end)).toBe(m.label);
  });

  it('reads MediaWiki references: named reuse, "^ a b" back-links, note groups', () => {
    const out = summary(`<div id="a"><div class="mw-parser-output">
      <p>One.<sup id="cite_ref-x_1-0" class="reference"><a href="#cite_note-x-1">[1]</a></sup> Two.<sup id="cite_ref-3" class="reference"><a href="#cite_note-3">[note 1]</a></sup>
      Three.<sup id="cite_ref-x_1-1" class="reference"><a href="#cite_note-x-1">[1]</a></sup></p>
      <h2>Notes<span class="mw-editsection">[<a href="/w/index.php?action=edit">edit</a>]</span></h2>
      <ol class="references"><li id="cite_note-3"><span class="mw-cite-backlink"><b><a href="#cite_ref-3">^</a></b></span> <span class="reference-text">A note citing a source.<sup id="cite_ref-x_1-2" class="reference"><a href="#cite_note-x-1">[1]</a></sup></span></li></ol>
      <ol class="references"><li id="cite_note-x-1"><span class="mw-cite-backlink">^ <a href="#cite_ref-x_1-0"><sup><i><b>a</b></i></sup></a> <a href="#cite_ref-x_1-1"><sup><i><b>b</b></i></sup></a></span> <span class="reference-text">Author (2020). Title.</span></li></ol>
    </div></div>`);
    // The [1] inside the note cites from the notes, not from the article: two citations, not three.
    expect(out).toEqual([
      { label: '1', cited: 2, note: 'Author (2020). Title.' },
      { label: 'note 1', cited: 1, note: 'A note citing a source.[1]' },
    ]);
  });

  it('keeps finding notes and back-links on pages with many footnotes (ids looked up through one index)', () => {
    const n = 30;
    const text = Array.from({ length: n }, (_, i) => `Fact ${i}.<sup id="r${i + 1}"><a href="#n${i + 1}">${i + 1}</a></sup>`).join(' ');
    const notes = Array.from({ length: n }, (_, i) => `<li id="n${i + 1}"><a href="#r${i + 1}">^</a> <a href="#r${i + 1}"><sup>a</sup></a> Note ${i + 1}.</li>`).join('');
    const out = summary(`<div id="a"><p>${text} Missing.<sup><a href="#n99">99</a></sup></p><ol>${notes}</ol></div>`);
    expect(out).toHaveLength(n + 1);
    expect(out.slice(0, n).every((f, i) => f.label === String(i + 1) && f.cited === 1 && f.note === `Note ${i + 1}.`)).toBe(true);
    expect(out[n]).toEqual({ label: '99', cited: 1, note: null });
  });

  it('finds notes outside the article root, by id anywhere in the document', () => {
    const out = summary(`<article id="a"><p>Claim.<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a></p></article>
      <section class="footnotes" role="doc-endnotes"><ol><li id="fn1"><p>Far away note.<a href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></p></li></ol></section>`);
    expect(out).toEqual([{ label: '1', cited: 1, note: 'Far away note.' }]);
  });

  it('follows absolute links to this page and aria-describedby, and reads the note a marker links to on another page as missing', () => {
    const out = summary(`<div id="a">
      <p>First.<span class="easy-footnote"><a href="${URL}#easy-footnote-bottom-1-9" title="Note one."><sup>1</sup></a></span></p>
      <p>Second.<sup class="modern-footnotes-footnote" data-mfn="2"><a href="javascript:void(0)" role="button" aria-describedby="mfn-2">2</a></sup><span id="mfn-2" role="tooltip" class="modern-footnotes-footnote__note">Inline note two.</span> Next.</p>
      <p>Third.<sup><a href="https://elsewhere.example/original/#fn3">3</a></sup></p>
      <ol class="easy-footnotes-wrapper"><li><span id="easy-footnote-bottom-1-9"></span>Note one, from the list.<a class="easy-footnote-to-top" href="${URL}#easy-footnote-1-9"></a></li></ol></div>`);
    expect(out).toEqual([
      { label: '1', cited: 1, note: 'Note one, from the list.' },
      { label: '2', cited: 1, note: 'Inline note two.' },
      { label: '3', cited: 1, note: null },
    ]);
  });

  it('reads Substack notes, whose link target is the note number inside the note', () => {
    const out = summary(`<div id="a"><p>Said so.<a class="footnote-anchor" id="footnote-anchor-1" href="#footnote-1">1</a></p>
      <div class="footnote"><a id="footnote-1" href="#footnote-anchor-1" class="footnote-number">1</a><div class="footnote-content"><p>Part one.</p><p>Part two.</p></div></div></div>`);
    expect(out).toEqual([{ label: '1', cited: 1, note: 'Part one. Part two.' }]);
  });

  it('takes no heading anchor, table-of-contents number, figure link or back-link for a marker', () => {
    expect(
      summary(`<div id="a"><h2 id="s1">Setup <a href="#s1">¶</a></h2><div class="toc"><a href="#s1">1</a> Setup</div>
      <p>See figure <a href="#f2">2</a> and <a href="#references">3</a>.</p><figure id="f2"><figcaption>Figure 2</figcaption></figure>
      <h2 id="references">References</h2><ol><li>A book.</li></ol><p><a href="#top">↑</a></p></div>`),
    ).toEqual([]);
  });
});

describe('findFootnotes: plain-text markers', () => {
  it('finds [n], [^n], [1, 2] and [3–4], with notes in [n] paragraphs and a Notes list', () => {
    const out = summary(`<div id="a"><p>One.[1] Two.[^2] Three.[1, 3] Four.[3–4]</p><p>[1] First note.</p><p>[^2]: Second note.</p></div>
      <div><h3>Notes</h3><ol start="3"><li>Third note.</li><li>Fourth note.</li></ol></div>`);
    expect(out).toEqual([
      { label: '1', cited: 2, note: 'First note.' },
      { label: '2', cited: 1, note: 'Second note.' },
      { label: '3', cited: 2, note: 'Third note.' },
      { label: '4', cited: 1, note: 'Fourth note.' },
    ]);
  });

  it('keeps markers without notes (null) and makes no footnote of prices, years, code, links or words', () => {
    expect(summary(`<div id="a"><p>It costs [$5] in [2019], see arr[1] and <code>x = [1]</code>, [edit], [citation needed], [0], <a href="https://x.example/">[4]</a>, [1](link).</p><pre>[2] listing</pre></div>`)).toEqual([]);
    expect(summary(`<div id="a"><p>Claimed.[7] Again.[7]</p></div>`)).toEqual([{ label: '7', cited: 2, note: null }]);
  });

  it('ends the citing sentence after glued markers', () => {
    const { footnotes } = footnotesOf(`<div id="a"><p>Troops entered the city.[5][6] Fighting stopped.</p></div>`);
    expect(footnotes.map((f) => f.citations[0].sentence)).toEqual(['Troops entered the city.[5][6]', 'Troops entered the city.[5][6]']);
  });
});

describe('findFootnotes: superscripts and symbols', () => {
  it('takes superscript numbers counting from 1 for markers, but not exponents, units, variables or verse numbers', () => {
    const out = summary(`<div id="a"><p>Carbon is stored.<sup>1</sup> It is 6 × 10<sup>11</sup> tonnes over 41 km<sup>2</sup>, as x<sup>2</sup> shows.</p>
      <p>The survey says so.<sup>2</sup></p><blockquote><p><sup>3</sup>In the beginning <sup>4</sup>was the word.</p></blockquote>
      <h2>Notes</h2><p><sup>1</sup> Assessment, 2022.</p></div>`);
    expect(out).toEqual([
      { label: '1', cited: 1, note: 'Assessment, 2022.' },
      { label: '2', cited: 1, note: null },
    ]);
    // Without a 1 and without notes, a lone superscript is not a footnote.
    expect(summary(`<div id="a"><p>The Smith<sup>3</sup> family.</p></div>`)).toEqual([]);
  });

  it('takes asterisks and daggers only where the page defines them after their first use', () => {
    expect(summary(`<div id="a"><p>Turnout was 38%* and Smith† won.</p><p>* Provisional.</p><p>† Re-elected.</p><p>* * *</p></div>`)).toEqual([
      { label: '*', cited: 1, note: 'Provisional.' },
      { label: '†', cited: 1, note: 'Re-elected.' },
    ]);
    expect(summary(`<div id="a"><p>A 5* hotel, a f***ing mess, 3 * 4, Roth († 1791).</p></div>`)).toEqual([]);
    expect(summary(`<div id="a"><p>* Defined before any use.</p><p>Figure 42%* here.</p></div>`)).toEqual([]);
  });
});

describe('inline notes', () => {
  it('are left out of the article text, so the citing sentence reads as on screen', () => {
    const doc = htmlDocument(`<!doctype html><html><head><meta property="og:type" content="article"></head><body><article>
      ${'<p>Filler paragraph with enough words to count as the story, several times over, and a comma, or two, here.</p>'.repeat(6)}
      <p>The clock was built in 1868.<sup class="modern-footnotes-footnote"><a href="javascript:void(0)" aria-describedby="mfn-1">1</a></sup><span id="mfn-1" role="tooltip" class="modern-footnotes-footnote__note">Subscription list, county archive.</span> It cost £340.</p>
    </article></body></html>`);
    const a = analyze(doc, { url: URL, force: true, summary: false });
    expect(a.article!.text).not.toContain('Subscription list');
    expect(a.footnotes).toHaveLength(1);
    expect(a.footnotes[0].citations[0].sentence).toBe('The clock was built in 1868.1');
    expect(a.footnotes[0].note?.text).toBe('Subscription list, county archive.');
    // The marker is neither a claim nor part of one.
    expect(a.claims.map((c) => c.text)).not.toContain('1');
  });

  it('are recognised by their plugin classes or a footnote tooltip role', () => {
    const doc = htmlDocument('<div><span class="footnote_tooltip">a</span><span role="tooltip" id="fn-tip-2">b</span><span role="tooltip">c</span></div>');
    expect([...doc.querySelectorAll('span')].map((s) => isInlineNote(s))).toEqual([true, true, false]);
  });
});

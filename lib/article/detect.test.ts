import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fixtureDocument, htmlDocument, REPO } from '@/tests/unit/dom';
import { TextMap } from '../text/textmap';
import { detectArticle } from './detect';
import { extractMainText } from './extract';
import { readMetadata } from './metadata';
import { frontPage, longArticle, megabytePage, webApp } from '@/tests/fixtures/generated';

const DETECTION = path.join(REPO, 'tests/fixtures/detection');
// article/ and not-article/ (written while tuning), check*/article/ and check*/not-article/
// (written after; see README.md there).
const labelled = ['', ...readdirSync(DETECTION).filter((d) => d.startsWith('check')).map((d) => `${d}/`)].flatMap((split) =>
  ['article', 'not-article'].flatMap((label) =>
    readdirSync(path.join(DETECTION, split + label))
      .filter((f) => f.endsWith('.html'))
      .map((f) => ({ name: `${split}${label}/${f}`, isArticle: label === 'article', html: readFileSync(path.join(DETECTION, split + label, f), 'utf8') })),
  ),
);
const expectations = JSON.parse(readFileSync(path.join(DETECTION, 'expectations.json'), 'utf8')) as Record<string, { include: string[]; exclude: string[] }>;
// One neutral address: the file name must not help.
const URL = 'https://www.example.test/page';

function mainText(doc: Document) {
  const d = detectArticle(doc, { url: URL });
  return { d, text: d.root ? TextMap.build(d.root, { skip: d.skip }).text : '' };
}

describe('detectArticle on the labelled pages', () => {
  it.each(labelled)('$name', ({ name, html, isArticle }) => {
    const { d, text } = mainText(htmlDocument(html));
    expect(d.isArticle, d.signals.join(', ')).toBe(isArticle);
    expect(d.confidence > 0.5).toBe(isArticle);
    const e = expectations[name];
    if (!e) return;
    for (const s of e.include) expect(text, `includes ${JSON.stringify(s)}`).toContain(s);
    for (const s of e.exclude) expect(text, `leaves out ${JSON.stringify(s)}`).not.toContain(s);
    expect(text).not.toMatch(/\n{3}|^\s|\s$/);
  });

  it('has expectations for every labelled article written while tuning', () => {
    for (const p of labelled.filter((x) => x.isArticle && !x.name.startsWith('check'))) expect(expectations[p.name], p.name).toBeDefined();
  });
});

describe('detectArticle on the fixture pages', () => {
  it.each([
    ['palmyra', true],
    ['sample-article', true],
    ['news-front', false],
  ] as const)('%s is an article: %s', (name, isArticle) => {
    const d = detectArticle(fixtureDocument(name), { url: `https://fixtures.sift.test/${name}/` });
    expect(d.isArticle).toBe(isArticle);
    expect(d.root).not.toBeNull(); // "Analyse anyway" needs a candidate on the news front too
  });

  // The benchmark's generated pages (npm run bench:browser) are what their rows say they are.
  it.each([
    ['a 10,000-word article', () => longArticle(10_000), true],
    ['a 1 MB news page', megabytePage, true],
    ['a section front of 240 teasers', frontPage, false],
    ["a web application's inbox of 3,000 rows", webApp, false],
  ] as const)('%s is an article: %s', (_name, html, isArticle) => {
    expect(detectArticle(htmlDocument(html()), { url: URL }).isArticle).toBe(isArticle);
  });

  it("does not walk into an application's data widgets (grid, tree, listbox), nor read them in an article", () => {
    // The inbox of the web app: the walk stops at its grid and list of labels.
    const app = extractMainText(htmlDocument(webApp()));
    expect(app.visited).toBeLessThan(100);
    // An article with a widget inside it: the widget's text is not the story's.
    const para = 'The council voted on Tuesday to extend the programme for another year, after a long debate about its cost. '.repeat(3);
    const { d, text } = mainText(
      htmlDocument(
        `<body><article><h1>Title</h1><p>${para}</p><div role="listbox"><div role="option">Slide one caption</div></div>` +
          `<div role="grid"><div role="row"><span role="gridcell">Cell text</span></div></div><p>${para}</p></article></body>`,
      ),
    );
    expect(d.isArticle).toBe(true);
    expect(text).toContain(para.slice(0, 40));
    expect(text).not.toContain('Slide one caption');
    expect(text).not.toContain('Cell text');
  });

  it('gives "Analyse anyway" the teasers of a front page, without its navigation', () => {
    const { d, text } = mainText(fixtureDocument('news-front'));
    expect(d.isArticle).toBe(false);
    expect(text).toContain('Central bank holds rates at 4.25%');
    expect(text).not.toContain('About us');
  });

  it('separates paragraphs with a blank line and leaves out the title, captions and share bars', () => {
    const { text } = mainText(fixtureDocument('palmyra'));
    const paragraphs = text.split('\n\n');
    expect(paragraphs.length).toBeGreaterThan(8);
    expect(paragraphs.every((p) => p.length > 0 && !p.includes('\n'))).toBe(true);
    expect(text.startsWith('The month of March')).toBe(true);
  });
});

describe('metadata of a page that is not an article, read on demand', () => {
  it.each(labelled.filter((p) => !p.isArticle))('$name: the same metadata and skipped title as read at once', ({ html }) => {
    const doc = htmlDocument(html);
    const d = detectArticle(doc, { url: URL });
    expect(d.isArticle).toBe(false);
    const eager = readMetadata(htmlDocument(html), { url: URL, root: extractMainText(htmlDocument(html)).root });
    expect(d.meta).toEqual(eager);
    // The title heading repeated at the top of the text is left out once the title is known.
    const first = detectArticle(htmlDocument(html), { url: URL });
    expect(first.meta.title).toBe(eager.title);
    if (d.root && first.root) expect(TextMap.build(d.root, { skip: d.skip }).text).toBe(TextMap.build(first.root, { skip: first.skip }).text);
  });
});

describe('detection leaves the page as it found it', () => {
  const pages = [
    ...labelled.map((p) => [p.name, p.html] as const),
    ...['palmyra', 'sample-article', 'news-front'].map((n) => [n, readFileSync(path.join(REPO, 'tests/fixtures', n, 'page.html'), 'utf8')] as const),
  ];
  it.each(pages)('%s', (_name, html) => {
    const doc = htmlDocument(html);
    const before = doc.documentElement.outerHTML;
    const { d } = mainText(doc);
    expect(d.root).not.toBeNull();
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

describe('bounded work', () => {
  const para = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi. ';
  // 50,000 paragraphs: 10 MB of HTML, 100,000 nodes.
  const huge = htmlDocument(`<!doctype html><html><head><title>Huge</title></head><body><article>${`<p>${para}</p>`.repeat(50_000)}</article></body></html>`);

  it('reads a 10 MB, 100,000-node page in one bounded walk', () => {
    const t0 = performance.now();
    const d = detectArticle(huge);
    const map = TextMap.build(d.root!, { skip: d.skip, maxChars: 2_000_000 });
    const ms = performance.now() - t0;
    expect(d.isArticle).toBe(true);
    expect(map.text.length).toBeLessThanOrEqual(2_000_000 + para.length);
    // linkedom in CI, on a loaded machine; a browser is several times faster.
    expect(ms).toBeLessThan(5000);
  });

  it('stops at maxNodes and says so', () => {
    const x = extractMainText(huge, { maxNodes: 10_000 });
    expect(x.visited).toBeLessThanOrEqual(10_001);
    expect(x.truncated).toBe(true);
    const d = detectArticle(huge, { maxNodes: 10_000 });
    expect(d.signals).toContain('page too large: only its start was read');
    expect(d.isArticle).toBe(true);
  });

  it('survives 10,000 levels of nesting and a 5 MB text node', () => {
    const depth = 10_000;
    const deep = htmlDocument(`<body>${'<div>'.repeat(depth)}<p>${para.repeat(3)}</p>${'</div>'.repeat(depth)}</body>`);
    expect(detectArticle(deep).root).not.toBeNull();
    const big = htmlDocument(`<body><p>${'word '.repeat(1_000_000)}</p></body>`);
    const t0 = performance.now();
    detectArticle(big);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe('the root and what is skipped', () => {
  it('gathers paragraphs split over sibling wrappers and drops a related box injected between them', () => {
    const { d, text } = mainText(
      htmlDocument(`<body><nav><a href="/">Home</a> <a href="/news">News</a></nav><main>
      <h1>Flood defences hold</h1>
      <div class="intro"><p>The new flood defences held through the night as the river reached its highest level in forty years, the agency said on Friday morning.</p></div>
      <div><h3>Related</h3><ul><li><a href="/a">Storm names for the season announced</a></li><li><a href="/b">How flood warnings work</a></li></ul></div>
      <div class="rest"><p>Engineers had raised the walls by half a metre after the last flood, and the pumps at the old mill ran without a break for eleven hours.</p>
      <p>Residents who had sandbagged their doors said the water stopped a street away, for the first time since the houses were built in the 1950s.</p>
      <p>The agency warned that the ground was saturated and that further rain at the weekend could still cause flooding in low-lying fields.</p></div>
      </main><footer>© The Paper</footer></body>`),
    );
    expect(d.root?.tagName).toBe('MAIN');
    expect(text.split('\n\n')).toHaveLength(4);
    expect(text).not.toMatch(/Flood defences hold|Storm names|Related|Home|©/);
  });

  it('keeps a lede sentence full of links and drops one that is only a link', () => {
    const { text } = mainText(
      htmlDocument(`<body><article>
      <p><a href="/p/1">Ana Kell</a> has been named chair of <a href="/o/2">the Harbour Trust</a>, the trust said.</p>
      <p><a href="/x">Read more: the trust's annual report for last year</a></p>
      <p>Kell, who has sat on the board for six years, replaces a chair who stepped down in the autumn after a dispute over the marina plans.</p>
      <p>She said her first task would be to reopen talks with the fishing co-operative, whose members have opposed the plans from the start.</p>
      </article></body>`),
    );
    expect(text).toContain('Ana Kell has been named chair of the Harbour Trust');
    expect(text).not.toContain('Read more');
  });
});

describe('page addresses', () => {
  const post = readFileSync(path.join(DETECTION, 'article/blog-wordpress.html'), 'utf8');
  it.each([
    ['https://blog.example/2026/02/14/chitting-potatoes/', false],
    ['https://blog.example/?p=412', false],
    ['https://blog.example/?utm_source=feed', true],
    ['https://blog.example/index.php', true],
  ])('%s is a front-page address: %s', (url, home) => {
    // The labelled post without its JSON-LD, so that the address is weighed at all.
    const bare = post.replace(/<script type="application\/ld\+json">[^<]*<\/script>/, '');
    expect(detectArticle(htmlDocument(bare), { url }).signals.includes('home page address')).toBe(home);
  });
});

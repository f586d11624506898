import fc from 'fast-check';

/**
 * Mutations of a page's HTML for the fuzz test: tags dropped, duplicated or swapped, the page
 * truncated, and hostile text or markup injected. Positions are naturals taken modulo the page's
 * length or tag count, so fast-check can shrink them.
 */
/** Characters that break naive text code: zero-width, bidi controls, lone surrogates, NUL, combining marks. */
export const NASTY = [
  '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u200E', '\u200F', '\u202A', '\u202B', '\u202E', '\u2066', '\u2069',
  '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\u0000', '\u0001', '\u001F', '\u007F', '\u0301', '\u0308', '\uFFFD', '\uFFFF', '\u2028', '\u2029',
  '\u00A0', '\u202F', '\u3000', '\t', '\r', '\n\n', '👩‍👩‍👧', '🇸🇾', 'ﷺ', 'ǅ', 'İ', 'ß', 'ﬁ',
];
/** Text Sift reads: names, numbers, markers, in several scripts. */
export const WORDS = [
  'Islamic State', 'Bashar al-Assad', 'the Kremlin', 'Syrian Observatory for Human Rights', 'Mr. Smith', 'U.S.', 'Pal\u00ADmyra', 'IS\u200DIL',
  '40', '1,234.5', '12.5%', '$3 million', '€2bn', 'at least 400 fighters', 'tens of thousands', 'one in five', '½', '١٢٣', '٤٠ شخصا',
  '[12]', '[1, 2]', '[3–5]', '[^note]', '*', '†', '12', '0', '-7', '1e308', '99999999999999999999', '3.', '.5',
  'بشار الأسد', 'الدولة الإسلامية', 'נתניהו אמר', 'Путин', '習近平', 'नरेंद्र मोदी', 'Ελλάδα', 'said.', '?', '!', '…', '"', '“', '(', ')',
];
/** Markup that footnote, article and text code look for. */
const SNIPPETS = [
  '<sup><a href="#fn3" id="ref3">3</a></sup>', '<a href="#cite_note-1">[1]</a>', '<sup>2</sup>', '<ol class="footnotes"><li id="fn3">A note <a href="#ref3">↩</a></li></ol>',
  '<h2>Notes</h2>', '<p>[12] A note with https://example.org/x</p>', '<a href="#">#</a>', '<a href="javascript:alert(1)">x</a>', '<a href="#fn1" aria-describedby="fn1">1</a>',
  '<template><p>hidden</p></template>', '<iframe srcdoc="<p>x</p>"></iframe>', '<svg><text>40 people</text></svg>', '<math><mn>2</mn></math>',
  '<script>var x = "</p>";</script>', '<style>p{}</style>', '<!-- <p> -->', '<![CDATA[ 40 ]]>', '<br>', '<br/><br/>', '<hr>', '<p>', '</p>', '</div>', '<div>',
  '<table><tr><td>40</td><td>people</td></tr></table>', '<pre>  code [1]  </pre>', '<code>[2]</code>', '<span hidden>Assad</span>', '<div aria-hidden="true">Putin</div>',
  '<article>', '</article>', '<main>', '<nav><a href="/">Home</a></nav>', '<time datetime="not a date">x</time>', '<meta property="og:type" content="article">',
  '<script type="application/ld+json">{"@type":"NewsArticle","headline":',
  '<p dir="rtl" lang="ar">قال المرصد السوري لحقوق الإنسان إن 40 شخصا قتلوا.</p>', '<bdo dir="rtl">Kremlin 40</bdo>', '&amp;', '&#0;', '&#xD800;', '&nbsp;', '&bogus;', '&#99999999;',
];

export type Mutation =
  | { op: 'drop' | 'duplicate'; at: number }
  | { op: 'swap'; at: number; with: number }
  | { op: 'truncate'; at: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'attribute'; at: number; size: number; char: string }
  | { op: 'nest'; at: number; depth: number; tag: string };

export const pick = <T,>(xs: readonly T[]) => fc.constantFrom(...xs);
const noise = fc.array(fc.oneof(pick(NASTY), pick(WORDS), fc.string({ unit: 'binary', maxLength: 8 }), fc.constant(' ')), { maxLength: 12 }).map((xs) => xs.join(''));

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constantFrom('drop' as const, 'duplicate' as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }) },
  { weight: 5, arbitrary: fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(noise, pick(SNIPPETS)) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('attribute' as const), at: fc.nat(), size: fc.integer({ min: 1000, max: 60_000 }), char: fc.constantFrom('a', '"', '\u200B', '<', 'é') }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('nest' as const), at: fc.nat(), depth: fc.integer({ min: 1, max: 400 }), tag: fc.constantFrom('div', 'span', 'sup', 'a href="#fn1"', 'p', 'li', 'b', 'table', 'article') }) },
);

/** Start offsets of the page's tags. */
function tagsOf(html: string): { start: number; end: number }[] {
  return [...html.matchAll(/<[^<>]*>/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

export function mutate(html: string, mutations: readonly Mutation[]): string {
  let s = html;
  for (const m of mutations) {
    const tags = tagsOf(s);
    const tag = tags.length ? tags[m.at % tags.length] : null;
    const pos = m.at % (s.length + 1);
    switch (m.op) {
      case 'drop':
        if (tag) s = s.slice(0, tag.start) + s.slice(tag.end);
        break;
      case 'duplicate':
        if (tag) s = s.slice(0, tag.end) + s.slice(tag.start, tag.end) + s.slice(tag.end);
        break;
      case 'swap': {
        const other = tags.length ? tags[m.with % tags.length] : null;
        if (!tag || !other || tag === other) break;
        const [a, b] = tag.start < other.start ? [tag, other] : [other, tag];
        s = s.slice(0, a.start) + s.slice(b.start, b.end) + s.slice(a.end, b.start) + s.slice(a.start, a.end) + s.slice(b.end);
        break;
      }
      case 'truncate':
        s = s.slice(0, pos);
        break;
      case 'insert':
        s = s.slice(0, pos) + m.text + s.slice(pos);
        break;
      case 'attribute':
        if (tag && s[tag.start + 1] !== '/' && s[tag.start + 1] !== '!') {
          const attr = ` data-x="${m.char.repeat(m.size)}" title="${m.char.repeat(Math.min(m.size, 5000))}"`;
          const at = s.indexOf(' ', tag.start) > 0 && s.indexOf(' ', tag.start) < tag.end ? s.indexOf(' ', tag.start) : tag.end - 1;
          s = s.slice(0, at) + attr + s.slice(at);
        }
        break;
      case 'nest':
        s = s.slice(0, pos) + `<${m.tag}>1 Kremlin `.repeat(m.depth) + s.slice(pos);
        break;
    }
  }
  return s;
}


import { describe, expect, it } from 'vitest';
import { htmlDocument } from '@/tests/unit/dom';
import { TextMap } from './textmap';

describe('TextMap', () => {
  it('collapses whitespace, breaks paragraphs and maps offsets back to the live text nodes', () => {
    const doc = htmlDocument(`<body><div id="r"><h1>Title</h1>
      <p>Syrian   troops <b>entered</b>\n Palmyra.</p><p>Second&nbsp;para<script>x()</script>graph.</p></div></body>`);
    const map = TextMap.build(doc.getElementById('r')!);
    expect(map.text).toBe('Title\n\nSyrian troops entered Palmyra.\n\nSecond paragraph.');
    expect(map.paragraphs.map((p) => map.text.slice(p.start, p.end))).toEqual(['Title', 'Syrian troops entered Palmyra.', 'Second paragraph.']);
    const at = map.text.indexOf('Palmyra');
    const start = map.domPoint(at, 'start')!;
    expect(start.node.data.slice(start.offset, start.offset + 7)).toBe('Palmyra');
    const end = map.domPoint(at + 7, 'end')!;
    expect(end.node).toBe(start.node);
    expect(end.offset - start.offset).toBe(7);
    expect(map.offsetAt(start.node, start.offset)).toBe(at);
  });

  it('drops zero-width characters and soft hyphens without breaking words', () => {
    const doc = htmlDocument('<body><p id="r">Pal\u00ADmy\u200Bra fell</p></body>');
    const map = TextMap.build(doc.getElementById('r')!);
    expect(map.text).toBe('Palmyra fell');
    const a = map.domPoint(0, 'start')!;
    const b = map.domPoint(7, 'end')!;
    expect(a.node.data.slice(a.offset, b.offset)).toBe('Pal\u00ADmy\u200Bra');
  });

  it('skips hidden and excluded subtrees, and finds the span of an element', () => {
    const doc = htmlDocument('<body><div id="r"><p>Kept <sup id="m">5</sup></p><p hidden>Hidden</p><nav>Menu</nav><p style="display:none">No</p></div></body>');
    const map = TextMap.build(doc.getElementById('r')!, { skip: (el) => el.tagName === 'NAV' });
    expect(map.text).toBe('Kept 5');
    expect(map.spanOf(doc.getElementById('m')!)).toEqual({ start: 5, end: 6 });
  });

  it('walks a 10,000-level deep tree without overflowing the stack', () => {
    const depth = 10_000;
    const doc = htmlDocument(`<body><div id="r">${'<span>'.repeat(depth)}deep${'</span>'.repeat(depth)}</div></body>`);
    expect(TextMap.build(doc.getElementById('r')!).text).toBe('deep');
  });

  it('stops at its bounds on a huge page', () => {
    const doc = htmlDocument(`<body><div id="r">${'<p>word word word</p>'.repeat(5000)}</div></body>`);
    const map = TextMap.build(doc.getElementById('r')!, { maxChars: 1000 });
    expect(map.truncated).toBe(true);
    expect(map.text.length).toBeLessThan(1100);
  });
});

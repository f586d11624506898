// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { TextMap } from '../text/textmap';
import { HighlightPainter } from './painter';
import { DEFAULT_SETTINGS } from '../settings';

describe('HighlightPainter fallback (no Highlight API)', () => {
  it('wraps spans in marks and restores the exact same page when cleared', () => {
    document.body.innerHTML = '<article id="r"><p>ISIL took <b>Palmyra</b> and 400 fighters died.</p><p>Putin spoke.</p></article>';
    const root = document.getElementById('r')!;
    const before = root.innerHTML;
    const firstText = root.querySelector('p')!.firstChild;
    const map = TextMap.build(root);
    const painter = new HighlightPainter(document, map, { forceFallback: true });
    expect(painter.mode).toBe('fallback');
    const t = map.text;
    const span = (s: string, category: 'armed-group' | 'place' | 'claim' | 'person') => ({ start: t.indexOf(s), end: t.indexOf(s) + s.length, category });
    const n = painter.paint([span('ISIL', 'armed-group'), span('Palmyra', 'place'), span('400 fighters', 'claim'), span('Putin', 'person')], DEFAULT_SETTINGS.categories);
    expect(n).toBe(4);
    expect(Array.from(root.querySelectorAll('sift-mark')).map((m) => m.textContent)).toEqual(['ISIL', 'Palmyra', '400 fighters', 'Putin']);
    painter.clear();
    expect(root.innerHTML).toBe(before);
    expect(root.querySelector('p')!.firstChild).toBe(firstText);
    expect(root.querySelector('p')!.childNodes.length).toBe(3);
  });

  it('paints only enabled categories', () => {
    document.body.innerHTML = '<p id="r">ISIL and 400 fighters.</p>';
    const root = document.getElementById('r')!;
    const map = TextMap.build(root);
    const painter = new HighlightPainter(document, map, { forceFallback: true });
    const n = painter.paint(
      [
        { start: 0, end: 4, category: 'armed-group' },
        { start: 9, end: 21, category: 'claim' },
      ],
      { ...DEFAULT_SETTINGS.categories, claim: false },
    );
    expect(n).toBe(1);
    painter.clear();
    expect(root.innerHTML).toBe('ISIL and 400 fighters.');
  });
});

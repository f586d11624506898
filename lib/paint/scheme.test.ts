// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { detectPageScheme } from './palette';
import { el } from '@/tests/unit/dom';

// The scheme choice on a live DOM: computed styles of the article root and its ancestors.
afterEach(() => {
  document.head.replaceChildren();
  document.body.replaceChildren();
  document.body.removeAttribute('style');
});

describe('detectPageScheme', () => {
  it('reads the first opaque background from the article root upwards', () => {
    document.body.setAttribute('style', 'background-color: rgb(18, 20, 23); color: rgb(228, 230, 235)');
    document.body.replaceChildren(el('main', {}, el('article', { id: 'a' }, el('p', {}, 'Text.'))));
    expect(detectPageScheme(document.getElementById('a')!)).toBe('dark');
  });

  it('lets a light article box on a dark page win', () => {
    document.body.setAttribute('style', 'background-color: #000');
    document.body.replaceChildren(el('article', { id: 'a', style: 'background-color: #fafafa; color: #111' }, el('p', {}, 'Text.')));
    expect(detectPageScheme(document.getElementById('a')!)).toBe('light');
  });

  it('defaults to light for an unstyled page', () => {
    document.body.replaceChildren(el('article', { id: 'a' }, el('p', {}, 'Text.')));
    expect(detectPageScheme(document.getElementById('a')!)).toBe('light');
  });
});

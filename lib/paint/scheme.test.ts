// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { detectPageScheme } from './palette';

// The scheme choice on a live DOM: computed styles of the article root and its ancestors.
afterEach(() => {
  document.head.replaceChildren();
  document.body.replaceChildren();
  document.body.removeAttribute('style');
});

describe('detectPageScheme', () => {
  it('reads the first opaque background from the article root upwards', () => {
    document.body.setAttribute('style', 'background-color: rgb(18, 20, 23); color: rgb(228, 230, 235)');
    document.body.innerHTML = '<main><article id="a"><p>Text.</p></article></main>';
    expect(detectPageScheme(document.getElementById('a')!)).toBe('dark');
  });

  it('lets a light article box on a dark page win', () => {
    document.body.setAttribute('style', 'background-color: #000');
    document.body.innerHTML = '<article id="a" style="background-color: #fafafa; color: #111"><p>Text.</p></article>';
    expect(detectPageScheme(document.getElementById('a')!)).toBe('light');
  });

  it('defaults to light for an unstyled page', () => {
    document.body.innerHTML = '<article id="a"><p>Text.</p></article>';
    expect(detectPageScheme(document.getElementById('a')!)).toBe('light');
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BOILERPLATE, DISCUSSION, LONG_WORDS, NOT_BOILERPLATE, SHORT_WORDS, boilerplateKind, hiddenByClassName, isJunkLine } from './boilerplate';
import { expandWordPattern } from '../text/word-patterns';

// The regular expressions the word matcher replaced, built from the same word lists (kept here as
// the reference it must agree with).
const WORD_START = String.raw`(?:^|[\s_\-:.])`;
const BOILERPLATE_RE = new RegExp(`${WORD_START}(?:(?:${LONG_WORDS.join('|')})|(?:${SHORT_WORDS.join('|')})(?=$|[\\s_\\-:.]))`);
const STORY_RE =
  /(?:^|[\s_\-:.])(?:hentry|h-entry|(?:article|story|post|entry|blog|news|main|page)-?(?:body|content|text|entry)|(?:body|rich)-?text|articlebody|storytext)(?=$|[\s_\-:.])/;
const DISCUSSION_RE = /(?:^|[\s_\-:.])(?:comment|disqus|discussion|repl(?:y|ies)|respond)/;
function referenceKind(classes: string): number {
  const words = classes.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
  if (!BOILERPLATE_RE.test(words) || STORY_RE.test(words)) return NOT_BOILERPLATE;
  return DISCUSSION_RE.test(words) ? DISCUSSION : BOILERPLATE;
}

/** A <div> with only a class attribute, enough for `boilerplateKind`. */
const div = (cls: string) => ({ hasAttributes: () => true, getAttribute: (n: string) => (n === 'class' ? cls : null) }) as unknown as Element;

describe('expandWordPattern', () => {
  it('expands optional characters and choices, nested', () => {
    expect(expandWordPattern('read-?more')).toEqual(['read-more', 'readmore']);
    expect(expandWordPattern('repl(?:y|ies)')).toEqual(['reply', 'replies']);
    expect(expandWordPattern('about-?(?:the-?)?author').sort()).toEqual(['about-author', 'about-the-author', 'about-theauthor', 'aboutauthor', 'aboutthe-author', 'abouttheauthor']);
    expect(expandWordPattern('gpt-')).toEqual(['gpt-']);
    expect(() => expandWordPattern('a(?:b|c')).toThrow();
  });

  it('stands for exactly the strings its regular expression matches', () => {
    // Small patterns over "ab-": literal runs, optional characters, choices (optional, nested).
    const pattern: fc.Arbitrary<string> = fc.letrec<{ seq: string; atom: string }>((tie) => ({
      seq: fc.array(tie('atom'), { minLength: 1, maxLength: 3 }).map((a) => a.join('')),
      atom: fc.oneof(
        { maxDepth: 2, withCrossShrink: true },
        fc.constantFrom('a', 'b', '-', 'ab', 'a?', '-?', 'ba-?'),
        fc.tuple(fc.array(tie('seq'), { minLength: 1, maxLength: 3 }), fc.boolean()).map(([alts, opt]) => `(?:${alts.join('|')})${opt ? '?' : ''}`),
      ),
    })).seq;
    // Every string over the alphabet up to 5 characters long.
    const strings = [''];
    for (let i = 0; strings[i].length < 5; i++) for (const c of 'ab-') strings.push(strings[i] + c);
    fc.assert(
      fc.property(pattern, (p) => {
        const words = new Set(expandWordPattern(p));
        const re = new RegExp(`^(?:${p})$`);
        for (const w of words) if (!re.test(w)) return false;
        return strings.every((s) => re.test(s) === words.has(s));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('boilerplateKind agrees with the regular expressions it replaced', () => {
  it('on class names made of furniture words, story words, separators and noise', () => {
    const pieces = [
      ...LONG_WORDS.flatMap(expandWordPattern), ...SHORT_WORDS, 'hentry', 'h-entry', 'story', 'body', 'post-content', 'articleBody', 'richText', 'entry-text',
      'comment', 'replies', 'xad', 'adx', 'admin', 'tagline', 'Share', 'relatedLinks', 'ShareBar', 'main', 'Ad', 'İ', 'ſ', 'K',
      ' ', '-', '_', ':', '.', '\u00a0', '\u2003', '\u3000', '\u2028', '\ufeff', '\u1680', '\u202f', '\v', '\t', 'a', 'x', 'Z', '1',
    ];
    const classes = fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map((a) => a.join(''));
    fc.assert(fc.property(classes, (c) => boilerplateKind(div(c), 'DIV') === referenceKind(c)), { numRuns: 20000 });
  });
});

describe('hiddenByClassName agrees with the regular expression it replaced', () => {
  const HIDDEN_RE = /(?:^|\s)(?:hidden|hide|is-hidden|u-hidden|d-none|invisible|sr-only|visually-?hidden|screen-reader-text|screenreader-only|offscreen|element-invisible)(?=$|\s)/i;
  it('on class lists of hiding names in any case, other names and separators', () => {
    const pieces = ['hidden', 'HIDDEN', 'Hide', 'is-hidden', 'u-hidden', 'd-none', 'invisible', 'sr-only', 'visually-hidden', 'visuallyhidden', 'Screen-Reader-Text', 'screenreader-only', 'offscreen', 'element-invisible', 'hidden-xs', 'x', 'ſr-only', 'hıdden', 'K', ' ', '\t', '\u00a0', '\u3000', '\ufeff', '-', '_'];
    const classes = fc.array(fc.constantFrom(...pieces), { maxLength: 6 }).map((a) => a.join(''));
    fc.assert(fc.property(classes, (c) => hiddenByClassName(c) === HIDDEN_RE.test(c)), { numRuns: 20000 });
  });
});

describe('isJunkLine agrees with the regular expression it replaced', () => {
  const JUNK_RE =
    /^(?:(?:copyright|©|\(c\)).*|.*all rights reserved.*|advertisement|advertising|anzeige|publicidad|publicité|sponsored(?: content)?|continue reading(?: below| the main story)?|read more|read next|related(?: articles?| stories| content| coverage)?|see also|more (?:on|from) .{0,40}|share(?: this)?(?: article| story| post)?|follow us.*|tweet|email|print|comments?|skip to .{0,30}|story continues below|article continues below|scroll to continue.*|click here.*|subscribe.*|sign up.*|newsletter.*)[\s:.!»›>…-]*$/i;

  it('on stock phrases in any case, with trailing punctuation, line breaks and other text', () => {
    const phrases = [
      'Advertisement', 'ADVERTISING', 'anzeige', 'Publicidad', 'publicité', 'PUBLICITÉ', 'Publicite', 'sponsored', 'Sponsored content', 'continue reading',
      'Continue reading the main story', 'continue reading below', 'Read more', 'read next', 'Related', 'related article', 'Related articles', 'related stories',
      'related content', 'Related coverage', 'See also', 'Share', 'Share this', 'share article', 'Share this story', 'share post', 'Tweet', 'Email', 'PRINT',
      'comment', 'Comments', 'Story continues below', 'article continues below', 'Copyright', '©', '(c)', '(C)', 'All rights reserved', 'ALL RIGHTS RESERVED',
      'Follow us', 'Scroll to continue', 'Click here', 'Subscribe', 'Sign up', 'Newsletter', 'More on ', 'More from ', 'Skip to ', 'ſhare', 'K',
    ];
    const pieces = [...phrases, ' ', '  ', ':', '.', '!', '»', '›', '>', '…', '-', '\u00a0', '\u3000', '\n', '\r', '\u2028', '\u2029', '\t', 'a', 'the news', 'x'.repeat(25), '2026', 'é', 'É'];
    const lines = fc.array(fc.constantFrom(...pieces), { maxLength: 6 }).map((a) => a.join(''));
    fc.assert(fc.property(lines, (l) => isJunkLine(l) === JUNK_RE.test(l)), { numRuns: 30000 });
  });

  it('on the lines it is for', () => {
    expect(isJunkLine('Advertisement')).toBe(true);
    expect(isJunkLine('Continue reading the main story »')).toBe(true);
    expect(isJunkLine('More from Reuters:')).toBe(true);
    expect(isJunkLine('© 2026 The Daily Example. All rights reserved.')).toBe(true);
    expect(isJunkLine('Share this article —')).toBe(false);
    expect(isJunkLine('Readers shared their stories with us.')).toBe(false);
  });
});

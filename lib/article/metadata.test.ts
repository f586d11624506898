import { describe, expect, it } from 'vitest';
import { htmlDocument } from '@/tests/unit/dom';
import { cleanByline, declaredKind, readMetadata, stripSiteSuffix } from './metadata';

describe('stripSiteSuffix', () => {
  it('cuts the site name off either end, and keeps titles that merely contain a separator', () => {
    expect(stripSiteSuffix('Palmyra retaken – The Daily Post', 'The Daily Post')).toBe('Palmyra retaken');
    expect(stripSiteSuffix('The Daily Post | Palmyra retaken from ISIL', 'The Daily Post')).toBe('Palmyra retaken from ISIL');
    expect(stripSiteSuffix('Ferry strike ends after crews accept deal | Courier', null)).toBe('Ferry strike ends after crews accept deal');
    expect(stripSiteSuffix('Mozilla - Wikipedia', null, 'en.wikipedia.org')).toBe('Mozilla');
    expect(stripSiteSuffix('Brexit: what happens next', null)).toBe('Brexit: what happens next');
    expect(stripSiteSuffix('Ten years on | a look back', null)).toBe('Ten years on | a look back');
  });
});

describe('cleanByline', () => {
  it('keeps the names and drops what runs into them', () => {
    expect(cleanByline('By Ana Sandoiu')).toBe('Ana Sandoiu');
    expect(cleanByline('Par Sébastien Farcis')).toBe('Sébastien Farcis');
    expect(cleanByline('GILLIAN MOHNEY March 11, 2015 3:46 PM')).toBe('GILLIAN MOHNEY');
    expect(cleanByline('Lucas Nolan 22 Dec 2016 651')).toBe('Lucas Nolan');
    expect(cleanByline('Steven Musil January 18, 2017 11:00 PM PST @stevenmusil')).toBe('Steven Musil');
    expect(cleanByline('https://example.com/author/x')).toBeNull();
    expect(cleanByline('  ')).toBeNull();
  });
});

describe('readMetadata', () => {
  it('prefers what the page states for machines, and reads JSON-LD in CDATA with trailing commas', () => {
    const doc = htmlDocument(`<html lang="en-GB"><head><title>Harbour wall repairs delayed | The Courier</title>
      <meta property="og:site_name" content="The Courier">
      <script type="application/ld+json">//<![CDATA[
      {"@context":"https://schema.org","@type":"NewsArticle","headline":"Harbour wall repairs delayed","datePublished":"2026-03-02T08:30:00+01:00","author":[{"@type":"Person","name":"Isla Brennan",},],}
      //]]></script></head><body><h1>Harbour wall repairs delayed</h1></body></html>`);
    const m = readMetadata(doc);
    expect(m).toMatchObject({
      title: 'Harbour wall repairs delayed',
      byline: 'Isla Brennan',
      siteName: 'The Courier',
      publishedTime: '2026-03-02T07:30:00.000Z',
      lang: 'en',
      jsonLdTypes: ['NewsArticle'],
    });
  });

  it('does not take an encyclopedia JSON-LD description for the title', () => {
    const doc = htmlDocument(`<html><head><title>New Zealand - Openpedia</title>
      <script type="application/ld+json">{"@type":"Article","headline":"island country in Oceania"}</script></head>
      <body><h1>New Zealand</h1></body></html>`);
    expect(readMetadata(doc).title).toBe('New Zealand');
  });

  it('reads <title> against the h1s: a site-name h1 is cut off, a title h1 is kept', () => {
    const site = htmlDocument(`<html><head><title>Shared history — evolve extension for Mercurial</title></head>
      <body><h1>evolve extension for Mercurial</h1><h1>Shared history¶</h1></body></html>`);
    expect(readMetadata(site).title).toBe('Shared history');
    const two = htmlDocument(`<html><head><title>宇航员在太空中喝酒会怎么样 _探索者 _光明网</title></head><body><h1>宇航员在太空中喝酒会怎么样</h1></body></html>`);
    expect(readMetadata(two).title).toBe('宇航员在太空中喝酒会怎么样');
  });

  it('finds a byline and a date in the page when no machine-readable ones exist', () => {
    const doc = htmlDocument(`<html><head><title>Bus route approved</title></head><body>
      <div class="sidebar"><span class="author">Not This One</span></div>
      <div class="story"><h1>Bus route approved</h1><div class="byline">By <a href="/p/jo">Jo Marsh</a> · <time datetime="2026-01-14">14 January</time></div>
      <div class="body"><p>Text.</p></div></div></body></html>`);
    const root = doc.querySelector('.body');
    const m = readMetadata(doc, { root });
    expect(m.byline).toBe('Jo Marsh');
    expect(m.publishedTime).toBe('2026-01-14T00:00:00.000Z');
    expect(m.lang).toBeNull();
  });
});

describe('declaredKind', () => {
  it('reads og:type as the detector does, and the root element\'s language', () => {
    expect(declaredKind(htmlDocument('<html lang="en-GB"><head><meta property="og:type" content="article"></head><body></body></html>'))).toEqual({ article: true, lang: 'en' });
    expect(declaredKind(htmlDocument('<html><head><meta name="OG:TYPE" content="NewsArticle"></head><body></body></html>'))).toEqual({ article: true, lang: null });
    expect(declaredKind(htmlDocument('<html lang="fr"><head><meta property="og:type" content="website"></head><body></body></html>'))).toEqual({ article: false, lang: 'fr' });
    expect(declaredKind(htmlDocument('<html><head></head><body><article><p>Text</p></article></body></html>')).article).toBe(false);
    // The first og:type in document order decides, as a selector would.
    expect(declaredKind(htmlDocument('<html><head><meta property="og:type"><meta name="og:type" content="article"></head><body></body></html>')).article).toBe(false);
    expect(declaredKind(htmlDocument('<html><head><meta property="og:title" content="An article"><meta content="article" name="Og:Type"></head><body></body></html>')).article).toBe(true);
  });
});

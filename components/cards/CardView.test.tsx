// @vitest-environment happy-dom
/* oxlint-disable no-script-url -- hostile `javascript:` addresses are the input under test: they must never become links. */
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { actorCard, claimCard, footnoteCard } from '@/lib/cards/content';
import type { Actor } from '@/lib/schema';
import { CardView, LiveRegion } from './CardView';

const PAYLOAD = '<img src=x onerror="globalThis.pwned=1"><svg onload="globalThis.pwned=1">';

function mount(vnode: preact.ComponentChild): HTMLElement {
  const el = document.createElement('div');
  document.body.append(el);
  render(vnode, el);
  return el;
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('CardView', () => {
  it('renders page text as text, never as markup', () => {
    const actor: Actor = {
      id: 'new:x',
      name: `Evil ${PAYLOAD}`,
      type: 'organization',
      mentions: [{ start: 0, end: 4, text: `Evil ${PAYLOAD}` }],
      background: { description: PAYLOAD, aliases: [PAYLOAD], country: null, wikidata: 'javascript:alert(1)' },
    };
    const el = mount(<CardView content={actorCard(actor)} category="organization" scheme="light" />);
    expect(el.querySelector('img, svg, script')).toBeNull();
    expect(el.querySelector('.name')!.textContent).toBe(`Evil ${PAYLOAD}`);
    expect(el.querySelector('.desc')!.textContent).toBe(PAYLOAD);
    expect(el.querySelector('a')).toBeNull(); // no valid QID → no link
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });

  it('makes only http(s) note links clickable, opening in a new tab without referrer', () => {
    const el = mount(
      <CardView
        content={footnoteCard({
          label: '3',
          citations: [{ start: 0, end: 1, sentence: '' }],
          note: { text: `Note ${PAYLOAD}`, links: ['https://example.org/a', 'javascript:alert(1)', 'data:text/html,hi'] },
        })}
        category="footnote"
        scheme="dark"
      />,
    );
    const links = Array.from(el.querySelectorAll('a'));
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://example.org/a']);
    expect(links[0].getAttribute('target')).toBe('_blank');
    expect(links[0].getAttribute('rel')).toBe('noopener noreferrer');
    expect(links[0].textContent).toBe('https://example.org/a');
    expect(Array.from(el.querySelectorAll('.unsafe')).map((s) => s.textContent)).toEqual(['javascript:alert(1)', 'data:text/html,hi']);
    expect(el.querySelector('.note')!.textContent).toBe(`Note ${PAYLOAD}`);
    expect(el.querySelector('img, svg')).toBeNull();
    expect(el.querySelector('.card')!.getAttribute('data-scheme')).toBe('dark');
  });

  it('says when the page has no note for a marker', () => {
    const el = mount(<CardView content={footnoteCard({ label: '7', citations: [{ start: 0, end: 3, sentence: '' }], note: null })} category="footnote" scheme="light" />);
    expect(el.querySelector('.note.muted')).not.toBeNull();
    expect(el.querySelector('a')).toBeNull();
  });

  it('shows the Wikidata link of a known actor, its mentions and the stepping position', () => {
    const actor: Actor = {
      id: 'wd:Q7747',
      name: 'Vladimir Putin',
      type: 'person',
      mentions: [
        { start: 0, end: 5, text: 'Putin' },
        { start: 9, end: 14, text: 'Putin' },
      ],
      background: null,
    };
    const el = mount(<CardView content={actorCard(actor, null, true)} category="person" scheme="light" position={{ index: 0, total: 9 }} />);
    const a = el.querySelector('a')!;
    expect(a.getAttribute('href')).toBe('https://www.wikidata.org/wiki/Q7747');
    expect(a.textContent).toBe('https://www.wikidata.org/wiki/Q7747');
    expect(el.querySelector('.count')).not.toBeNull();
    expect(el.querySelector('.foot')).not.toBeNull();
    // The legend sample carries the highlight's style.
    expect((el.querySelector('.sample') as HTMLElement).style.textDecoration).toContain('solid');
  });

  it('shows a country\'s sample as a tint where the page\'s highlights have no lines (Firefox before 146)', () => {
    const country = { id: 'wd:Q858', name: 'Syria', type: 'country' as const, mentions: [{ start: 0, end: 5, text: 'Syria' }], background: null };
    const lined = mount(<CardView content={actorCard(country, null, false)} category="country" scheme="light" />).querySelector('.sample') as HTMLElement;
    expect(lined.style.textDecoration).toContain('underline');
    const tinted = mount(<CardView content={actorCard(country, null, false)} category="country" scheme="light" lines={false} />).querySelector('.sample') as HTMLElement;
    expect(tinted.style.textDecoration).toBe('none');
    expect(tinted.style.backgroundColor).not.toBe('transparent');
  });

  it('lays out claims with hedge and source', () => {
    const el = mount(
      <CardView
        content={claimCard({ start: 0, end: 5, text: '400 of their fighters', sentence: '', value: 400, unit: null, kind: 'casualties', hedge: null, source: 'Rami Abdulrahman', footnotes: ['5'] })}
        category="claim"
        scheme="light"
      />,
    );
    expect(el.querySelector('.quote')!.textContent).toBe('400 of their fighters');
    // Outside the extension `t` gives message keys: the source line and the backing note are there.
    expect(el.querySelector('.facts')!.textContent).toBe('cardSource · cardBackedBy');
  });

  it('announces through a polite live region', () => {
    const el = mount(<LiveRegion text="Vladimir Putin, person." />);
    const region = el.querySelector('[aria-live]')!;
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(region.getAttribute('role')).toBe('status');
    expect(region.textContent).toBe('Vladimir Putin, person.');
  });
});

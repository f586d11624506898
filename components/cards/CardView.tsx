import type { Category } from '@/lib/categories';
import { t } from '@/lib/i18n';
import {
  KIND_KEY,
  mentionsText,
  regionName,
  TYPE_KEY,
  type ActorCardContent,
  type CardContent,
  type CardLink,
  type ClaimCardContent,
  type FootnoteCardContent,
} from '@/lib/cards/content';
import { highlightCss, type PageScheme } from '@/lib/paint/palette';

/**
 * The hover card, rendered inside Sift's closed shadow root (entrypoints/analyzer/cards.tsx owns
 * the host and its position). Everything from the page is text: JSX only, no HTML strings.
 */

export interface CardViewProps {
  content: CardContent;
  category: Category;
  scheme: PageScheme;
  /** Shown when the card was reached with the keyboard command. */
  position?: { index: number; total: number } | null;
  /** Whether the page's highlights show their lines (not in Firefox before 146): the sample does as they do. */
  lines?: boolean;
}

/** The legend sample of the highlight this card explains, in the page's palette. */
function Sample({ category, scheme, label, lines }: { category: Category; scheme: PageScheme; label: string; lines: boolean }) {
  const css = highlightCss(category, scheme, lines);
  return (
    <span class="sample" aria-hidden="true" style={{ backgroundColor: css.background, textDecoration: css.decoration, color: css.color }}>
      {label}
    </span>
  );
}

function Link({ link }: { link: CardLink }) {
  if (!link.href) return <span class="url unsafe">{link.text}</span>;
  return (
    <a class="url" href={link.href} target="_blank" rel="noopener noreferrer" referrerpolicy="no-referrer" title={t('cardNewTab')}>
      {link.text}
    </a>
  );
}

function ActorBody({ c }: { c: ActorCardContent }) {
  const facts: string[] = [];
  if (c.country) facts.push(t('cardCountry', regionName(c.country)));
  if (c.aliases.length > 0) facts.push(t('cardAliases', c.aliases.join(', ')));
  return (
    <>
      {c.description ? (
        <p class="desc">{c.description}</p>
      ) : (
        <p class="desc muted">{c.background === 'loading' ? t('cardLoading') : t('cardUnknown')}</p>
      )}
      {facts.length > 0 && <p class="facts">{facts.join(' · ')}</p>}
      {c.namesInText.length > 0 && <p class="facts">{t('cardNamesInText', c.namesInText.join(', '))}</p>}
      <p class="count">{mentionsText(c.mentions, t)}</p>
      {c.link && (
        <p class="links">
          <Link link={c.link} />
        </p>
      )}
    </>
  );
}

function FootnoteBody({ c }: { c: FootnoteCardContent }) {
  return (
    <>
      {c.note ? <p class="note">{c.note.text}</p> : <p class="note muted">{t('cardNoNote')}</p>}
      {c.note && c.note.links.length > 0 && (
        <ul class="links">
          {c.note.links.map((l, i) => (
            <li key={i}>
              <Link link={l} />
            </li>
          ))}
        </ul>
      )}
      {c.citations > 1 && <p class="count">{t('cardCitedTimes', String(c.citations))}</p>}
    </>
  );
}

function ClaimBody({ c }: { c: ClaimCardContent }) {
  const facts: string[] = [];
  if (c.hedge) facts.push(t('cardHedge', c.hedge));
  facts.push(c.source ? t('cardSource', c.source) : t('cardUnsourced'));
  if (c.footnotes.length > 0) facts.push(t('cardBackedBy', c.footnotes.join(', ')));
  return (
    <>
      <p class="quote">{c.text}</p>
      <p class="facts">{facts.join(' · ')}</p>
    </>
  );
}

function title(c: CardContent): { sample: string; name: string; type: string } {
  if (c.kind === 'actor') return { sample: 'Ab', name: c.name, type: t(TYPE_KEY[c.type]) };
  if (c.kind === 'footnote') return { sample: c.label, name: t('cardFootnote', c.label), type: '' };
  return { sample: '12', name: t('cardClaim'), type: t(KIND_KEY[c.claimKind]) };
}

export function CardView({ content, category, scheme, position, lines = true }: CardViewProps) {
  const head = title(content);
  return (
    <div class="card" data-scheme={scheme} data-kind={content.kind} aria-label={t('cardLabel', head.name)} role="group">
      <p class="head">
        <Sample category={category} scheme={scheme} label={head.sample} lines={lines} />
        <span class="name">{head.name}</span>
        {head.type && <span class="type">{head.type}</span>}
      </p>
      {content.kind === 'actor' && <ActorBody c={content} />}
      {content.kind === 'footnote' && <FootnoteBody c={content} />}
      {content.kind === 'claim' && <ClaimBody c={content} />}
      {position && (
        <p class="foot">
          <span>{t('cardPosition', [String(position.index + 1), String(position.total)])}</span>
          <span>{t('cardHint')}</span>
        </p>
      )}
    </div>
  );
}

/** The polite live region screen readers hear when a card is reached with the keyboard. */
export function LiveRegion({ text }: { text: string }) {
  return (
    <div class="sr" role="status" aria-live="polite" aria-atomic="true">
      {text}
    </div>
  );
}

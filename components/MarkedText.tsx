import { markerPieces, type MarkerAt } from '@/lib/footnotes/inline';
import { t } from '@/lib/i18n';

/**
 * A sentence of the article with its footnote markers set as superscripts ("…wells dry.¹", not
 * "…wells dry.1"), each read out as "Footnote 1". `start` is the sentence's place in the article
 * text; -1 shows it as it is.
 */
export function MarkedText({ text, start, markers }: { text: string; start: number; markers: readonly MarkerAt[] }) {
  return (
    <>
      {markerPieces(text, start, markers).map((p, i) =>
        p.marker === undefined ? (
          p.text
        ) : (
          <sup class="marker" key={i}>
            <span class="visually-hidden">{t('popupFootnoteLabel')} </span>
            {p.marker}
          </sup>
        ),
      )}
    </>
  );
}

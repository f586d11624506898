import './swatches.css';
import type { Category } from '@/lib/categories';
import { highlightLinesPainted } from '@/lib/paint/palette';

/** Whether this browser draws the page's highlight lines; where it does not, the legend shows tints alone. */
const LINES = typeof navigator === 'undefined' || highlightLinesPainted(navigator.userAgent);

/** The legend sample of a highlight category: same colour and underline style as in the page. */
export function Swatch({ category }: { category: Category }) {
  return <span class={`swatch swatch-${category}${LINES ? '' : ' tint-only'}`} aria-hidden="true">Ab</span>;
}

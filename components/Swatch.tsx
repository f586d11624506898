import './swatches.css';
import type { Category } from '@/lib/categories';

/** The legend sample of a highlight category: same colour and underline style as in the page. */
export function Swatch({ category }: { category: Category }) {
  return <span class={`swatch swatch-${category}`} aria-hidden="true">Ab</span>;
}

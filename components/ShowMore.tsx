import { useEffect, useRef, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { formatCount, t } from '@/lib/i18n';

/**
 * A long list shows its first `limit` items and a button for the rest. After "Show all", focus
 * moves to the first item that was hidden, so keyboard users carry on where they were.
 */
export function ShowMore({ limit, total, label, children }: { limit: number; total: number; label: string; children: (limit: number) => ComponentChildren }) {
  const [all, setAll] = useState(false);
  const [moveFocus, setMoveFocus] = useState(false);
  const wrap = useRef<HTMLDivElement>(null);
  // One or two hidden items are not worth a button.
  const cut = total > limit + 2 && !all ? limit : total;
  useEffect(() => {
    if (!moveFocus) return;
    setMoveFocus(false);
    const items = wrap.current?.querySelectorAll<HTMLElement>(':scope > ul > li, :scope > ol > li, :scope > .citation');
    items?.[limit]?.querySelector<HTMLElement>('button, a')?.focus();
  }, [moveFocus, limit]);
  return (
    <div class="list-wrap" ref={wrap}>
      {children(cut)}
      {cut < total && (
        <button
          type="button"
          class="show-more"
          onClick={() => {
            setAll(true);
            setMoveFocus(true);
          }}
        >
          {t('popupShowAll', formatCount(total))}
          <span class="visually-hidden"> ({label})</span>
        </button>
      )}
    </div>
  );
}

import { t } from '@/lib/i18n';
import { isSafeLink } from './model';

/**
 * A web address that opens in a new tab, and only when clicked (no prefetch, no referrer). Any
 * other scheme (`javascript:`, `data:`, `file:`…) is shown as plain text, never as a link.
 */
export function ExternalLink({ href, label }: { href: string; label?: string }) {
  if (!isSafeLink(href))
    return (
      <span class="unsafe-link" title={t('popupNotWebLink')}>
        {label ?? href}
      </span>
    );
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" class="ext">
      {label ?? href}
      <span class="visually-hidden"> {t('popupNewTab')}</span>
    </a>
  );
}

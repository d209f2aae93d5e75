import type { Link } from '../api/types';
import { useTranslation } from '../i18n/i18n';

/** Only web addresses become links: anything else the page shows as text, never as a `javascript:` or `data:` href. */
function isWebAddress(url: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

/**
 * Documents kept elsewhere, each with its kind. They open in a new tab that
 * learns nothing of the console (no opener, no referrer).
 */
export function LinkList({ links, labelledBy }: { links: readonly Link[]; labelledBy?: string }) {
  const { label } = useTranslation();
  if (links.length === 0) return null;
  return (
    <ul class="links" aria-labelledby={labelledBy}>
      {links.map((link, index) => (
        <li key={`${index}-${link.url}`}>
          <span class="label">{label('LinkKind', link.kind)}</span>{' '}
          {isWebAddress(link.url) ? (
            <a href={link.url} target="_blank" rel="noopener noreferrer" translate={false}>
              {link.title}
            </a>
          ) : (
            <span translate={false}>{link.title}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

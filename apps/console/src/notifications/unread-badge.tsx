import { useTranslation } from '../i18n/i18n';
import { useNotifications } from './notifications';

/** The unread count beside the inbox's link, announced when it changes. */
export function UnreadBadge() {
  const { t, number } = useTranslation();
  const { unread } = useNotifications();
  return (
    <span class="unread" aria-live="polite" data-unread={unread ?? ''}>
      {unread !== null && unread > 0 ? (
        <>
          <span class="badge badge-unread" aria-hidden="true">
            {number(unread)}
          </span>
          <span class="visually-hidden">{t('notifications.unreadCount', { count: unread })}</span>
        </>
      ) : null}
    </span>
  );
}

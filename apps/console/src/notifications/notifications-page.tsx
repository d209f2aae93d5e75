import { useLocation } from 'preact-iso';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { NOTIFICATIONS } from '../api/documents';
import type { ApiError } from '../api/graphql-client';
import type { Notification, NotificationConnection } from '../api/types';
import { FeedEntryContent } from '../feed/feed-entry';
import { useTranslation } from '../i18n/i18n';
import { useSession } from '../session/session';
import { ConnectionStatus } from '../ui/connection-status';
import { ErrorMessage } from '../ui/error-message';
import { useAction } from '../ui/use-action';
import { useNotifications } from './notifications';

const PAGE_SIZE = 20;

interface Inbox {
  /** Newest first. */
  readonly notifications: readonly Notification[];
  readonly endCursor: string | null;
  readonly hasOlder: boolean;
}

/** The viewer's notifications, newest first, new ones arriving live; read marks set up to a notification or all at once. */
export function NotificationsPage() {
  const { t, label } = useTranslation();
  const { request } = useSession();
  const { unread, onAdded, markRead, error: liveError } = useNotifications();
  const location = useLocation();
  const unreadOnly = location.query['unread'] === '1';
  const [inbox, setInbox] = useState<Inbox | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const marking = useAction();
  const older = useAction();

  const load = useCallback(async () => {
    try {
      const { notifications } = await request<{ notifications: NotificationConnection }>(NOTIFICATIONS, {
        unreadOnly,
        first: PAGE_SIZE,
      });
      setInbox({
        notifications: notifications.edges.map((edge) => edge.node),
        endCursor: notifications.pageInfo.endCursor,
        hasOlder: notifications.pageInfo.hasNextPage,
      });
      setError(null);
    } catch (caught) {
      setError(caught as ApiError);
    }
  }, [request, unreadOnly]);

  useEffect(() => {
    setInbox(null);
    void load();
  }, [load]);

  useEffect(
    () =>
      onAdded((notification) =>
        setInbox((current) =>
          current === null || current.notifications.some((known) => known.id === notification.id)
            ? current
            : { ...current, notifications: [notification, ...current.notifications] },
        ),
      ),
    [onAdded],
  );

  const mark = (upTo: string | null) =>
    void marking.run(async () => {
      await markRead(upTo);
      await load();
    });

  const loadOlder = () =>
    void older.run(async () => {
      if (inbox === null) return;
      const { notifications } = await request<{ notifications: NotificationConnection }>(NOTIFICATIONS, {
        unreadOnly,
        first: PAGE_SIZE,
        after: inbox.endCursor,
      });
      const known = new Set(inbox.notifications.map((notification) => notification.id));
      setInbox({
        notifications: [
          ...inbox.notifications,
          ...notifications.edges.map((edge) => edge.node).filter((notification) => !known.has(notification.id)),
        ],
        endCursor: notifications.pageInfo.endCursor,
        hasOlder: notifications.pageInfo.hasNextPage,
      });
    });

  return (
    <section aria-labelledby="notifications-heading">
      <div class="page-heading">
        <h1 id="notifications-heading">{t('notifications.title')}</h1>
        <ConnectionStatus />
      </div>
      <div class="filters">
        <label class="check">
          <input
            type="checkbox"
            checked={unreadOnly}
            onChange={(event) =>
              location.route(event.currentTarget.checked ? '/notifications?unread=1' : '/notifications', true)
            }
          />
          {t('notifications.unreadOnly')}
        </label>
        <button type="button" disabled={marking.busy || unread === 0} onClick={() => mark(null)}>
          {t('notifications.markAll')}
        </button>
      </div>
      <ErrorMessage error={liveError} />
      <ErrorMessage error={marking.error} />
      <ErrorMessage error={error} />
      {inbox === null && error === null ? <p role="status">{t('common.loading')}</p> : null}
      {inbox !== null ? (
        <>
          {inbox.notifications.length === 0 ? <p class="empty">{t('notifications.none')}</p> : null}
          <ol class="feed notifications" aria-label={t('notifications.list')} aria-live="polite">
            {inbox.notifications.map((notification) => (
              <li
                key={notification.id}
                class={notification.read ? 'entry notification' : 'entry notification notification-unread'}
                data-read={String(notification.read)}
              >
                <FeedEntryContent
                  entry={notification.entry}
                  meta={
                    <>
                      {notification.read ? null : <span class="badge badge-unread-mark">{t('notifications.new')}</span>}
                      <span class="notification-reason">{label('NotificationReason', notification.reason)}</span>
                    </>
                  }
                />
                {notification.read ? null : (
                  <div class="actions">
                    <button
                      type="button"
                      class="link-button"
                      disabled={marking.busy}
                      onClick={() => mark(notification.cursor)}
                    >
                      {t('notifications.markUpTo')}
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ol>
          {inbox.hasOlder ? (
            <div class="more">
              <button type="button" disabled={older.busy} onClick={loadOlder}>
                {t('notifications.older')}
              </button>
              <ErrorMessage error={older.error} />
            </div>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

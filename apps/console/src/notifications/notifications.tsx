import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { MARK_NOTIFICATIONS_READ, NOTIFICATION_ADDED, NOTIFICATIONS } from '../api/documents';
import type { ApiError } from '../api/graphql-client';
import type { Notification, NotificationConnection } from '../api/types';
import { useSession } from '../session/session';

interface NotificationsControl {
  /** The viewer's unread notifications, as the API last counted them; null before the first count. */
  readonly unread: number | null;
  /** Why the live count stopped, if it did. */
  readonly error: ApiError | null;
  /** Follows the notifications that arrive while the console is open, oldest first. */
  readonly onAdded: (listener: (notification: Notification) => void) => () => void;
  /** Marks the viewer's notifications read up to and including `upTo` (all when null). */
  readonly markRead: (upTo: string | null) => Promise<void>;
}

const NotificationsContext = createContext<NotificationsControl | null>(null);

/**
 * The session's notifications: the unread count, kept live by
 * `notificationAdded` (resumed with `since` after a disconnect), for the
 * badge in the navigation and the inbox. The count is the API's own, read
 * again after each arrival, so a replay after a reconnection never counts
 * one notification twice.
 */
export function NotificationsProvider({ children }: { children: ComponentChildren }) {
  const { request, live } = useSession();
  const [unread, setUnread] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const listeners = useRef(new Set<(notification: Notification) => void>());
  const counting = useRef<{ running: boolean; again: boolean }>({ running: false, again: false });

  const recount = useCallback(async () => {
    const state = counting.current;
    if (state.running) {
      state.again = true;
      return;
    }
    state.running = true;
    try {
      do {
        state.again = false;
        const { notifications } = await request<{ notifications: NotificationConnection }>(NOTIFICATIONS, {
          first: 1,
        });
        setUnread(notifications.unreadCount);
      } while (state.again);
    } catch (caught) {
      setError(caught as ApiError);
    } finally {
      state.running = false;
    }
  }, [request]);

  useEffect(() => {
    let stop: (() => void) | null = null;
    let cancelled = false;
    request<{ notifications: NotificationConnection }>(NOTIFICATIONS, { first: 1 }).then(
      ({ notifications }) => {
        if (cancelled) return;
        setUnread(notifications.unreadCount);
        stop = live.follow<{ notificationAdded: Notification }>({
          query: NOTIFICATION_ADDED,
          variables: {},
          // After the newest notification the count included: nothing between the read and the subscription is missed.
          since: notifications.edges[0]?.cursor ?? null,
          cursorOf: (data) => data.notificationAdded.cursor,
          next: ({ notificationAdded }) => {
            for (const listener of listeners.current) listener(notificationAdded);
            void recount();
          },
          subscribedWithoutCursor: () => void recount(),
          failed: setError,
        });
      },
      (caught: ApiError) => !cancelled && setError(caught),
    );
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [request, live, recount]);

  const onAdded = useCallback((listener: (notification: Notification) => void) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);

  const markRead = useCallback(
    async (upTo: string | null) => {
      const { markNotificationsRead } = await request<{ markNotificationsRead: number }>(MARK_NOTIFICATIONS_READ, {
        upTo,
      });
      setUnread(markNotificationsRead);
    },
    [request],
  );

  const control = useMemo(() => ({ unread, error, onAdded, markRead }), [unread, error, onAdded, markRead]);
  return <NotificationsContext.Provider value={control}>{children}</NotificationsContext.Provider>;
}

export function useNotifications(): NotificationsControl {
  const control = useContext(NotificationsContext);
  if (control === null) throw new Error('useNotifications outside NotificationsProvider');
  return control;
}

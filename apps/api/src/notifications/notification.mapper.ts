import type { NotificationView } from '@coop/read-model';
import { feedEntryModel } from '../feed/feed-entry.mapper.js';
import type { Notification } from './notification.types.js';

export function notificationModel(notification: NotificationView): Notification {
  return {
    id: notification.id,
    reason: notification.reason,
    entry: feedEntryModel(notification.entry),
    createdAt: notification.createdAt,
    read: notification.read,
    cursor: notification.cursor,
  };
}

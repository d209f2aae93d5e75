import { canSee, precedenceOf, type Viewer } from '@coop/domain';
import { addresseeKeysOf } from '../notification-addressees.js';
import type { Projector } from '../projector.js';
import type { ReadModel } from '../read-model.js';
import type { NotificationView } from '../read-model.types.js';
import { notificationCursorKey } from '../read-model.views.js';
import type { LiveFeed, LiveSource } from './live-feed.js';
import { LiveTopics, type LiveTopicsOptions } from './live-topics.js';

export type NotificationBusOptions = LiveTopicsOptions;

/* One topic per addressee: a participant, a country's focal points, a country's participants. */
const addresseeTopic = (addressee: string): string => `addressee:${addressee}`;

/** The in-process bus between the projector's commits and `notificationAdded` subscribers. */
export class NotificationBus {
  private readonly live: LiveTopics<NotificationView>;

  constructor(
    private readonly readModel: ReadModel,
    options: NotificationBusOptions,
  ) {
    this.live = new LiveTopics(options);
  }

  /** Feeds the bus from the projector's commits; returns the detach. */
  attach(projector: Projector): () => void {
    return projector.onCommitted(({ notifications }) => this.publish(notifications));
  }

  /**
   * Offers each subscriber one notification per event, as a page shows it:
   * of an event that reached them by several addressees, the one whose
   * reason takes precedence. A batch lists an event's notifications together.
   */
  publish(notifications: readonly NotificationView[]): void {
    let position: string | null = null;
    let chosen = new Map<LiveFeed<NotificationView>, NotificationView>();
    const offer = () => {
      for (const [feed, notification] of chosen) feed.offer(notification);
      chosen = new Map();
    };
    for (const notification of notifications) {
      if (notification.position !== position) {
        offer();
        position = notification.position;
      }
      for (const feed of this.live.listeners(addresseeTopic(notification.addressee))) {
        const kept = chosen.get(feed);
        if (kept === undefined || precedenceOf(notification.reason) < precedenceOf(kept.reason)) {
          chosen.set(feed, notification);
        }
      }
    }
    offer();
  }

  /**
   * The viewer's notifications from now on, with `since` (a notification
   * cursor) those after it first. A malformed `since` throws InvalidCursor
   * before anything is registered.
   */
  subscribe(viewer: Viewer, since: string | null): LiveFeed<NotificationView> {
    const start = since === null ? null : { cursor: since, position: notificationCursorKey(since, 'since').position };
    const source: LiveSource<NotificationView> = {
      // As a page: only while the viewer may see the item, and never of their own act as a member of a group.
      accepts: (notification) =>
        canSee(viewer, notification.entry.item.visibility) && notification.entry.actor.id !== viewer.id,
      after: (cursor, limit) => this.readModel.notificationsAfter(viewer, cursor, limit),
    };
    return this.live.subscribe(addresseeKeysOf(viewer).map(addresseeTopic), source, start);
  }

  get subscriberCount(): number {
    return this.live.subscriberCount;
  }

  /** For a shutdown: see `LiveTopics.drain`. */
  drain(reason: string): void {
    this.live.drain(reason);
  }
}

import type { ItemKind, Participant as Viewer, Subregion, Topic } from '@coop/domain';
import {
  FeedBus,
  type FeedEntryView,
  type LiveFeed,
  NotificationBus,
  type NotificationView,
  ReadModel,
} from '@coop/read-model';
import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import { CurrentViewer } from '../auth/current-viewer.decorator.js';
import { feedEntryModel } from '../feed/feed-entry.mapper.js';
import { FeedEntry } from '../feed/feed.types.js';
import { apiError } from '../graphql/api-errors.js';
import { notificationModel } from '../notifications/notification.mapper.js';
import { Notification } from '../notifications/notification.types.js';
import { ItemKindEnum, SubregionEnum, TopicEnum } from '../reference/reference.types.js';

/** The bus hands out read-model views; each event is mapped once per execution, not per subscriber. */
const entryOfEvent = (entry: FeedEntryView): FeedEntry => feedEntryModel(entry);

@Resolver()
export class LiveResolver {
  constructor(
    private readonly bus: FeedBus,
    private readonly notifications: NotificationBus,
    private readonly readModel: ReadModel,
  ) {}

  @Subscription(() => FeedEntry, {
    description:
      'Live feed entries, oldest first. With `since`, first replays what came after that cursor, then goes live, with no gap and no duplicate.',
    resolve: entryOfEvent,
  })
  feedUpdated(
    @CurrentViewer() viewer: Viewer,
    @Args('subregion', { type: () => SubregionEnum, nullable: true }) subregion?: Subregion | null,
    @Args('kinds', { type: () => [ItemKindEnum], nullable: true }) kinds?: ItemKind[] | null,
    @Args('topics', { type: () => [TopicEnum], nullable: true }) topics?: Topic[] | null,
    @Args('since', { type: () => String, nullable: true }) since?: string | null,
  ): LiveFeed<FeedEntryView> {
    return this.bus.subscribe(viewer, { subregion, kinds, topics }, since ?? null);
  }

  @Subscription(() => FeedEntry, {
    description: 'Every new activity on one item (answers, comments, status changes).',
    resolve: entryOfEvent,
  })
  itemUpdated(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Args('since', { type: () => String, nullable: true }) since?: string | null,
  ): LiveFeed<FeedEntryView> {
    // As everywhere else, an item the viewer may not see does not exist for them.
    if (this.readModel.item(viewer, id) === null) throw apiError('NOT_FOUND', 'No such item');
    return this.bus.subscribe(viewer, { itemId: id }, since ?? null);
  }

  @Subscription(() => Notification, {
    description:
      "The viewer's new notifications. With `since` (a notification cursor), first replays what came after it.",
    resolve: notificationModel,
  })
  notificationAdded(
    @CurrentViewer() viewer: Viewer,
    @Args('since', { type: () => String, nullable: true }) since?: string | null,
  ): LiveFeed<NotificationView> {
    return this.notifications.subscribe(viewer, since ?? null);
  }
}

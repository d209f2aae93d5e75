import { participantAggregate, type Participant as Viewer } from '@coop/domain';
import { ReadModel } from '@coop/read-model';
import { Args, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated, type AuthenticatedContext, CurrentViewer } from '../auth/current-viewer.decorator.js';
import { mapPage } from '../graphql/page.mapper.js';
import { ItemCommandsService } from '../items/item-commands.service.js';
import { notificationModel } from './notification.mapper.js';
import { NotificationConnection } from './notification.types.js';

@Resolver(() => NotificationConnection)
export class NotificationResolver {
  constructor(
    private readonly commands: ItemCommandsService,
    private readonly readModel: ReadModel,
  ) {}

  @Query(() => NotificationConnection, {
    description: "The viewer's notifications, newest first. Only about items the viewer may still see.",
  })
  notifications(
    @CurrentViewer() viewer: Viewer,
    @Args('unreadOnly', { type: () => Boolean, nullable: true, defaultValue: false }) unreadOnly?: boolean | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): NotificationConnection {
    return mapPage(this.readModel.notifications(viewer, { unreadOnly, first, after }), notificationModel);
  }

  /** Counted only when asked for: it reads every unread notification's key. */
  @ResolveField(() => Int, { description: "The viewer's unread notifications, whatever the page." })
  unreadCount(@CurrentViewer() viewer: Viewer): number {
    return this.readModel.unreadNotificationCount(viewer);
  }

  @Mutation(() => Int, {
    description:
      "Marks the viewer's notifications up to and including this cursor as read (all when null); returns the unread count left.",
  })
  async markNotificationsRead(
    @Authenticated() context: AuthenticatedContext,
    @Args('upTo', { type: () => String, nullable: true }) upTo?: string | null,
  ): Promise<number> {
    const eventId = upTo == null ? null : this.readModel.notifyingEventOf(upTo, 'upTo');
    await this.commands.execute(context, participantAggregate, {
      command: { type: 'MarkNotificationsRead', participantId: context.viewer.id, upTo: eventId },
    });
    return this.readModel.unreadNotificationCount(context.viewer);
  }
}

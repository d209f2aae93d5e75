import { DateTimeScalar } from '../graphql/date-time.scalar.js';
import { type Participant as Viewer, foldItem, itemStreamId } from '@coop/domain';
import { type EventStore } from '@coop/event-store';
import { ReadModel } from '@coop/read-model';
import { Inject } from '@nestjs/common';
import { Args, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../auth/current-viewer.decorator.js';
import { AuditEvent } from '../audit/audit-event.types.js';
import { auditEventModel } from '../audit/audit-event.mapper.js';
import { commentModel } from '../discussions/comment.mapper.js';
import { CommentConnection } from '../discussions/comment.types.js';
import { ItemConnection } from '../feed/feed.types.js';
import { mapPage } from '../graphql/page.mapper.js';
import { EVENT_STORE } from '../store/event-store.module.js';
import { CooperationItem } from './cooperation-item.types.js';
import { type ItemModel, itemModel } from './item-model.mapper.js';

@Resolver(() => CooperationItem)
export class ItemResolver {
  constructor(
    private readonly readModel: ReadModel,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Query(() => CooperationItem, {
    nullable: true,
    description: 'Null when the item does not exist or the viewer may not see it.',
  })
  item(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string): ItemModel | null {
    const view = this.readModel.item(viewer, id);
    return view ? itemModel(view) : null;
  }

  @Query(() => CooperationItem, {
    nullable: true,
    description: 'The item as it stood at the given instant, folded from its events.',
  })
  async itemAsOf(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Args('at', { type: () => DateTimeScalar }) at: Date,
  ): Promise<ItemModel | null> {
    // Who may see an item never changes during its life, so today's check answers for any instant.
    const current = this.readModel.item(viewer, id);
    if (!current) return null;
    const events = (await this.store.readStream(itemStreamId(current.kind, id))).filter(
      (event) => Date.parse(String(event.metadata['occurredAt'])) <= at.getTime(),
    );
    const state = foldItem(current.kind, events);
    if (state === null) return null;
    return itemModel({ ...current, version: events.length, state } as typeof current);
  }

  @Query(() => ItemConnection, {
    description: 'Full-text search over titles, summaries and bodies the viewer may see; best match first.',
  })
  search(
    @CurrentViewer() viewer: Viewer,
    @Args('text', { type: () => String }) text: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): ItemConnection {
    return mapPage(this.readModel.search(viewer, text, { first, after }), itemModel);
  }

  @ResolveField(() => CommentConnection)
  comments(
    @Parent() item: ItemModel,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): CommentConnection {
    return mapPage(this.readModel.comments(item.id, { first, after }), commentModel);
  }

  @ResolveField(() => [AuditEvent], { description: 'Every recorded event of the item, oldest first.' })
  history(@Parent() item: ItemModel): AuditEvent[] {
    return this.readModel.history(item.id).map(auditEventModel);
  }
}

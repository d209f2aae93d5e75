import type { ItemKind, Participant as Viewer, Subregion, Topic } from '@coop/domain';
import { ReadModel } from '@coop/read-model';
import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../auth/current-viewer.decorator.js';
import { DateTimeScalar } from '../graphql/date-time.scalar.js';
import { mapPage } from '../graphql/page.mapper.js';
import { CooperationItem } from '../items/cooperation-item.types.js';
import { ItemKindEnum, SubregionEnum, TopicEnum } from '../reference/reference.types.js';
import { ItemConnection } from './item-connection.types.js';
import { type ItemModel, itemModel } from './item-model.mapper.js';

@Resolver(() => CooperationItem)
export class ItemResolver {
  constructor(private readonly readModel: ReadModel) {}

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
    const view = await this.readModel.itemAsOf(viewer, id, at);
    return view ? itemModel(view) : null;
  }

  @Query(() => ItemConnection, {
    description:
      'Full-text search over the titles, summaries, bodies, answers and comments of items the viewer may see; best match first.',
  })
  search(
    @CurrentViewer() viewer: Viewer,
    @Args('text', { type: () => String }) text: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
    @Args('kinds', { type: () => [ItemKindEnum], nullable: true }) kinds?: ItemKind[] | null,
    @Args('topics', { type: () => [TopicEnum], nullable: true }) topics?: Topic[] | null,
    @Args('subregion', { type: () => SubregionEnum, nullable: true }) subregion?: Subregion | null,
  ): ItemConnection {
    return mapPage(this.readModel.search(viewer, text, { first, after, kinds, topics, subregion }), itemModel);
  }
}

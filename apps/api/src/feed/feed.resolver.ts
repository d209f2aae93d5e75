import type { ItemKind, Participant as Viewer, Subregion, Topic } from '@coop/domain';
import { ReadModel } from '@coop/read-model';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../auth/current-viewer.decorator.js';
import { mapPage } from '../graphql/page.mapper.js';
import { ItemKindEnum, SubregionEnum, TopicEnum } from '../reference/reference.types.js';
import { feedEntryModel } from './feed-entry.mapper.js';
import { FeedConnection } from './feed.types.js';

@Resolver()
export class FeedResolver {
  constructor(private readonly readModel: ReadModel) {}

  @Query(() => FeedConnection, { description: 'Newest first. Without a subregion: everything the viewer may see.' })
  feed(
    @CurrentViewer() viewer: Viewer,
    @Args('subregion', { type: () => SubregionEnum, nullable: true }) subregion?: Subregion | null,
    @Args('kinds', { type: () => [ItemKindEnum], nullable: true }) kinds?: ItemKind[] | null,
    @Args('topics', { type: () => [TopicEnum], nullable: true }) topics?: Topic[] | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): FeedConnection {
    return mapPage(this.readModel.feed(viewer, { subregion, kinds, topics, first, after }), feedEntryModel);
  }
}

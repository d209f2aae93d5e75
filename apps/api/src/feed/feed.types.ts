import { DateTimeScalar } from '../graphql/date-time.scalar.js';
import { ACTIVITIES, type Activity, type Subregion } from '@coop/domain';
import { Field, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '../graphql/page.types.js';
import { registerDomainEnum } from '../graphql/register-enum.js';
import { CooperationItem } from '../items/cooperation-item.types.js';
import { Participant, SubregionEnum } from '../reference/reference.types.js';

export const ActivityEnum = registerDomainEnum('Activity', ACTIVITIES, undefined, {
  COUNTRY_PROFILE_UPDATED: 'Counted in statistics and reports; not a feed entry (profiles have no item).',
});

@ObjectType()
export class FeedEntry {
  @Field(() => String, {
    description: 'Opaque, ordered by the global event log; pass to `since` to resume a subscription.',
  })
  cursor!: string;

  @Field(() => ActivityEnum)
  activity!: Activity;

  @Field(() => DateTimeScalar)
  occurredAt!: string;

  @Field(() => Participant)
  actor!: Participant;

  @Field(() => CooperationItem)
  item!: CooperationItem;

  @Field(() => [SubregionEnum])
  subregions!: Subregion[];
}

@ObjectType()
export class FeedEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => FeedEntry)
  node!: FeedEntry;
}

@ObjectType()
export class FeedConnection {
  @Field(() => [FeedEdge])
  edges!: FeedEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

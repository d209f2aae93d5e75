import { DateTimeScalar } from '../graphql/date-time.scalar.js';
import { ACTIVITIES, type Activity, type Subregion } from '@coop/domain';
import { Field, ObjectType } from '@nestjs/graphql';
import { Comment } from '../discussions/comment.types.js';
import { PageInfo } from '../graphql/page.types.js';
import { registerDomainEnum } from '../graphql/register-enum.js';
import { CooperationItem } from '../items/cooperation-item.types.js';
import { Answer } from '../questions/question.types.js';
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

  @Field(() => Comment, {
    nullable: true,
    description:
      'For COMMENT_POSTED: the comment as posted; in a feed page or a replay, as it now stands (edited, or retracted with no body).',
  })
  comment!: Comment | null;

  @Field(() => Answer, { nullable: true, description: 'For QUESTION_ANSWERED and ANSWER_EDITED: the answer.' })
  answer!: Answer | null;
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

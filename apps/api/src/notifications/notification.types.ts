import { NOTIFICATION_REASONS, type NotificationReason } from '@coop/domain';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { FeedEntry } from '../feed/feed.types.js';
import { DateTimeScalar } from '../graphql/date-time.scalar.js';
import { PageInfo } from '../graphql/page.types.js';
import { registerDomainEnum } from '../graphql/register-enum.js';

export const NotificationReasonEnum = registerDomainEnum('NotificationReason', NOTIFICATION_REASONS, undefined, {
  PARTNER_INVITATION: 'Your country was invited to a joint project (focal points of that country).',
  PARTNER_RESPONDED: "A partner country joined or declined your country's proposal (focal points of the lead country).",
  PROPOSAL_REVIEWED: "Your country's proposal was reviewed (focal points of the lead country).",
  ANSWER_RECEIVED: 'Your question was answered.',
  ANSWER_ACCEPTED: 'Your answer was accepted.',
  PRACTICE_ADOPTED: 'Another country adopted your practice.',
  REPLY: 'Someone replied to your comment.',
  MENTION: 'Someone mentioned you in a comment.',
  CONSULTATION_REQUESTED: 'Your country is consulted (every participant of that country).',
  CONSULTATION_RESPONSE:
    "A consulted country responded to your country's consultation (focal points of that country and the author).",
  WATCHED_ITEM: 'Activity on an item you watch.',
});

@ObjectType()
export class Notification {
  @Field(() => ID)
  id!: string;

  @Field(() => NotificationReasonEnum)
  reason!: NotificationReason;

  @Field(() => FeedEntry, { description: 'The activity that caused it.' })
  entry!: FeedEntry;

  @Field(() => DateTimeScalar)
  createdAt!: string;

  @Field(() => Boolean)
  read!: boolean;

  @Field(() => String, {
    description:
      'Opaque, in log order: pass to `notificationAdded(since)` to resume, or to `markNotificationsRead(upTo)`.',
  })
  cursor!: string;
}

@ObjectType()
export class NotificationEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Notification)
  node!: Notification;
}

@ObjectType()
export class NotificationConnection {
  @Field(() => [NotificationEdge])
  edges!: NotificationEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

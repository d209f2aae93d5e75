import { DateTimeScalar } from '../graphql/date-time.scalar.js';
import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '../graphql/page.types.js';
import { JSONScalar } from '../graphql/json.scalar.js';
import { ItemKindEnum, Participant } from '../reference/reference.types.js';
import type { ItemKind } from '@coop/domain';

@ObjectType()
export class AuditEvent {
  @Field(() => String, { description: 'Opaque position in the global event log.' })
  position!: string;

  @Field(() => String)
  streamId!: string;

  @Field(() => Int, { description: '1-based number of the event in its stream.' })
  version!: number;

  @Field(() => String)
  type!: string;

  @Field(() => DateTimeScalar)
  occurredAt!: string;

  @Field(() => Participant, { nullable: true })
  actor!: Participant | null;

  @Field(() => String, { nullable: true })
  correlationId!: string | null;

  @Field(() => String, { nullable: true })
  causationId!: string | null;

  @Field(() => JSONScalar)
  data!: unknown;

  @Field(() => JSONScalar)
  metadata!: unknown;

  @Field(() => String, { description: 'Hash chaining this event to the previous event of its stream.' })
  hash!: string;

  @Field(() => String, { nullable: true })
  previousHash!: string | null;
}

@ObjectType()
export class AuditEventEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => AuditEvent)
  node!: AuditEvent;
}

@ObjectType()
export class AuditEventConnection {
  @Field(() => [AuditEventEdge])
  edges!: AuditEventEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@InputType()
export class AuditFilter {
  @Field(() => ID, { nullable: true })
  itemId?: string | null;

  @Field(() => [ItemKindEnum], { nullable: true })
  kinds?: ItemKind[] | null;

  @Field(() => [ID], { nullable: true })
  countries?: string[] | null;

  @Field(() => ID, { nullable: true })
  actorId?: string | null;

  @Field(() => [String], { nullable: true })
  types?: string[] | null;

  @Field(() => DateTimeScalar, { nullable: true })
  from?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  to?: Date | null;
}

@ObjectType()
export class IntegrityReport {
  @Field(() => Boolean)
  valid!: boolean;

  @Field(() => Int)
  streamsChecked!: number;

  @Field(() => Int)
  eventsChecked!: number;

  @Field(() => [String])
  problems!: string[];
}

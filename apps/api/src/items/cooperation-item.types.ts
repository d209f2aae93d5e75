import { DateTimeScalar } from '../graphql/date-time.scalar.js';
import type { AudienceScope, ItemKind, Subregion, Topic } from '@coop/domain';
import { Field, ID, Int, InterfaceType, ObjectType } from '@nestjs/graphql';
import {
  AudienceScopeEnum,
  Country,
  ItemKindEnum,
  Participant,
  SubregionEnum,
  TopicEnum,
} from '../reference/reference.types.js';
import { Link } from './link.types.js';

@ObjectType()
export class Audience {
  @Field(() => AudienceScopeEnum)
  scope!: AudienceScope;

  @Field(() => [SubregionEnum])
  subregions!: Subregion[];

  @Field(() => [Country])
  countries!: Country[];
}

const GRAPHQL_TYPE_OF_KIND: Record<ItemKind, string> = {
  PRACTICE: 'Practice',
  QUESTION: 'Question',
  PROPOSAL: 'JointProjectProposal',
  CONSULTATION: 'TransboundaryConsultation',
};

@InterfaceType({ resolveType: (item: CooperationItem) => GRAPHQL_TYPE_OF_KIND[item.kind] })
export abstract class CooperationItem {
  @Field(() => ID)
  id!: string;

  @Field(() => ItemKindEnum)
  kind!: ItemKind;

  @Field(() => String)
  title!: string;

  @Field(() => [TopicEnum])
  topics!: Topic[];

  @Field(() => Country, { description: 'The originating country.' })
  country!: Country;

  @Field(() => Participant)
  author!: Participant;

  @Field(() => Audience)
  audience!: Audience;

  @Field(() => [SubregionEnum], { description: 'The subregional feeds this item appears in.' })
  subregions!: Subregion[];

  @Field(() => DateTimeScalar)
  createdAt!: string;

  @Field(() => DateTimeScalar)
  updatedAt!: string;

  @Field(() => Int, { description: 'Number of events recorded for the item; pass it back as expectedVersion to edit.' })
  version!: number;

  @Field(() => [Link])
  links!: Link[];
}

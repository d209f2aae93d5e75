import { DateTimeScalar } from '../graphql/date-time.scalar.js';
import { PRACTICE_STATUSES, type PracticeStatus } from '@coop/domain';
import { Field, ObjectType } from '@nestjs/graphql';
import { registerDomainEnum } from '../graphql/register-enum.js';
import { CooperationItem } from '../items/cooperation-item.types.js';
import { Country, Participant } from '../reference/reference.types.js';

export const PracticeStatusEnum = registerDomainEnum('PracticeStatus', PRACTICE_STATUSES);

@ObjectType()
export class Adoption {
  @Field(() => Country)
  country!: Country;

  @Field(() => Participant)
  by!: Participant;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => DateTimeScalar)
  adoptedAt!: string;
}

@ObjectType({ implements: () => [CooperationItem] })
export class Practice extends CooperationItem {
  @Field(() => String)
  summary!: string;

  @Field(() => String)
  body!: string;

  @Field(() => PracticeStatusEnum)
  status!: PracticeStatus;

  @Field(() => [Adoption])
  adoptions!: Adoption[];
}

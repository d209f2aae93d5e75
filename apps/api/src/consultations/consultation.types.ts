import {
  CONSULTATION_POSITIONS,
  CONSULTATION_STATUSES,
  type ConsultationPosition,
  type ConsultationStatus,
} from '@coop/domain';
import { Field, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../graphql/date-time.scalar.js';
import { registerDomainEnum } from '../graphql/register-enum.js';
import { CooperationItem } from '../items/cooperation-item.types.js';
import { Country, Participant } from '../reference/reference.types.js';

export const ConsultationStatusEnum = registerDomainEnum('ConsultationStatus', CONSULTATION_STATUSES);
export const ConsultationPositionEnum = registerDomainEnum(
  'ConsultationPosition',
  CONSULTATION_POSITIONS,
  "A consulted country's position on the possible transboundary effects of a hazardous activity.",
);

@ObjectType()
export class ConsultationResponse {
  @Field(() => Country)
  country!: Country;

  @Field(() => ConsultationPositionEnum)
  position!: ConsultationPosition;

  @Field(() => String)
  body!: string;

  @Field(() => Participant)
  by!: Participant;

  @Field(() => DateTimeScalar)
  respondedAt!: string;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Set when the country changed its response; the history keeps every version.',
  })
  revisedAt!: string | null;
}

@ObjectType({
  implements: () => [CooperationItem],
  description:
    'A country asks neighbouring (or any) beneficiary countries about the possible transboundary effects of a hazardous activity on its territory.',
})
export class TransboundaryConsultation extends CooperationItem {
  @Field(() => String, {
    description: 'The installation or activity, e.g. a tailings management facility on a transboundary river.',
  })
  hazardousActivity!: string;

  @Field(() => String, { description: 'Where it is, as text.' })
  location!: string;

  @Field(() => String)
  body!: string;

  @Field(() => [Country], { description: 'The countries asked for their position; they always see the consultation.' })
  consultedCountries!: Country[];

  @Field(() => DateTimeScalar)
  respondBy!: string;

  @Field(() => ConsultationStatusEnum)
  status!: ConsultationStatus;

  @Field(() => [ConsultationResponse], {
    description: 'One per consulted country that responded (its latest response).',
  })
  responses!: ConsultationResponse[];

  @Field(() => [Country], { description: 'Consulted countries that have not responded yet.' })
  awaiting!: Country[];

  @Field(() => Boolean, { description: 'Open, past respondBy, and some country has not responded.' })
  overdue!: boolean;

  @Field(() => String, { nullable: true })
  conclusion!: string | null;
}

import { PROGRESS_STATUSES, type CountryCode, type ProgressStatus } from '@coop/domain';
import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../graphql/date-time.scalar.js';
import { registerDomainEnum } from '../graphql/register-enum.js';

export const ProgressStatusEnum = registerDomainEnum('ProgressStatus', PROGRESS_STATUSES);

@ObjectType()
export class CountryProfile {
  /** Whose profile this is: `history` reads its stream. */
  country!: CountryCode;

  @Field(() => [String], { description: 'Competent authorities designated under the Convention.' })
  competentAuthorities!: string[];

  @Field(() => String, {
    nullable: true,
    description: 'The national focal point (institution and/or person), as text.',
  })
  focalPoint!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Point of contact for the UNECE Industrial Accident Notification (IAN) System.',
  })
  ianPointOfContact!: string | null;

  @Field(() => ProgressStatusEnum)
  selfAssessment!: ProgressStatus;

  @Field(() => ProgressStatusEnum)
  actionPlan!: ProgressStatus;

  @Field(() => Int, {
    description: 'Number of profile events; 0 when nothing was ever recorded. Pass it back as expectedVersion.',
  })
  version!: number;

  @Field(() => DateTimeScalar, { nullable: true })
  updatedAt!: string | null;
}

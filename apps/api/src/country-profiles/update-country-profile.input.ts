import { type CountryCode, INPUT_LIMITS, type ProgressStatus } from '@coop/domain';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, Min } from 'class-validator';
import { DomainChecked, OptionalText, TextList } from '../graphql/input-validation.js';
import { ProgressStatusEnum } from './country-profile.types.js';

/** Absent fields stay as they are; a focal point or IAN point of contact given as null or blank is cleared. */
@InputType()
export class UpdateCountryProfileInput {
  @Field(() => ID)
  @DomainChecked('country', (validator, value) => validator.country('value', String(value)))
  country!: CountryCode;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  expectedVersion!: number;

  @Field(() => [String], { nullable: true, description: 'Replaces the list when given.' })
  @IsOptional()
  @TextList(INPUT_LIMITS.competentAuthority, INPUT_LIMITS.competentAuthorities)
  competentAuthorities?: string[] | null;

  @Field(() => String, { nullable: true })
  @OptionalText(INPUT_LIMITS.contact)
  focalPoint?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalText(INPUT_LIMITS.contact)
  ianPointOfContact?: string | null;

  @Field(() => ProgressStatusEnum, { nullable: true })
  selfAssessment?: ProgressStatus | null;

  @Field(() => ProgressStatusEnum, { nullable: true })
  actionPlan?: ProgressStatus | null;
}

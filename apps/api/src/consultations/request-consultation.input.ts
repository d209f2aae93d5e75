import { INPUT_LIMITS } from '@coop/domain';
import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsOptional } from 'class-validator';
import { DateTimeScalar } from '../graphql/date-time.scalar.js';
import { DomainChecked, Text } from '../graphql/input-validation.js';
import { AudienceInput, ValidAudience } from '../items/audience.input.js';
import { CreateItemInput } from '../items/create-item.input.js';

@InputType()
export class RequestConsultationInput extends CreateItemInput {
  @Field(() => String)
  @Text(INPUT_LIMITS.hazardousActivity)
  hazardousActivity!: string;

  @Field(() => String)
  @Text(INPUT_LIMITS.location)
  location!: string;

  @Field(() => String)
  @Text(INPUT_LIMITS.body)
  body!: string;

  /** "Not the originating country" is the decider's to check: only it knows the actor's country. */
  @Field(() => [ID])
  @ArrayMinSize(INPUT_LIMITS.consultedCountries.min)
  @ArrayMaxSize(INPUT_LIMITS.consultedCountries.max)
  @ArrayUnique()
  @DomainChecked('consultedCountries', (validator, value) => validator.countries('value', value as string[]))
  consultedCountries!: string[];

  @Field(() => DateTimeScalar)
  @DomainChecked('respondBy', (validator, value) => validator.future('value', value as Date, new Date()))
  respondBy!: Date;

  @Field(() => AudienceInput, {
    nullable: true,
    description:
      'Defaults to COUNTRIES with no other country: only the originating and consulted countries (and the secretariat) see it.',
  })
  @IsOptional()
  @Type(() => AudienceInput)
  @ValidAudience()
  audience?: AudienceInput | null;
}

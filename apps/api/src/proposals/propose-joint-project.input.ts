import { INPUT_LIMITS } from '@coop/domain';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsInt, IsOptional, Max, Min } from 'class-validator';
import { Text } from '../graphql/input-validation.js';
import { AudienceInput, ValidAudience } from '../items/audience.input.js';
import { CreateItemInput } from '../items/create-item.input.js';

@InputType()
export class ProposeJointProjectInput extends CreateItemInput {
  @Field(() => String)
  @Text(INPUT_LIMITS.body)
  objectives!: string;

  @Field(() => Int)
  @IsInt()
  @Min(INPUT_LIMITS.durationMonths.min)
  @Max(INPUT_LIMITS.durationMonths.max)
  durationMonths!: number;

  /** Known codes and "not the lead" are the decider's to check: only it knows the lead. */
  @Field(() => [ID])
  @ArrayMinSize(INPUT_LIMITS.partnerCountries.min)
  @ArrayMaxSize(INPUT_LIMITS.partnerCountries.max)
  @ArrayUnique()
  partnerCountries!: string[];

  @Field(() => AudienceInput, {
    nullable: true,
    description: 'Defaults to NETWORK. Partner countries always see the proposal.',
  })
  @IsOptional()
  @Type(() => AudienceInput)
  @ValidAudience()
  audience?: AudienceInput | null;
}

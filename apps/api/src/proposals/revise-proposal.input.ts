import { INPUT_LIMITS } from '@coop/domain';
import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { OptionalText } from '../graphql/input-validation.js';
import { ReviseItemInput } from '../items/revise-item.input.js';

@InputType()
export class ReviseProposalInput extends ReviseItemInput {
  @Field(() => String, { nullable: true })
  @OptionalText(INPUT_LIMITS.body)
  objectives?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(INPUT_LIMITS.durationMonths.min)
  @Max(INPUT_LIMITS.durationMonths.max)
  durationMonths?: number | null;
}

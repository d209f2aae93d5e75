import { INPUT_LIMITS } from '@coop/domain';
import { Field, InputType } from '@nestjs/graphql';
import { OptionalText } from '../graphql/input-validation.js';
import { ReviseItemInput } from '../items/revise-item.input.js';

@InputType()
export class RevisePracticeInput extends ReviseItemInput {
  @Field(() => String, { nullable: true })
  @OptionalText(INPUT_LIMITS.summary)
  summary?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalText(INPUT_LIMITS.body)
  body?: string | null;
}

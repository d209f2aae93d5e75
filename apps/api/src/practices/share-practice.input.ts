import { INPUT_LIMITS } from '@coop/domain';
import { Field, InputType } from '@nestjs/graphql';
import { Text } from '../graphql/input-validation.js';
import { NewItemInput } from '../items/new-item.input.js';

@InputType()
export class SharePracticeInput extends NewItemInput {
  @Field(() => String)
  @Text(INPUT_LIMITS.summary)
  summary!: string;
}

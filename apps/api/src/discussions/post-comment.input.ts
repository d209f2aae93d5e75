import { INPUT_LIMITS } from '@coop/domain';
import { Field, ID, InputType } from '@nestjs/graphql';
import { OptionalText, Text } from '../graphql/input-validation.js';
import { IDEMPOTENCY_KEY_LIMITS } from '../items/idempotency-key.js';

@InputType()
export class PostCommentInput {
  @Field(() => ID)
  itemId!: string;

  @Field(() => String)
  @Text(INPUT_LIMITS.comment)
  body!: string;

  @Field(() => ID, { nullable: true })
  replyTo?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Participant ids (see `participants`) to notify.' })
  mentions?: string[] | null;

  @Field(() => String, { nullable: true })
  @OptionalText(IDEMPOTENCY_KEY_LIMITS)
  idempotencyKey?: string | null;
}

import { INPUT_LIMITS, type Topic } from '@coop/domain';
import { Field, InputType } from '@nestjs/graphql';
import { OptionalText, Text, TopicList } from '../graphql/input-validation.js';
import { TopicEnum } from '../reference/reference.types.js';
import { IDEMPOTENCY_KEY_LIMITS } from './idempotency-key.js';
import { LinkInput, ValidLinks } from './link.input.js';

/** What creating any kind of item takes. */
@InputType({ isAbstract: true })
export abstract class CreateItemInput {
  @Field(() => String)
  @Text(INPUT_LIMITS.title)
  title!: string;

  @Field(() => [TopicEnum])
  @TopicList()
  topics!: Topic[];

  @Field(() => [LinkInput], { nullable: true })
  @ValidLinks()
  links?: LinkInput[] | null;

  @Field(() => String, { nullable: true })
  @OptionalText(IDEMPOTENCY_KEY_LIMITS)
  idempotencyKey?: string | null;
}

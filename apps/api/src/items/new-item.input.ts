import { INPUT_LIMITS, type Topic } from '@coop/domain';
import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { OptionalText, Text, TopicList } from '../graphql/input-validation.js';
import { TopicEnum } from '../reference/reference.types.js';
import { AudienceInput, ValidAudience } from './audience.input.js';
import { IDEMPOTENCY_KEY_LIMITS } from './idempotency-key.js';
import { LinkInput, ValidLinks } from './link.input.js';

/** What sharing a practice and asking a question both take. */
@InputType({ isAbstract: true })
export abstract class NewItemInput {
  @Field(() => String)
  @Text(INPUT_LIMITS.title)
  title!: string;

  @Field(() => String)
  @Text(INPUT_LIMITS.body)
  body!: string;

  @Field(() => [TopicEnum])
  @TopicList()
  topics!: Topic[];

  @Field(() => AudienceInput)
  @Type(() => AudienceInput)
  @ValidAudience()
  audience!: AudienceInput;

  @Field(() => [LinkInput], { nullable: true })
  @ValidLinks()
  links?: LinkInput[] | null;

  @Field(() => String, { nullable: true })
  @OptionalText(IDEMPOTENCY_KEY_LIMITS)
  idempotencyKey?: string | null;
}

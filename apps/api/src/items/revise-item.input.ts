import { INPUT_LIMITS, type Topic } from '@coop/domain';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, Min } from 'class-validator';
import { OptionalText, TopicList } from '../graphql/input-validation.js';
import { TopicEnum } from '../reference/reference.types.js';
import { LinkInput, ValidLinks } from './link.input.js';

/** What revising a practice, a question and a proposal all take; absent fields stay as they are. */
@InputType({ isAbstract: true })
export abstract class ReviseItemInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'The version you edited; a newer one answers CONFLICT.' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => String, { nullable: true })
  @OptionalText(INPUT_LIMITS.title)
  title?: string | null;

  @Field(() => [TopicEnum], { nullable: true })
  @IsOptional()
  @TopicList()
  topics?: Topic[] | null;

  @Field(() => [LinkInput], { nullable: true, description: 'Replaces the links when given.' })
  @ValidLinks()
  links?: LinkInput[] | null;
}

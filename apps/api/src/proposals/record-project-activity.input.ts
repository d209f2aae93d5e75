import { INPUT_LIMITS, type ProjectActivityKind } from '@coop/domain';
import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique } from 'class-validator';
import { DateTimeScalar } from '../graphql/date-time.scalar.js';
import { OptionalText, Text } from '../graphql/input-validation.js';
import { IDEMPOTENCY_KEY_LIMITS } from '../items/idempotency-key.js';
import { LinkInput, ValidLinks } from '../items/link.input.js';
import { ProjectActivityKindEnum } from './proposal.types.js';

@InputType()
export class RecordProjectActivityInput {
  @Field(() => ID)
  proposalId!: string;

  @Field(() => ProjectActivityKindEnum)
  kind!: ProjectActivityKind;

  @Field(() => String)
  @Text(INPUT_LIMITS.title)
  title!: string;

  @Field(() => DateTimeScalar, { description: 'When it happened, which may lie in the past.' })
  startsOn!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'The same day as startsOn when absent.' })
  endsOn?: Date | null;

  @Field(() => String, { nullable: true })
  @OptionalText(INPUT_LIMITS.name)
  venue?: string | null;

  /** Known codes and "the lead or a partner that joined" are the decider's to check: only it knows the partners. */
  @Field(() => [ID])
  @ArrayMinSize(INPUT_LIMITS.activityCountries.min)
  @ArrayMaxSize(INPUT_LIMITS.activityCountries.max)
  @ArrayUnique()
  countries!: string[];

  @Field(() => String, { nullable: true })
  @OptionalText(INPUT_LIMITS.summary)
  outcome?: string | null;

  @Field(() => [LinkInput], { nullable: true })
  @ValidLinks()
  links?: LinkInput[] | null;

  @Field(() => String, { nullable: true })
  @OptionalText(IDEMPOTENCY_KEY_LIMITS)
  idempotencyKey?: string | null;
}

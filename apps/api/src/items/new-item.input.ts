import { INPUT_LIMITS } from '@coop/domain';
import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { Text } from '../graphql/input-validation.js';
import { AudienceInput, ValidAudience } from './audience.input.js';
import { CreateItemInput } from './create-item.input.js';

/** What sharing a practice and asking a question both take. */
@InputType({ isAbstract: true })
export abstract class NewItemInput extends CreateItemInput {
  @Field(() => String)
  @Text(INPUT_LIMITS.body)
  body!: string;

  @Field(() => AudienceInput)
  @Type(() => AudienceInput)
  @ValidAudience()
  audience!: AudienceInput;
}

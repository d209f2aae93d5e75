import { INPUT_LIMITS, type LinkKind } from '@coop/domain';
import { applyDecorators } from '@nestjs/common';
import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { DomainChecked, Text, Trimmed } from '../graphql/input-validation.js';
import { LinkKindEnum } from './link.types.js';

/*
 * Each part is checked by the domain's own rule for it (InputValidator.url,
 * the link title's limits, InputValidator.count), so the edge and the
 * deciders refuse the same links, under the same names: `links`,
 * `links.<index>.url`, `links.<index>.title`.
 */

@InputType()
export class LinkInput {
  @Field(() => String, { description: 'http or https URL.' })
  @Trimmed()
  @DomainChecked('url', (validator, value) => validator.url('value', String(value)))
  url!: string;

  @Field(() => String)
  @Text(INPUT_LIMITS.linkTitle)
  title!: string;

  @Field(() => LinkKindEnum, { nullable: true, defaultValue: 'OTHER' })
  kind?: LinkKind | null;
}

/** An optional list of links, each checked. */
export const ValidLinks = (): PropertyDecorator =>
  applyDecorators(
    IsOptional(),
    DomainChecked('links', (validator, value) => validator.count('value', value as unknown[], INPUT_LIMITS.links)),
    ValidateNested({ each: true }),
    Type(() => LinkInput),
  );

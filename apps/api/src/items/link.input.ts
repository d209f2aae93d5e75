import type { LinkInput as DomainLinkInput, LinkKind } from '@coop/domain';
import { applyDecorators } from '@nestjs/common';
import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional } from 'class-validator';
import { DomainChecked, Trimmed } from '../graphql/input-validation.js';
import { LinkKindEnum } from './link.types.js';

@InputType()
export class LinkInput {
  @Field(() => String, { description: 'http or https URL.' })
  @Trimmed()
  url!: string;

  @Field(() => String)
  @Trimmed()
  title!: string;

  @Field(() => LinkKindEnum, { nullable: true, defaultValue: 'OTHER' })
  kind?: LinkKind | null;
}

/**
 * An optional list of links, checked as a whole by the domain's own rule (how
 * many, each URL's scheme and length, each title), so that the edge and the
 * deciders refuse the same links; a problem names `links.<index>.url` and so on.
 */
export const ValidLinks = (): PropertyDecorator =>
  applyDecorators(
    IsOptional(),
    Type(() => LinkInput),
    DomainChecked('links', (validator, value) => validator.links('links', value as DomainLinkInput[])),
  );

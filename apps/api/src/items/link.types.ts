import { type Link as DomainLink, LINK_KINDS, type LinkKind } from '@coop/domain';
import { Field, ObjectType } from '@nestjs/graphql';
import { registerDomainEnum } from '../graphql/register-enum.js';

export const LinkKindEnum = registerDomainEnum('LinkKind', LINK_KINDS);

@ObjectType({ description: 'A link to a document kept elsewhere (a guide, a template, a hazard map).' })
export class Link {
  @Field(() => String, { description: 'http or https URL.' })
  url!: string;

  @Field(() => String)
  title!: string;

  @Field(() => LinkKindEnum)
  kind!: LinkKind;
}

/** Any item's or activity's links as the API shows them. */
export const linkModels = (links: readonly DomainLink[]): Link[] =>
  links.map(({ url, title, kind }) => ({ url, title, kind }));

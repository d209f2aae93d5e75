import {
  AUDIENCE_SCOPES,
  type CountryCode,
  ITEM_KINDS,
  ROLES,
  SUBREGIONS,
  TOPIC_INFO,
  TOPICS,
  type Participant as DomainParticipant,
  type Role,
  type Subregion,
  countryInfo,
} from '@coop/domain';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { registerDomainEnum } from '../graphql/register-enum.js';

export const SubregionEnum = registerDomainEnum('Subregion', SUBREGIONS);
export const RoleEnum = registerDomainEnum('Role', ROLES);
export const TopicEnum = registerDomainEnum(
  'Topic',
  TOPICS,
  'Working areas of the Industrial Accidents Convention.',
  Object.fromEntries(TOPIC_INFO.map((topic) => [topic.id, topic.ref ? `${topic.name} (${topic.ref})` : topic.name])),
);
export const ItemKindEnum = registerDomainEnum('ItemKind', ITEM_KINDS);
export const AudienceScopeEnum = registerDomainEnum('AudienceScope', AUDIENCE_SCOPES, undefined, {
  NETWORK: 'Every participant of the network.',
  SUBREGIONS: 'Participants of the listed subregions (and the originating country).',
  COUNTRIES: 'Participants of the listed countries (and the originating country).',
});
@ObjectType()
export class Country {
  @Field(() => ID, { description: 'ISO 3166-1 alpha-2 code, e.g. KZ.' })
  code!: CountryCode;

  @Field(() => String)
  name!: string;

  @Field(() => SubregionEnum)
  subregion!: Subregion;

  @Field(() => Boolean, { description: 'Party to the Convention, as last known (reference data; informative).' })
  party!: boolean;
}

@ObjectType()
export class Participant {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Country, { nullable: true, description: 'Null for the secretariat.' })
  country!: Country | null;

  @Field(() => [RoleEnum])
  roles!: Role[];
}

/** The domain's participant as the API shows it: the country code expanded to its reference record. */
export function participantModel(participant: DomainParticipant): Participant {
  return {
    id: participant.id,
    name: participant.name,
    country: participant.country ? countryInfo(participant.country) : null,
    roles: [...participant.roles],
  };
}

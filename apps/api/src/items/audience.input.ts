import type { AudienceInput as DomainAudienceInput, AudienceScope, Subregion } from '@coop/domain';
import { Field, ID, InputType } from '@nestjs/graphql';
import { DomainChecked } from '../graphql/input-validation.js';
import { AudienceScopeEnum, SubregionEnum } from '../reference/reference.types.js';

@InputType()
export class AudienceInput {
  @Field(() => AudienceScopeEnum)
  scope!: AudienceScope;

  @Field(() => [SubregionEnum], { nullable: true })
  subregions?: Subregion[] | null;

  @Field(() => [ID], { nullable: true })
  countries?: string[] | null;
}

/** The audience rules are the domain's (which list each scope needs, known codes, no duplicates). */
export const ValidAudience = () =>
  DomainChecked('audience', (validator, value) => validator.audience('audience', value as DomainAudienceInput));

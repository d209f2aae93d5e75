import { COUNTRY_INFO, countryInfo, type Participant as DomainParticipant, type Subregion } from '@coop/domain';
import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../auth/current-viewer.decorator.js';
import { Country, Participant, SubregionEnum, participantModel } from './reference.types.js';

@Resolver()
export class ReferenceResolver {
  /** Public: the only operation that needs no token, so a client can render its sign-in choices. */
  @Query(() => [Country])
  countries(@Args('subregion', { type: () => SubregionEnum, nullable: true }) subregion?: Subregion | null): Country[] {
    return COUNTRY_INFO.filter((country) => !subregion || country.subregion === subregion);
  }

  @Query(() => Participant)
  viewer(@CurrentViewer() viewer: DomainParticipant): Participant {
    return participantModel(viewer);
  }
}

@Resolver(() => Country)
export class CountryResolver {
  @ResolveField(() => [Country], {
    description: 'Beneficiary countries sharing a land border with this one (reference data).',
  })
  neighbours(@Parent() country: Country): Country[] {
    return countryInfo(country.code).neighbours.map(countryInfo);
  }
}

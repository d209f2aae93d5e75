import { COUNTRY_INFO, type Participant as DomainParticipant, type Subregion } from '@coop/domain';
import { Args, Query, Resolver } from '@nestjs/graphql';
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

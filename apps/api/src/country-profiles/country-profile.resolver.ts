import { countryInfo, countryProfileAggregate, type Participant as Viewer } from '@coop/domain';
import { ReadModel } from '@coop/read-model';
import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { auditEventModel } from '../audit/audit-event.mapper.js';
import { AuditEvent } from '../audit/audit-event.types.js';
import { Authenticated, type AuthenticatedContext, CurrentViewer } from '../auth/current-viewer.decorator.js';
import { ItemCommandsService } from '../items/item-commands.service.js';
import { Country } from '../reference/reference.types.js';
import { countryProfileModel } from './country-profile.mapper.js';
import { CountryProfile } from './country-profile.types.js';
import { UpdateCountryProfileInput } from './update-country-profile.input.js';

@Resolver(() => Country)
export class CountryProfileResolver {
  constructor(
    private readonly items: ItemCommandsService,
    private readonly readModel: ReadModel,
  ) {}

  // Every participant reads any profile; `countries` itself needs no token, so this field asks for one.
  @ResolveField(() => CountryProfile, {
    description:
      "The country's institutional set-up under the Convention, as its focal points and the secretariat recorded it. Every participant may read it.",
  })
  profile(@CurrentViewer() _participant: Viewer, @Parent() country: Country): CountryProfile {
    return countryProfileModel(this.readModel.countryProfile(country.code));
  }

  @Mutation(() => Country, {
    description: 'A focal point of the country or the secretariat; CONFLICT on a stale expectedVersion.',
  })
  async updateCountryProfile(
    @Authenticated() context: AuthenticatedContext,
    @Args('input', { type: () => UpdateCountryProfileInput }) input: UpdateCountryProfileInput,
  ): Promise<Country> {
    const { expectedVersion, ...changes } = input;
    await this.items.execute(context, countryProfileAggregate, {
      command: { type: 'UpdateCountryProfile', ...changes },
      expectedVersion,
    });
    return countryInfo(input.country);
  }
}

/** A profile's history: every event of its country's stream, oldest first. */
@Resolver(() => CountryProfile)
export class CountryProfileHistoryResolver {
  constructor(private readonly readModel: ReadModel) {}

  @ResolveField(() => [AuditEvent], { description: 'Every recorded change of the profile, oldest first.' })
  async history(@Parent() profile: CountryProfile): Promise<AuditEvent[]> {
    return (await this.readModel.countryProfileHistory(profile.country)).map(auditEventModel);
  }
}

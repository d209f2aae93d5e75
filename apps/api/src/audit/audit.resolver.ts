import { InputValidator, type Participant as Viewer, requireSecretariat } from '@coop/domain';
import { checkIntegrity, type EventStore } from '@coop/event-store';
import { ReadModel } from '@coop/read-model';
import { Inject } from '@nestjs/common';
import { Args, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../auth/current-viewer.decorator.js';
import { DateTimeScalar } from '../graphql/date-time.scalar.js';
import { mapPage } from '../graphql/page.mapper.js';
import { CooperationItem } from '../items/cooperation-item.types.js';
import { EVENT_STORE } from '../store/event-store.module.js';
import { auditEventModel } from './audit-event.mapper.js';
import { AuditEvent, AuditEventConnection, AuditFilter, IntegrityReport } from './audit-event.types.js';
import { countryActivityModel } from './cooperation-stats.mapper.js';
import { CountryActivity } from './cooperation-stats.types.js';

@Resolver()
export class AuditResolver {
  constructor(
    private readonly readModel: ReadModel,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Query(() => AuditEventConnection, { description: 'SECRETARIAT only. Oldest first.' })
  async auditTrail(
    @CurrentViewer() viewer: Viewer,
    @Args('filter', { type: () => AuditFilter, nullable: true }) filter?: AuditFilter | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 100 }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): Promise<AuditEventConnection> {
    requireSecretariat(viewer, 'read the audit trail');
    const input = new InputValidator();
    const countries = filter?.countries ? input.countries('filter.countries', filter.countries) : null;
    input.throwIfInvalid();
    return mapPage(await this.readModel.auditTrail({ ...filter, countries }, { first, after }), auditEventModel);
  }

  @Query(() => IntegrityReport, { description: "SECRETARIAT only. Recomputes every stream's hash chain." })
  async verifyIntegrity(@CurrentViewer() viewer: Viewer): Promise<IntegrityReport> {
    requireSecretariat(viewer, 'read the integrity report');
    return checkIntegrity(this.store);
  }

  @Query(() => [CountryActivity], { description: 'SECRETARIAT only. Activity counts per country in the interval.' })
  cooperationStats(
    @CurrentViewer() viewer: Viewer,
    @Args('from', { type: () => DateTimeScalar, nullable: true }) from?: Date | null,
    @Args('to', { type: () => DateTimeScalar, nullable: true }) to?: Date | null,
  ): CountryActivity[] {
    requireSecretariat(viewer, 'read cooperation statistics');
    return this.readModel.cooperationStats(from ?? null, to ?? null).map(countryActivityModel);
  }
}

/** An item's history, as a field of every kind of item (the item was found visible by whoever returned it). */
@Resolver(() => CooperationItem)
export class ItemHistoryResolver {
  constructor(private readonly readModel: ReadModel) {}

  @ResolveField(() => [AuditEvent], { description: 'Every recorded event of the item, oldest first.' })
  async history(@Parent() item: CooperationItem): Promise<AuditEvent[]> {
    return (await this.readModel.history(item.id)).map(auditEventModel);
  }
}

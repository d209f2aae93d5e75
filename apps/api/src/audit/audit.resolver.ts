import { DateTimeScalar } from '../graphql/date-time.scalar.js';
import {
  Forbidden,
  type Participant as Viewer,
  ValidationFailed,
  countryInfo,
  isCountryCode,
  isSecretariat,
} from '@coop/domain';
import { type EventStore, checkIntegrity } from '@coop/event-store';
import { ReadModel } from '@coop/read-model';
import { Inject } from '@nestjs/common';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../auth/current-viewer.decorator.js';
import { CountryActivity } from '../feed/feed.types.js';
import { mapPage } from '../graphql/page.mapper.js';
import { EVENT_STORE } from '../store/event-store.module.js';
import { auditEventModel } from './audit-event.mapper.js';
import { AuditEventConnection, AuditFilter, IntegrityReport } from './audit-event.types.js';

function requireSecretariat(viewer: Viewer, what: string): void {
  if (!isSecretariat(viewer)) throw new Forbidden(`Only the secretariat may read ${what}`);
}

@Resolver()
export class AuditResolver {
  constructor(
    private readonly readModel: ReadModel,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Query(() => AuditEventConnection, { description: 'SECRETARIAT only. Oldest first.' })
  auditTrail(
    @CurrentViewer() viewer: Viewer,
    @Args('filter', { type: () => AuditFilter, nullable: true }) filter?: AuditFilter | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 100 }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): AuditEventConnection {
    requireSecretariat(viewer, 'the audit trail');
    const unknown = (filter?.countries ?? []).filter((code) => !isCountryCode(code));
    if (unknown.length > 0) {
      throw new ValidationFailed({ 'filter.countries': unknown.map((code) => `unknown country ${code}`) });
    }
    const countries = filter?.countries?.filter(isCountryCode) ?? null;
    return mapPage(this.readModel.auditTrail({ ...filter, countries }, { first, after }), auditEventModel);
  }

  @Query(() => IntegrityReport, { description: "SECRETARIAT only. Recomputes every stream's hash chain." })
  async verifyIntegrity(@CurrentViewer() viewer: Viewer): Promise<IntegrityReport> {
    requireSecretariat(viewer, 'the integrity report');
    return checkIntegrity(this.store);
  }

  @Query(() => [CountryActivity], { description: 'SECRETARIAT only. Activity counts per country in the interval.' })
  cooperationStats(
    @CurrentViewer() viewer: Viewer,
    @Args('from', { type: () => DateTimeScalar, nullable: true }) from?: Date | null,
    @Args('to', { type: () => DateTimeScalar, nullable: true }) to?: Date | null,
  ): CountryActivity[] {
    requireSecretariat(viewer, 'cooperation statistics');
    return this.readModel.cooperationStats(from ?? null, to ?? null).map((row) => ({
      country: countryInfo(row.country),
      total: row.total,
      counts: row.counts.map((count) => ({ activity: count.activity, count: count.count })),
    }));
  }
}

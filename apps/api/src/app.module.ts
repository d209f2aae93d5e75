import { type DynamicModule, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { ConsultationsModule } from './consultations/consultations.module.js';
import { CountryProfilesModule } from './country-profiles/country-profiles.module.js';
import { DemoSeedModule } from './demo/demo-seed.module.js';
import { DemoSignInModule } from './demo/demo-sign-in.module.js';
import { DiscussionsModule } from './discussions/discussions.module.js';
import { FeedModule } from './feed/feed.module.js';
import { GraphqlApiModule } from './graphql/graphql-api.module.js';
import { RateLimitModule } from './graphql/rate-limit.module.js';
import { HealthModule } from './health/health.module.js';
import { ItemQueriesModule } from './item-queries/item-queries.module.js';
import { ItemsModule } from './items/items.module.js';
import { LiveModule } from './live/live.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { ParticipantsModule } from './participants/participants.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { createServiceMetrics, type ServiceMetrics } from './metrics/service-metrics.js';
import { PracticesModule } from './practices/practices.module.js';
import { ReadModelModule } from './projection/read-model.module.js';
import { ProposalsModule } from './proposals/proposals.module.js';
import { QuestionsModule } from './questions/questions.module.js';
import { ReferenceModule } from './reference/reference.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { EventStoreModule } from './store/event-store.module.js';

@Module({})
export class AppModule {
  /** `metrics` are made by the caller when something outside Nest reports to them too (the request log). */
  static forRoot(
    config: AppConfig,
    logger: Logger,
    metrics: ServiceMetrics = createServiceMetrics(config.metrics),
  ): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config, logger),
        MetricsModule.forRoot(metrics),
        AuthModule,
        RateLimitModule,
        EventStoreModule,
        ReadModelModule,
        HealthModule,
        GraphqlApiModule.forRoot(),
        ReferenceModule,
        ItemsModule,
        ItemQueriesModule,
        ParticipantsModule,
        PracticesModule,
        QuestionsModule,
        ProposalsModule,
        ConsultationsModule,
        CountryProfilesModule,
        DiscussionsModule,
        FeedModule,
        NotificationsModule,
        AuditModule,
        ReportsModule,
        LiveModule,
        ...DemoSignInModule.forConfig(config),
        ...DemoSeedModule.forConfig(config),
      ],
    };
  }
}

import { join } from 'node:path';
import type { EventStore } from '@coop/event-store';
import { Projector, ReadModel, ReadModelDatabase } from '@coop/read-model';
import {
  type BeforeApplicationShutdown,
  Global,
  Inject,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Logger } from 'pino';
import { type AppConfig, READ_MODEL_FILE } from '../config/app-config.js';
import { APP_CONFIG, ROOT_LOGGER } from '../config/config.module.js';
import { SERVICE_METRICS, type ServiceMetrics } from '../metrics/service-metrics.js';
import { DataDirectoryLock } from '../store/data-directory-lock.js';
import { EVENT_STORE } from '../store/event-store.module.js';
import { ProjectionHealth } from './projection-health.js';

@Global()
@Module({
  providers: [
    {
      provide: DataDirectoryLock,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => DataDirectoryLock.acquire(config.dataDir, 'a service'),
    },
    {
      provide: ReadModelDatabase,
      // The lock comes first: no other process may write this read model while it is open.
      inject: [APP_CONFIG, ROOT_LOGGER, DataDirectoryLock],
      useFactory: (config: AppConfig, logger: Logger) => {
        const readModelLogger = logger.child({ component: 'read-model' });
        return ReadModelDatabase.open(join(config.dataDir, READ_MODEL_FILE), {
          logger: readModelLogger,
          backgroundCheckpoints: {
            onFailure: (error) =>
              readModelLogger.warn(
                { err: error },
                'read model: WAL checkpoints are back in the commits, their thread failed',
              ),
          },
        });
      },
    },
    {
      provide: ReadModel,
      inject: [ReadModelDatabase, EVENT_STORE],
      useFactory: (database: ReadModelDatabase, store: EventStore) => new ReadModel(database, store),
    },
    {
      provide: Projector,
      inject: [EVENT_STORE, ReadModelDatabase, ROOT_LOGGER, SERVICE_METRICS],
      useFactory: (store: EventStore, database: ReadModelDatabase, logger: Logger, metrics: ServiceMetrics) => {
        const projector = new Projector(store, database, {
          logger: logger.child({ component: 'projector' }),
          onBatchApplied: metrics.projectorBatchApplied,
        });
        metrics.watchProjector(projector);
        return projector;
      },
    },
    ProjectionHealth,
  ],
  exports: [ReadModel, Projector, ProjectionHealth],
})
export class ReadModelModule implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    private readonly projector: Projector,
    @Inject(ReadModelDatabase) private readonly database: ReadModelDatabase,
    private readonly lock: DataDirectoryLock,
  ) {}

  /** Catch-up runs in the background: the service answers (and reports its lag) while the read model fills. */
  onApplicationBootstrap(): void {
    this.projector.start();
  }

  /** Before the store closes: the projector finishes its batch and stops at a checkpoint. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.projector.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.database.close();
    this.lock.release();
  }
}

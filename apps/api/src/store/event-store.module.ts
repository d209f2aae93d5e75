import type { EventStore } from '@coop/event-store';
import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { CommandHandler } from '@coop/application';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG, ROOT_LOGGER } from '../config/config.module.js';
import { SERVICE_METRICS, type ServiceMetrics } from '../metrics/service-metrics.js';
import { openEventStore } from './open-event-store.js';

export const EVENT_STORE = Symbol('EVENT_STORE');

function openConfiguredStore(config: AppConfig, logger: Logger): EventStore {
  const storeLogger = logger.child({ component: 'eventstoredb' });
  return openEventStore(config.eventStore, { warn: (details, message) => storeLogger.warn(details, message) });
}

@Global()
@Module({
  providers: [
    { provide: EVENT_STORE, inject: [APP_CONFIG, ROOT_LOGGER], useFactory: openConfiguredStore },
    {
      provide: CommandHandler,
      inject: [EVENT_STORE, SERVICE_METRICS],
      useFactory: (store: EventStore, metrics: ServiceMetrics) =>
        new CommandHandler(store, { onAppended: metrics.eventsAppended }),
    },
  ],
  exports: [EVENT_STORE, CommandHandler],
})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Last to go: the projector has stopped at a checkpoint by now (it stops before shutdown). */
  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

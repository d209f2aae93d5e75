import { CommandHandler } from '@coop/application';
import type { EventStore } from '@coop/event-store';
import { type DynamicModule, Inject, Module, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/app-config.js';
import { ROOT_LOGGER } from '../config/config.module.js';
import { EVENT_STORE } from '../store/event-store.module.js';
import { demoState, recordDemo } from './demo-recorder.js';

/**
 * Records the Programme's demo when a development service starts on an empty
 * store, or on one whose first start was stopped while recording it. It runs
 * before the projector starts, so the read model's catch-up takes the demo in
 * and the service is ready only once it shows it.
 */
@Module({})
export class DemoSeedModule implements OnModuleInit {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly commands: CommandHandler,
    @Inject(ROOT_LOGGER) private readonly rootLogger: Logger,
  ) {}

  static forConfig(config: AppConfig): DynamicModule[] {
    return config.seedDemo ? [{ module: DemoSeedModule }] : [];
  }

  async onModuleInit(): Promise<void> {
    const logger = this.rootLogger.child({ component: 'demo' });
    try {
      const state = await demoState(this.store);
      if (state !== 'empty' && state !== 'unfinished') {
        logger.debug({ state }, 'demo: the store holds events already; nothing recorded');
        return;
      }
      const recording = await recordDemo(this.store, this.commands);
      logger.info(
        { ...recording, resumed: state === 'unfinished' },
        'demo: recorded the Programme 2017–2019 (SEED_DEMO=false turns this off)',
      );
    } catch (error) {
      // A development convenience must not keep the service from starting; the next start resumes it.
      logger.error({ err: error }, 'demo: recording failed');
    }
  }
}

import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { DEMO_SIGNING_SECRET, DemoSignInController } from './demo-sign-in.controller.js';

@Module({})
export class DemoSignInModule {
  /**
   * The development sign-in, when the service signs its own tokens and is not
   * in production: a production service must never hand out tokens to whoever asks.
   */
  static forConfig(config: AppConfig): DynamicModule[] {
    if (config.production || config.auth.kind !== 'secret') return [];
    return [
      {
        module: DemoSignInModule,
        controllers: [DemoSignInController],
        providers: [{ provide: DEMO_SIGNING_SECRET, useValue: config.auth.secret }],
      },
    ];
  }
}

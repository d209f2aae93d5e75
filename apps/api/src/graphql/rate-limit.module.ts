import { Global, Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { RateLimiter } from './rate-limiter.js';

/** One budget per viewer, whichever transport the operations come over. */
@Global()
@Module({
  providers: [
    {
      provide: RateLimiter,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new RateLimiter(config.rateLimitPerMinute),
    },
  ],
  exports: [RateLimiter],
})
export class RateLimitModule {}

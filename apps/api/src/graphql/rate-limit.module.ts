import { Global, Module } from '@nestjs/common';
import { TokenVerifier } from '../auth/token-verifier.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { AUDIT_EXPORT_PATH, GRAPHQL_PATH } from './graphql-api.module.js';
import { SERVICE_METRICS, type ServiceMetrics } from '../metrics/service-metrics.js';
import { RateLimiter } from './rate-limiter.js';
import { RequestAdmission } from './request-admission.js';

/** One budget per viewer, whichever transport the operations come over. */
@Global()
@Module({
  providers: [
    {
      provide: RateLimiter,
      inject: [APP_CONFIG, SERVICE_METRICS],
      useFactory: (config: AppConfig, metrics: ServiceMetrics) =>
        new RateLimiter(config.rateLimitPerMinute, { onRefused: metrics.rateLimitRefused }),
    },
    {
      provide: RequestAdmission,
      inject: [TokenVerifier, RateLimiter],
      useFactory: (verifier: TokenVerifier, limiter: RateLimiter) =>
        new RequestAdmission([GRAPHQL_PATH, AUDIT_EXPORT_PATH], verifier, limiter),
    },
  ],
  exports: [RateLimiter, RequestAdmission],
})
export class RateLimitModule {}

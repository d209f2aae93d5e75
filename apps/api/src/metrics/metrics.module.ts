import { type DynamicModule, Global, Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller.js';
import { SERVICE_METRICS, type ServiceMetrics } from './service-metrics.js';

/**
 * The metrics every part reports to, made before the application (the
 * request log's hook is installed before Nest starts), and `GET /metrics`
 * when they are enabled.
 */
@Global()
@Module({})
export class MetricsModule {
  static forRoot(metrics: ServiceMetrics): DynamicModule {
    return {
      module: MetricsModule,
      controllers: metrics.enabled ? [MetricsController] : [],
      providers: [{ provide: SERVICE_METRICS, useValue: metrics }],
      exports: [SERVICE_METRICS],
    };
  }
}

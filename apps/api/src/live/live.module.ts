import { FeedBus, NotificationBus, Projector, ReadModel } from '@coop/read-model';
import { type BeforeApplicationShutdown, Inject, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import { TokenVerifier } from '../auth/token-verifier.js';
import { ViewerDirectory } from '../auth/viewer-directory.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG, ROOT_LOGGER } from '../config/config.module.js';
import { createErrorFormatter } from '../graphql/error-formatting.js';
import { GRAPHQL_PATH } from '../graphql/graphql-api.module.js';
import { RateLimiter } from '../graphql/rate-limiter.js';
import { SERVICE_METRICS, type ServiceMetrics } from '../metrics/service-metrics.js';
import { LiveExecution } from './live-execution.js';
import { LiveResolver } from './live.resolver.js';
import { LiveSocketServer } from './live-socket.server.js';
import { SubscriptionGuard } from './subscription-guard.js';

/** Bounds of the socket transport, as on HTTP: one message, subscriptions per connection, connections per viewer. */
const MAX_MESSAGE_BYTES = 64 * 1024;
const CONNECTION_INIT_WAIT_MS = 3_000;
const MAX_SUBSCRIPTIONS_PER_CONNECTION = 20;
const MAX_CONNECTIONS_PER_VIEWER = 10;
/** How long a drain waits for subscriptions to send their resumable cursor before the sockets are closed anyway. */
const DRAIN_WAIT_MS = 2_000;

@Module({
  providers: [
    {
      provide: FeedBus,
      inject: [ReadModel, APP_CONFIG],
      useFactory: (readModel: ReadModel, config: AppConfig) =>
        new FeedBus(readModel, { queueLimit: config.liveQueueLimit }),
    },
    {
      provide: NotificationBus,
      inject: [ReadModel, APP_CONFIG],
      useFactory: (readModel: ReadModel, config: AppConfig) =>
        new NotificationBus(readModel, { queueLimit: config.liveQueueLimit }),
    },
    {
      provide: LiveExecution,
      inject: [APP_CONFIG, ROOT_LOGGER],
      useFactory: (config: AppConfig, logger: Logger) => {
        const formatError = createErrorFormatter(config.production, logger.child({ component: 'graphql-ws' }));
        return new LiveExecution((errors) => errors.map((error) => formatError(error.toJSON(), error)));
      },
    },
    LiveResolver,
  ],
})
export class LiveModule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private server: LiveSocketServer | null = null;
  private detach: (() => void)[] = [];

  constructor(
    private readonly bus: FeedBus,
    private readonly notifications: NotificationBus,
    private readonly execution: LiveExecution,
    private readonly projector: Projector,
    private readonly verifier: TokenVerifier,
    private readonly directory: ViewerDirectory,
    private readonly moduleRef: ModuleRef,
    private readonly httpAdapterHost: HttpAdapterHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
    private readonly limiter: RateLimiter,
    @Inject(SERVICE_METRICS) private readonly metrics: ServiceMetrics,
  ) {}

  onApplicationBootstrap(): void {
    this.detach = [this.bus.attach(this.projector), this.notifications.attach(this.projector)];
    const { production } = this.config;
    // The GraphQL module does not export its schema host; it is looked up across modules.
    const schemaHost = this.moduleRef.get(GraphQLSchemaHost, { strict: false });
    const guard = new SubscriptionGuard(() => schemaHost.schema, this.limiter, {
      production,
      maxSubscriptionsPerConnection: MAX_SUBSCRIPTIONS_PER_CONNECTION,
    });
    this.server = new LiveSocketServer(
      {
        path: GRAPHQL_PATH,
        maxPayloadBytes: MAX_MESSAGE_BYTES,
        connectionInitWaitMs: CONNECTION_INIT_WAIT_MS,
        maxConnectionsPerViewer: MAX_CONNECTIONS_PER_VIEWER,
      },
      this.verifier,
      this.directory,
      guard,
      this.execution,
      this.limiter,
      this.logger.child({ component: 'graphql-ws' }),
      this.metrics,
    );
    this.server.listen(this.httpServer());
  }

  /** Drain: every subscription ends with RESUME_REQUIRED and its cursor, then the sockets close. */
  async beforeApplicationShutdown(): Promise<void> {
    for (const detach of this.detach) detach();
    const reason = 'The service is shutting down: resubscribe with since = cursor';
    this.bus.drain(reason);
    this.notifications.drain(reason);
    await this.server?.close(this.httpServer(), DRAIN_WAIT_MS);
  }

  private httpServer(): Server {
    return this.httpAdapterHost.httpAdapter.getHttpServer() as Server;
  }
}

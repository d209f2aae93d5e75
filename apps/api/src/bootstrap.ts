import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/app-config.js';
import { BUILT_CONSOLE_DIR, serveWebConsole } from './console/web-console.js';
import { RequestAdmission } from './graphql/request-admission.js';
import { PinoLoggerService } from './logging/pino-logger.service.js';
import { logEveryRequest } from './logging/request-log.js';
import { createServiceMetrics } from './metrics/service-metrics.js';

/** Request bodies above this are refused before parsing. */
const BODY_LIMIT_BYTES = 1024 * 1024;
const TIMEOUT_CHECK_MS = 1_000;

/**
 * Node.js times a request's headers once its first byte has come: a
 * connection that never sends one would be held for ever. One still silent
 * after the headers timeout is dropped.
 */
function dropSilentConnections(server: Server, timeoutMs: number): void {
  server.on('connection', (socket: Socket) => {
    const timer = setTimeout(() => {
      if (socket.bytesRead === 0) socket.destroy();
    }, timeoutMs);
    socket.once('close', () => clearTimeout(timer));
  });
}

/** Builds and starts the service; the caller owns shutdown (`app.close()`). */
export async function startApp(config: AppConfig, logger: Logger): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    requestTimeout: config.requestTimeoutMs,
    http: {
      headersTimeout: config.headersTimeoutMs,
      // Node.js looks for overdue requests this often (30 s by default, on top of the timeout).
      connectionsCheckingInterval: Math.min(TIMEOUT_CHECK_MS, config.headersTimeoutMs),
    },
  });
  const metrics = createServiceMetrics(config.metrics);
  logEveryRequest(adapter.getInstance(), logger.child({ component: 'http' }), metrics.graphqlRequestEnded);
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, logger, metrics), adapter, {
    logger: new PinoLoggerService(logger),
    abortOnError: false,
  });
  serveWebConsole(app, BUILT_CONSOLE_DIR, logger);
  dropSilentConnections(app.getHttpServer(), config.headersTimeoutMs);
  // Before listen, which registers the routes: the hook must run for the GraphQL route.
  app.get(RequestAdmission).register(adapter.getInstance());
  await app.listen({ port: config.port, host: config.host });
  return app;
}

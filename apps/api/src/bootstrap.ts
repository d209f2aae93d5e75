import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/app-config.js';
import { BUILT_CONSOLE_DIR, serveWebConsole } from './console/web-console.js';
import { RequestAdmission } from './graphql/request-admission.js';
import { PinoLoggerService } from './logging/pino-logger.service.js';
import { logEveryRequest } from './logging/request-log.js';

/** Request bodies above this are refused before parsing. */
const BODY_LIMIT_BYTES = 1024 * 1024;

/** Builds and starts the service; the caller owns shutdown (`app.close()`). */
export async function startApp(config: AppConfig, logger: Logger): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES });
  logEveryRequest(adapter.getInstance(), logger.child({ component: 'http' }));
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, logger), adapter, {
    logger: new PinoLoggerService(logger),
    abortOnError: false,
  });
  serveWebConsole(app, BUILT_CONSOLE_DIR, logger);
  // Before listen, which registers the routes: the hook must run for the GraphQL route.
  app.get(RequestAdmission).register(adapter.getInstance());
  await app.listen({ port: config.port, host: config.host });
  return app;
}

import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { startApp } from './bootstrap.js';
import { ConfigError, loadConfig } from './config/app-config.js';
import { demoTokenCommands } from './demo/demo-tokens.js';
import { createRootLogger } from './logging/pino-logger.service.js';
import { DataDirectoryInUse } from './store/data-directory-lock.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createRootLogger(config.logLevel, config.environment);
  let app;
  try {
    app = await startApp(config, logger);
  } catch (error) {
    if (error instanceof DataDirectoryInUse) {
      process.stderr.write(`${error.message}: one process at a time uses a data directory.\n`);
      process.exit(1);
    }
    throw error;
  }
  const { port } = app.getHttpServer().address() as AddressInfo;
  logger.info(
    { port, url: `http://localhost:${port}/graphql`, console: `http://localhost:${port}/` },
    'cooperation network ready',
  );
  if (!config.production && config.auth.kind === 'secret') {
    logger.info('tokens of demo participants (a KZ focal point, a KG participant, the secretariat):');
    for (const command of demoTokenCommands(config.dataDir)) logger.info(command);
  }

  // Nest's own shutdown hooks re-raise the signal after closing, which makes a
  // clean drain look like a crash to a supervisor: close, then exit 0.
  const shutdown = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'draining');
    app.close().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`Start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

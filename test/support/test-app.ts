import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Participant } from '@coop/domain';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pino, { type Logger } from 'pino';
import { startApp } from '../../apps/api/src/bootstrap.js';
import { loadConfig } from '../../apps/api/src/config/app-config.js';
import { type GraphqlClient, graphqlClient, TEST_SECRET, testTokens } from './graphql-client.js';

export { type GraphqlClient, type GraphqlResponse, TEST_SECRET } from './graphql-client.js';

export interface TestApp extends GraphqlClient {
  readonly url: string;
  readonly dataDir: string;
  readonly app: NestFastifyApplication;
  token(participant: Participant): Promise<string>;
  /** Stops the service; the data directory stays until `dispose`. */
  close(): Promise<void>;
  dispose(): Promise<void>;
}

/**
 * The real service (Fastify, Apollo, the SQLite event store, the projector and
 * read model) on an ephemeral port and a temporary data directory; it logs
 * nothing unless given a logger (or TEST_LOG_LEVEL).
 */
export async function startTestApp(
  options: { dataDir?: string; env?: Record<string, string>; logger?: Logger } = {},
): Promise<TestApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'coop-e2e-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    NODE_ENV: 'test',
    AUTH_JWT_SECRET: TEST_SECRET,
    RATE_LIMIT_PER_MINUTE: '100000',
    ...options.env,
  });
  const app = await startApp(config, options.logger ?? pino({ level: process.env['TEST_LOG_LEVEL'] ?? 'silent' }));
  const { port } = app.getHttpServer().address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/graphql`;
  const token = testTokens();
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await app.close();
  };
  return {
    url,
    dataDir,
    app,
    token,
    ...graphqlClient(url, token),
    close,
    async dispose() {
      await close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

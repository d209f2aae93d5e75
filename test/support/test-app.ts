import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Participant } from '@coop/domain';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pino, { type Logger } from 'pino';
import { signToken } from '../../apps/api/src/auth/token-signer.js';
import { startApp } from '../../apps/api/src/bootstrap.js';
import { loadConfig } from '../../apps/api/src/config/app-config.js';

export const TEST_SECRET = 'end-to-end-tests-sign-with-this-secret';

export interface GraphqlResponse<Data = Record<string, unknown>> {
  readonly status: number;
  readonly data?: Data | null;
  readonly errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

export interface TestApp {
  readonly url: string;
  readonly dataDir: string;
  readonly app: NestFastifyApplication;
  token(participant: Participant): Promise<string>;
  /** POSTs one GraphQL operation as `participant` (anonymous when null). */
  gql<Data = Record<string, unknown>>(
    participant: Participant | null,
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphqlResponse<Data>>;
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
  const secret = new TextEncoder().encode(TEST_SECRET);
  const tokens = new Map<string, Promise<string>>();
  const token = (participant: Participant) => {
    const key = JSON.stringify(participant);
    if (!tokens.has(key)) tokens.set(key, signToken(secret, participant));
    return tokens.get(key) as Promise<string>;
  };
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
    async gql(participant, query, variables = {}, headers = {}) {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(participant ? { authorization: `Bearer ${await token(participant)}` } : {}),
          ...headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GraphqlResponse, 'status'>;
      return { status: response.status, ...body } as GraphqlResponse<never>;
    },
    close,
    async dispose() {
      await close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

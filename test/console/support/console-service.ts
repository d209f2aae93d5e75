import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServiceProcess } from '../../support/service-process.js';
import { type GraphqlClient, graphqlClient, TEST_SECRET, testTokens } from '../../support/graphql-client.js';

/** The built service (`npm run build`) in its own process, serving the console at `origin`. */
export interface ConsoleService extends GraphqlClient {
  readonly origin: string;
  stop(): Promise<void>;
}

export async function startConsoleService(env: Record<string, string> = {}): Promise<ConsoleService> {
  const dataDir = mkdtempSync(join(tmpdir(), 'coop-console-'));
  try {
    const { child, port, exited } = await startServiceProcess({
      DATA_DIR: dataDir,
      AUTH_JWT_SECRET: TEST_SECRET,
      RATE_LIMIT_PER_MINUTE: '100000',
      ...env,
    });
    const origin = `http://127.0.0.1:${port}`;
    return {
      origin,
      ...graphqlClient(`${origin}/graphql`, testTokens()),
      async stop() {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        await exited();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

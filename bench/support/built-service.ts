/**
 * The service as the benchmarks run it: built by `nest build api` (tsx emits
 * no decorator metadata), in its own process on loopback as the end-to-end
 * tests start it, in production mode, with a temporary data directory and a
 * rate limit out of the way. `RESPONSE_CACHE_MB` in the bench's environment
 * reaches the service (0 prices execution without the response cache).
 */
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServiceProcess } from '../../test/support/service-process.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface BuiltService {
  readonly pid: number | undefined;
  readonly port: number;
  readonly graphqlUrl: string;
  /** SIGTERM, then the data directory goes. */
  stop(): Promise<void>;
}

let built = false;

function responseCacheSetting(): Record<string, string> {
  const megabytes = process.env['RESPONSE_CACHE_MB'];
  return megabytes === undefined ? {} : { RESPONSE_CACHE_MB: megabytes };
}

/** Builds once per run, for every scenario that starts the service. */
export function buildService(): void {
  if (built) return;
  console.log('building the service (nest build api)…');
  execSync('npx nest build api', { cwd: ROOT, stdio: 'inherit' });
  built = true;
}

/**
 * Starts the built service (build it first) and resolves once it listens. On
 * `dataDir` when given, which stays; otherwise on a temporary one, which goes
 * when the service stops.
 */
export async function startBuiltService(
  authJwtSecret: string,
  options: { readonly dataDir?: string } = {},
): Promise<BuiltService> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'coop-bench-'));
  const removeDataDir = () => {
    if (options.dataDir === undefined) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const { child, port, exited } = await startServiceProcess({
      NODE_ENV: 'production',
      DATA_DIR: dataDir,
      AUTH_JWT_SECRET: authJwtSecret,
      RATE_LIMIT_PER_MINUTE: '10000000',
      ...responseCacheSetting(),
    });
    const stop = async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited();
      removeDataDir();
    };
    return { pid: child.pid, port, graphqlUrl: `http://127.0.0.1:${port}/graphql`, stop };
  } catch (error) {
    removeDataDir();
    throw error;
  }
}

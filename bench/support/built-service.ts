/**
 * The service as the benchmarks run it: built by `nest build api` (tsx emits
 * no decorator metadata), in its own process on loopback, in production mode,
 * with a temporary data directory and a rate limit out of the way.
 */
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface BuiltService {
  readonly pid: number | undefined;
  readonly port: number;
  readonly graphqlUrl: string;
  /** SIGTERM, then the data directory goes. */
  stop(): Promise<void>;
}

export function buildService(): void {
  console.log('building the service (nest build api)…');
  execSync('npx nest build api', { cwd: ROOT, stdio: 'inherit' });
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export function waitForLine(child: ChildProcess, pattern: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += String(chunk);
      if (pattern.test(seen)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`child exited (${code}) before ready: ${seen.slice(-2000)}`)));
  });
}

/** Starts the built service (build it first) and resolves once it is ready. */
export async function startBuiltService(authJwtSecret: string): Promise<BuiltService> {
  const dataDir = mkdtempSync(join(tmpdir(), 'coop-bench-'));
  const port = await freePort();
  const child = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: String(port),
      AUTH_JWT_SECRET: authJwtSecret,
      RATE_LIMIT_PER_MINUTE: '10000000',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForLine(child, /cooperation network ready/);
  } catch (error) {
    await stop();
    throw error;
  }
  child.stdout?.resume();
  return { pid: child.pid, port, graphqlUrl: `http://127.0.0.1:${port}/graphql`, stop };
}

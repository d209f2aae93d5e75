import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServiceProcess } from './support/service-process.js';

describe('service lifecycle (built service as a real process)', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'coop-lifecycle-'));
  });

  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves GET /health/live and exits 0 on SIGTERM', async () => {
    const service = await startServiceProcess({ DATA_DIR: dataDir });

    const response = await fetch(`http://127.0.0.1:${service.port}/health/live`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });

    service.child.kill('SIGTERM');
    expect(await service.exited()).toEqual({ code: 0, signal: null });
  });

  it('logs JSON lines, one per request among them, when standard output is not a terminal, even in development', async () => {
    const service = await startServiceProcess({ DATA_DIR: dataDir, NODE_ENV: 'development' });
    await fetch(`http://127.0.0.1:${service.port}/health/live`, { headers: { 'x-correlation-id': 'lifecycle-1' } });
    service.child.kill('SIGTERM');
    await service.exited();

    expect(service.output.length).toBeGreaterThan(0);
    expect(service.output.length).toBe(service.logs.length);
    expect(service.logs.filter((line) => line['msg'] === 'request')).toEqual([
      expect.objectContaining({ method: 'GET', path: '/health/live', status: 200, correlationId: 'lifecycle-1' }),
    ]);
  });

  it('refuses to start on a data directory another service holds, and says which', async () => {
    const holder = await startServiceProcess({ DATA_DIR: dataDir, SEED_DEMO: 'false' });
    try {
      await expect(startServiceProcess({ DATA_DIR: dataDir, SEED_DEMO: 'false' })).rejects.toThrow(
        `DATA_DIR ${dataDir} is in use by a service (pid ${holder.child.pid}, since `,
      );
    } finally {
      holder.child.kill('SIGTERM');
      await holder.exited();
    }
  });

  it('refuses to start on a bad configuration value and names the variable', async () => {
    await expect(startServiceProcess({ DATA_DIR: dataDir, PORT: 'eighty' })).rejects.toThrow(/PORT/);
  });

  it('refuses to start in production without a token secret', async () => {
    await expect(startServiceProcess({ DATA_DIR: dataDir, NODE_ENV: 'production' })).rejects.toThrow(/AUTH_JWT_SECRET/);
  });
});

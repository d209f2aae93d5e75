import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { CommandHandler } from '@coop/application';
import { practiceAggregate } from '@coop/domain';
import { participantOfCountry } from '@coop/domain/testing/domain.fixtures.js';
import { SqliteEventStore } from '@coop/event-store';
import { withSubscriptionHooks } from '@coop/event-store/testing/subscription-hooks.js';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import pino from 'pino';
import { AppModule } from '../apps/api/src/app.module.js';
import { loadConfig } from '../apps/api/src/config/app-config.js';
import { EVENT_STORE } from '../apps/api/src/store/event-store.module.js';

const EVENTS = 30;
/** Where the projector's catch-up is held until the test lets it go on. */
const HELD_AFTER = 10;

interface Health {
  readonly status: number;
  readonly body: { status: string; projector?: Record<string, unknown> };
}

describe('health during a catch-up (the service on a store it has not projected yet)', () => {
  let dataDir: string;
  let app: NestFastifyApplication | undefined;

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'coop-health-'));
    const store = new SqliteEventStore(join(dataDir, 'events.sqlite'));
    const commands = new CommandHandler(store);
    for (let index = 0; index < EVENTS; index += 1) {
      await commands.handle(practiceAggregate, {
        actor: participantOfCountry('KZ'),
        now: new Date(Date.UTC(2024, 0, 1, 0, index)),
        correlationId: randomUUID(),
        command: {
          type: 'SharePractice',
          practiceId: randomUUID(),
          title: `Practice ${index}`,
          summary: 'Summary',
          body: 'Body',
          topics: ['PREVENTION'],
          audience: { scope: 'NETWORK' },
        },
      });
    }
    await store.close();
  });

  afterEach(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers live at once, ready 503 with progress until the catch-up is done, then ready 200', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const config = loadConfig({
      DATA_DIR: dataDir,
      NODE_ENV: 'test',
      AUTH_JWT_SECRET: 'health-test-secret-of-32-bytes-long',
    });
    const moduleRef = await Test.createTestingModule({
      imports: [AppModule.forRoot(config, pino({ level: 'silent' }))],
    })
      .overrideProvider(EVENT_STORE)
      .useValue(
        withSubscriptionHooks(new SqliteEventStore(join(dataDir, 'events.sqlite')), {
          beforeNext: (delivered) => (delivered === HELD_AFTER ? held : undefined),
        }),
      )
      .compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.getHttpServer().address() as AddressInfo;
    const health = async (path: string): Promise<Health> => {
      const response = await fetch(`http://127.0.0.1:${port}/health/${path}`);
      return { status: response.status, body: (await response.json()) as Health['body'] };
    };

    expect(await health('live')).toEqual({ status: 200, body: { status: 'ok' } });
    let during = await health('ready');
    while ((during.body.projector?.['catchUp'] as { eventsApplied: number }).eventsApplied < HELD_AFTER) {
      during = await health('ready');
    }
    expect(during).toEqual({
      status: 503,
      body: {
        status: 'not ready',
        store: 'up',
        projector: expect.objectContaining({
          ready: false,
          status: 'running',
          caughtUp: false,
          catchUp: {
            done: false,
            eventsApplied: HELD_AFTER,
            eventsPerSecond: expect.any(Number),
            percent: expect.any(Number),
          },
        }),
      },
    });
    expect((during.body.projector?.['catchUp'] as { percent: number }).percent).toBeLessThan(100);
    expect(await health('live')).toEqual({ status: 200, body: { status: 'ok' } });

    release();
    let after = await health('ready');
    while (after.status !== 200) after = await health('ready');
    expect(after.body).toEqual({
      status: 'ready',
      store: 'up',
      projector: expect.objectContaining({
        ready: true,
        caughtUp: true,
        catchUp: expect.objectContaining({ done: true, eventsApplied: EVENTS, percent: 100 }),
      }),
    });
  });
});

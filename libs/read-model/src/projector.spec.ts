import { practiceAggregate } from '@coop/domain';
import type { RecordedEvent } from '@coop/event-store';
import { withSubscriptionHooks } from '@coop/event-store/testing/subscription-hooks.js';
import { rmSync } from 'node:fs';
import { createServer, get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import Database from 'better-sqlite3';
import { Projector } from './projector.js';
import { ReadModelDatabase } from './read-model.database.js';
import { PROJECTION_VERSION } from './read-model.schema.js';
import { ProjectionFailed, ProjectionTimeout, ProjectorNotRunning } from './read-model.errors.js';
import type { FeedEntryView } from './read-model.types.js';
import type { Committed } from './projector.js';
import {
  everyAnswer,
  focalPointOf,
  participantOf,
  ReadModelHarness,
  SECRETARIAT,
} from './testing/read-model.fixtures.js';

const KZ = participantOf('KZ');
const UA = participantOf('UA');

/** Resolves with `condition()` once it holds, looking on each turn of the event loop. */
async function until(condition: () => boolean): Promise<boolean> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
  return true;
}

async function shareMany(harness: ReadModelHarness, count: number, country = KZ): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) ids.push(await harness.share(country, { title: `Practice number ${i}` }));
  return ids;
}

/** A full garbage collection, from a test, without starting Jest with --expose-gc. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

describe('Projector', () => {
  let harness: ReadModelHarness;

  beforeEach(() => {
    harness = new ReadModelHarness();
  });

  afterEach(() => harness.dispose());

  it('catches up in large batches, then applies live events as they come', async () => {
    await shareMany(harness, 250);
    const { projector, readModel } = harness.open({ maxBatchSize: 100 });
    const batches: number[] = [];
    projector.onCommitted(({ entries }) => batches.push(entries.length));
    projector.start();
    await harness.caughtUp(projector);
    expect(batches).toEqual([100, 100, 50]);

    const id = await harness.share(UA, { title: 'A live practice' });
    await harness.caughtUp(projector);
    expect(batches.slice(3)).toEqual([1]);
    expect(readModel.item(UA, id)?.version).toBe(1);
    expect(projector.checkpoint()).toMatchObject({ eventsProjected: 251, eventsSkipped: 0 });
  });

  it('hands each commit its feed entries, with the item as the batch left it', async () => {
    const { projector } = harness.open();
    const committed: FeedEntryView[] = [];
    projector.onCommitted(({ entries }) => committed.push(...entries));
    projector.start();
    const id = await harness.share(KZ, {
      title: 'Shared while listening',
      audience: { scope: 'COUNTRIES', countries: ['UA'] },
    });
    await harness.caughtUp(projector);
    expect(committed).toEqual([
      expect.objectContaining({
        activity: 'PRACTICE_SHARED',
        itemId: id,
        itemKind: 'PRACTICE',
        actor: KZ,
        subregions: ['EASTERN_EUROPE', 'CENTRAL_ASIA'],
        item: expect.objectContaining({ id, version: 1, visibility: expect.objectContaining({ country: 'KZ' }) }),
      }),
    ]);
  });

  it('hands each commit its notifications, unread, each with the view of its entry', async () => {
    const { projector } = harness.open();
    const committed: Committed[] = [];
    projector.onCommitted((batch) => committed.push(batch));
    projector.start();
    const proposal = await harness.propose(focalPointOf('KZ'), { title: 'Invitation', partnerCountries: ['UA', 'TJ'] });
    await harness.caughtUp(projector);
    const [{ entries, notifications } = { entries: [], notifications: [] }] = committed;
    expect(
      notifications.map((notification) => [notification.addressee, notification.reason, notification.read]),
    ).toEqual([
      ['F:UA', 'PARTNER_INVITATION', false],
      ['F:TJ', 'PARTNER_INVITATION', false],
    ]);
    expect(notifications.every((notification) => notification.entry === entries[0])).toBe(true);
    expect(entries[0]?.itemId).toBe(proposal);
  });

  it('resolves waitFor on commit and times out with ProjectionTimeout', async () => {
    const { projector, readModel } = harness.open();
    const written = await harness.run(practiceAggregate, KZ, {
      type: 'SharePractice',
      practiceId: 'p1',
      title: 'Read your writes',
      summary: 'Summary',
      body: 'Body',
      topics: ['PREVENTION'],
      audience: { scope: 'NETWORK' },
    });
    const position = written.position as string;
    await expect(projector.waitFor(position, 20)).rejects.toEqual(new ProjectionTimeout(position, 20));
    projector.start();
    await projector.waitFor(position, 10_000);
    expect(readModel.item(UA, 'p1')?.state.title).toBe('Read your writes');
    await expect(projector.waitFor(position, 1)).resolves.toBeUndefined();
  });

  it('holds its next batch while the WAL is being copied, and goes on once it is', async () => {
    const { projector, database, readModel } = harness.open();
    let release = () => {};
    const copying = new Promise<void>((resolve) => (release = resolve));
    let asked = 0;
    // As the checkpointer answers once a checkpoint finds the WAL over its limit.
    database.drained = () => {
      asked += 1;
      return copying;
    };
    projector.start();
    await harness.share(KZ, { title: 'Before the WAL outgrew its limit' });
    await harness.caughtUp(projector);
    await until(() => asked > 0);
    const held = await harness.share(UA, { title: 'Written while the WAL is copied' });
    // Long enough for the projector to have applied it several times over, had it not waited.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(readModel.item(UA, held)).toBeNull();

    database.drained = () => null;
    release();
    await harness.caughtUp(projector);
    expect(readModel.item(UA, held)?.state.title).toBe('Written while the WAL is copied');
  });

  it('stops at a checkpoint: pending waits reject, a restart applies each event once', async () => {
    await shareMany(harness, 30);
    const first = await harness.openCaughtUp();
    await first.projector.stop();
    expect(first.projector.status).toBe('stopped');
    const head = first.projector.position as string;
    await expect(first.projector.waitFor(`${head}~`, 10_000)).rejects.toBeInstanceOf(ProjectorNotRunning);
    await harness.closeReadModels();

    await shareMany(harness, 20, UA);
    const second = await harness.openCaughtUp();
    const stored = await harness.store.readAll();
    expect(second.database.rebuilding).toBe(false);
    expect((await second.readModel.auditTrail({}, { first: 100 })).edges.map((edge) => edge.node.position)).toEqual(
      stored.map((event) => event.position),
    );
    expect(second.readModel.feedAfter(SECRETARIAT, {}, null, 1_000)).toHaveLength(50);
    expect(second.projector.checkpoint()).toMatchObject({ position: stored.at(-1)?.position, eventsProjected: 50 });
  });

  it('applies nothing of a batch that fails and keeps its checkpoint; a restart goes on from there', async () => {
    await shareMany(harness, 5);
    const before = await harness.openCaughtUp();
    const checkpoint = before.projector.position;
    await harness.closeReadModels();

    await shareMany(harness, 10, UA);
    const stored = await harness.store.readAll();
    const failing = stored[9]?.position as string;
    // A crash inside the batch: the 5th new event cannot be written.
    const other = new Database(harness.readModelFile);
    other.exec(`CREATE TRIGGER crash BEFORE INSERT ON feed_entries WHEN NEW.position = '${failing}'
                BEGIN SELECT RAISE(ABORT, 'simulated crash'); END`);

    const errors: object[] = [];
    const logger = { info() {}, warn() {}, error: (obj: object) => errors.push(obj) };
    const crashed = harness.open({ logger });
    crashed.projector.start();
    await expect(crashed.projector.waitFor(stored.at(-1)?.position as string, 10_000)).rejects.toBeInstanceOf(
      ProjectorNotRunning,
    );
    expect(crashed.projector.status).toBe('failed');
    expect(crashed.projector.error).toBeInstanceOf(ProjectionFailed);
    expect(crashed.projector.error).toMatchObject({ position: failing });
    expect(errors).toEqual([expect.objectContaining({ position: failing, checkpoint })]);
    expect(crashed.projector.position).toBe(checkpoint);
    expect(crashed.database.checkpoint()).toMatchObject({ position: checkpoint, eventsProjected: 5 });
    expect((await crashed.readModel.auditTrail({}, { first: 100 })).edges).toHaveLength(5);
    expect(crashed.readModel.feed(SECRETARIAT, { first: 100 }).edges).toHaveLength(5);
    await harness.closeReadModels();

    other.exec('DROP TRIGGER crash');
    other.close();
    const restarted = await harness.openCaughtUp();
    expect((await restarted.readModel.auditTrail({}, { first: 100 })).edges).toHaveLength(15);
    expect(restarted.readModel.feed(SECRETARIAT, { first: 100 }).edges).toHaveLength(15);
  });

  it('retries a batch that failed for lack of room from its checkpoint, and goes on once there is room', async () => {
    await shareMany(harness, 2);
    const errors: object[] = [];
    const { projector, database, readModel } = await harness.openCaughtUp({
      logger: { info() {}, warn() {}, error: (obj: object) => errors.push(obj) },
    });
    // A full disk as SQLite reports it: no page beyond those the file holds now.
    const pages = database.db.pragma('page_count', { simple: true }) as number;
    database.db.pragma(`max_page_count = ${pages}`);

    const bulky = await harness.share(KZ, { title: 'Too big for the room left', body: 'x'.repeat(20_000) });
    const [head] = await harness.store.readAll({ direction: 'backwards', limit: 1 });
    const waiting = projector.waitFor(head?.position as string, 10_000);
    const deadline = Date.now() + 10_000;
    while (errors.length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(projector.status).toBe('retrying');
    expect(errors).toEqual([
      expect.objectContaining({ checkpoint: projector.position, retryInMs: 100 }),
      expect.objectContaining({ checkpoint: projector.position, retryInMs: 200 }),
    ]);

    database.db.pragma('max_page_count = 1073741823');
    await waiting;
    expect(projector.status).toBe('running');
    expect(projector.error).toBeNull();
    expect(readModel.item(UA, bulky)?.state.title).toBe('Too big for the room left');
    expect(readModel.feed(SECRETARIAT, { first: 100 }).edges).toHaveLength(3);
  });

  it.each([
    ['names no actor', {}],
    [
      'lacks the fields its item needs',
      { actorId: KZ.id, actorName: KZ.name, actorCountry: 'KZ', actorRoles: ['PARTICIPANT'] },
    ],
  ])('stops before a poison event that %s, logs it, and never moves past it', async (_, metadata) => {
    await shareMany(harness, 3);
    const { position: poison } = await harness.appendRaw('practice-poison', [
      { type: 'PracticeShared', data: { practiceId: 'poison', occurredAt: '2019-03-14T10:00:00.000Z' }, metadata },
    ]);
    await shareMany(harness, 3);
    const errors: object[] = [];
    const { projector, database } = harness.open({
      logger: { info() {}, warn() {}, error: (obj) => errors.push(obj) },
    });
    projector.start();
    await expect(projector.waitFor(poison, 10_000)).rejects.toBeInstanceOf(ProjectorNotRunning);
    expect(projector.error).toMatchObject({ position: poison, type: 'PracticeShared', streamId: 'practice-poison' });
    expect(errors).toHaveLength(1);
    const applied = database.checkpoint().position;
    expect(applied === null || applied < poison).toBe(true);
  });

  it('skips and counts events it does not know, keeping them in the audit trail', async () => {
    await harness.appendRaw('practice-x', [{ type: 'SomethingNew', data: { occurredAt: '2019-03-14T10:00:00.000Z' } }]);
    await harness.appendRaw('other-1', [{ type: 'PracticeShared', data: {} }]);
    const id = await harness.share(KZ, { title: 'After the unknown ones' });
    const { readModel, projector } = await harness.openCaughtUp();
    expect(projector.checkpoint()).toMatchObject({ eventsProjected: 1, eventsSkipped: 2 });
    expect(readModel.item(KZ, id)).not.toBeNull();
    expect((await readModel.auditTrail({}, { first: 10 })).edges.map((edge) => edge.node.type)).toEqual([
      'SomethingNew',
      'PracticeShared',
      'PracticeShared',
    ]);
  });

  it('rebuilds to the same answers after a projection version change or a lost file', async () => {
    const ids = await shareMany(harness, 12);
    for (const id of ids.slice(0, 4)) await harness.comment(UA, id, 'PRACTICE', `Comment on ${id}`);
    const original = await everyAnswer((await harness.openCaughtUp()).readModel);
    await harness.closeReadModels();

    const bumped = await harness.openCaughtUp({ projectionVersion: PROJECTION_VERSION + 1 });
    expect(bumped.database.rebuilding).toBe(true);
    expect(await everyAnswer(bumped.readModel)).toEqual(original);
    await harness.closeReadModels();

    for (const suffix of ['', '-wal', '-shm']) rmSync(`${harness.readModelFile}${suffix}`, { force: true });
    const fresh = await harness.openCaughtUp();
    expect(fresh.database.rebuilding).toBe(true);
    expect(await everyAnswer(fresh.readModel)).toEqual(original);
  });

  it('caps pages at 100 and keeps cursors valid while new events arrive', async () => {
    await shareMany(harness, 130);
    const { readModel, projector } = await harness.openCaughtUp();
    expect(readModel.feed(UA, { first: 1_000 }).edges).toHaveLength(100);
    expect((await readModel.auditTrail({}, { first: 1_000 })).edges).toHaveLength(100);

    const firstPage = readModel.feed(UA, { first: 50 });
    await shareMany(harness, 5, UA);
    await harness.caughtUp(projector);
    const rest = [];
    let after = firstPage.pageInfo.endCursor;
    for (;;) {
      const page = readModel.feed(UA, { first: 50, after });
      rest.push(...page.edges);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    const seen = [...firstPage.edges, ...rest].map((edge) => edge.node.position);
    expect(seen).toHaveLength(130);
    expect(new Set(seen).size).toBe(130);
    expect(readModel.feed(UA, { first: 5 }).edges.every((edge) => edge.node.actor.id === UA.id)).toBe(true);
  });

  it('reports its lag against the head of the store', async () => {
    await shareMany(harness, 3);
    const { projector } = harness.open();
    expect(await projector.lag()).toMatchObject({ position: null, caughtUp: false, percent: 0 });
    projector.start();
    await harness.caughtUp(projector);
    const [head] = await harness.store.readAll({ direction: 'backwards', limit: 1 });
    expect(await projector.lag()).toEqual({
      head: head?.position,
      position: head?.position,
      caughtUp: true,
      seconds: 0,
      percent: 100,
    });
  });

  it('counts the events it has still to apply, up to a limit', async () => {
    await shareMany(harness, 5);
    const { projector } = harness.open({ maxBatchSize: 2 });
    expect(await projector.eventsBehind(100)).toBe(5);
    expect(await projector.eventsBehind(3)).toBe(3);
    const committed = new Promise<void>((resolve) => projector.onCommitted(() => resolve()));
    projector.start();
    await committed;
    await projector.stop();
    expect(await projector.eventsBehind(100)).toBe(3);
    expect(await projector.eventsBehind(2)).toBe(2);
  });

  it('tells its listener the size and duration of each batch', async () => {
    await shareMany(harness, 5);
    const batches: [number, number][] = [];
    const { projector } = harness.open({
      maxBatchSize: 2,
      onBatchApplied: (events, seconds) => batches.push([events, seconds]),
    });
    projector.start();
    await harness.caughtUp(projector);
    expect(batches.map(([events]) => events)).toEqual([2, 2, 1]);
    expect(batches.every(([, seconds]) => seconds >= 0)).toBe(true);
    expect(await projector.eventsBehind(100)).toBe(0);
  });

  it('makes the batches of a catch-up smaller when they take longer than targetBatchSeconds', async () => {
    await shareMany(harness, 60);
    const sizes: number[] = [];
    const { projector, database } = harness.open({
      maxBatchSize: 20,
      targetBatchSeconds: 0.01,
      onBatchApplied: (events) => sizes.push(events),
    });
    // Each audit row takes at least 2 ms to write, so a batch of n events at least 2n ms.
    database.db.function('linger', () => {
      const until = performance.now() + 2;
      while (performance.now() < until);
      return 0;
    });
    database.db.exec('CREATE TEMP TRIGGER slow AFTER INSERT ON audit_events BEGIN SELECT linger(); END');
    projector.start();
    await harness.caughtUp(projector);
    const [first, ...rest] = sizes;
    expect(first).toBe(20);
    // 0.01 s at no more than 500 events/s.
    expect(rest.every((size) => size >= 1 && size <= 5)).toBe(true);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(60);
  });

  it('refuses a batch duration that is not a positive number of seconds', async () => {
    const database = ReadModelDatabase.open(harness.readModelFile);
    try {
      for (const targetBatchSeconds of [0, -1, Number.NaN]) {
        expect(() => new Projector(harness.store, database, { targetBatchSeconds })).toThrow(
          `Not a batch duration: ${targetBatchSeconds}`,
        );
      }
    } finally {
      await database.close();
    }
  });

  it('says its catch-up is done once it holds the log as it was at start, counting the events applied', async () => {
    await shareMany(harness, 30);
    const { projector } = harness.open({ maxBatchSize: 10 });
    const seen: boolean[] = [];
    projector.onCommitted(() => seen.push(projector.catchUp.done));
    expect(projector.catchUp).toMatchObject({ done: false, eventsApplied: 0 });
    projector.start();
    await harness.caughtUp(projector);
    expect(seen).toEqual([false, false, true]);
    expect(projector.catchUp).toMatchObject({ done: true, eventsApplied: 30 });

    await harness.share(UA, { title: 'After the catch-up' });
    await harness.caughtUp(projector);
    expect(projector.catchUp).toMatchObject({ done: true, eventsApplied: 31 });
  });

  it('is done catching up at once on an empty log or a current checkpoint', async () => {
    const empty = await harness.openCaughtUp();
    await expect(until(() => empty.projector.catchUp.done)).resolves.toBe(true);
    await shareMany(harness, 3);
    await harness.caughtUp(empty.projector);
    await harness.closeReadModels();

    const current = harness.open();
    current.projector.start();
    await expect(until(() => current.projector.catchUp.done)).resolves.toBe(true);
    expect(current.projector.catchUp.eventsApplied).toBe(0);
  });

  it('gives the event loop a turn between batches: timers and HTTP requests are served during a catch-up', async () => {
    const total = 2_000;
    await shareMany(harness, total);
    const server = createServer((_, response) => response.end('served'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const { projector } = harness.open({ maxBatchSize: 10 });
      projector.start();
      const appliedWhenTimerRan = new Promise<number>((resolve) =>
        setTimeout(() => resolve(projector.catchUp.eventsApplied), 0),
      );
      const appliedWhenAnswered = new Promise<number>((resolve, reject) =>
        get(`http://127.0.0.1:${port}/`, (response) => {
          response.resume();
          response.on('end', () => resolve(projector.catchUp.eventsApplied));
        }).on('error', reject),
      );
      await harness.caughtUp(projector);
      const [timer, request] = await Promise.all([appliedWhenTimerRan, appliedWhenAnswered]);
      // Half the log still to apply: the catch-up went on after them, not only through its last batch.
      expect(timer).toBeLessThan(total / 2);
      expect(request).toBeLessThan(total / 2);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('keeps no event it has read reachable: as many stay in memory for a log four times longer', async () => {
    const maxBatchSize = 16;
    const retainedAfterCatchingUp = async (total: number) => {
      const read: WeakRef<RecordedEvent>[] = [];
      let retained = Number.NaN;
      const store = withSubscriptionHooks(harness.store, {
        onEvent(event, delivered) {
          read.push(new WeakRef(event));
          if (delivered < total) return;
          // The last event: count what a full collection leaves of everything read so far.
          collectGarbage();
          retained = read.filter((reference) => reference.deref() !== undefined).length;
        },
      });
      const database = ReadModelDatabase.open(harness.readModelFile);
      const projector = new Projector(store, database, { maxBatchSize });
      projector.start();
      await harness.caughtUp(projector);
      await projector.stop();
      await database.close();
      expect(read).toHaveLength(total);
      return retained;
    };
    // Multiples of the batch size and of the SQLite subscription's page, so both runs end alike.
    await shareMany(harness, 1_280);
    const small = await retainedAfterCatchingUp(1_280);
    rmSync(harness.readModelFile);
    await shareMany(harness, 3 * 1_280);
    const large = await retainedAfterCatchingUp(4 * 1_280);
    // What stays is a page and a batch in hand, give or take the odd object; one event per batch would show.
    expect(large - small).toBeLessThan(maxBatchSize);
    expect(large).toBeLessThan(1_280 / 2);
  });
});

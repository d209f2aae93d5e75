import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Participant, practiceAggregate, type PracticeCommand } from '@coop/domain';
import { focalPointOf, NOW, participantOfCountry } from '@coop/domain/testing/domain.fixtures.js';
import {
  type AppendResult,
  checkIntegrity,
  type EventStore,
  type NewEvent,
  SqliteEventStore,
  VersionConflict,
} from '@coop/event-store';
import { type CommandEnvelope, CommandHandler } from './command-handler.js';
import { idFor } from './idempotency.js';

const author = participantOfCountry('KZ');
const adopter = participantOfCountry('KG');
const otherAdopter = participantOfCountry('TJ');
const streamId = 'practice-p-1';

const share: PracticeCommand = {
  type: 'SharePractice',
  practiceId: 'p-1',
  title: 'Tailings dam inspections',
  summary: 'How the regions inspect tailings dams',
  body: 'Every spring, before the floods.',
  topics: ['PREVENTION'],
  audience: { scope: 'NETWORK' },
};

const envelope = (
  actor: Participant,
  command: PracticeCommand,
  options: Partial<CommandEnvelope<PracticeCommand>> = {},
): CommandEnvelope<PracticeCommand> => ({ actor, now: NOW, correlationId: 'correlation-1', command, ...options });

const adopt = (actor: Participant) => envelope(actor, { type: 'AdoptPractice', practiceId: 'p-1', note: null });

/** A store on which another writer appends to the same stream just before each of the first `races` appends. */
class RacingStore {
  appends = 0;

  constructor(
    readonly inner: EventStore,
    private races: number,
    private readonly competitor: () => Promise<unknown>,
  ) {}

  asStore(): EventStore {
    return new Proxy(this.inner, {
      get: (target, property, receiver) =>
        property === 'append' ? this.append.bind(this) : Reflect.get(target, property, receiver),
    });
  }

  private async append(...args: Parameters<EventStore['append']>): Promise<AppendResult> {
    this.appends += 1;
    if (this.races > 0) {
      this.races -= 1;
      await this.competitor();
    }
    return this.inner.append(...args);
  }
}

describe('CommandHandler', () => {
  let dir: string;
  let store: SqliteEventStore;
  let handler: CommandHandler;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'command-handler-'));
    store = new SqliteEventStore(join(dir, 'events.sqlite'));
    handler = new CommandHandler(store);
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('appends what the decider decided, stamped with who, when, why and the hash chain', async () => {
    const shared = await handler.handle(practiceAggregate, envelope(author, share));
    const adopted = await handler.handle(practiceAggregate, { ...adopt(adopter), correlationId: 'correlation-2' });

    const events = await store.readStream(streamId);
    expect(events.map((event) => event.type)).toEqual(['PracticeShared', 'PracticeAdopted']);
    expect([shared.position, adopted.position]).toEqual(events.map((event) => event.position));
    expect(events[1]?.metadata).toEqual({
      actorId: adopter.id,
      actorName: adopter.name,
      actorCountry: 'KG',
      actorRoles: ['PARTICIPANT'],
      correlationId: 'correlation-2',
      causationId: expect.any(String),
      occurredAt: NOW.toISOString(),
      schemaVersion: 1,
      previousHash: events[0]?.metadata['hash'],
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(events[0]?.metadata['previousHash']).toBeNull();
    expect(await checkIntegrity(store)).toMatchObject({ valid: true, eventsChecked: 2 });
  });

  it('tells its listener of each append once the store has it, and of nothing a replay or a refusal writes', async () => {
    const told: string[][] = [];
    const listening = new CommandHandler(store, {
      onAppended: (events) => told.push(events.map((event) => event.type)),
    });

    await listening.handle(practiceAggregate, { ...envelope(author, share), idempotencyKey: 'share-once' });
    await listening.handle(practiceAggregate, { ...envelope(author, share), idempotencyKey: 'share-once' });
    await expect(listening.handle(practiceAggregate, adopt(author))).rejects.toThrow();

    expect(told).toEqual([['PracticeShared']]);
  });

  it('retries an unpinned command that lost a race, deciding again on the stream as it now is', async () => {
    await handler.handle(practiceAggregate, envelope(author, share));
    const competitor = new CommandHandler(store);
    const racing = new RacingStore(store, 1, () => competitor.handle(practiceAggregate, adopt(otherAdopter)));

    const result = await new CommandHandler(racing.asStore()).handle(practiceAggregate, adopt(adopter));

    const events = await store.readStream(streamId);
    expect(racing.appends).toBe(2);
    expect(events.map((event) => [event.type, event.metadata['actorCountry']])).toEqual([
      ['PracticeShared', 'KZ'],
      ['PracticeAdopted', 'TJ'],
      ['PracticeAdopted', 'KG'],
    ]);
    expect(result.position).toBe(events[2]?.position);
    expect(await checkIntegrity(store)).toMatchObject({ valid: true });
  });

  it('gives up after a bounded number of attempts', async () => {
    await handler.handle(practiceAggregate, envelope(author, share));
    let competitors = 0;
    const countries = ['TJ', 'UZ', 'TM', 'GE'] as const;
    const competitor = new CommandHandler(store);
    const racing = new RacingStore(store, Infinity, () =>
      competitor.handle(practiceAggregate, adopt(participantOfCountry(countries[competitors++] ?? 'AM'))),
    );

    const attempt = new CommandHandler(racing.asStore(), { maxAttempts: 3 }).handle(practiceAggregate, adopt(adopter));

    await expect(attempt).rejects.toBeInstanceOf(VersionConflict);
    expect(racing.appends).toBe(3);
    const events = await store.readStream(streamId);
    expect(events.filter((event) => event.metadata['actorCountry'] === 'KG')).toEqual([]);
  });

  it('reports a pinned version that is not the stream version as a conflict with expected and actual, writing nothing', async () => {
    await handler.handle(practiceAggregate, envelope(author, share));
    await handler.handle(practiceAggregate, adopt(adopter));
    const revise = envelope(
      author,
      { type: 'RevisePractice', practiceId: 'p-1', expectedVersion: 1, title: 'Tailings dam inspections, revised' },
      { expectedVersion: 1 },
    );

    const conflict = await handler.handle(practiceAggregate, revise).catch((error: unknown) => error);

    expect(conflict).toBeInstanceOf(VersionConflict);
    expect(conflict).toMatchObject({ streamId, expected: 1, actual: 2 });
    expect(await store.readStream(streamId)).toHaveLength(2);
  });

  it('does not retry a pinned command that loses a race between its read and its append', async () => {
    await handler.handle(practiceAggregate, envelope(author, share));
    const competitor = new CommandHandler(store);
    const racing = new RacingStore(store, 1, () => competitor.handle(practiceAggregate, adopt(otherAdopter)));
    const revise = envelope(
      author,
      { type: 'RevisePractice', practiceId: 'p-1', expectedVersion: 1, title: 'Tailings dam inspections, revised' },
      { expectedVersion: 1 },
    );

    const conflict = await new CommandHandler(racing.asStore())
      .handle(practiceAggregate, revise)
      .catch((error: unknown) => error);

    expect(conflict).toMatchObject({ streamId, expected: 1, actual: 2 });
    expect(racing.appends).toBe(1);
    expect((await store.readStream(streamId)).map((event) => event.type)).toEqual([
      'PracticeShared',
      'PracticeAdopted',
    ]);
  });

  it('answers a replayed idempotency key with the first answer and writes nothing', async () => {
    const first = await handler.handle(practiceAggregate, envelope(author, share, { idempotencyKey: 'share-once' }));
    const replay = await handler.handle(
      practiceAggregate,
      envelope(author, share, { idempotencyKey: 'share-once', now: new Date(NOW.getTime() + 60_000) }),
    );

    expect(replay.position).toBe(first.position);
    const events = await store.readStream(streamId);
    expect(events).toHaveLength(1);
    expect(events[0]?.id).toBe(idFor(author, `${streamId}\u00000`, 'share-once'));
  });

  it('appends nothing when the decision is to record nothing', async () => {
    await handler.handle(practiceAggregate, envelope(author, share));
    const unchanged = envelope(author, {
      type: 'RevisePractice',
      practiceId: 'p-1',
      expectedVersion: 1,
      title: share.title,
    });

    const result = await handler.handle(practiceAggregate, unchanged);

    expect(result.position).toBeNull();
    expect(await store.readStream(streamId)).toHaveLength(1);
  });

  it("folds only its own aggregate's event types: another writer's event in the stream is passed over", async () => {
    await handler.handle(practiceAggregate, envelope(author, share));
    const foreign: NewEvent = { id: randomUUID(), type: 'SomethingElse', data: { practiceId: 'p-1' }, metadata: {} };
    await store.append(streamId, [foreign], { expectedVersion: 1 });

    await handler.handle(practiceAggregate, adopt(adopter));

    expect((await store.readStream(streamId)).map((event) => event.type)).toEqual([
      'PracticeShared',
      'SomethingElse',
      'PracticeAdopted',
    ]);
  });

  it('lets the decider refuse, writing nothing', async () => {
    await handler.handle(practiceAggregate, envelope(author, share));

    await expect(handler.handle(practiceAggregate, adopt(author))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await store.readStream(streamId)).toHaveLength(1);
  });
});

describe('idFor', () => {
  it('names the same thing for the same actor, purpose and key, and something else otherwise', () => {
    const id = idFor(author, 'practice', 'key-1');
    expect(idFor(author, 'practice', 'key-1')).toBe(id);
    expect(idFor(focalPointOf('KZ'), 'practice', 'key-1')).not.toBe(id);
    expect(idFor(author, 'question', 'key-1')).not.toBe(id);
    expect(idFor(author, 'practice', 'key-2')).not.toBe(id);
    expect(idFor(author, 'practice', null)).not.toBe(idFor(author, 'practice', null));
  });
});

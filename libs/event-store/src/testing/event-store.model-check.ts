import fc from 'fast-check';
import { InvalidAppend, VersionConflict } from '../event-store.errors.js';
import type { EventStore, ExpectedVersion, NewEvent } from '../event-store.port.js';
import type { ConformanceTarget } from './conformance-target.js';
import { EventStoreModel, type ModelEvent, type ModelOutcome } from './event-store.model.js';

const STREAMS = ['model-0', 'model-1', 'model-2'];

type ExpectedChoice = 'any' | 'noStream' | 'streamExists' | { readonly exact: number } | { readonly offset: number };
type EventChoice = { readonly reuse: number | null; readonly system: boolean };

type Command =
  | {
      readonly kind: 'append';
      readonly stream: number;
      readonly expected: ExpectedChoice;
      readonly events: readonly EventChoice[];
    }
  | {
      readonly kind: 'retry';
      readonly pick: number;
      readonly variant: 'same' | 'prefix' | 'suffix' | 'extend' | 'asAny';
    };

const expectedChoice: fc.Arbitrary<ExpectedChoice> = fc.oneof(
  fc.constantFrom<ExpectedChoice>('any', 'noStream', 'streamExists'),
  fc.record({ exact: fc.nat({ max: 8 }) }),
  // Near the model's current version, so that exact versions often hold.
  { weight: 3, arbitrary: fc.record({ offset: fc.integer({ min: -1, max: 1 }) }) },
);

const eventChoice: fc.Arbitrary<EventChoice> = fc.record({
  reuse: fc.option(fc.nat(), { freq: 4 }),
  system: fc.nat({ max: 9 }).map((draw) => draw === 9),
});

const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('append' as const),
      stream: fc.nat({ max: STREAMS.length - 1 }),
      expected: expectedChoice,
      events: fc.array(eventChoice, { minLength: 1, maxLength: 3 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('retry' as const),
      pick: fc.nat(),
      variant: fc.constantFrom(
        'same' as const,
        'prefix' as const,
        'suffix' as const,
        'extend' as const,
        'asAny' as const,
      ),
    }),
  },
);

interface Attempt {
  readonly streamId: string;
  readonly events: readonly NewEvent[];
  readonly expected: ExpectedVersion;
}

/** Runs one command sequence against a store and the model, failing on the first difference. */
async function run(store: EventStore, commands: readonly Command[], options: ModelCheckOptions): Promise<void> {
  const model = new EventStoreModel();
  const attempts: Attempt[] = [];
  const usedIds: string[] = [];
  let fresh = 0;
  // Deterministic ids keep a failing case reproducible and shrinkable.
  const freshId = (): string => `00000000-0000-4000-8000-${(fresh++).toString(16).padStart(12, '0')}`;

  const toAttempt = (next: Command): Attempt | undefined => {
    if (next.kind === 'append') {
      const streamId = STREAMS[next.stream] as string;
      const events = next.events.map((choice): NewEvent => {
        const id =
          choice.reuse === null || usedIds.length === 0
            ? freshId()
            : (usedIds[choice.reuse % usedIds.length] as string);
        usedIds.push(id);
        return { id, type: choice.system ? '$system' : 'Tested', data: { id }, metadata: {} };
      });
      const { expected } = next;
      const resolved =
        typeof expected === 'string'
          ? expected
          : 'exact' in expected
            ? expected.exact
            : Math.max(0, model.version(streamId) + expected.offset);
      return { streamId, events, expected: resolved };
    }
    const earlier = attempts[next.pick % Math.max(1, attempts.length)];
    if (earlier === undefined) return undefined;
    const { streamId, events, expected } = earlier;
    switch (next.variant) {
      case 'same':
        return earlier;
      case 'prefix':
        return events.length > 1 ? { streamId, events: events.slice(0, -1), expected } : earlier;
      case 'suffix': {
        if (events.length < 2) return earlier;
        const shifted = typeof expected === 'number' ? expected + 1 : expected === 'noStream' ? 1 : expected;
        return { streamId, events: events.slice(1), expected: shifted };
      }
      case 'extend': {
        const id = freshId();
        usedIds.push(id);
        return { streamId, events: [...events, { id, type: 'Tested', data: { id }, metadata: {} }], expected };
      }
      case 'asAny':
        return { streamId, events, expected: 'any' };
    }
  };

  for (const next of commands) {
    const attempt = toAttempt(next);
    if (attempt === undefined) continue;
    attempts.push(attempt);
    const modelEvents: ModelEvent[] = attempt.events.map(({ id, type }) => ({ id, type }));
    const expected = model.append(attempt.streamId, modelEvents, attempt.expected);
    // An adapter that stores reused ids would leave the model behind from here on.
    if (expected.outcome === 'InvalidAppend' && expected.reason === 'reused-id' && !options.refusesReusedIds) continue;
    const actual = await outcomeOf(store, attempt);
    const context = `append to ${attempt.streamId} of [${attempt.events.map((event) => event.id.slice(-3))}] expecting ${String(attempt.expected)}`;
    if (expected.outcome === 'appended' || expected.outcome === 'duplicate') {
      if (actual.outcome !== 'ok')
        throw new Error(`${context}: model ${expected.outcome}, store ${JSON.stringify(actual)}`);
      const [last] = await store.readStream(attempt.streamId, { from: expected.nextVersion, limit: 1 });
      expect({ context, nextVersion: actual.nextVersion, lastEventId: last?.id, position: actual.position }).toEqual({
        context,
        nextVersion: expected.nextVersion,
        lastEventId: expected.lastEventId,
        position: last?.position,
      });
    } else {
      expect({ context, ...actual }).toEqual({ context, ...expected });
    }
  }

  const all = await store.readAll();
  expect(all.map(({ id, streamId, version }) => ({ id, streamId, version }))).toEqual(
    model.all().map(({ id, streamId, version }) => ({ id, streamId, version })),
  );
  for (const streamId of STREAMS) {
    const stream = await store.readStream(streamId);
    expect(stream.map(({ id, type, version }) => ({ id, type, version }))).toEqual(
      model.stream(streamId).map(({ id, type, version }) => ({ id, type, version })),
    );
  }
}

type StoreOutcome =
  | { outcome: 'ok'; nextVersion: number; position: string }
  | Exclude<ModelOutcome, { outcome: 'appended' | 'duplicate' }>;

async function outcomeOf(store: EventStore, attempt: Attempt): Promise<StoreOutcome> {
  try {
    const result = await store.append(attempt.streamId, attempt.events, { expectedVersion: attempt.expected });
    return { outcome: 'ok', ...result };
  } catch (error) {
    if (error instanceof VersionConflict) return { outcome: 'VersionConflict', actual: error.actual };
    if (error instanceof InvalidAppend)
      return {
        outcome: 'InvalidAppend',
        reason:
          attempt.events.length === new Set(attempt.events.map((event) => event.id)).size ? 'reused-id' : 'repeated-id',
      };
    throw error;
  }
}

export interface ModelCheckOptions {
  /** The adapter refuses an id stored elsewhere with `InvalidAppend` (the port leaves this to the adapter). */
  readonly refusesReusedIds: boolean;
  readonly parameters?: fc.Parameters<[Command[]]>;
}

/**
 * Random sequences of appends (a few streams, right and wrong expected
 * versions, reused ids, retries of earlier appends whole, cut or extended)
 * must give the same outcomes and the same final state as `EventStoreModel`.
 */
export async function checkEventStoreAgainstModel(
  target: ConformanceTarget,
  options: ModelCheckOptions,
): Promise<void> {
  await fc.assert(
    fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 30 }), async (commands) => {
      const storage = await target.createStorage();
      const store = await storage.open();
      try {
        await run(store, commands, options);
      } finally {
        await store.close();
        await storage.dispose();
      }
    }),
    options.parameters,
  );
}

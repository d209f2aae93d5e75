import { type Aggregate, type CommandContext, readEvent, type StoredEvent } from '@coop/domain';
import {
  chainEvents,
  type EventStore,
  type JsonValue,
  metadataString,
  type NewEvent,
  type Position,
  type RecordedEvent,
  type UnchainedEventMetadata,
  VersionConflict,
} from '@coop/event-store';
import { idFor } from './idempotency.js';

/** A command as the edge, the demo seeder or a test sends it, with who acts, when, and why. */
export interface CommandEnvelope<Input> extends CommandContext {
  /** The command without who acts and when, which the envelope says. */
  readonly command: Input;
  /** Ties together every event one request causes. */
  readonly correlationId: string;
  /** The stream version the client saw: a mismatch is a CONFLICT and is never retried. */
  readonly expectedVersion?: number;
  /** The same key from the same actor names the same events: a retried request writes nothing. */
  readonly idempotencyKey?: string | null;
}

export interface CommandResult {
  /**
   * Position of the command's last event, or of the event that first answered
   * this idempotency key; null when the decision was to record nothing.
   */
  readonly position: Position | null;
}

export interface CommandHandlerOptions {
  /** How many times an unpinned command re-reads and decides again when another writer got there first. */
  readonly maxAttempts?: number;
  /** Told of every append the handler makes, once the store has acknowledged it (for metrics). */
  readonly onAppended?: (events: readonly NewEvent[]) => void;
}

const DEFAULT_MAX_ATTEMPTS = 5;

/**
 * The one place commands are handled: load the stream, fold it, decide, stamp
 * each event with its metadata and the stream's hash chain, and append with
 * the version the fold saw. An unpinned command that loses a race re-reads and
 * decides again, a bounded number of times; a pinned one reports the conflict.
 */
export class CommandHandler {
  private readonly maxAttempts: number;
  private readonly onAppended: (events: readonly NewEvent[]) => void;

  constructor(
    private readonly store: EventStore,
    options: CommandHandlerOptions = {},
  ) {
    this.maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    this.onAppended = options.onAppended ?? (() => {});
    if (!Number.isSafeInteger(this.maxAttempts) || this.maxAttempts < 1) {
      throw new RangeError(`Not a number of attempts: ${this.maxAttempts}`);
    }
  }

  async handle<Command, Event extends StoredEvent, State>(
    aggregate: Aggregate<Command, Event, State>,
    envelope: CommandEnvelope<NoInfer<Command>>,
  ): Promise<CommandResult> {
    const { actor, now, expectedVersion, idempotencyKey } = envelope;
    const command = { ...envelope.command, actor, now };
    const streamId = aggregate.streamIdOf(command);
    const eventId = (index: number) => idFor(actor, `${streamId}\u0000${index}`, idempotencyKey);
    // The command itself is the cause of its events; a retried command keeps its id.
    const causationId = idFor(actor, `${streamId}\u0000command`, idempotencyKey);
    for (let attempt = 1; ; attempt++) {
      const stream = await this.store.readStream(streamId);
      if (idempotencyKey) {
        const firstId = eventId(0);
        const answered = stream.find((event) => event.id === firstId);
        if (answered) return { position: answered.position };
      }
      if (expectedVersion !== undefined && expectedVersion !== stream.length) {
        throw new VersionConflict(streamId, expectedVersion, stream.length);
      }
      const decided = aggregate.decider.decide(command, foldStream(aggregate, stream));
      if (decided.length === 0) return { position: null };
      const metadataOf = (event: Event): UnchainedEventMetadata => ({
        actorId: actor.id,
        actorName: actor.name,
        actorCountry: actor.country,
        actorRoles: [...actor.roles],
        correlationId: envelope.correlationId,
        causationId,
        occurredAt: now.toISOString(),
        // TypeScript reads `event.type` as its constraint, string; it is the Event's own type.
        schemaVersion: aggregate.schemaVersions[event.type as Event['type']],
      });
      const events: NewEvent[] = decided.map((event, index) => ({
        id: eventId(index),
        type: event.type,
        data: event.data as JsonValue,
        metadata: metadataOf(event),
      }));
      try {
        const appended = await this.store.append(
          streamId,
          chainEvents(streamId, stream.length, lastHashOf(stream), events),
          {
            expectedVersion: stream.length,
          },
        );
        this.onAppended(events);
        return { position: appended.position };
      } catch (error) {
        // Deciding again on the stream as it now is; a pinned command then fails its version check above.
        if (!(error instanceof VersionConflict) || attempt >= this.maxAttempts) throw error;
      }
    }
  }
}

function foldStream<Command, Event extends StoredEvent, State>(
  aggregate: Aggregate<Command, Event, State>,
  stream: readonly RecordedEvent[],
): State {
  let state = aggregate.decider.initialState();
  for (const recorded of stream) {
    // An event of a type the aggregate does not know is another writer's: it is not folded.
    const event = readEvent(aggregate.schemaVersions, recorded);
    if (event !== null) state = aggregate.decider.evolve(state, event);
  }
  return state;
}

function lastHashOf(stream: readonly RecordedEvent[]): string | null {
  const last = stream.at(-1);
  return last === undefined ? null : metadataString(last.metadata, 'hash');
}

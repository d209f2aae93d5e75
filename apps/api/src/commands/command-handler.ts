import { randomUUID } from 'node:crypto';
import { type Actor, type Decider, type DomainEventType, EVENT_SCHEMA_VERSIONS } from '@coop/domain';
import {
  type EventStore,
  type JsonObject,
  type JsonValue,
  type NewEvent,
  type Position,
  type RecordedEvent,
  type UnchainedEventMetadata,
  VersionConflict,
  chainEvents,
} from '@coop/event-store';
import { v5 as uuidv5 } from 'uuid';

/** Namespace of the deterministic ids derived from idempotency keys. */
const IDEMPOTENCY_NAMESPACE = '3f0c8a52-5d4e-4c1b-9d3e-6b1f2a7c9e10';
/** Unpinned commands re-read and re-decide this many times when another writer got there first. */
const MAX_ATTEMPTS = 5;

/**
 * A stable id for what an actor asked for under an idempotency key, so a
 * retried mutation names the same item, answer or comment as the first try.
 * Scoped to the actor: two participants cannot collide by choosing one key.
 */
export function idFor(actor: Actor, purpose: string, idempotencyKey: string | null | undefined): string {
  return idempotencyKey
    ? uuidv5(`${actor.id}\u0000${purpose}\u0000${idempotencyKey}`, IDEMPOTENCY_NAMESPACE)
    : randomUUID();
}

export interface DomainEventShape {
  readonly type: string;
  readonly data: object;
}

export interface CommandRequest<
  Command extends { readonly actor: Actor; readonly now: Date },
  Event extends DomainEventShape,
  State,
> {
  readonly decider: Decider<Command, Event, State>;
  readonly streamId: string;
  readonly command: Command;
  /** Pinned by the client: a mismatch is a CONFLICT and is never retried. */
  readonly expectedVersion?: number;
  readonly idempotencyKey?: string | null;
  readonly correlationId: string;
}

export interface CommandResult<State> {
  readonly state: State;
  /** Events in the stream after the command. */
  readonly version: number;
  /** Position of the command's last event, or of the event that first answered this idempotency key; null when nothing was written. */
  readonly position: Position | null;
}

interface LoadedStream<State> {
  readonly state: State;
  readonly version: number;
  readonly lastHash: string | null;
  readonly events: readonly RecordedEvent[];
}

/**
 * The one place commands are handled (DESIGN section 2): load the stream, fold
 * it, decide, and append with the version the fold saw, chained into the
 * stream's hash chain. An unpinned command that loses a race re-reads and
 * decides again; a pinned one reports the conflict.
 */
export class CommandHandler {
  constructor(private readonly store: EventStore) {}

  async handle<Command extends { readonly actor: Actor; readonly now: Date }, Event extends DomainEventShape, State>(
    request: CommandRequest<Command, Event, State>,
  ): Promise<CommandResult<State>> {
    const { decider, streamId, command, expectedVersion, idempotencyKey } = request;
    const eventId = (index: number) =>
      idempotencyKey ? idFor(command.actor, `${streamId}\u0000${index}`, idempotencyKey) : randomUUID();
    // The command itself is the cause of its events; a retried command keeps its id.
    const commandId = idFor(command.actor, `${streamId}\u0000command`, idempotencyKey);
    for (let attempt = 1; ; attempt++) {
      const stream = await this.load(decider, streamId);
      if (idempotencyKey) {
        const firstId = eventId(0);
        const answered = stream.events.find((event) => event.id === firstId);
        if (answered) return { state: stream.state, version: stream.version, position: answered.position };
      }
      if (expectedVersion !== undefined && expectedVersion !== stream.version) {
        throw new VersionConflict(streamId, expectedVersion, stream.version);
      }
      const decided = decider.decide(command, stream.state);
      if (decided.length === 0) return { state: stream.state, version: stream.version, position: null };
      const metadataOf = (event: Event): UnchainedEventMetadata => ({
        actorId: command.actor.id,
        actorName: command.actor.name,
        actorCountry: command.actor.country,
        actorRoles: [...command.actor.roles],
        correlationId: request.correlationId,
        causationId: commandId,
        occurredAt: command.now.toISOString(),
        schemaVersion: EVENT_SCHEMA_VERSIONS[event.type as DomainEventType],
      });
      const events: NewEvent[] = chainEvents(
        streamId,
        stream.version,
        stream.lastHash,
        decided.map((event, index) => ({
          id: eventId(index),
          type: event.type,
          data: event.data as JsonValue,
          metadata: metadataOf(event) as JsonObject,
        })),
      );
      try {
        const appended = await this.store.append(streamId, events, { expectedVersion: stream.version });
        const state = decided.reduce((folded, event) => decider.evolve(folded, event), stream.state);
        return { state, version: appended.nextVersion, position: appended.position };
      } catch (error) {
        const retry = error instanceof VersionConflict && expectedVersion === undefined && attempt < MAX_ATTEMPTS;
        if (!retry) throw error;
      }
    }
  }

  private async load<Command, Event extends DomainEventShape, State>(
    decider: Decider<Command, Event, State>,
    streamId: string,
  ): Promise<LoadedStream<State>> {
    const events = await this.store.readStream(streamId);
    let state = decider.initialState();
    for (const event of events)
      state = decider.evolve(state, { type: event.type, data: event.data } as unknown as Event);
    const last = events.at(-1);
    const lastHash = last && typeof last.metadata['hash'] === 'string' ? last.metadata['hash'] : null;
    return { state, version: events.length, lastHash, events };
  }
}

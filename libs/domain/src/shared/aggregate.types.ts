import type { Decider } from './decider.types.js';
import type { StoredEvent } from './event.types.js';

/**
 * What command handling needs of an aggregate besides its decider: the stream
 * a command goes to, and the event types that stream holds, each with the
 * shape version of its data that the event's metadata records.
 */
export interface Aggregate<Command, Event extends StoredEvent, State> {
  readonly decider: Decider<Command, Event, State>;
  readonly schemaVersions: Readonly<Record<Event['type'], number>>;
  streamIdOf(command: Command): string;
}

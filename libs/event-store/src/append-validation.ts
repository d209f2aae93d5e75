import { InvalidAppend, PayloadTooLarge } from './event-store.errors.js';
import type { ExpectedVersion, NewEvent, StoreLimits } from './event-store.port.js';

export const DEFAULT_MAX_EVENT_BYTES = 1024 * 1024;
export const DEFAULT_MAX_APPEND_BYTES = 4 * 1024 * 1024;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An event that passed the port's checks, with its JSON already serialised. */
export interface ValidatedEvent {
  /** Lower case: EventStoreDB parses ids as UUIDs and reads them back so, and every adapter compares them alike. */
  readonly id: string;
  readonly type: string;
  readonly event: NewEvent;
  readonly dataJson: string;
  readonly metadataJson: string;
}

export interface ValidatedAppend {
  readonly events: ValidatedEvent[];
  /** UTF-8 bytes of all data and metadata: what the limits count. */
  readonly bytes: number;
}

export function resolveLimits(limits: StoreLimits = {}): Required<StoreLimits> {
  return {
    maxEventBytes: limits.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES,
    maxAppendBytes: limits.maxAppendBytes ?? DEFAULT_MAX_APPEND_BYTES,
  };
}

/**
 * The port's rules for an append that every adapter checks before anything
 * is written: a stream, at least one event, a known expected version, UUID ids
 * not repeated within the append, a type, JSON data, object metadata, and the
 * size limits.
 */
export function validateAppend(
  streamId: string,
  events: readonly NewEvent[],
  expected: ExpectedVersion,
  limits: Required<StoreLimits>,
): ValidatedAppend {
  if (typeof streamId !== 'string' || streamId.length === 0) throw new InvalidAppend('The stream id is empty');
  if (events.length === 0) throw new InvalidAppend(`An append to ${streamId} has no events`);
  if (
    typeof expected === 'number'
      ? !Number.isSafeInteger(expected) || expected < 0
      : expected !== 'any' && expected !== 'noStream' && expected !== 'streamExists'
  ) {
    throw new InvalidAppend(`Not an expected version: ${String(expected)}`);
  }
  const validated: ValidatedEvent[] = [];
  const ids = new Set<string>();
  let bytes = 0;
  for (const event of events) {
    if (typeof event.id !== 'string' || !UUID.test(event.id)) {
      throw new InvalidAppend(`Event id ${String(event.id)} is not a UUID`);
    }
    const id = event.id.toLowerCase();
    if (ids.has(id)) throw new InvalidAppend(`Event id ${id} appears twice in one append`);
    ids.add(id);
    if (typeof event.type !== 'string' || event.type.length === 0) throw new InvalidAppend(`Event ${id} has no type`);
    const dataJson = JSON.stringify(event.data) as string | undefined;
    if (dataJson === undefined) throw new InvalidAppend(`Event ${id} has no JSON data`);
    if (typeof event.metadata !== 'object' || event.metadata === null || Array.isArray(event.metadata)) {
      throw new InvalidAppend(`Event ${id} metadata is not a JSON object`);
    }
    const metadataJson = JSON.stringify(event.metadata);
    const eventBytes = Buffer.byteLength(dataJson) + Buffer.byteLength(metadataJson);
    if (eventBytes > limits.maxEventBytes) throw new PayloadTooLarge('event', eventBytes, limits.maxEventBytes);
    bytes += eventBytes;
    validated.push({ id, type: event.type, event, dataJson, metadataJson });
  }
  if (bytes > limits.maxAppendBytes) throw new PayloadTooLarge('append', bytes, limits.maxAppendBytes);
  return { events: validated, bytes };
}

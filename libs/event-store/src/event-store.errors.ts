import type { ExpectedVersion } from './event-store.port.js';

/** The small, closed set of errors an event store adapter may throw. */
export abstract class EventStoreError extends Error {
  abstract readonly code:
    'VERSION_CONFLICT' | 'PAYLOAD_TOO_LARGE' | 'INVALID_APPEND' | 'STORE_UNAVAILABLE' | 'STORE_CLOSED';

  protected constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class VersionConflict extends EventStoreError {
  readonly code = 'VERSION_CONFLICT';

  /** `actual` is the number of events the stream holds (0 when it does not exist). */
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number,
  ) {
    super(`Version conflict on stream ${streamId}: expected ${String(expected)}, actual ${actual}`);
  }
}

export class PayloadTooLarge extends EventStoreError {
  readonly code = 'PAYLOAD_TOO_LARGE';

  constructor(
    readonly what: 'event' | 'append',
    readonly size: number,
    readonly limit: number,
  ) {
    super(`${what === 'event' ? 'Event' : 'Append'} of ${size} bytes exceeds the limit of ${limit} bytes`);
  }
}

/** The append itself is malformed (empty stream name, bad event id, reserved stream, …). */
export class InvalidAppend extends EventStoreError {
  readonly code = 'INVALID_APPEND';

  constructor(message: string) {
    super(message);
  }
}

export class StoreUnavailable extends EventStoreError {
  readonly code = 'STORE_UNAVAILABLE';

  constructor(message: string, cause?: unknown) {
    super(message, { cause });
  }
}

export class StoreClosed extends EventStoreError {
  readonly code = 'STORE_CLOSED';

  constructor() {
    super('The event store is closed');
  }
}

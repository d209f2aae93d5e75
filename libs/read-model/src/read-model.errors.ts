import type { Position } from '@coop/event-store';

/** A query argument the client got wrong; the API answers BAD_USER_INPUT naming `field`. */
export abstract class ReadModelInputError extends Error {
  readonly code = 'BAD_USER_INPUT';

  protected constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class InvalidCursor extends ReadModelInputError {
  constructor(field: string) {
    super(field, `${field} is not a cursor of this list`);
  }
}

export class InvalidPageSize extends ReadModelInputError {
  constructor(field: string, value: number) {
    super(field, `${field} must be a whole number from 0 (got ${value})`);
  }
}

/** `Projector.waitFor` gave up: the write is stored, but the local read model has not reached it yet. */
export class ProjectionTimeout extends Error {
  constructor(
    readonly position: Position,
    readonly timeoutMs: number,
  ) {
    super(`The read model did not reach position ${position} within ${timeoutMs} ms`);
    this.name = new.target.name;
  }
}

/** The projector is not running (stopped, or stopped by a failure), so it will reach no further position. */
export class ProjectorNotRunning extends Error {
  constructor(
    readonly position: Position,
    cause?: unknown,
  ) {
    super(`The projector is not running and will not reach position ${position}`, { cause });
    this.name = new.target.name;
  }
}

/** An event the projection could not apply; the batch holding it was rolled back. */
export class ProjectionFailed extends Error {
  constructor(
    readonly position: Position,
    readonly streamId: string,
    readonly type: string,
    cause: unknown,
  ) {
    super(
      `Projecting ${type} at ${position} of ${streamId} failed: ${cause instanceof Error ? cause.message : String(cause)}`,
      {
        cause,
      },
    );
    this.name = new.target.name;
  }
}

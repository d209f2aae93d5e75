/**
 * The errors a decider throws. `code` is the GraphQL `extensions.code` the API
 * answers with, so the edge maps them without a table.
 */
export abstract class DomainError extends Error {
  abstract readonly code: 'NOT_FOUND' | 'FORBIDDEN' | 'INVALID_STATE' | 'BAD_USER_INPUT';

  protected constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFound extends DomainError {
  readonly code = 'NOT_FOUND';

  constructor(
    readonly what: string,
    readonly id: string,
  ) {
    super(`${what} ${id} not found`);
  }
}

export class Forbidden extends DomainError {
  readonly code = 'FORBIDDEN';

  constructor(message: string) {
    super(message);
  }
}

/** The command is well-formed and allowed, but the aggregate's state does not admit it. */
export class InvalidState extends DomainError {
  readonly code = 'INVALID_STATE';

  constructor(message: string) {
    super(message);
  }
}

export type FieldMessages = Readonly<Record<string, readonly string[]>>;

export class ValidationFailed extends DomainError {
  readonly code = 'BAD_USER_INPUT';

  /** Field path as in the GraphQL input (`title`, `audience.countries`, …) -> messages. */
  constructor(readonly fields: FieldMessages) {
    super(`Invalid input: ${Object.keys(fields).join(', ')}`);
  }
}

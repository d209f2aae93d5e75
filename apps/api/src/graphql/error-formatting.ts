import { unwrapResolverError } from '@apollo/server/errors';
import { DomainError, ValidationFailed } from '@coop/domain';
import { StoreClosed, StoreUnavailable, VersionConflict } from '@coop/event-store';
import { ProjectionTimeout, ProjectorNotRunning, ReadModelInputError } from '@coop/read-model';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { AuthenticationFailed } from '../auth/token-verifier.js';
import type { ErrorCode } from './api-errors.js';

const KNOWN_CODES = new Set<string>([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'INVALID_STATE',
  'RATE_LIMITED',
  'RESUME_REQUIRED',
  'SERVICE_UNAVAILABLE',
]);

/** Apollo's own request-level failures: all of them are the client's input. */
const CLIENT_INPUT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

function formatted(
  source: GraphQLFormattedError,
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
): GraphQLFormattedError {
  return {
    message,
    ...(source.locations ? { locations: source.locations } : {}),
    ...(source.path ? { path: source.path } : {}),
    extensions: { ...extensions, code },
  };
}

/** graphql-js's suggestions, which always end a message: " Did you mean "viewer"?" */
const SUGGESTION = / Did you mean [^?]*\?$/;

/**
 * Maps what a resolver threw to the API's error codes, at the edge: the domain
 * and the store throw their own typed errors and know nothing of GraphQL.
 * Anything unexpected is logged in full and answered as a masked internal error
 * in production (no stack, SQL or file path reaches the client). The client's
 * own mistakes are logged at debug level only: they are not the service's
 * faults. A store or read model out of service is SERVICE_UNAVAILABLE.
 */
export function createErrorFormatter(production: boolean, logger: Logger) {
  const known = (source: GraphQLFormattedError, error: unknown): GraphQLFormattedError | null => {
    const cause = unwrapResolverError(error);
    if (cause instanceof ValidationFailed) {
      return formatted(source, 'BAD_USER_INPUT', cause.message, { fields: cause.fields });
    }
    if (cause instanceof DomainError) return formatted(source, cause.code, cause.message);
    if (cause instanceof ReadModelInputError) {
      return formatted(source, 'BAD_USER_INPUT', cause.message, { fields: { [cause.field]: [cause.message] } });
    }
    if (cause instanceof AuthenticationFailed) return formatted(source, 'UNAUTHENTICATED', cause.message);
    if (cause instanceof StoreUnavailable || cause instanceof StoreClosed) {
      return formatted(
        source,
        'SERVICE_UNAVAILABLE',
        'The event store cannot be used right now; try again later (a change with the same idempotencyKey)',
      );
    }
    if (cause instanceof ProjectionTimeout || cause instanceof ProjectorNotRunning) {
      return formatted(
        source,
        'SERVICE_UNAVAILABLE',
        'The change was recorded, but the service cannot show it yet; try again later with the same idempotencyKey to get it',
      );
    }
    if (cause instanceof VersionConflict) {
      return formatted(source, 'CONFLICT', 'It changed since you read it', {
        expectedVersion: cause.expected,
        actualVersion: cause.actual,
      });
    }
    const { code, stacktrace: _stacktrace, ...extensions } = source.extensions ?? {};
    if (typeof code === 'string' && KNOWN_CODES.has(code))
      return formatted(source, code as ErrorCode, source.message, extensions);
    // Extensions such as a query limit's name, maximum and actual value are kept.
    if (typeof code === 'string' && CLIENT_INPUT_CODES.has(code))
      return formatted(source, 'BAD_USER_INPUT', source.message, extensions);
    return null;
  };
  return (source: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const found = known(source, error);
    // In production the schema is not described to clients: no introspection, no suggestion of names.
    const answer = found && production ? { ...found, message: found.message.replace(SUGGESTION, '') } : found;
    const code = answer?.extensions?.['code'];
    if (answer !== null && code !== 'SERVICE_UNAVAILABLE') {
      logger.debug({ code, path: source.path, message: answer.message }, 'client error');
      return answer;
    }
    if (answer !== null) {
      logger.error({ err: unwrapResolverError(error), path: source.path }, 'the service could not serve an operation');
      return answer;
    }
    logger.error({ err: unwrapResolverError(error), path: source.path }, 'unexpected error in a GraphQL operation');
    return formatted(source, 'INTERNAL_SERVER_ERROR', production ? 'Internal server error' : source.message);
  };
}

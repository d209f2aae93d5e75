import { GraphQLError } from 'graphql';

/**
 * Every error the API answers with carries one of these in `extensions.code`
 * (the README lists what each means). SERVICE_UNAVAILABLE is a condition of
 * the service (its store or disk), not a mistake of the client's: the same
 * request may succeed later.
 */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'INVALID_STATE'
  | 'RATE_LIMITED'
  | 'RESUME_REQUIRED'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

export function apiError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

/**
 * A GraphQL response body holding one error, for the refusals answered before
 * a request reaches Apollo (rate limit, malformed body): clients read every
 * answer of the GraphQL path the same way.
 */
export function errorBody(
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
): { errors: [{ message: string; extensions: Record<string, unknown> }] } {
  return { errors: [{ message, extensions: { ...extensions, code } }] };
}

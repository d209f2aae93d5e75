import { GraphQLError } from 'graphql';

/**
 * The documented error codes (README): every error the API answers with
 * carries one of these in `extensions.code`.
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

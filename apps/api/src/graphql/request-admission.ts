import type { Participant } from '@coop/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AuthenticationFailed, type TokenVerifier } from '../auth/token-verifier.js';
import { noteRequestError } from '../logging/request-log.js';
import { errorBody } from './api-errors.js';
import { oversizedListIn } from './query-limits.js';
import { rateLimitKey, type RateLimiter } from './rate-limiter.js';

/** Who sent an admitted request: its viewer (null without a token), or why its token was refused. */
export type Authentication = { readonly viewer: Participant | null } | { readonly refused: AuthenticationFailed };

/**
 * Authenticates and counts every request to the admitted paths (the GraphQL
 * API, the audit export) as soon as its
 * headers are in, before its body is read or parsed: a request with a bad
 * token, a malformed body or a document that fails validation spends its
 * sender's budget like any other (the viewer's, or the address's when there is
 * no valid token). Past the budget it is answered 429 with `Retry-After`.
 * Once its body is parsed, a request whose variables hold an overlong list is
 * refused before anything goes through the list.
 */
export class RequestAdmission {
  private readonly admitted = new WeakMap<FastifyRequest, Authentication>();

  constructor(
    private readonly paths: readonly string[],
    private readonly verifier: TokenVerifier,
    private readonly limiter: RateLimiter,
  ) {}

  register(fastify: FastifyInstance): void {
    fastify.addHook('onRequest', async (request, reply) => {
      if (!this.isAdmitted(request)) return;
      const authentication = await this.authenticate(request);
      const viewer = 'viewer' in authentication ? authentication.viewer : null;
      const decision = this.limiter.take(rateLimitKey(viewer, request.ip));
      if (!decision.allowed) {
        noteRequestError(request, 'RATE_LIMITED');
        const { retryAfterSeconds } = decision;
        return reply
          .code(429)
          .header('retry-after', String(retryAfterSeconds))
          .send(errorBody('RATE_LIMITED', 'Too many requests', { retryAfterSeconds }));
      }
      this.admitted.set(request, authentication);
    });
    // Once the body is parsed, before Apollo coerces its variables element by element.
    fastify.addHook('preHandler', async (request, reply) => {
      if (!this.isAdmitted(request)) return;
      const oversized = oversizedListIn((request.body as { variables?: unknown } | undefined)?.variables);
      if (oversized === null) return;
      noteRequestError(request, 'BAD_USER_INPUT');
      const { code: _code, ...extensions } = oversized.extensions;
      return reply.code(400).send(errorBody('BAD_USER_INPUT', oversized.message, extensions));
    });
  }

  /** What the admission found out about `request`'s token. */
  authenticationOf(request: FastifyRequest): Authentication {
    const authentication = this.admitted.get(request);
    if (authentication === undefined) throw new Error(`A request reached ${request.url} without admission`);
    return authentication;
  }

  private isAdmitted(request: FastifyRequest): boolean {
    const url = request.routeOptions.url;
    return url !== undefined && this.paths.includes(url);
  }

  private async authenticate(request: FastifyRequest): Promise<Authentication> {
    try {
      return { viewer: (await this.verifier.sessionFrom(request.headers.authorization))?.viewer ?? null };
    } catch (error) {
      if (error instanceof AuthenticationFailed) return { refused: error };
      throw error;
    }
  }
}

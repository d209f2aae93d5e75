import { randomUUID } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { GraphqlContext } from '../auth/graphql-context.js';

/** What a request's log line says beyond what Fastify knows at the end of it. */
interface RequestLogEntry {
  readonly correlationId: string;
  /** The request reached GraphQL (it ran, or its context was refused). */
  graphql: boolean;
  /** As the document names the operation it ran; null when anonymous or never resolved. */
  operationName: string | null;
  readonly errorCodes: Set<string>;
}

/** How a GraphQL request over HTTP ended, as its log line says it. */
export interface GraphqlRequestOutcome {
  readonly operationName: string | null;
  /** The first error code the client got; null when there was none. */
  readonly errorCode: string | null;
  readonly seconds: number;
}

/** By Fastify request; keyed by `object`, since the GraphQL context holds the request untyped. */
const entries = new WeakMap<object, RequestLogEntry>();

const CORRELATION_ID = /^[\w.:-]{1,100}$/;

/** A client's correlation id is kept only when it is a plain token, so it cannot smuggle anything into the log. */
function correlationIdOf(header: unknown): string {
  return typeof header === 'string' && CORRELATION_ID.test(header) ? header : randomUUID();
}

function entryOf(request: FastifyRequest): RequestLogEntry {
  let entry = entries.get(request);
  if (entry === undefined) {
    entry = {
      correlationId: correlationIdOf(request.headers['x-correlation-id']),
      graphql: false,
      operationName: null,
      errorCodes: new Set(),
    };
    entries.set(request, entry);
  }
  return entry;
}

/** The request's correlation id: the client's `x-correlation-id` if it is a plain token, else a new one. */
export function correlationIdOfRequest(request: FastifyRequest): string {
  return entryOf(request).correlationId;
}

/** An error the request ended with before GraphQL ran (a bad token): the context could not be built. */
export function noteRequestError(request: FastifyRequest, code: string): void {
  const entry = entryOf(request);
  entry.graphql = true;
  entry.errorCodes.add(code);
}

/**
 * One line per HTTP request once its response is sent: method, path (without
 * the query string), GraphQL operation name, status, GraphQL error codes,
 * duration and correlation id. Never a header, a body or a query: tokens and
 * what people wrote stay out of the log. A GraphQL request's outcome also goes
 * to `onGraphqlRequest` (the metrics), from the same record.
 */
export function logEveryRequest(
  fastify: FastifyInstance,
  logger: Logger,
  onGraphqlRequest: (outcome: GraphqlRequestOutcome) => void = () => {},
): void {
  fastify.addHook('onResponse', async (request, reply) => {
    const entry = entryOf(request);
    if (entry.graphql) {
      const [errorCode = null] = entry.errorCodes;
      onGraphqlRequest({ operationName: entry.operationName, errorCode, seconds: reply.elapsedTime / 1000 });
    }
    const line = {
      method: request.method,
      path: request.url.split('?', 1)[0],
      ...(entry.operationName === null ? {} : { operationName: entry.operationName }),
      status: reply.statusCode,
      ...(entry.errorCodes.size === 0 ? {} : { errorCodes: [...entry.errorCodes] }),
      durationMs: Math.round(reply.elapsedTime * 10) / 10,
      correlationId: entry.correlationId,
    };
    if (reply.statusCode >= 500) logger.error(line, 'request');
    else logger.info(line, 'request');
  });
}

/**
 * Hands the operation's name and its errors' codes, as the client gets them,
 * to the request's log line. NestJS's Apollo driver puts the HTTP request on
 * every context it builds, as `req`.
 */
export function requestLogPlugin(): ApolloServerPlugin<GraphqlContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, operationName, response }) {
          const request = 'req' in contextValue ? contextValue.req : undefined;
          const entry = typeof request === 'object' && request !== null ? entries.get(request) : undefined;
          if (entry === undefined) return;
          entry.graphql = true;
          entry.operationName = operationName ?? null;
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          for (const error of errors ?? []) {
            const code = error.extensions?.['code'];
            if (typeof code === 'string') entry.errorCodes.add(code);
          }
        },
      };
    },
  };
}

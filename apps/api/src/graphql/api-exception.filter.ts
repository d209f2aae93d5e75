import { type ArgumentsHost, Catch, HttpException, type HttpServer } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { GqlContextType } from '@nestjs/graphql';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { noteRequestError } from '../logging/request-log.js';
import { errorBody } from './api-errors.js';

/**
 * Where NestJS would otherwise handle exceptions itself:
 *
 * - A resolver's exception goes back to graphql-js as the field's error,
 *   untouched, where the error formatter maps it to its code and logs it at
 *   the level it deserves. Nest's own handler would log every one of them,
 *   NOT_FOUND and FORBIDDEN included, as an error of the server's.
 * - What Fastify refuses on the GraphQL path before Apollo sees the request
 *   (a body too large, of another media type, not JSON, empty, or with a
 *   `__proto__` key) is answered with its status and a GraphQL error body, as
 *   every other answer of the path: BAD_USER_INPUT, the client's to fix.
 *
 * Other paths keep Nest's own answers.
 */
@Catch()
export class ApiExceptionFilter extends BaseExceptionFilter {
  constructor(
    private readonly graphqlPath: string,
    server: HttpServer,
  ) {
    super(server);
  }

  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() === 'graphql') {
      return exception instanceof Error ? exception : new Error(String(exception));
    }
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    if (
      host.getType() === 'http' &&
      exception instanceof HttpException &&
      exception.getStatus() < 500 &&
      request.routeOptions.url === this.graphqlPath
    ) {
      noteRequestError(request, 'BAD_USER_INPUT');
      void http
        .getResponse<FastifyReply>()
        .code(exception.getStatus())
        .send(errorBody('BAD_USER_INPUT', exception.message));
      return undefined;
    }
    super.catch(exception, host);
    return undefined;
  }
}

import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { AuthenticationFailed, TokenVerifier } from '../auth/token-verifier.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG, ROOT_LOGGER } from '../config/config.module.js';
import { correlationIdOfRequest, noteRequestError, requestLogPlugin } from '../logging/request-log.js';
import { createErrorFormatter } from './error-formatting.js';
import { createInputValidationPipe } from './input-validation.js';
import type { GraphqlContext } from '../auth/graphql-context.js';
import { PARSE_OPTIONS, queryLimitRules } from './query-limits.js';
import { RateLimiter } from './rate-limiter.js';

export const GRAPHQL_PATH = '/graphql';

function rateLimitPlugin(limiter: RateLimiter): ApolloServerPlugin<GraphqlContext> {
  return {
    // Apollo answers an error thrown from didResolveOperation as the request's own error, with its extensions.
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue }) {
          const { viewer, clientAddress } = contextValue;
          const decision = limiter.take(viewer ? `viewer:${viewer.id}` : `address:${clientAddress}`);
          if (!decision.allowed) {
            throw new GraphQLError('Too many requests', {
              extensions: {
                code: 'RATE_LIMITED',
                retryAfterSeconds: decision.retryAfterSeconds,
                http: { status: 429 },
              },
            });
          }
        },
      };
    },
  };
}

async function httpContext(verifier: TokenVerifier, request: FastifyRequest): Promise<GraphqlContext> {
  try {
    return {
      viewer: await verifier.viewerFrom(request.headers.authorization),
      clientAddress: request.ip,
      correlationId: correlationIdOfRequest(request),
    };
  } catch (error) {
    if (error instanceof AuthenticationFailed) {
      noteRequestError(request, 'UNAUTHENTICATED');
      throw new GraphQLError(error.message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
    }
    throw error;
  }
}

@Module({})
export class GraphqlApiModule {
  static forRoot(): DynamicModule {
    return {
      module: GraphqlApiModule,
      providers: [{ provide: APP_PIPE, useFactory: createInputValidationPipe }],
      imports: [
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [APP_CONFIG, ROOT_LOGGER, TokenVerifier, RateLimiter],
          useFactory: (
            config: AppConfig,
            logger: Logger,
            verifier: TokenVerifier,
            limiter: RateLimiter,
          ): ApolloDriverConfig => ({
            path: GRAPHQL_PATH,
            autoSchemaFile: true,
            sortSchema: true,
            graphiql: !config.production,
            introspection: !config.production,
            csrfPrevention: true,
            includeStacktraceInErrorResponses: false,
            parseOptions: PARSE_OPTIONS,
            validationRules: queryLimitRules(),
            formatError: createErrorFormatter(config.production, logger.child({ component: 'graphql' })),
            plugins: [rateLimitPlugin(limiter), requestLogPlugin()],
            context: (request: FastifyRequest) => httpContext(verifier, request),
            // Apollo's stop closes the HTTP server and waits for every connection, live sockets
            // included: it must come after the live feeds' drain (beforeApplicationShutdown), not
            // before it in onModuleDestroy, or it waits for sockets that only the drain closes.
            stopOnApplicationShutdown: true,
          }),
        }),
      ],
    };
  }
}

import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { Projector } from '@coop/read-model';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE, HttpAdapterHost } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';
import { GraphQLError, OperationTypeNode } from 'graphql';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG, ROOT_LOGGER } from '../config/config.module.js';
import { correlationIdOfRequest, noteRequestError, requestLogPlugin } from '../logging/request-log.js';
import { ApiExceptionFilter } from './api-exception.filter.js';
import { createErrorFormatter } from './error-formatting.js';
import { createInputValidationPipe } from './input-validation.js';
import type { GraphqlContext } from '../auth/graphql-context.js';
import { RequestAdmission } from './request-admission.js';
import { ViewerDirectory } from '../auth/viewer-directory.js';
import { MAX_VALIDATION_ERRORS, PARSE_OPTIONS, queryLimitRules } from './query-limits.js';
import { ResponseCache, responseCachePlugin } from './response-cache.js';

export const GRAPHQL_PATH = '/graphql';
/** Authenticated and counted like the GraphQL API (see RequestAdmission). */
export const AUDIT_EXPORT_PATH = '/audit/export';

/** Subscriptions are served over graphql-ws only: over HTTP their resolvers would run once and answer nothing useful. */
const subscriptionsOverSocketOnly: ApolloServerPlugin<GraphqlContext> = {
  async requestDidStart() {
    return {
      // Apollo answers an error thrown here as the request's own error, with its extensions.
      async didResolveOperation({ operation }) {
        if (operation?.operation !== OperationTypeNode.SUBSCRIPTION) return;
        throw new GraphQLError(`Subscriptions are served over graphql-ws at ${GRAPHQL_PATH}, not over HTTP`, {
          extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
        });
      },
    };
  },
};

async function httpContext(
  admission: RequestAdmission,
  directory: ViewerDirectory,
  request: FastifyRequest,
): Promise<GraphqlContext> {
  const authentication = admission.authenticationOf(request);
  if ('refused' in authentication) {
    noteRequestError(request, 'UNAUTHENTICATED');
    throw new GraphQLError(authentication.refused.message, {
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
    });
  }
  const { viewer } = authentication;
  const context = { viewer, clientAddress: request.ip, correlationId: correlationIdOfRequest(request) };
  if (viewer !== null) await directory.seen({ ...context, viewer });
  return context;
}

@Module({})
export class GraphqlApiModule {
  static forRoot(): DynamicModule {
    return {
      module: GraphqlApiModule,
      providers: [
        { provide: APP_PIPE, useFactory: createInputValidationPipe },
        {
          provide: APP_FILTER,
          inject: [HttpAdapterHost],
          useFactory: (host: HttpAdapterHost) => new ApiExceptionFilter(GRAPHQL_PATH, host.httpAdapter),
        },
      ],
      imports: [
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [APP_CONFIG, ROOT_LOGGER, RequestAdmission, ViewerDirectory, Projector],
          useFactory: (
            config: AppConfig,
            logger: Logger,
            admission: RequestAdmission,
            directory: ViewerDirectory,
            projector: Projector,
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
            validationOptions: { maxErrors: MAX_VALIDATION_ERRORS },
            formatError: createErrorFormatter(config.production, logger.child({ component: 'graphql' })),
            plugins: [
              subscriptionsOverSocketOnly,
              requestLogPlugin(),
              // No cache hints are set, and the plugin would wrap every field's resolution to look for them.
              ApolloServerPluginCacheControlDisabled(),
              ...(config.responseCacheBytes === 0
                ? []
                : [responseCachePlugin(new ResponseCache(config.responseCacheBytes), () => projector.position)]),
            ],
            context: (request: FastifyRequest) => httpContext(admission, directory, request),
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

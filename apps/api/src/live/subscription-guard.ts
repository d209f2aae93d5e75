import {
  type DocumentNode,
  type ExecutionArgs,
  GraphQLError,
  type GraphQLSchema,
  Kind,
  NoSchemaIntrospectionCustomRule,
  type ValidationRule,
  createSourceEventStream,
  getOperationAST,
  getVariableValues,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import type { LiveEntry, LiveStream } from '@coop/read-model';
import type { SubscribePayload } from 'graphql-ws';
import { apiError } from '../graphql/api-errors.js';
import type { GraphqlContext } from '../auth/graphql-context.js';
import { MAX_VALIDATION_ERRORS, oversizedListIn, PARSE_OPTIONS, queryLimitRules } from '../graphql/query-limits.js';
import { rateLimitKey, type RateLimiter } from '../graphql/rate-limiter.js';
import { groupKeyOf, type LiveOperation } from './live-execution.js';

/** Documents kept parsed and validated; clients send a handful, an attacker only evicts the oldest. */
const MAX_KNOWN_DOCUMENTS = 1_000;

/** A query text that parsed; whether it passes the validation rules is found out once, when first needed. */
interface KnownDocument {
  readonly document: DocumentNode;
  validationErrors?: readonly GraphQLError[];
}

export interface SubscriptionGuardOptions {
  readonly production: boolean;
  readonly maxSubscriptionsPerConnection: number;
}

/** Errors graphql-js reports without a code are the client's input (the formatter would mask them otherwise). */
function asClientErrors(errors: readonly GraphQLError[], code: string): GraphQLError[] {
  return errors.map((error) =>
    typeof error.extensions['code'] === 'string' || error.originalError
      ? error
      : new GraphQLError(error.message, { nodes: error.nodes, extensions: { ...error.extensions, code } }),
  );
}

/**
 * A variable the client sent with the wrong type. graphql-js keeps the
 * scalar's or enum's own exception as its original error, which the error
 * formatter would take for a fault of the server's.
 */
function asVariableError(error: GraphQLError): GraphQLError {
  return new GraphQLError(error.message, { nodes: error.nodes, extensions: { code: 'BAD_USER_INPUT' } });
}

/**
 * What Apollo's request pipeline does for HTTP, done for a graphql-ws
 * `subscribe` message, which bypasses it: rate limit,
 * subscriptions per connection, parse, subscriptions only, the HTTP
 * validation rules, the variables' types, then the resolver's source stream, so that an argument
 * error (a malformed `since`) is an `error` message like every refusal.
 */
export class SubscriptionGuard {
  private readonly rules: readonly ValidationRule[];
  /**
   * By query text (the schema is fixed once the service has started): when a
   * deployment restarts, every client resubscribes with the same few
   * documents, and parsing and validating each again dominates the storm.
   */
  private readonly known = new Map<string, KnownDocument>();

  constructor(
    private readonly schema: () => GraphQLSchema,
    private readonly limiter: RateLimiter,
    private readonly options: SubscriptionGuardOptions,
  ) {
    this.rules = [
      ...specifiedRules,
      ...queryLimitRules(),
      ...(options.production ? [NoSchemaIntrospectionCustomRule] : []),
    ];
  }

  async admit(
    context: GraphqlContext,
    openSubscriptions: number,
    payload: SubscribePayload,
  ): Promise<
    { readonly args: ExecutionArgs; readonly operation: LiveOperation; readonly kind: string } | GraphQLError[]
  > {
    const decision = this.limiter.take(rateLimitKey(context.viewer, context.clientAddress));
    if (!decision.allowed) {
      return [apiError('RATE_LIMITED', 'Too many requests', { retryAfterSeconds: decision.retryAfterSeconds })];
    }
    const max = this.options.maxSubscriptionsPerConnection;
    if (openSubscriptions > max) {
      return [apiError('RATE_LIMITED', `At most ${max} subscriptions per connection`, { limit: 'subscriptions', max })];
    }
    const oversized = oversizedListIn(payload.variables);
    if (oversized !== null) return [oversized];
    const schema = this.schema();
    let known: KnownDocument;
    try {
      known = this.knownDocument(payload.query);
    } catch (error) {
      if (error instanceof GraphQLError) return asClientErrors([error], 'GRAPHQL_PARSE_FAILED');
      throw error;
    }
    const { document } = known;
    const definition = getOperationAST(document, payload.operationName);
    if (definition?.operation !== 'subscription') {
      return [
        apiError(
          'BAD_USER_INPUT',
          'Only subscriptions are served over this socket: send queries and mutations over HTTP',
        ),
      ];
    }
    known.validationErrors ??= asClientErrors(
      validate(schema, document, this.rules, { maxErrors: MAX_VALIDATION_ERRORS }),
      'GRAPHQL_VALIDATION_FAILED',
    );
    if (known.validationErrors.length > 0) return [...known.validationErrors];
    const variables = getVariableValues(schema, definition.variableDefinitions ?? [], payload.variables ?? {}, {
      maxErrors: MAX_VALIDATION_ERRORS,
    });
    if (variables.errors) return variables.errors.map(asVariableError);
    const args: ExecutionArgs = {
      schema,
      document,
      operationName: payload.operationName,
      variableValues: payload.variables,
      contextValue: context,
    };
    const stream = await createSourceEventStream(args);
    if (!(Symbol.asyncIterator in stream)) return asClientErrors(stream.errors ?? [], 'BAD_USER_INPUT');
    // Validation admits one root field per subscription; its name says what is followed.
    const [root] = definition.selectionSet.selections;
    const feed = stream as LiveStream<LiveEntry>;
    return {
      args,
      operation: { feed, groupKey: groupKeyOf(args, payload.query, context) },
      kind: root?.kind === Kind.FIELD ? root.name.value : 'unknown',
    };
  }

  /** The parsed document of `query`; throws the parse error of a query that does not parse. */
  private knownDocument(query: string): KnownDocument {
    let known = this.known.get(query);
    if (known === undefined) {
      const document = parse(query, PARSE_OPTIONS);
      known = { document };
      if (this.known.size >= MAX_KNOWN_DOCUMENTS) this.known.delete(this.known.keys().next().value as string);
      this.known.set(query, known);
    }
    return known;
  }
}

import { type ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { OperationTypeNode } from 'graphql';
import type { GraphqlContext } from '../auth/graphql-context.js';
import { dependenciesOf, sharingKeyOf } from './answer-sharing.js';

type AnswerData = Record<string, unknown>;

interface CachedAnswer {
  readonly data: AnswerData;
  readonly bytes: number;
}

/** What the read model has applied: its last global position, null while it is empty. */
export type ReadModelPosition = () => string | null;

/**
 * Answers to queries at one read-model position, least recently used first.
 * The read model only moves forward and an answer that depends only on it and
 * on the viewer's sharing key is the same for every such request until it
 * moves, so an entry is exact while its position is current; the first lookup
 * at a newer position drops them all.
 */
export class ResponseCache {
  private position: string | null = null;
  private readonly answers = new Map<string, CachedAnswer>();
  private bytes = 0;

  constructor(readonly maxBytes: number) {}

  get size(): number {
    return this.answers.size;
  }

  lookup(position: string | null, key: string): AnswerData | undefined {
    if (position !== this.position) this.moveTo(position);
    const answer = this.answers.get(key);
    if (answer === undefined) return undefined;
    // Map keeps insertion order: taking the entry out and back in marks it most recently used.
    this.answers.delete(key);
    this.answers.set(key, answer);
    return answer.data;
  }

  /**
   * Keeps `data`, the answer begun at `position`, unless a lookup has seen the
   * read model move on since. An answer whose resolvers awaited across a
   * commit may be kept under its old position, where no lookup comes again.
   */
  store(position: string | null, key: string, data: AnswerData): void {
    if (position !== this.position) return;
    // UTF-16 strings: two bytes a character, for the key and the answer as it is sent.
    const bytes = 2 * (key.length + JSON.stringify(data).length);
    if (bytes > this.maxBytes) return;
    const replaced = this.answers.get(key);
    if (replaced !== undefined) this.bytes -= replaced.bytes;
    this.answers.set(key, { data, bytes });
    this.bytes += bytes;
    for (const [oldest, answer] of this.answers) {
      if (this.bytes <= this.maxBytes) break;
      this.answers.delete(oldest);
      this.bytes -= answer.bytes;
    }
  }

  private moveTo(position: string | null): void {
    this.position = position;
    this.answers.clear();
    this.bytes = 0;
  }
}

/**
 * Answers a query from `cache` when the same operation, with the same
 * variables, was answered without an error at the current read-model position
 * for a viewer with the same sharing key. Queries that read the clock or the
 * event store are always executed; mutations never pass here.
 */
export function responseCachePlugin(
  cache: ResponseCache,
  readModelPosition: ReadModelPosition,
): ApolloServerPlugin<GraphqlContext> {
  return {
    async requestDidStart() {
      let miss: { readonly key: string; readonly position: string | null } | null = null;
      return {
        async responseForOperation({ operation, document, source, request, contextValue }) {
          if (operation.operation !== OperationTypeNode.QUERY) return null;
          const dependencies = dependenciesOf(document);
          if (dependencies.has('clock') || dependencies.has('store')) return null;
          const sharedBy = sharingKeyOf(contextValue.viewer, dependencies.has('viewer'));
          const key = JSON.stringify([sharedBy, source, request.operationName ?? null, request.variables ?? null]);
          const position = readModelPosition();
          const data = cache.lookup(position, key);
          if (data === undefined) {
            miss = { key, position };
            return null;
          }
          return { http: { headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data } } };
        },
        async willSendResponse({ response }) {
          if (miss === null || response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (errors !== undefined || data === null || data === undefined) return;
          cache.store(miss.position, miss.key, data);
        },
      };
    },
  };
}

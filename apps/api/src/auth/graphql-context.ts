import type { Participant } from '@coop/domain';

/** What every resolver sees, whichever transport the operation came over. */
export interface GraphqlContext {
  /** Null when the client sent no token; a bad token never gets this far. */
  readonly viewer: Participant | null;
  /** Rate-limit key for anonymous clients. */
  readonly clientAddress: string;
  /** Ties together every event one request causes; from `x-correlation-id` or generated. */
  readonly correlationId: string;
}

import { type Client, createClient } from 'graphql-ws/client';
import { ApiError, apiErrorOf, type Variables } from './graphql-client';

export type ConnectionState = 'idle' | 'connecting' | 'live' | 'reconnecting';

/** graphql-ws closes with this when the token is refused at `connection_init`. */
const FORBIDDEN_CLOSE = 4403;
const MAX_BACKOFF_MS = 30_000;

function backoffMs(failures: number): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, 500 * 2 ** Math.max(0, failures - 1));
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

function graphqlErrorsOf(error: unknown): { message?: string; extensions?: Record<string, unknown> }[] | null {
  return Array.isArray(error) ? (error as { message?: string; extensions?: Record<string, unknown> }[]) : null;
}

function closeCodeOf(error: unknown): number | null {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'number'
    ? error.code
    : null;
}

export interface LiveOperation<Data> {
  readonly query: string;
  readonly variables: Variables;
  /** Where the last delivery leaves off, passed back as `since`. */
  readonly cursorOf: (data: Data) => string;
  /** Resume after this cursor; without one the subscription starts from now. */
  readonly since: string | null;
  readonly next: (data: Data) => void;
  /** A refusal that trying again will not cure (a bad token, an unknown item…); the subscription has ended. */
  readonly failed: (error: ApiError) => void;
  /** Called each time the subscription is sent without a cursor, when the caller must read what it may have missed. */
  readonly subscribedWithoutCursor?: () => void;
}

/**
 * The session's graphql-ws connection. The client does not retry by itself:
 * each subscription resumes on its own, with `since` set to the last cursor it
 * received, after a disconnect and after `RESUME_REQUIRED`, so nothing is
 * missed and nothing is delivered twice.
 */
export class LiveConnection {
  private readonly client: Client;
  private stateNow: ConnectionState = 'idle';
  private everConnected = false;
  private following = 0;
  private readonly listeners = new Set<(state: ConnectionState) => void>();

  constructor(token: string) {
    const url = new URL('/graphql', window.location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    this.client = createClient({
      url: url.href,
      connectionParams: { authorization: `Bearer ${token}` },
      lazy: true,
      // Keeps the socket while the console moves from one page's subscription to the next.
      lazyCloseTimeout: 3_000,
      retryAttempts: 0,
      on: {
        connecting: () => this.setState(this.everConnected ? 'reconnecting' : 'connecting'),
        connected: () => {
          this.everConnected = true;
          this.setState('live');
        },
        closed: () => this.setState(this.following > 0 ? 'reconnecting' : 'idle'),
      },
    });
  }

  get state(): ConnectionState {
    return this.stateNow;
  }

  onStateChange(listener: (state: ConnectionState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Follows one subscription until the returned function is called. */
  follow<Data>(operation: LiveOperation<Data>): () => void {
    let since = operation.since;
    let stopped = false;
    let failures = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let unsubscribe: () => void = () => {};
    this.following += 1;

    const stop = () => {
      if (stopped) return;
      stopped = true;
      this.following -= 1;
      clearTimeout(timer);
      unsubscribe();
    };
    const again = (delayMs: number) => {
      if (stopped) return;
      timer = setTimeout(start, delayMs);
    };
    const start = () => {
      if (stopped) return;
      if (since === null) operation.subscribedWithoutCursor?.();
      unsubscribe = this.client.subscribe<Data>(
        { query: operation.query, variables: { ...operation.variables, since } },
        {
          next: (result) => {
            if (result.data === undefined || result.data === null) return;
            failures = 0;
            since = operation.cursorOf(result.data);
            operation.next(result.data);
          },
          error: (error: unknown) => {
            const errors = graphqlErrorsOf(error);
            const resume = errors?.find((candidate) => candidate.extensions?.['code'] === 'RESUME_REQUIRED');
            if (resume !== undefined) {
              // The server ended the subscription at a cursor (a slow consumer, a restart): take it up there.
              const cursor = resume.extensions?.['cursor'];
              if (typeof cursor === 'string') since = cursor;
              failures += 1;
              again(failures === 1 ? 0 : backoffMs(failures));
              return;
            }
            if (errors !== null) {
              stop();
              operation.failed(apiErrorOf(errors[0]));
              return;
            }
            if (closeCodeOf(error) === FORBIDDEN_CLOSE) {
              stop();
              operation.failed(new ApiError('UNAUTHENTICATED', 'The live connection refused the token'));
              return;
            }
            failures += 1;
            this.setState('reconnecting');
            again(backoffMs(failures));
          },
          complete: () => {
            // The server ended it without an error: follow on from where it stopped.
            failures += 1;
            again(failures === 1 ? 0 : backoffMs(failures));
          },
        },
      );
    };
    start();
    return stop;
  }

  dispose(): void {
    void this.client.dispose();
    this.listeners.clear();
  }

  private setState(state: ConnectionState): void {
    if (state === this.stateNow) return;
    this.stateNow = state;
    for (const listener of this.listeners) listener(state);
  }
}

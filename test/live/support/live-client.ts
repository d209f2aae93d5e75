import type { Participant } from '@coop/domain';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { TestApp } from '../../support/test-app.js';
import { feedPage } from '../../api/support/api.js';

/** Bounds every wait so that a missing event fails the test instead of hanging it; never a synchronisation. */
const WAIT_MS = 10_000;

export interface LiveEntry {
  cursor: string;
  activity: string;
  item: { id: string; kind: string; title: string };
}

export interface LiveError {
  message: string;
  extensions?: Record<string, unknown>;
}

export const FEED_UPDATED = /* GraphQL */ `
  subscription FeedUpdated($subregion: Subregion, $kinds: [ItemKind!], $topics: [Topic!], $since: String) {
    feedUpdated(subregion: $subregion, kinds: $kinds, topics: $topics, since: $since) {
      cursor
      activity
      item {
        id
        kind
        title
      }
    }
  }
`;

export const ITEM_UPDATED = /* GraphQL */ `
  subscription ItemUpdated($id: ID!, $since: String) {
    itemUpdated(id: $id, since: $since) {
      cursor
      activity
      item {
        id
        kind
        title
      }
    }
  }
`;

/** A `ws` socket the test can reach, to stop reading from it (a slow consumer). */
export class TrackedSocket extends WebSocket {
  static readonly opened: TrackedSocket[] = [];

  constructor(address: string | URL, protocols?: string | string[]) {
    super(address, protocols);
    TrackedSocket.opened.push(this);
  }
}

export function wsUrl(app: TestApp): string {
  return app.url.replace(/^http/, 'ws');
}

export interface RawSocket {
  readonly socket: WebSocket;
  /** The close code, once the socket has closed. */
  readonly closed: Promise<number>;
  /** Whether the server acknowledged the connection before closing it. */
  readonly acked: Promise<boolean>;
  /** Every message the server sent, parsed. */
  readonly messages: { id?: string; type: string; payload?: unknown }[];
}

/**
 * A bare graphql-transport-ws socket, open, to see what the server does with
 * messages (and timings) a client library would not produce. The caller
 * terminates it.
 */
export async function rawSocket(app: TestApp): Promise<RawSocket> {
  const socket = new WebSocket(wsUrl(app), 'graphql-transport-ws');
  const messages: RawSocket['messages'] = [];
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  const acked = new Promise<boolean>((resolve) => {
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as RawSocket['messages'][number];
      messages.push(message);
      if (message.type === 'connection_ack') resolve(true);
    });
    socket.once('close', () => resolve(false));
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return { socket, closed, acked, messages };
}

/** Sends `connection_init`, with `authorization` in its payload when given. */
export function sendInit(socket: WebSocket, authorization?: string): void {
  socket.send(
    JSON.stringify({ type: 'connection_init', payload: authorization === undefined ? {} : { authorization } }),
  );
}

/** A graphql-ws client as `who`; `retryAttempts: 0` so that a refused connection shows as its close code. */
export async function liveClient(app: TestApp, who: Participant, socket: unknown = WebSocket): Promise<Client> {
  const authorization = `Bearer ${await app.token(who)}`;
  return createClient({
    url: wsUrl(app),
    webSocketImpl: socket,
    connectionParams: { authorization },
    retryAttempts: 0,
    lazy: true,
  });
}

/**
 * One subscription's messages as they arrive: entries, then at most one
 * error list (`next` with errors, or an `error` message) and the end.
 */
export class LiveSubscription<Entry = LiveEntry> {
  readonly entries: Entry[] = [];
  errors: LiveError[] | null = null;
  completed = false;
  private wake: (() => void) | null = null;
  readonly dispose: () => void;

  constructor(client: Client, query: string, variables: Record<string, unknown>, field = 'feedUpdated') {
    this.dispose = client.subscribe<Record<string, Entry>>(
      { query, variables },
      {
        next: (result) => {
          if (result.errors) this.errors = result.errors as LiveError[];
          const entry = result.data?.[field];
          if (entry) this.entries.push(entry);
          this.notify();
        },
        error: (error) => {
          this.errors = Array.isArray(error) ? (error as LiveError[]) : [{ message: String(error) }];
          this.completed = true;
          this.notify();
        },
        complete: () => {
          this.completed = true;
          this.notify();
        },
      },
    );
  }

  /** Resolves once `done` holds; rejects if the subscription ends first or after the bound. */
  async until(what: string, done: () => boolean): Promise<void> {
    const deadline = Date.now() + WAIT_MS;
    while (!done()) {
      if (this.completed) throw new Error(`subscription ended before ${what}: ${JSON.stringify(this.errors)}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`gave up waiting for ${what}; got ${JSON.stringify(this.entries)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  untilEnded(): Promise<void> {
    return this.until('the end', () => this.completed).catch((error: unknown) => {
      if (!this.completed) throw error;
    });
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}

/** The cursor of the newest entry in the log: subscribing `since` it receives every later entry, however late the subscribe lands. */
export async function headCursor(app: TestApp, secretariat: Participant): Promise<string> {
  const page = await feedPage(app, secretariat, { first: 1 });
  const cursor = page.edges[0]?.cursor;
  if (cursor === undefined) throw new Error('the log is empty: append something first');
  return cursor;
}

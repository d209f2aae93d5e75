import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Participant } from '@coop/domain';
import type { ExecutionArgs } from 'graphql';
import {
  CloseCode,
  type Context,
  handleProtocols,
  makeServer,
  MessageType,
  parseMessage,
  type Server as GraphqlWsServer,
} from 'graphql-ws';
import type { Logger } from 'pino';
import { WebSocket, WebSocketServer } from 'ws';
import type { Session, TokenVerifier } from '../auth/token-verifier.js';
import type { ViewerDirectory } from '../auth/viewer-directory.js';
import type { GraphqlContext } from '../auth/graphql-context.js';
import type { ServiceMetrics } from '../metrics/service-metrics.js';
import { errorBody } from '../graphql/api-errors.js';
import { rateLimitKey, type RateLimiter } from '../graphql/rate-limiter.js';
import type { LiveExecution, LiveOperation, LiveTarget } from './live-execution.js';
import type { SubscriptionGuard } from './subscription-guard.js';

export interface LiveSocketOptions {
  readonly path: string;
  /** Larger messages close the socket (1009) before they are parsed. */
  readonly maxPayloadBytes: number;
  /** No `connection_init` within this closes the socket (4408). */
  readonly connectionInitWaitMs: number;
  readonly maxConnectionsPerViewer: number;
}

type Extra = { readonly socket: WebSocket; readonly request: IncomingMessage };
type SocketContext = Context<Record<string, unknown> | undefined, Extra>;

/**
 * Close code for a viewer's connection past the cap: 4430, in the range the
 * protocol leaves to applications and outside the codes graphql-ws reserves
 * (its own 4429 means a repeated `connection_init`, which its client treats
 * as fatal). graphql-ws clients retry on it, with their back-off.
 */
export const TOO_MANY_CONNECTIONS = 4430;

/** RFC 6455's "going away": the server is shutting down. */
const GOING_AWAY = 1001;

/** Every this often a socket is pinged; one that has not answered the previous ping by then is dropped. */
const KEEP_ALIVE_MS = 12_000;

/** What a client may send; the other messages (`connection_ack`, `next`, `error`) are the server's. */
const CLIENT_MESSAGES: ReadonlySet<MessageType> = new Set([
  MessageType.ConnectionInit,
  MessageType.Ping,
  MessageType.Pong,
  MessageType.Subscribe,
  MessageType.Complete,
]);

/**
 * graphql-ws on a `ws` server of its own, attached to the HTTP server's
 * upgrades at the GraphQL path: Nest's built-in one cannot bound message
 * sizes. The subscription resolvers stay in the code-first schema; this only
 * carries them. The glue between `ws` and graphql-ws is this class's rather
 * than graphql-ws's own, so that a message no client may send is the
 * client's error (4400), and faults go to the service's log.
 */
export class LiveSocketServer {
  private readonly sockets: WebSocketServer;
  private readonly viewers = new WeakMap<
    SocketContext,
    GraphqlContext & { readonly viewer: Participant; readonly expiry: { timer: NodeJS.Timeout } }
  >();
  private readonly operations = new WeakMap<
    ExecutionArgs,
    LiveOperation & { readonly target: LiveTarget; readonly kind: string }
  >();
  /** The kind of each subscription being delivered, by socket and subscription id, until it completes. */
  private readonly deliveredKinds = new WeakMap<WebSocket, Map<string, string>>();
  private readonly connectionsPerViewer = new Map<string, number>();
  private readonly graphqlWs: GraphqlWsServer<Extra>;
  private accepting = true;
  /** Subscriptions that reached delivery and have not sent their `complete` yet. */
  private delivering = 0;
  private whenDelivered: (() => void) | null = null;

  constructor(
    private readonly options: LiveSocketOptions,
    private readonly verifier: TokenVerifier,
    private readonly directory: ViewerDirectory,
    private readonly guard: SubscriptionGuard,
    private readonly execution: LiveExecution,
    private readonly limiter: RateLimiter,
    private readonly logger: Logger,
    private readonly metrics: ServiceMetrics,
  ) {
    this.sockets = new WebSocketServer({ noServer: true, maxPayload: options.maxPayloadBytes, handleProtocols });
    this.sockets.on('connection', this.opened);
    const format = execution.formatErrors;
    this.graphqlWs = makeServer<Record<string, unknown> | undefined, Extra>({
      connectionInitWaitTimeout: options.connectionInitWaitMs,
      onConnect: (ctx) => this.connect(ctx),
      onClose: (ctx) => this.disconnect(ctx),
      onSubscribe: async (ctx, id, payload) => {
        const context = this.viewers.get(ctx);
        // graphql-ws only passes subscribe messages of acknowledged connections.
        if (context === undefined) throw new Error('A subscription on a connection that was not acknowledged');
        const admitted = await this.guard.admit(context, Object.keys(ctx.subscriptions).length, payload);
        if (Array.isArray(admitted)) return admitted;
        this.operations.set(admitted.args, {
          ...admitted.operation,
          target: { socket: ctx.extra.socket, connection: ctx.extra.request.socket, id },
          kind: admitted.kind,
        });
        return admitted.args;
      },
      subscribe: (args) => {
        const operation = this.operations.get(args);
        if (operation === undefined) throw new Error('A subscription reached execution without the guard');
        // From here graphql-ws ends the subscription with onComplete, whichever way it ends.
        this.delivering += 1;
        const { socket, id } = operation.target;
        let kinds = this.deliveredKinds.get(socket);
        if (kinds === undefined) this.deliveredKinds.set(socket, (kinds = new Map()));
        kinds.set(id, operation.kind);
        this.metrics.liveSubscriptionStarted(operation.kind);
        return this.execution.deliver(operation, args, operation.target);
      },
      onComplete: (ctx, id) => {
        this.delivering -= 1;
        const kinds = this.deliveredKinds.get(ctx.extra.socket);
        const kind = kinds?.get(id);
        if (kind !== undefined) {
          kinds?.delete(id);
          this.metrics.liveSubscriptionEnded(kind);
        }
        // graphql-ws sends the `complete` message once this hook has returned.
        if (this.delivering === 0 && this.whenDelivered !== null) setImmediate(this.whenDelivered);
      },
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: format(result.errors) } : undefined,
      onError: (_ctx, _id, _payload, errors) => format(errors),
    });
  }

  /** Takes the HTTP server's upgrade requests for the GraphQL path; others are refused. */
  listen(server: Server): void {
    server.on('upgrade', this.upgrade);
  }

  /**
   * Stops taking connections, waits at most `waitMs` for every subscription
   * (ended by the caller) to send its last messages, then closes every socket (1001).
   */
  async close(server: Server, waitMs: number): Promise<void> {
    this.accepting = false;
    server.off('upgrade', this.upgrade);
    if (this.delivering > 0) {
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>((resolve) => {
        this.whenDelivered = resolve;
        timer = setTimeout(resolve, waitMs);
      });
      clearTimeout(timer);
    }
    for (const socket of this.sockets.clients) socket.close(GOING_AWAY, 'The service is shutting down');
    await new Promise<void>((resolve, reject) => this.sockets.close((error) => (error ? reject(error) : resolve())));
  }

  private readonly upgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (!this.accepting || path !== this.options.path) {
      socket.destroy();
      return;
    }
    // An address whose failed `connection_init`s (or other anonymous requests) used up its budget opens no socket.
    const { allowed, retryAfterSeconds } = this.limiter.peek(rateLimitKey(null, addressOf(request)));
    if (!allowed) {
      refuseUpgrade(socket, retryAfterSeconds);
      return;
    }
    this.sockets.handleUpgrade(request, socket, head, (client) => this.sockets.emit('connection', client, request));
  };

  /** Hands a new socket to graphql-ws, with keep-alive pings. */
  private readonly opened = (socket: WebSocket, request: IncomingMessage): void => {
    // `ws` closes the socket itself on a protocol error (an oversized or malformed frame); the error is the client's.
    socket.on('error', (error) => this.logger.debug({ err: error }, 'live socket: protocol error'));
    let alive = true;
    socket.on('pong', () => (alive = true));
    const keepAlive = setInterval(() => {
      if (!alive) {
        socket.terminate();
        return;
      }
      alive = false;
      socket.ping();
    }, KEEP_ALIVE_MS);
    const closed = this.graphqlWs.opened(
      {
        protocol: socket.protocol,
        send: (data) =>
          new Promise<void>((resolve, reject) => {
            if (socket.readyState !== WebSocket.OPEN) return resolve();
            socket.send(data, (error) => (error ? reject(error) : resolve()));
          }),
        close: (code, reason) => socket.close(code, reason),
        onMessage: (handle) => socket.on('message', (data) => void this.receive(socket, String(data), handle)),
      },
      { socket, request },
    );
    socket.once('close', (code, reason) => {
      clearInterval(keepAlive);
      closed(code, String(reason)).catch((error: unknown) =>
        this.logger.error({ err: error }, 'live socket: closing a connection failed'),
      );
    });
  };

  /** Passes a client message to graphql-ws once it is known to be one a client may send. */
  private async receive(socket: WebSocket, data: string, handle: (data: string) => Promise<void>): Promise<void> {
    let type: MessageType;
    try {
      type = parseMessage(data).type;
    } catch {
      socket.close(CloseCode.BadRequest, 'Invalid message received');
      return;
    }
    if (!CLIENT_MESSAGES.has(type)) {
      socket.close(CloseCode.BadRequest, `A client may not send ${type} messages`);
      return;
    }
    try {
      await handle(data);
    } catch (error) {
      this.logger.error({ err: error }, 'live socket: handling a message failed');
      socket.close(CloseCode.InternalServerError, 'Internal server error');
    }
  }

  /**
   * A missing or bad token is refused with 4403 (graphql-ws closes with
   * Forbidden on `false`) and spends a request of the address's budget. An
   * accepted connection lasts as long as its token: at its `exp` the socket
   * closes with 4403 too, and the client reconnects with a fresh one.
   */
  private async connect(ctx: SocketContext): Promise<boolean> {
    let session: Session | null;
    try {
      session = await this.verifier.sessionFrom(ctx.connectionParams?.['authorization']);
    } catch {
      session = null;
    }
    if (session === null) {
      this.limiter.take(rateLimitKey(null, addressOf(ctx.extra.request)));
      return false;
    }
    const { socket } = ctx.extra;
    // Closed while the token was verified: its close has been handled already and would never release a count taken now.
    if (socket.readyState !== WebSocket.OPEN) return false;
    const { viewer } = session;
    const open = this.connectionsPerViewer.get(viewer.id) ?? 0;
    if (open >= this.options.maxConnectionsPerViewer) {
      socket.close(TOO_MANY_CONNECTIONS, 'Too many connections for this viewer');
      return false;
    }
    this.connectionsPerViewer.set(viewer.id, open + 1);
    this.metrics.liveConnectionOpened();
    const context = {
      viewer,
      clientAddress: addressOf(ctx.extra.request),
      correlationId: randomUUID(),
      expiry: closeAt(session.expiresAt, () => socket.close(CloseCode.Forbidden, 'Token expired')),
    };
    this.viewers.set(ctx, context);
    await this.directory.seen(context);
    return true;
  }

  private disconnect(ctx: SocketContext): void {
    const context = this.viewers.get(ctx);
    if (context === undefined) return;
    this.viewers.delete(ctx);
    this.metrics.liveConnectionClosed();
    clearTimeout(context.expiry.timer);
    const open = (this.connectionsPerViewer.get(context.viewer.id) ?? 1) - 1;
    if (open > 0) this.connectionsPerViewer.set(context.viewer.id, open);
    else this.connectionsPerViewer.delete(context.viewer.id);
  }
}

/** The longest a Node.js timer waits (about 24.8 days); a later moment is reached in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Runs `close` at `time` (ms since the epoch), however far away; `timer` is the step pending now. */
function closeAt(time: number, close: () => void): { timer: NodeJS.Timeout } {
  const expiry = { timer: step() };
  function step(): NodeJS.Timeout {
    const wait = time - Date.now();
    if (wait <= MAX_TIMER_MS) return setTimeout(close, Math.max(0, wait));
    return setTimeout(() => (expiry.timer = step()), MAX_TIMER_MS);
  }
  return expiry;
}

/** The peer's address, as Fastify's `request.ip` gives it for HTTP requests (no proxy is trusted). */
function addressOf(request: IncomingMessage): string {
  return request.socket.remoteAddress ?? 'unknown';
}

/** Answers an upgrade request 429 with a GraphQL error body, as the HTTP transport does, and closes the connection. */
function refuseUpgrade(socket: Duplex, retryAfterSeconds: number): void {
  const body = JSON.stringify(errorBody('RATE_LIMITED', 'Too many requests', { retryAfterSeconds }));
  socket.end(
    `HTTP/1.1 429 Too Many Requests\r\nRetry-After: ${retryAfterSeconds}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

import { type LiveEntry, type LiveStream, type ResumeRequired } from '@coop/read-model';
import {
  type ExecutionArgs,
  type ExecutionResult,
  type FormattedExecutionResult,
  GraphQLError,
  type GraphQLFormattedError,
  execute,
} from 'graphql';
import { MessageType } from 'graphql-ws';
import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import { apiError } from '../graphql/api-errors.js';
import { dependenciesOf, sharingKeyOf } from '../graphql/answer-sharing.js';
import type { GraphqlContext } from '../auth/graphql-context.js';
import { NextMessages, TurnWrites } from './socket-writes.js';

/** A subscription accepted by the guard: its source stream and the group it is executed with. */
export interface LiveOperation {
  readonly feed: LiveStream<LiveEntry>;
  /**
   * Document, operation, variables and the viewer's visibility grants (or the
   * viewer, for a selection of a field that depends on who asks): what a
   * selection's result depends on, so members of a group can share it.
   */
  readonly groupKey: string;
}

/**
 * Where a subscription's `next` messages go: the graphql-transport-ws socket,
 * the connection it speaks over (the upgraded request's), and the
 * subscription's id on the socket.
 */
export interface LiveTarget {
  readonly socket: WebSocket;
  readonly connection: Duplex;
  readonly id: string;
}

export type FormatErrors = (errors: readonly GraphQLError[]) => GraphQLFormattedError[];

export function groupKeyOf(args: ExecutionArgs, query: string, context: GraphqlContext): string {
  const sharedBy = sharingKeyOf(context.viewer, dependenciesOf(args.document).has('viewer'));
  return JSON.stringify([query, args.operationName ?? null, args.variableValues ?? null, sharedBy]);
}

function resumeRequired(error: ResumeRequired): GraphQLError {
  return apiError('RESUME_REQUIRED', error.message, { cursor: error.cursor });
}

/**
 * Unsent bytes a socket may hold in user space before its subscriptions stop
 * taking entries from their feeds: past it, entries wait in the feeds' bounded
 * queues, and a consumer that does not catch up is ended with RESUME_REQUIRED.
 */
const SOCKET_HIGH_WATER_BYTES = 64 * 1024;
/** Entries one subscription sends before yielding the event loop (a long `since` replay). */
const MAX_SENDS_PER_TURN = 64;
const AS_TEXT = { binary: false } as const;
const DONE: IteratorResult<ExecutionResult> = { value: undefined, done: true };

/** One entry's result for one group: executed once, serialised and encoded once. */
class SharedResult {
  /** The `payload` of the `next` message; null until `ready`. */
  payload: Buffer | null = null;
  readonly ready: Promise<void>;

  constructor(result: ExecutionResult | Promise<ExecutionResult>, format: FormatErrors) {
    const serialise = (settled: ExecutionResult): void => {
      const formatted: FormattedExecutionResult = settled.errors
        ? { ...settled, errors: format(settled.errors) }
        : (settled as FormattedExecutionResult);
      this.payload = Buffer.from(JSON.stringify(formatted));
    };
    if (!(result instanceof Promise)) {
      serialise(result);
      this.ready = Promise.resolve();
      return;
    }
    this.ready = result.then(serialise, (error: unknown) =>
      serialise({ errors: [new GraphQLError('Execution failed', { originalError: asError(error) })] }),
    );
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * Executes each committed entry once per group rather than
 * once per subscriber, and writes the shared `next` message straight to each
 * subscriber's socket. The result is kept with the entry, which every
 * subscriber of a batch shares, and goes when the entry is collected.
 */
export class LiveExecution {
  private readonly results = new WeakMap<LiveEntry, Map<string, SharedResult>>();
  private readonly writes = new TurnWrites();
  private readonly messages = new NextMessages();

  constructor(readonly formatErrors: FormatErrors) {}

  resultFor(entry: LiveEntry, args: ExecutionArgs, groupKey: string): SharedResult {
    let ofEntry = this.results.get(entry);
    if (ofEntry === undefined) this.results.set(entry, (ofEntry = new Map()));
    let result = ofEntry.get(groupKey);
    if (result === undefined) {
      result = new SharedResult(execute({ ...args, rootValue: entry }), this.formatErrors);
      ofEntry.set(groupKey, result);
    }
    return result;
  }

  /**
   * Writes a `next` message to `target`, held with the turn's other writes to
   * its connection; `flushed`, when given, runs once the kernel has it.
   */
  send(target: LiveTarget, prefix: Buffer, payload: Buffer, flushed?: () => void): void {
    const { socket, connection } = target;
    const message = this.messages.frame(prefix, payload, socket.bufferedAmount === 0);
    this.writes.hold(connection);
    socket.send(message, AS_TEXT, flushed);
  }

  /**
   * Starts delivering `operation`'s entries to `target`. What graphql-ws
   * iterates is only the end: RESUME_REQUIRED if the feed was ended so, then
   * done; graphql-ws sends that and the `complete`, after every entry.
   */
  deliver(operation: LiveOperation, args: ExecutionArgs, target: LiveTarget): AsyncIterableIterator<ExecutionResult> {
    const delivery = new LiveDelivery(this, operation, args, target);
    delivery.start();
    return delivery;
  }
}

/**
 * One subscription's pump: takes entries from its feed as long as the socket
 * keeps up, and waits on exactly one thing otherwise (the feed, the shared
 * result, or the socket flushing), so entries go out in feed order.
 */
class LiveDelivery implements AsyncIterableIterator<ExecutionResult> {
  /** The entry taken from the feed whose message is not sent yet. */
  private held: SharedResult | null = null;
  private outcome: IteratorResult<ExecutionResult> | null = null;
  private settle: ((result: IteratorResult<ExecutionResult>) => void) | null = null;
  /** The opening of this subscription's `next` messages, up to the payload. */
  private readonly messagePrefix: Buffer;

  constructor(
    private readonly execution: LiveExecution,
    private readonly operation: LiveOperation,
    private readonly args: ExecutionArgs,
    private readonly target: LiveTarget,
  ) {
    this.messagePrefix = Buffer.from(
      `{"id":${JSON.stringify(target.id)},"type":${JSON.stringify(MessageType.Next)},"payload":`,
    );
  }

  start(): void {
    this.pump();
  }

  next(): Promise<IteratorResult<ExecutionResult>> {
    const outcome = this.outcome;
    if (outcome !== null) return Promise.resolve(this.handOut(outcome));
    return new Promise((resolve) => {
      this.settle = resolve;
    });
  }

  async return(): Promise<IteratorResult<ExecutionResult>> {
    this.conclude(DONE);
    await this.operation.feed.return();
    return DONE;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  /** Runs inside the projector's commit and in timers: a failure ends this subscription, not the others or the process. */
  private readonly pump = (): void => {
    try {
      this.sendWhatIsAvailable();
    } catch (error) {
      const failed = new GraphQLError('Live delivery failed', { originalError: asError(error) });
      this.conclude({ value: { errors: [failed] }, done: false });
      void this.operation.feed.return();
    }
  };

  private sendWhatIsAvailable(): void {
    const { feed, groupKey } = this.operation;
    const { socket } = this.target;
    for (let sent = 0; this.outcome === null; sent += 1) {
      if (sent === MAX_SENDS_PER_TURN) {
        setImmediate(this.pump);
        return;
      }
      if (this.held === null) {
        const entry = feed.pull();
        if (entry === null) {
          const ending = feed.ending;
          if (ending === null) feed.whenReadable(this.pump);
          else this.conclude(ending === 'done' ? DONE : { value: { errors: [resumeRequired(ending)] }, done: false });
          return;
        }
        this.held = this.execution.resultFor(entry, this.args, groupKey);
      }
      const payload = this.held.payload;
      if (payload === null) {
        void this.held.ready.then(this.pump);
        return;
      }
      this.held = null;
      if (socket.bufferedAmount < SOCKET_HIGH_WATER_BYTES) {
        this.execution.send(this.target, this.messagePrefix, payload);
      } else {
        // The socket is backing up: go on once this message has been handed to the kernel.
        this.execution.send(this.target, this.messagePrefix, payload, this.pump);
        return;
      }
    }
  }

  private conclude(outcome: IteratorResult<ExecutionResult>): void {
    if (this.outcome !== null) return;
    this.outcome = outcome;
    const settle = this.settle;
    this.settle = null;
    settle?.(this.handOut(outcome));
  }

  /** Hands graphql-ws the outcome once; after it, the iteration is done. */
  private handOut(outcome: IteratorResult<ExecutionResult>): IteratorResult<ExecutionResult> {
    this.outcome = DONE;
    return outcome;
  }
}

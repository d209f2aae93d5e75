import { type FeedEntryView, type LiveFeed, ResumeRequired, viewerGrants } from '@coop/read-model';
import { type ExecutionArgs, type ExecutionResult, GraphQLError, execute } from 'graphql';
import { apiError } from '../graphql/api-errors.js';
import type { GraphqlContext } from '../graphql/graphql-context.js';

/** A subscription accepted by the guard: its source stream and the group it is executed with. */
export interface LiveOperation {
  readonly feed: LiveFeed;
  /**
   * Document, operation, variables and the viewer's visibility grants: what a
   * `FeedEntry` selection's result depends on, so members of a group can share it.
   */
  readonly groupKey: string;
}

export function groupKeyOf(args: ExecutionArgs, query: string, context: GraphqlContext): string {
  const grants = context.viewer === null ? [] : viewerGrants(context.viewer);
  return JSON.stringify([query, args.operationName ?? null, args.variableValues ?? null, grants]);
}

function resumeRequired(error: ResumeRequired): GraphQLError {
  return apiError('RESUME_REQUIRED', error.message, { cursor: error.cursor });
}

/**
 * Executes each committed entry once per group (DESIGN section 8) rather than
 * once per subscriber: the result is kept with the entry, which every
 * subscriber of a batch shares, and goes when the entry is collected.
 */
export class LiveExecution {
  private readonly results = new WeakMap<FeedEntryView, Map<string, Promise<ExecutionResult>>>();
  private readonly running = new Set<LiveDeliveries>();
  private whenIdle: (() => void) | null = null;

  resultFor(entry: FeedEntryView, args: ExecutionArgs, groupKey: string): Promise<ExecutionResult> {
    let ofEntry = this.results.get(entry);
    if (ofEntry === undefined) this.results.set(entry, (ofEntry = new Map()));
    let result = ofEntry.get(groupKey);
    if (result === undefined) {
      result = Promise.resolve(execute({ ...args, rootValue: entry }));
      ofEntry.set(groupKey, result);
    }
    return result;
  }

  /** What graphql-ws iterates for one subscriber: the shared results, then RESUME_REQUIRED if the feed was ended. */
  deliveries(operation: LiveOperation, args: ExecutionArgs): AsyncIterableIterator<ExecutionResult> {
    const deliveries = new LiveDeliveries(this, operation, args);
    this.running.add(deliveries);
    return deliveries;
  }

  /** Resolves once every subscription has sent its last message (after the bus ended them all, at shutdown). */
  idle(): Promise<void> {
    if (this.running.size === 0) return Promise.resolve();
    return new Promise((resolve) => {
      this.whenIdle = resolve;
    });
  }

  release(deliveries: LiveDeliveries): void {
    this.running.delete(deliveries);
    if (this.running.size === 0) this.whenIdle?.();
  }
}

class LiveDeliveries implements AsyncIterableIterator<ExecutionResult> {
  private finished = false;

  constructor(
    private readonly execution: LiveExecution,
    private readonly operation: LiveOperation,
    private readonly args: ExecutionArgs,
  ) {}

  async next(): Promise<IteratorResult<ExecutionResult>> {
    // graphql-ws asks again only once it has sent the previous result (here the RESUME_REQUIRED one).
    if (this.finished) return this.return();
    try {
      const next = await this.operation.feed.next();
      if (next.done === true) return this.return();
      return { value: await this.execution.resultFor(next.value, this.args, this.operation.groupKey), done: false };
    } catch (error) {
      if (!(error instanceof ResumeRequired)) throw error;
      this.finished = true;
      return { value: { errors: [resumeRequired(error)] }, done: false };
    }
  }

  async return(): Promise<IteratorResult<ExecutionResult>> {
    this.finished = true;
    await this.operation.feed.return();
    this.execution.release(this);
    return { value: undefined, done: true };
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}

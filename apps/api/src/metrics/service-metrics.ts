import type { NewEvent } from '@coop/event-store';
import type { Projector } from '@coop/read-model';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { GraphqlRequestOutcome } from '../logging/request-log.js';

export const SERVICE_METRICS = Symbol('SERVICE_METRICS');

/**
 * What the service reports at `GET /metrics`, told by the parts that know it:
 * each hook is a counter or gauge update, so the cost on a request's path is
 * a map lookup. Figures read from elsewhere (the projector's position and
 * lag) are read only when scraped.
 */
export interface ServiceMetrics {
  readonly enabled: boolean;
  readonly eventsAppended: (events: readonly NewEvent[]) => void;
  readonly projectorBatchApplied: (events: number, seconds: number) => void;
  readonly graphqlRequestEnded: (outcome: GraphqlRequestOutcome) => void;
  readonly rateLimitRefused: () => void;
  liveConnectionOpened(): void;
  liveConnectionClosed(): void;
  /** `kind` is the subscription's root field (`feedUpdated`, `itemUpdated`, …). */
  liveSubscriptionStarted(kind: string): void;
  liveSubscriptionEnded(kind: string): void;
  /** Reports the projector's position and lag, read at each scrape. */
  watchProjector(projector: Projector): void;
  /** The Prometheus text exposition of every metric. */
  exposition(): Promise<string>;
  readonly contentType: string;
}

/** Operation names are the client's: past this many distinct ones, or this long, they are counted together. */
const MAX_OPERATION_NAMES = 200;
const MAX_OPERATION_NAME_LENGTH = 100;
const OTHER_OPERATIONS = '(other)';
const ANONYMOUS_OPERATION = '(anonymous)';
/** Counting the events behind reads them: a catch-up farther behind reports this many. */
const MAX_EVENTS_BEHIND_COUNTED = 10_000;

const DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const BATCH_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

const nothing = (): void => {};

const DISABLED: ServiceMetrics = {
  enabled: false,
  eventsAppended: nothing,
  projectorBatchApplied: nothing,
  graphqlRequestEnded: nothing,
  rateLimitRefused: nothing,
  liveConnectionOpened: nothing,
  liveConnectionClosed: nothing,
  liveSubscriptionStarted: nothing,
  liveSubscriptionEnded: nothing,
  watchProjector: nothing,
  exposition: () => Promise.resolve(''),
  contentType: 'text/plain',
};

export function createServiceMetrics(enabled: boolean): ServiceMetrics {
  return enabled ? prometheusMetrics() : DISABLED;
}

function prometheusMetrics(): ServiceMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const appended = new Counter({
    name: 'coop_events_appended_total',
    help: 'Events this instance appended to the store, by type.',
    labelNames: ['type'] as const,
    registers,
  });
  const batches = new Histogram({
    name: 'coop_projector_batch_duration_seconds',
    help: 'Time to apply and commit one projector batch (its _count is the number of batches).',
    buckets: BATCH_BUCKETS,
    registers,
  });
  const applied = new Counter({
    name: 'coop_projector_events_applied_total',
    help: 'Events the projector applied to the read model since the service started.',
    registers,
  });
  const operations = new Histogram({
    name: 'coop_graphql_operation_duration_seconds',
    help: 'GraphQL operations over HTTP by operation name and outcome (OK or the first error code); _count counts them.',
    labelNames: ['operation', 'outcome'] as const,
    buckets: DURATION_BUCKETS,
    registers,
  });
  const refusals = new Counter({
    name: 'coop_rate_limit_refusals_total',
    help: 'Operations refused with RATE_LIMITED, over HTTP or graphql-ws.',
    registers,
  });
  const connections = new Gauge({
    name: 'coop_live_connections',
    help: 'Open graphql-ws connections that passed connection_init.',
    registers,
  });
  const subscriptions = new Gauge({
    name: 'coop_live_subscriptions',
    help: 'Live subscriptions being delivered, by root field.',
    labelNames: ['kind'] as const,
    registers,
  });

  const knownOperations = new Set<string>();
  const operationLabel = (name: string | null): string => {
    if (name === null) return ANONYMOUS_OPERATION;
    if (knownOperations.has(name)) return name;
    if (knownOperations.size >= MAX_OPERATION_NAMES || name.length > MAX_OPERATION_NAME_LENGTH) return OTHER_OPERATIONS;
    knownOperations.add(name);
    return name;
  };

  return {
    enabled: true,
    eventsAppended: (events) => {
      for (const event of events) appended.inc({ type: event.type });
    },
    projectorBatchApplied: (events, seconds) => {
      batches.observe(seconds);
      applied.inc(events);
    },
    graphqlRequestEnded: ({ operationName, errorCode, seconds }) =>
      operations.observe({ operation: operationLabel(operationName), outcome: errorCode ?? 'OK' }, seconds),
    rateLimitRefused: () => refusals.inc(),
    liveConnectionOpened: () => connections.inc(),
    liveConnectionClosed: () => connections.dec(),
    liveSubscriptionStarted: (kind) => subscriptions.inc({ kind }),
    liveSubscriptionEnded: (kind) => subscriptions.dec({ kind }),
    watchProjector: (projector) => watchProjector(registers, projector),
    exposition: () => registry.metrics(),
    contentType: registry.contentType,
  };
}

function watchProjector(registers: Registry[], projector: Projector): void {
  new Gauge({
    name: 'coop_projector_position_events',
    help: "Events of the log the read model holds: its checkpoint's position, counted in events.",
    registers,
    collect() {
      const { eventsProjected, eventsSkipped } = projector.checkpoint();
      this.set(eventsProjected + eventsSkipped);
    },
  });
  new Gauge({
    name: 'coop_projector_running',
    help: '1 while the projector follows the log, 0 once it stopped or failed.',
    registers,
    collect() {
      this.set(projector.status === 'running' ? 1 : 0);
    },
  });
  new Gauge({
    name: 'coop_projector_lag_events',
    help: `Events of the log not yet in the read model, counted up to ${MAX_EVENTS_BEHIND_COUNTED}.`,
    registers,
    async collect() {
      this.set(await readOrNaN(() => projector.eventsBehind(MAX_EVENTS_BEHIND_COUNTED)));
    },
  });
  new Gauge({
    name: 'coop_projector_lag_seconds',
    help: 'How long ago the oldest event not yet in the read model was recorded; 0 when caught up.',
    registers,
    async collect() {
      this.set(await readOrNaN(async () => (await projector.lag()).seconds));
    },
  });
}

/** A store that does not answer leaves the figure unknown rather than failing the whole scrape. */
async function readOrNaN(read: () => Promise<number>): Promise<number> {
  try {
    return await read();
  } catch {
    return Number.NaN;
  }
}

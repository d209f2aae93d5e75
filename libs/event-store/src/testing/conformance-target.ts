import type { EventStore, EventStoreOptions, JsonValue } from '../event-store.port.js';

export type { EventStoreOptions } from '../event-store.port.js';

/**
 * How a child process opens the same storage: it imports `module` (an absolute path
 * to a TypeScript or JavaScript file, run through tsx) and calls its export
 * `exportName` with `argument`, which resolves to an open `EventStore`.
 */
export interface ChildOpenSpec {
  readonly module: string;
  readonly exportName: string;
  readonly argument: JsonValue;
}

/** One empty backing storage (a SQLite file, an EventStoreDB server) for one test. */
export interface ConformanceStorage {
  /** Opens another store instance over the same storage; the caller closes it. */
  open(options?: EventStoreOptions): Promise<EventStore>;
  readonly childOpenSpec: ChildOpenSpec;
  dispose(): Promise<void>;
}

export interface ConformanceTarget {
  readonly name: string;
  createStorage(): Promise<ConformanceStorage>;
}

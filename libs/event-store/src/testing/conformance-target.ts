import type { JsonValue } from '../event-store.port.js';
import type { EventStore } from '../event-store.port.js';

export interface StoreLimits {
  /** Largest event (JSON data plus metadata, UTF-8 bytes) an append accepts. */
  readonly maxEventBytes?: number;
  /** Largest append (sum of its events) accepted. */
  readonly maxAppendBytes?: number;
}

/**
 * How a child process opens the same storage: it `require`s `module` (a path
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
  open(limits?: StoreLimits): Promise<EventStore>;
  readonly childOpenSpec: ChildOpenSpec;
  dispose(): Promise<void>;
}

export interface ConformanceTarget {
  readonly name: string;
  createStorage(): Promise<ConformanceStorage>;
}

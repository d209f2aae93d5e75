export * from './event-store.port.js';
export * from './event-store.errors.js';
export * from './event-metadata.js';
export * from './hash-chain.js';
export { DEFAULT_MAX_APPEND_BYTES, DEFAULT_MAX_EVENT_BYTES } from './append-validation.js';
export { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite/sqlite-event-store.adapter.js';
export { WalCheckpointer, type WalCheckpointerOptions } from './sqlite/wal-checkpointer.js';
export * from './integrity-check.js';
export {
  EventStoreDbEventStore,
  type EventStoreDbEventStoreOptions,
} from './eventstoredb/eventstoredb-event-store.adapter.js';
export * from './audit-export.js';
export * from './audit-export-verifier.js';

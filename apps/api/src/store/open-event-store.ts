import { STREAM_PREFIXES } from '@coop/domain';
import {
  type EventStore,
  EventStoreDbEventStore,
  type EventStoreDbEventStoreOptions,
  SqliteEventStore,
} from '@coop/event-store';
import type { EventStoreConfig } from '../config/app-config.js';

/**
 * The configured event store, for the service and for the tools that read it
 * directly. On either store, `$all` holds only the service's own streams:
 * other applications may share an EventStoreDB.
 */
export function openEventStore(
  config: EventStoreConfig,
  logger: NonNullable<EventStoreDbEventStoreOptions['logger']>,
): EventStore {
  if (config.kind === 'sqlite') {
    return new SqliteEventStore(config.file, {
      streamPrefixes: STREAM_PREFIXES,
      backgroundCheckpoints: {
        onFailure: (error) =>
          logger.warn({ err: error }, 'event store: WAL checkpoints are back in the commits, their thread failed'),
      },
    });
  }
  return new EventStoreDbEventStore(config.connectionString, { streamPrefixes: STREAM_PREFIXES, logger });
}

/** The EventStoreDB adapter's warnings, for a command-line tool: on standard error, where its output is not. */
export const warningsOnStandardError: NonNullable<EventStoreDbEventStoreOptions['logger']> = {
  warn: (_details, message) => process.stderr.write(`${message}\n`),
};

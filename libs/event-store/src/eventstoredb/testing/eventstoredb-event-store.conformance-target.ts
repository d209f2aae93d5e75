import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { EventStoreDbDouble } from '../../../../../test/eventstoredb-double/eventstoredb-double.server.js';
import type { EventStore, EventStoreOptions, JsonValue } from '../../event-store.port.js';
import type { ConformanceTarget } from '../../testing/conformance-target.js';
import { EventStoreDbEventStore } from '../eventstoredb-event-store.adapter.js';
import { ScopedEventStore, type Scope } from './scoped-event-store.js';

interface ChildArgument {
  readonly connectionString: string;
  readonly scope?: Scope;
}

/**
 * The server's `MaxAppendSize` that deployments configure above the adapter's
 * 4 MiB append limit (plus protobuf framing), so that the adapter's limit is
 * the one that applies; EventStoreDB's default is 1 MiB.
 */
export const SERVER_MAX_APPEND_SIZE = 8 * 1024 * 1024;

/** Entry point of `childOpenSpec`: a child process connects to the same server through it. */
export async function openEventStoreDbInChild(argument: JsonValue): Promise<EventStore> {
  const { connectionString, scope } = argument as unknown as ChildArgument;
  return open(connectionString, scope);
}

/** In a scope, the store's own streams are the scope's: its prefix goes before each of the caller's. */
function open(connectionString: string, scope: Scope | undefined, options: EventStoreOptions = {}): EventStore {
  if (scope === undefined) return new EventStoreDbEventStore(connectionString, options);
  const streamPrefixes = (options.streamPrefixes ?? ['']).map((prefix) => `${scope.prefix}${prefix}`);
  return new ScopedEventStore(new EventStoreDbEventStore(connectionString, { ...options, streamPrefixes }), scope);
}

function childOpenSpec(argument: ChildArgument): { module: string; exportName: string; argument: JsonValue } {
  return {
    module: fileURLToPath(import.meta.url),
    exportName: openEventStoreDbInChild.name,
    argument: argument as unknown as JsonValue,
  };
}

/** Each storage is a fresh double on its own port, stopped on dispose. */
export const eventStoreDbDoubleTarget: ConformanceTarget = {
  name: 'EventStoreDbEventStore over the EventStoreDB double',
  async createStorage() {
    const double = await EventStoreDbDouble.start({ maxAppendSize: SERVER_MAX_APPEND_SIZE });
    const connectionString = double.connectionString;
    return {
      async open(options?: EventStoreOptions) {
        return open(connectionString, undefined, options);
      },
      childOpenSpec: childOpenSpec({ connectionString }),
      async dispose() {
        await double.stop();
      },
    };
  },
};

/**
 * A real server cannot be emptied for each test, and other tests (or earlier
 * runs) write to it too. Each storage is therefore a scope: its own stream
 * prefix, and the position of the last event of `$all` when it was created,
 * before which `$all` shows nothing (see `ScopedEventStore`).
 */
export function eventStoreDbServerTarget(connectionString: string): ConformanceTarget {
  return {
    name: 'EventStoreDbEventStore on a real EventStoreDB server',
    async createStorage() {
      const probe = new EventStoreDbEventStore(connectionString);
      const [head] = await probe.readAll({ direction: 'backwards', limit: 1 }).finally(() => probe.close());
      const scope: Scope = { prefix: `t${randomUUID().replaceAll('-', '')}_`, floor: head?.position };
      return {
        async open(options?: EventStoreOptions) {
          return open(connectionString, scope, options);
        },
        childOpenSpec: childOpenSpec({ connectionString, scope }),
        async dispose() {},
      };
    },
  };
}

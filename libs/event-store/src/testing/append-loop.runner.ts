/**
 * Child process main: `node --import tsx append-loop.runner.ts '<AppendLoopSpec as JSON>'`.
 * Opens the store the spec names and appends in a loop with exact expected
 * versions, printing one `AppendLoopAck` JSON line per acknowledged append.
 * Each event's metadata names its append and the append's size, so that a
 * reader can tell whether an append is all there.
 */
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { VersionConflict } from '../event-store.errors.js';
import type { EventStore, JsonValue, NewEvent } from '../event-store.port.js';
import type { AppendLoopAck, AppendLoopSpec } from './append-loop.process.js';

async function openStore(spec: AppendLoopSpec): Promise<EventStore> {
  const module = (await import(pathToFileURL(spec.open.module).href)) as Record<string, unknown>;
  const open = module[spec.open.exportName];
  if (typeof open !== 'function') throw new Error(`${spec.open.module} has no function ${spec.open.exportName}`);
  return (await open(spec.open.argument as JsonValue)) as EventStore;
}

async function currentVersion(store: EventStore, streamId: string): Promise<number> {
  const [last] = await store.readStream(streamId, { direction: 'backwards', limit: 1 });
  return last?.version ?? 0;
}

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2] ?? '') as AppendLoopSpec;
  const store = await openStore(spec);
  const versions = new Map<string, number>();
  const maxEvents = spec.maxEventsPerAppend ?? 1;
  for (let count = 0; spec.appends === undefined || count < spec.appends; count += 1) {
    const streamId = spec.streams[count % spec.streams.length] as string;
    const appendId = randomUUID();
    const size = 1 + Math.floor(Math.random() * maxEvents);
    const events: NewEvent[] = Array.from({ length: size }, (_, index) => ({
      id: randomUUID(),
      type: 'LoopAppended',
      data: { writer: spec.writer, count, index, filler: 'x'.repeat(200) },
      metadata: { writer: spec.writer, appendId, appendSize: size, index },
    }));
    for (;;) {
      const expected = versions.get(streamId) ?? (await currentVersion(store, streamId));
      try {
        const result = await store.append(streamId, events, { expectedVersion: expected });
        versions.set(streamId, result.nextVersion);
        const ack: AppendLoopAck = { streamId, appendId, ids: events.map((event) => event.id), ...result };
        // stdout to a pipe is synchronous on POSIX: once this returns the parent can see the ack.
        process.stdout.write(`${JSON.stringify(ack)}\n`);
        break;
      } catch (error) {
        if (!(error instanceof VersionConflict)) throw error;
        versions.set(streamId, error.actual);
      }
    }
  }
  await store.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

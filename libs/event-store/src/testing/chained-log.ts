import { randomUUID } from 'node:crypto';
import type { EventStore } from '../event-store.port.js';
import { chainEvents } from '../hash-chain.js';

export interface ChainedLogOptions {
  readonly events: number;
  readonly streams: number;
  /** `occurredAt` of the first event; each next event (in log order) occurred one second later. */
  readonly start?: Date;
  /** Events per append; streams take turns, so their events interleave in the log. */
  readonly perAppend?: number;
}

/**
 * Fills a store with hash-chained events as the service writes them, streams
 * `audit-0` … taking turns, with text that needs escaping in JSON. Returns the
 * `occurredAt` of each event in log order.
 */
export async function appendChainedLog(store: EventStore, options: ChainedLogOptions): Promise<string[]> {
  const start = (options.start ?? new Date('2017-01-01T00:00:00.000Z')).getTime();
  const perAppend = options.perAppend ?? 10;
  const heads = new Map<string, { version: number; hash: string | null }>();
  const occurred: string[] = [];
  let turn = 0;
  while (occurred.length < options.events) {
    const streamId = `audit-${turn % options.streams}`;
    turn += 1;
    const head = heads.get(streamId) ?? { version: 0, hash: null };
    const count = Math.min(perAppend, options.events - occurred.length);
    const events = Array.from({ length: count }, (_, index) => {
      const occurredAt = new Date(start + (occurred.length + index) * 1_000).toISOString();
      return {
        id: randomUUID(),
        type: 'Recorded',
        data: { n: occurred.length + index, note: `Line "${index}"\twith ünïcödé and a \\ backslash` },
        metadata: { actorId: 'auditor-test', occurredAt, schemaVersion: 1 },
      };
    });
    const chained = chainEvents(streamId, head.version, head.hash, events);
    await store.append(streamId, chained, { expectedVersion: head.version });
    const last = chained.at(-1);
    heads.set(streamId, { version: head.version + count, hash: String(last?.metadata['hash']) });
    for (const event of chained) occurred.push(String(event.metadata['occurredAt']));
  }
  return occurred;
}

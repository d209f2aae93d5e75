import type { ExpectedVersion } from '../event-store.port.js';

/** What the port's rules say an append returns, with positions left out (the model has none). */
export type ModelOutcome =
  | { readonly outcome: 'appended' | 'duplicate'; readonly nextVersion: number; readonly lastEventId: string }
  | { readonly outcome: 'VersionConflict'; readonly actual: number }
  | { readonly outcome: 'InvalidAppend'; readonly reason: 'repeated-id' | 'reused-id' };

export interface ModelEvent {
  readonly id: string;
  readonly type: string;
}

export interface ModelRecord extends ModelEvent {
  readonly streamId: string;
  readonly version: number;
}

/**
 * The append rules of the `EventStore` port as plainly as they can be written,
 * over arrays in memory. Ids are taken to be valid UUIDs in lower case and
 * sizes within limits; what is left is versions, idempotency and id reuse,
 * which the model refuses as the SQLite adapter does (`reused-id`).
 */
export class EventStoreModel {
  private readonly streams = new Map<string, ModelRecord[]>();
  private readonly log: ModelRecord[] = [];
  private readonly stored = new Set<string>();

  append(streamId: string, events: readonly ModelEvent[], expected: ExpectedVersion): ModelOutcome {
    const ids = events.map((event) => event.id);
    if (new Set(ids).size !== ids.length) return { outcome: 'InvalidAppend', reason: 'repeated-id' };
    const stream = this.stream(streamId);
    const current = stream.length;
    const standsAt = (version: number): boolean => ids.every((id, index) => stream[version - 1 + index]?.id === id);
    const duplicate = (version: number): ModelOutcome => ({
      outcome: 'duplicate',
      nextVersion: version + ids.length - 1,
      lastEventId: ids[ids.length - 1] as string,
    });

    if (expected === 'any' || expected === 'streamExists') {
      const first = stream.findIndex((record) => record.id === ids[0]);
      if (first >= 0)
        return standsAt(first + 1) ? duplicate(first + 1) : { outcome: 'VersionConflict', actual: current };
      if (expected === 'streamExists' && current === 0) return { outcome: 'VersionConflict', actual: current };
    } else {
      const exact = expected === 'noStream' ? 0 : expected;
      if (exact !== current)
        return standsAt(exact + 1) ? duplicate(exact + 1) : { outcome: 'VersionConflict', actual: current };
    }

    if (ids.some((id) => this.stored.has(id))) return { outcome: 'InvalidAppend', reason: 'reused-id' };
    for (const event of events) {
      const record: ModelRecord = { ...event, streamId, version: stream.length + 1 };
      stream.push(record);
      this.log.push(record);
      this.stored.add(event.id);
    }
    this.streams.set(streamId, stream);
    return { outcome: 'appended', nextVersion: stream.length, lastEventId: ids[ids.length - 1] as string };
  }

  stream(streamId: string): ModelRecord[] {
    return [...(this.streams.get(streamId) ?? [])];
  }

  version(streamId: string): number {
    return this.streams.get(streamId)?.length ?? 0;
  }

  /** The log as `readAll` shows it: system events left out. */
  all(): ModelRecord[] {
    return this.log.filter((record) => !record.type.startsWith('$'));
  }
}

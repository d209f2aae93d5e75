import type { EventStore, Position, RecordedEvent } from './event-store.port.js';

/**
 * The whole log in order, one `readAll` page at a time, read only when the
 * previous page has been taken: a reader holds at most one page, however long
 * the log. Ending the iteration early reads nothing more.
 */
export async function* logPages(store: EventStore, pageSize: number): AsyncGenerator<readonly RecordedEvent[]> {
  if (!Number.isSafeInteger(pageSize) || pageSize < 1) throw new RangeError(`Not a page size: ${pageSize}`);
  let fromPosition: Position | undefined;
  for (;;) {
    const limit = pageSize + (fromPosition === undefined ? 0 : 1);
    const page = await store.readAll(fromPosition === undefined ? { limit } : { fromPosition, limit });
    // readAll starts at fromPosition inclusive: the first event of a later page was read already.
    const events = fromPosition === undefined ? page : page.slice(1);
    const last = page.at(-1);
    if (events.length === 0 || last === undefined) return;
    yield events;
    fromPosition = last.position;
  }
}

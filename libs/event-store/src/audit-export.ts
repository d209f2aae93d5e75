import { Readable } from 'node:stream';
import type { EventStore, JsonObject, JsonValue, Position, RecordedEvent } from './event-store.port.js';
import { metadataString } from './event-metadata.js';
import { logPages } from './log-pages.js';

/**
 * One event as a line of an audit export (JSON Lines), in this key order.
 * `hash` and `previousHash` repeat the metadata's, so that a reader sees the
 * chain without digging; the verifier checks that they agree.
 */
export interface AuditExportLine {
  readonly position: Position;
  readonly stream: string;
  readonly version: number;
  readonly type: string;
  readonly data: JsonValue;
  readonly metadata: JsonObject;
  readonly hash: string | null;
  readonly previousHash: string | null;
}

/** Instants, `from` inclusive and `to` exclusive; either may be left open. */
export interface AuditExportRange {
  readonly from?: Date | null;
  readonly to?: Date | null;
}

/**
 * Events read from the store at a time: what an export holds in memory besides
 * the chunk being written. Kept small so that a page is garbage before the
 * collector promotes it: with pages of 1,000, exporting 100,000 events to a
 * fast client sometimes left the service's RSS 80 MB up instead of 20.
 */
export const AUDIT_EXPORT_PAGE = 200;

export function auditExportLine(event: RecordedEvent): AuditExportLine {
  return {
    position: event.position,
    stream: event.streamId,
    version: event.version,
    type: event.type,
    data: event.data,
    metadata: event.metadata,
    hash: metadataString(event.metadata, 'hash'),
    previousHash: metadataString(event.metadata, 'previousHash'),
  };
}

/** When the actor acted (the hashed metadata's instant), else when the store recorded the event. */
function occurredAt(event: RecordedEvent): number {
  const stated = Date.parse(String(event.metadata['occurredAt']));
  return Number.isNaN(stated) ? Date.parse(event.recordedAt) : stated;
}

/**
 * The export's lines, each ending in a newline, read from the store a page at
 * a time as the consumer asks for them.
 *
 * A range selects one contiguous slice of the log: from the first event (in
 * log order) that occurred at or after `from`, up to the first that occurred
 * at or after `to`. Being contiguous, the slice holds an unbroken run of each
 * stream's versions, whose first line carries the hash of the event before
 * it: each run verifies on its own. Reading stops at the end of the slice.
 */
export async function* auditExportLines(
  store: EventStore,
  range: AuditExportRange = {},
  pageSize = AUDIT_EXPORT_PAGE,
): AsyncGenerator<string> {
  const from = range.from?.getTime() ?? null;
  const to = range.to?.getTime() ?? null;
  let started = from === null;
  for await (const page of logPages(store, pageSize)) {
    for (const event of page) {
      const at = occurredAt(event);
      if (!started) {
        if (from !== null && at < from) continue;
        started = true;
      }
      if (to !== null && at >= to) return;
      yield `${JSON.stringify(auditExportLine(event))}\n`;
    }
  }
}

/** Characters of lines written at once, rather than one socket write per line. */
const CHUNK_CHARACTERS = 64 * 1024;

async function* inChunks(lines: AsyncIterable<string>): AsyncGenerator<string> {
  let chunk = '';
  for await (const line of lines) {
    chunk += line;
    if (chunk.length >= CHUNK_CHARACTERS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}

/**
 * The export as a byte stream that reads the store only as fast as its
 * consumer (a file, an HTTP response) takes the lines, a chunk of lines at a
 * time; destroying it stops the reading.
 */
export function auditExportStream(store: EventStore, range: AuditExportRange = {}): Readable {
  return Readable.from(inChunks(auditExportLines(store, range)), { objectMode: false });
}

import { createHash } from 'node:crypto';
import { metadataString } from './event-metadata.js';
import type { JsonObject, JsonValue, NewEvent, RecordedEvent } from './event-store.port.js';

/**
 * JSON with object keys sorted by UTF-16 code unit (as RFC 8785) and no
 * whitespace. Strings go through `JSON.stringify`, so they are kept as they
 * are (no Unicode normalisation: the hash covers exactly what is stored) and
 * lone surrogates come out escaped, never as invalid UTF-8.
 */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    // JSON.stringify would turn these into null, so two different events could hash alike.
    if (!Number.isFinite(value)) throw new TypeError(`Not a JSON number: ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value !== 'object') throw new TypeError(`Not a JSON value: ${typeof value}`);
  const members: string[] = [];
  for (const key of Object.keys(value).sort()) {
    const member = value[key];
    // An undefined member is absent from the stored JSON, so it is absent here too.
    if (member !== undefined) members.push(`${JSON.stringify(key)}:${canonicalJson(member)}`);
  }
  return `{${members.join(',')}}`;
}

export interface ChainLink {
  readonly streamId: string;
  readonly version: number;
  readonly type: string;
  readonly data: JsonValue;
  /** Metadata including `previousHash`; a `hash` member, if any, is left out. */
  readonly metadata: JsonObject;
}

/** SHA-256 (hex) over the canonical JSON of stream, version, type, data, metadata without `hash`, and previous hash. */
export function eventHash(link: ChainLink): string {
  const { hash: _hash, ...metadata } = link.metadata;
  const previousHash = metadata['previousHash'] ?? null;
  const canonical = canonicalJson({
    stream: link.streamId,
    version: link.version,
    type: link.type,
    data: link.data,
    metadata,
    previousHash,
  });
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/**
 * Sets `metadata.previousHash` and `metadata.hash` on events about to be
 * appended to `streamId` after version `lastVersion`, whose event carries
 * `lastHash` (null for a new stream). Append them with expected version
 * `lastVersion`, so that a concurrent writer cannot break the chain.
 */
export function chainEvents(
  streamId: string,
  lastVersion: number,
  lastHash: string | null,
  events: readonly NewEvent[],
): NewEvent[] {
  let previousHash = lastHash;
  return events.map((event, index) => {
    const { hash: _hash, ...rest } = event.metadata;
    const metadata: JsonObject = { ...rest, previousHash };
    const hash = eventHash({
      streamId,
      version: lastVersion + index + 1,
      type: event.type,
      data: event.data,
      metadata,
    });
    previousHash = hash;
    return { ...event, metadata: { ...metadata, hash } };
  });
}

export interface ChainProblem {
  readonly version: number;
  readonly eventId: string;
  readonly problem: 'version-out-of-order' | 'previous-hash-mismatch' | 'hash-mismatch';
}

/**
 * Checks recorded events of one stream, in order, from the first (or from
 * just after `start`, a version and hash already trusted). Returns every
 * problem found; an empty list means the chain holds.
 */
export function verifyChain(
  events: readonly RecordedEvent[],
  start: { readonly version: number; readonly hash: string | null } = { version: 0, hash: null },
): ChainProblem[] {
  const problems: ChainProblem[] = [];
  let expectedVersion = start.version + 1;
  let previousHash = start.hash;
  for (const event of events) {
    const report = (problem: ChainProblem['problem']): void => {
      problems.push({ version: event.version, eventId: event.id, problem });
    };
    if (event.version !== expectedVersion) report('version-out-of-order');
    if ((event.metadata['previousHash'] ?? null) !== previousHash) report('previous-hash-mismatch');
    if (event.metadata['hash'] !== eventHash(event)) report('hash-mismatch');
    expectedVersion = event.version + 1;
    previousHash = metadataString(event.metadata, 'hash');
  }
  return problems;
}

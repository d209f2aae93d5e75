import type { JsonObject } from './event-store.port.js';

/**
 * The metadata every domain event carries (docs/architecture.md). The port keeps
 * metadata a plain `JsonObject`; this is what the application puts in it.
 * A type alias rather than an interface, so that it is assignable to `JsonObject`.
 */
export type EventMetadata = {
  readonly actorId: string;
  readonly actorName: string;
  /** ISO country code of the actor; null for the secretariat, which acts for no country. */
  readonly actorCountry: string | null;
  readonly actorRoles: string[];
  readonly correlationId: string;
  /** Id of the command or event that caused this event. */
  readonly causationId: string;
  /** ISO 8601 instant at which the actor acted (the command's time, not the store's). */
  readonly occurredAt: string;
  readonly schemaVersion: number;
  /** `hash` of the previous event of the stream; null for the first. */
  readonly previousHash: string | null;
  readonly hash: string;
};

/** Metadata as a command handler builds it, before `chainEvents` adds the hash chain. */
export type UnchainedEventMetadata = Omit<EventMetadata, 'previousHash' | 'hash'>;

/** A string field of the metadata, or null when the event (written by another hand, or raw) has none there. */
export function metadataString(metadata: JsonObject, key: keyof EventMetadata): string | null {
  const value = metadata[key];
  return typeof value === 'string' ? value : null;
}

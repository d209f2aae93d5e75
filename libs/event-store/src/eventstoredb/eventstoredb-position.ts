import type { Position as EventStoreDbPosition } from '@eventstore/db-client';
import type { Position } from '../event-store.port.js';

const HEX_DIGITS = 16;
const POSITION = /^[0-9a-f]{32}$/;

/**
 * Commit then prepare position, each as 16 lower-case hex digits: both are
 * unsigned 64-bit numbers in EventStoreDB, so the encoding is lossless and
 * string order is `$all` order, which compares commit first, then prepare.
 */
export function encodePosition(position: EventStoreDbPosition): Position {
  return (
    position.commit.toString(16).padStart(HEX_DIGITS, '0') + position.prepare.toString(16).padStart(HEX_DIGITS, '0')
  );
}

export function decodePosition(position: Position): EventStoreDbPosition {
  if (!POSITION.test(position)) {
    throw new RangeError(`Not a position of the EventStoreDB event store: ${JSON.stringify(position)}`);
  }
  return { commit: BigInt(`0x${position.slice(0, HEX_DIGITS)}`), prepare: BigInt(`0x${position.slice(HEX_DIGITS)}`) };
}

import type { Position } from '../event-store.port.js';

const WIDTH = 16;
const POSITION = /^\d{16}$/;

/** Zero-padded decimal rowid: fixed width makes string order the log order. */
export function encodePosition(sequence: number): Position {
  return String(sequence).padStart(WIDTH, '0');
}

export function decodePosition(position: Position): number {
  if (!POSITION.test(position)) {
    throw new RangeError(`Not a position of the SQLite event store: ${JSON.stringify(position)}`);
  }
  return Number(position);
}

import type { Duplex } from 'node:stream';

/**
 * Holds the writes to each connection written to in this turn of the event
 * loop, and lets them go together when the turn's work is done. At capacity a
 * projector batch carries several entries for one subscriber (and graphql-ws
 * may add a `complete`): their frames then leave in one `writev` instead of
 * a system call each.
 */
export class TurnWrites {
  private readonly held: Duplex[] = [];

  hold(connection: Duplex): void {
    // `ws` uncorks what it corks within each send, so a corked connection is one held already.
    if (connection.writableCorked > 0) return;
    if (this.held.length === 0) process.nextTick(this.release);
    connection.cork();
    this.held.push(connection);
  }

  private readonly release = (): void => {
    for (const connection of this.held) connection.uncork();
    this.held.length = 0;
  };
}

/** Bytes of each block that `next` messages are cut from. */
const MESSAGE_BLOCK_BYTES = 64 * 1024;
const MESSAGE_END = 0x7d; // '}'
const END = Buffer.of(MESSAGE_END);

/**
 * Frames already serialised payloads as graphql-transport-ws `next` messages,
 * the bytes graphql-ws's own `stringifyMessage` would write.
 *
 * A message for a connection with nothing waiting to be written is cut from a
 * shared block: one allocation for dozens of messages, where Buffer.concat
 * takes a new 8 KB pool every few (at capacity, a tenth of the service's
 * time). A block is collected once its last message has been written, so a
 * message that may wait in a slow consumer's buffer is framed by
 * Buffer.concat: it keeps at most an 8 KB pool alive, not a whole block.
 */
export class NextMessages {
  private block = Buffer.allocUnsafeSlow(MESSAGE_BLOCK_BYTES);
  private used = 0;

  /** `prefix` is the message's opening up to its payload: `{"id":…,"type":"next","payload":`. */
  frame(prefix: Buffer, payload: Buffer, connectionIdle: boolean): Buffer {
    const length = prefix.length + payload.length + 1;
    if (!connectionIdle || length > MESSAGE_BLOCK_BYTES / 8) return Buffer.concat([prefix, payload, END]);
    if (this.used + length > MESSAGE_BLOCK_BYTES) {
      this.block = Buffer.allocUnsafeSlow(MESSAGE_BLOCK_BYTES);
      this.used = 0;
    }
    const start = this.used;
    prefix.copy(this.block, start);
    payload.copy(this.block, start + prefix.length);
    this.block[start + length - 1] = MESSAGE_END;
    this.used += length;
    return this.block.subarray(start, this.used);
  }
}

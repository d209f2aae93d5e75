import type { Duplex } from 'node:stream';

/**
 * Holds the writes to each connection written to in this turn of the event
 * loop, and lets them go together when the turn's work is done. At capacity a
 * projector batch carries several entries for one subscriber (and graphql-ws
 * may add a `complete`): their frames then leave in one `writev`, where each
 * would cost a system call of its own, about as much as the whole batch's.
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

/**
 * Frames already serialised payloads as graphql-transport-ws `next` messages,
 * the bytes graphql-ws's own `stringifyMessage` would write.
 *
 * A message for a connection with nothing waiting to be written is cut from a
 * shared block: one allocation for dozens of messages, where Buffer.concat
 * takes a new 8 KB pool every few (at capacity, a tenth of the service's
 * time). A block is collected once its last message has been written, so a
 * message that may wait in a slow consumer's buffer gets a buffer of its own:
 * otherwise each such message could keep a whole block alive.
 */
export class NextMessages {
  private block = Buffer.allocUnsafeSlow(MESSAGE_BLOCK_BYTES);
  private used = 0;

  /** `prefix` is the message's opening up to its payload: `{"id":…,"type":"next","payload":`. */
  frame(prefix: Buffer, payload: Buffer, connectionIdle: boolean): Buffer {
    const length = prefix.length + payload.length + 1;
    if (!connectionIdle || length > MESSAGE_BLOCK_BYTES / 8) {
      return fill(Buffer.allocUnsafeSlow(length), prefix, payload);
    }
    if (this.used + length > MESSAGE_BLOCK_BYTES) {
      this.block = Buffer.allocUnsafeSlow(MESSAGE_BLOCK_BYTES);
      this.used = 0;
    }
    const start = this.used;
    this.used += length;
    return fill(this.block.subarray(start, this.used), prefix, payload);
  }
}

function fill(message: Buffer, prefix: Buffer, payload: Buffer): Buffer {
  prefix.copy(message, 0);
  payload.copy(message, prefix.length);
  message[message.length - 1] = MESSAGE_END;
  return message;
}

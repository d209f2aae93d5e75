import type { Writable } from 'node:stream';

/** What a stream has handed to its handle so far: each write or writev, as the number of chunks it carried. */
export interface HandleWrites {
  readonly chunksPerWrite: number[];
}

/**
 * Counts the writes a stream hands to its handle (its `_write` and `_writev`,
 * what becomes a system call for a socket), passing each on unchanged.
 */
export function countHandleWrites(stream: Writable): HandleWrites {
  const counted: HandleWrites = { chunksPerWrite: [] };
  const write = stream._write.bind(stream);
  stream._write = (chunk, encoding, callback) => {
    counted.chunksPerWrite.push(1);
    write(chunk, encoding, callback);
  };
  const writev = stream._writev?.bind(stream);
  if (writev !== undefined) {
    stream._writev = (chunks, callback) => {
      counted.chunksPerWrite.push(chunks.length);
      writev(chunks, callback);
    };
  }
  return counted;
}

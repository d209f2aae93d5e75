import { once } from 'node:events';
import { type AddressInfo, createServer, type Server, Socket } from 'node:net';
import { countHandleWrites } from '../../../../test/support/handle-writes.js';
import { NextMessages, TurnWrites } from './socket-writes.js';

describe('TurnWrites', () => {
  let server: Server;
  let client: Socket;
  let connection: Socket;
  let received: Buffer;

  beforeEach(async () => {
    server = createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const accepted = once(server, 'connection');
    client = new Socket().connect((server.address() as AddressInfo).port, '127.0.0.1');
    [connection] = (await accepted) as [Socket];
    received = Buffer.alloc(0);
    client.on('data', (chunk: Buffer) => (received = Buffer.concat([received, chunk])));
  });

  afterEach(async () => {
    client.destroy();
    connection.destroy();
    server.close();
    await once(server, 'close');
  });

  async function untilReceived(bytes: number): Promise<void> {
    while (received.length < bytes) await once(client, 'data');
  }

  it("lets a connection's writes of one turn go in one write, in order, once the turn's work is done", async () => {
    const turn = new TurnWrites();
    const writes = countHandleWrites(connection);

    for (const part of ['one ', 'two ', 'three']) {
      turn.hold(connection);
      connection.write(part);
    }
    expect(writes.chunksPerWrite).toEqual([]);
    await untilReceived('one two three'.length);

    expect(writes.chunksPerWrite).toEqual([3]);
    expect(received.toString()).toBe('one two three');
    expect(connection.writableCorked).toBe(0);
  });

  it('holds a connection again in a later turn', async () => {
    const turn = new TurnWrites();
    const writes = countHandleWrites(connection);

    turn.hold(connection);
    connection.write('first turn ');
    await untilReceived('first turn '.length);
    turn.hold(connection);
    connection.write('second ');
    turn.hold(connection);
    connection.write('turn');
    expect(connection.writableCorked).toBe(1);
    await untilReceived('first turn second turn'.length);

    expect(writes.chunksPerWrite).toEqual([1, 2]);
    expect(received.toString()).toBe('first turn second turn');
  });
});

describe('NextMessages', () => {
  const prefix = Buffer.from('{"id":"5b1e","type":"next","payload":');
  const payloadOf = (index: number): Buffer =>
    // Sizes from a few bytes to past an eighth of a block, so that blocks fill up and large messages stand apart.
    Buffer.from(JSON.stringify({ data: { index, text: 'x'.repeat((index * 97) % 9_000) } }));

  it('frames each payload as the whole message, and a later message never overwrites an earlier one', () => {
    const messages = new NextMessages();
    const framed = Array.from({ length: 500 }, (_, index) => messages.frame(prefix, payloadOf(index), index % 3 > 0));

    framed.forEach((message, index) => {
      expect(message.toString()).toBe(`${prefix.toString()}${payloadOf(index).toString()}}`);
      expect(JSON.parse(message.toString())).toMatchObject({ id: '5b1e', type: 'next', payload: { data: { index } } });
    });
  });

  it('cuts messages for idle connections from one block, and one that may wait from no block', () => {
    const messages = new NextMessages();
    const [first, second] = [1, 2].map((index) => messages.frame(prefix, payloadOf(index), true));
    const waiting = messages.frame(prefix, payloadOf(3), false);

    expect(first?.buffer).toBe(second?.buffer);
    expect(first?.buffer.byteLength).toBeGreaterThan((first?.length ?? 0) + (second?.length ?? 0));
    expect(waiting.buffer).not.toBe(first?.buffer);
    expect(waiting.buffer.byteLength).toBeLessThanOrEqual(Buffer.poolSize);
  });
});

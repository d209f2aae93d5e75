import { connect, type Socket } from 'node:net';
import type WebSocket from 'ws';
import { cast } from '../api/support/people.js';
import { rawSocket, sendInit } from '../live/support/live-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Short timeouts, so the suite sees them act in a second; the defaults are 10 s and 30 s. */
const HEADERS_TIMEOUT_MS = 500;
const REQUEST_TIMEOUT_MS = 1_000;
/** How long a test waits for the server to drop a connection before calling it left open. */
const BOUND_MS = 10_000;

let app: TestApp;
const sockets: Socket[] = [];
const liveSockets: WebSocket[] = [];

beforeAll(async () => {
  app = await startTestApp({
    env: { HTTP_HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS), HTTP_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS) },
  });
});

afterEach(() => {
  for (const socket of sockets.splice(0)) socket.destroy();
  for (const socket of liveSockets.splice(0)) socket.terminate();
});

afterAll(async () => {
  await app?.dispose();
});

/** A raw TCP connection to the service that sends `start`, then one more header line every 100 ms, and never ends it. */
async function trickle(start: string, line = 'X-Slow: y\r\n'): Promise<{ ended: Promise<'closed' | 'left open'> }> {
  const { port } = new URL(app.url);
  const socket = connect(Number(port), '127.0.0.1');
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  socket.on('error', () => {});
  socket.write(start);
  const drip = setInterval(() => socket.writable && socket.write(line), 100);
  const ended = new Promise<'closed' | 'left open'>((resolve) => {
    const bound = setTimeout(() => resolve('left open'), BOUND_MS);
    socket.once('close', () => {
      clearTimeout(bound);
      resolve('closed');
    });
  });
  void ended.finally(() => clearInterval(drip));
  return { ended };
}

describe('slow clients are dropped', () => {
  it('a WebSocket upgrade whose headers never end (slow-loris), fifty at once', async () => {
    const upgrades = await Promise.all(
      Array.from({ length: 50 }, () =>
        trickle('GET /graphql HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n'),
      ),
    );
    expect(await Promise.all(upgrades.map(({ ended }) => ended))).toEqual(upgrades.map(() => 'closed'));
  });

  it('a POST whose body never ends', async () => {
    const { ended } = await trickle(
      'POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{',
      ' ',
    );
    expect(await ended).toBe('closed');
  });

  it('a connection that never sends a byte', async () => {
    const { ended } = await trickle('', '');
    expect(await ended).toBe('closed');
  });
});

describe('clients that are not slow are kept', () => {
  const pause = () => new Promise((resolve) => setTimeout(resolve, 2 * REQUEST_TIMEOUT_MS));

  it('a keep-alive connection idle between two requests, for longer than the timeouts', async () => {
    const { port } = new URL(app.url);
    const socket = connect(Number(port), '127.0.0.1');
    sockets.push(socket);
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
    const request = 'GET /health/live HTTP/1.1\r\nHost: localhost\r\n\r\n';
    const answers = async (count: number) => {
      const deadline = Date.now() + BOUND_MS;
      while ((received.match(/HTTP\/1\.1 200/g) ?? []).length < count && !socket.destroyed && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return (received.match(/HTTP\/1\.1 200/g) ?? []).length;
    };
    socket.write(request);
    expect(await answers(1)).toBe(1);
    await pause();
    socket.write(request);
    expect(await answers(2)).toBe(2);
  });

  it('a live socket, past its handshake', async () => {
    const { socket, closed, acked } = await rawSocket(app);
    liveSockets.push(socket);
    sendInit(socket, `Bearer ${await app.token(cast.kgExpert)}`);
    expect(await acked).toBe(true);
    await pause();
    const stillOpen = await Promise.race([closed, Promise.resolve('open')]);
    expect(stillOpen).toBe('open');
  });
});

import { FeedBus } from '@coop/read-model';
import type WebSocket from 'ws';
import { type Session, TokenVerifier } from '../../apps/api/src/auth/token-verifier.js';
import { person } from '../api/support/people.js';
import { FEED_UPDATED, rawSocket, sendInit } from '../live/support/live-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** The service's cap of connections per viewer. */
const MAX_CONNECTIONS = 10;
/** More rounds than the cap: one leaked count per round would lock the viewer out. */
const ROUNDS = MAX_CONNECTIONS + 1;

let app: TestApp;
const sockets: WebSocket[] = [];
/** Holds token verification until released, so a close can land while it is pending. */
let held: { started: () => void; release: Promise<void> } | null = null;

beforeAll(async () => {
  app = await startTestApp();
  const verifier = app.app.get(TokenVerifier);
  const verify = verifier.verify.bind(verifier);
  verifier.verify = async (token: string): Promise<Session> => {
    const session = await verify(token);
    const hold = held;
    if (hold !== null) {
      hold.started();
      await hold.release;
    }
    return session;
  };
});

afterEach(() => {
  for (const socket of sockets.splice(0)) socket.terminate();
});

afterAll(async () => {
  await app?.dispose();
});

async function open() {
  const opened = await rawSocket(app);
  sockets.push(opened.socket);
  return opened;
}

const openConnections = () =>
  new Promise<number>((resolve, reject) =>
    app.app.getHttpServer().getConnections((error, count) => (error ? reject(error) : resolve(count))),
  );
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Waits, event-loop turn by turn, until `done` holds; gives up after a bound so a leak fails instead of hanging. */
async function eventually(done: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await done()) && Date.now() < deadline) await turn();
}

/** Resolves once the server has seen the socket's connection close and run its close handlers. */
async function serverClosed(before: number): Promise<void> {
  await eventually(async () => (await openConnections()) <= before);
  await turn();
  await turn();
}

/** A viewer of its own for each case, so that one case's leak does not show in the next. */
let authorization: string;
let viewers = 0;
beforeEach(async () => {
  viewers += 1;
  authorization = `Bearer ${await app.token(person(`handshake-${viewers}`, 'KG'))}`;
});

/** Every one of the viewer's connections is available: the cap's worth of sockets is acknowledged. */
async function expectFullCapacity(): Promise<void> {
  const connections = await Promise.all(Array.from({ length: MAX_CONNECTIONS }, () => open()));
  for (const { socket } of connections) sendInit(socket, authorization);
  expect(await Promise.all(connections.map(({ acked }) => acked))).toEqual(connections.map(() => true));
}

describe('a socket closed at any step of the handshake releases what it held', () => {
  it('closed before connection_init', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { socket, closed } = await open();
      socket.close();
      await closed;
    }
    await expectFullCapacity();
  });

  it('closed while its token is being verified, the close handled before the verification ends', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      let release = () => {};
      let started = () => {};
      const verifying = new Promise<void>((resolve) => (started = resolve));
      held = { started, release: new Promise<void>((resolve) => (release = resolve)) };
      const before = await openConnections();
      const { socket, closed } = await open();
      sendInit(socket, authorization);
      await verifying;
      socket.terminate();
      await closed;
      await serverClosed(before);
      held = null;
      release();
    }
    await expectFullCapacity();
  });

  it('closed right after the acknowledgement', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { socket, acked, closed } = await open();
      sendInit(socket, authorization);
      expect(await acked).toBe(true);
      socket.close();
      await closed;
    }
    await expectFullCapacity();
  });

  it('closed while a subscription is being admitted, leaving no feed behind', async () => {
    const bus = app.app.get(FeedBus, { strict: false });
    for (let round = 0; round < ROUNDS; round++) {
      const before = await openConnections();
      const { socket, acked } = await open();
      sendInit(socket, authorization);
      expect(await acked).toBe(true);
      socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: FEED_UPDATED } }));
      socket.terminate();
      await serverClosed(before);
    }
    await expectFullCapacity();
    for (const socket of sockets.splice(0)) socket.terminate();
    await eventually(() => bus.subscriberCount === 0);
    expect(bus.subscriberCount).toBe(0);
  });
});

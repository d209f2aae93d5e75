import type WebSocket from 'ws';
import { cast } from '../api/support/people.js';
import { rawSocket, sendInit } from '../live/support/live-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const { kgExpert } = cast;

let app: TestApp;
const sockets: WebSocket[] = [];

beforeAll(async () => {
  app = await startTestApp();
});

afterEach(() => {
  for (const socket of sockets.splice(0)) socket.terminate();
});

afterAll(async () => {
  await app?.dispose();
});

/** An acknowledged graphql-transport-ws socket of kgExpert's. */
async function acknowledgedSocket() {
  const opened = await rawSocket(app);
  sockets.push(opened.socket);
  sendInit(opened.socket, `Bearer ${await app.token(kgExpert)}`);
  expect(await opened.acked).toBe(true);
  return opened;
}

describe('messages a client may not send over the socket are its error (4400), not the server’s', () => {
  it.each([
    ['next', { id: '1', type: 'next', payload: { data: {} } }],
    ['error', { id: '1', type: 'error', payload: [{ message: 'from the client' }] }],
    ['connection_ack', { type: 'connection_ack' }],
    ['an unknown type', { type: 'shout' }],
  ])('closes with 4400 on %s', async (_case, message) => {
    const { socket, closed } = await acknowledgedSocket();
    socket.send(JSON.stringify(message));
    expect(await closed).toBe(4400);
  });

  it('closes with 4400 on a message that is not JSON', async () => {
    const { socket, closed } = await acknowledgedSocket();
    socket.send('{not json');
    expect(await closed).toBe(4400);
  });
});

/**
 * The fan-out floor: a bare `ws` server that sends the service's own `next`
 * messages to the same number of sockets, with no GraphQL, bus or queue.
 * Sockets connect to `/<group>`; a message on `/control` names a template per
 * group, each encoded once and sent to the group's members with the time the
 * broadcast began as `occurredAt`, as the appends of one round are stamped
 * together in the service.
 */
import { WebSocketServer, type WebSocket } from 'ws';

const OCCURRED_AT = /"occurredAt":"[^"]*"/;
const port = Number(process.argv[2]);
const groups = new Map<string, WebSocket[]>();
const server = new WebSocketServer({ port, host: '127.0.0.1', backlog: 4096 });

server.on('connection', (socket, request) => {
  const group = (request.url ?? '/').slice(1);
  if (group !== 'control') {
    const members = groups.get(group) ?? [];
    members.push(socket);
    groups.set(group, members);
    return;
  }
  socket.on('message', (data) => {
    const occurredAt = `"occurredAt":"${new Date().toISOString()}"`;
    const templates = JSON.parse(String(data)) as Record<string, string>;
    for (const [group, template] of Object.entries(templates)) {
      const message = Buffer.from(template.replace(OCCURRED_AT, occurredAt));
      for (const member of groups.get(group) ?? []) member.send(message, { binary: false });
    }
  });
});
server.on('listening', () => process.stdout.write('listening\n'));

/**
 * "fan-out": deliveries/s of live feed entries to N
 * graphql-ws subscribers over 4 subregions (every one received, in order),
 * divided by a raw `ws` broadcast of the same bytes to the same number of
 * sockets, measured in the same run; append-to-receipt p50/p99.
 *
 * The service is the built one, in its own process (bench/support).
 * Two phases, each waiting until every subscriber of an append has it:
 *
 * - burst: each round appends one practice per subregion at once over HTTP,
 *   so every subscriber gets one entry a round; deliveries/s is taken here.
 * - one at a time: one practice after another, subregion by subregion; the
 *   append-to-receipt target is taken here. In a burst every delivery of the
 *   round queues behind the round's other writes, so its p99 is bounded below
 *   by the floor's own burst p99, which is printed beside it.
 *
 * The floor broadcasts the captured messages the same way, phase by phase.
 *
 *   npm run bench -- fanout [--subscribers 10000] [--rounds 20] [--appends 40]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { CountryCode, Participant, Subregion } from '@coop/domain';
import WebSocket from 'ws';
import { signToken } from '../../apps/api/src/auth/token-signer.js';
import { buildService, ROOT, startBuiltService } from '../support/built-service.js';
import { option } from '../support/options.js';

const RATIO_TARGET = 0.5;
const P99_TARGET_MS = 250;
/** Bounds every wait, so a lost message fails the run instead of hanging it. */
const ROUND_TIMEOUT_MS = 60_000;
const CONNECT_BATCH = 500;
const SECRET = 'fan-out-bench-signs-with-this-secret-of-32-bytes';

const SUBSCRIBERS = option('subscribers', 10_000);
const ROUNDS = option('rounds', 20);
const APPENDS = option('appends', 40);

/** Four subregions, the countries whose participants subscribe to each, and who shares there. */
const GROUPS: readonly { subregion: Subregion; countries: readonly CountryCode[]; author: CountryCode }[] = [
  { subregion: 'CENTRAL_ASIA', countries: ['KZ', 'KG', 'UZ', 'TJ'], author: 'KZ' },
  { subregion: 'EASTERN_EUROPE', countries: ['UA', 'BY', 'MD'], author: 'UA' },
  { subregion: 'SOUTH_EASTERN_EUROPE', countries: ['RS', 'AL', 'MK', 'ME'], author: 'RS' },
  { subregion: 'CAUCASUS', countries: ['GE', 'AM', 'AZ'], author: 'GE' },
];

const FEED_UPDATED = `subscription Live($subregion: Subregion) {
  feedUpdated(subregion: $subregion) {
    cursor activity occurredAt actor { name country { name } }
    item { id kind title topics ... on Practice { summary } }
  }
}`;

const SHARE = `mutation Share($input: SharePracticeInput!) { sharePractice(input: $input) { id } }`;

interface Receipts {
  count: number;
  latencies: number[];
  lost: number;
  outOfOrder: number;
  /** Called when `count` reaches the round's target. */
  onTarget: (() => void) | null;
  target: number;
}

const receipts: Receipts = { count: 0, latencies: [], lost: 0, outOfOrder: 0, onTarget: null, target: 0 };

interface Entry {
  readonly occurredAt: string;
  readonly item: { readonly title: string };
}

/** The same work per message on both sides: parse it and take its append-to-receipt time. */
function receive(data: WebSocket.RawData, check?: (entry: Entry, message: string) => void): void {
  const text = String(data);
  const message = JSON.parse(text) as {
    type: string;
    payload?: { data?: { feedUpdated?: Entry }; errors?: unknown[] };
  };
  if (message.type !== 'next') return;
  const entry = message.payload?.data?.feedUpdated;
  if (entry === undefined) {
    receipts.lost += 1;
    return;
  }
  check?.(entry, text);
  receipts.latencies.push(Date.now() - Date.parse(entry.occurredAt));
  receipts.count += 1;
  if (receipts.count >= receipts.target) receipts.onTarget?.();
}

function untilReceived(target: number): Promise<void> {
  receipts.target = target;
  if (receipts.count >= target) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`only ${receipts.count} of ${target} deliveries arrived`)),
      ROUND_TIMEOUT_MS,
    );
    receipts.onTarget = () => {
      receipts.onTarget = null;
      clearTimeout(timer);
      resolve();
    };
  });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function waitForLine(child: ChildProcess, pattern: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += String(chunk);
      if (pattern.test(seen)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`child exited (${code}) before ready: ${seen.slice(-2000)}`)));
  });
}

async function inBatches<T>(count: number, open: (index: number) => Promise<T>): Promise<T[]> {
  const opened: T[] = [];
  for (let start = 0; start < count; start += CONNECT_BATCH) {
    const batch = Array.from({ length: Math.min(CONNECT_BATCH, count - start) }, (_, offset) => open(start + offset));
    opened.push(...(await Promise.all(batch)));
  }
  return opened;
}

const subscriber = (index: number): { participant: Participant; group: number } => {
  const group = index % GROUPS.length;
  const { countries } = GROUPS[group] as (typeof GROUPS)[number];
  const country = countries[Math.floor(index / GROUPS.length) % countries.length] as CountryCode;
  return { participant: { id: `bench-${index}`, name: `Subscriber ${index}`, country, roles: ['PARTICIPANT'] }, group };
};

/** Practices are titled with a number that grows with every append, so each subscriber can check its order. */
const titled = (sequence: number, group: number) => `Fan-out #${sequence} in group ${group}`;
const sequenceOf = (title: string) => Number(/#(\d+)/.exec(title)?.[1]);

/** A graphql-transport-ws subscriber speaking the protocol directly, so both sides pay the same receive cost. */
async function openSubscriber(
  url: string,
  index: number,
  capture: (group: number, message: string) => void,
): Promise<WebSocket> {
  const { participant, group } = subscriber(index);
  const token = await signToken(new TextEncoder().encode(SECRET), participant);
  const socket = new WebSocket(url, 'graphql-transport-ws');
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.on('message', (data) => {
      const type = (JSON.parse(String(data)) as { type: string }).type;
      if (type !== 'connection_ack') return;
      socket.removeAllListeners('message');
      let last = -1;
      socket.on('message', (next) =>
        receive(next, (entry, message) => {
          capture(group, message);
          const sequence = sequenceOf(entry.item.title);
          if (!(sequence > last)) receipts.outOfOrder += 1;
          last = sequence;
        }),
      );
      const variables = { subregion: GROUPS[group]?.subregion };
      // A subscription id of its own, as graphql-ws clients make them.
      const id = randomUUID();
      socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query: FEED_UPDATED, variables } }));
      resolve();
    });
    socket.once('open', () =>
      socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })),
    );
  });
  return socket;
}

async function share(httpUrl: string, token: string, title: string): Promise<void> {
  const response = await fetch(httpUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: SHARE,
      variables: {
        input: {
          title,
          summary: 'How our competent authority identifies hazardous activities and informs its neighbours.',
          body: 'We keep a register of hazardous activities and review it every year with the operators.',
          topics: ['IDENTIFICATION'],
          audience: { scope: 'NETWORK' },
        },
      },
    }),
  });
  const result = (await response.json()) as { errors?: unknown[] };
  if (result.errors) throw new Error(`sharePractice failed: ${JSON.stringify(result.errors)}`);
}

interface Phase {
  readonly deliveriesPerSecond: number;
  readonly p50: number;
  readonly p99: number;
}

/** Subscribers per group (subscriber `index` is in group `index % GROUPS.length`). */
const GROUP_SIZES = GROUPS.map((_, group) => Math.floor((SUBSCRIBERS - group - 1) / GROUPS.length) + 1);

const EVERY_GROUP = GROUPS.map((_, group) => group);

/** A phase: its number of steps, and the groups that step `index` appends to. */
interface PhasePlan {
  readonly steps: number;
  readonly groups: (index: number) => number[];
}
const BURST: PhasePlan = { steps: ROUNDS, groups: () => EVERY_GROUP };
const ONE_AT_A_TIME: PhasePlan = { steps: APPENDS, groups: (index) => [index % GROUPS.length] };

/** Runs a phase's steps, each waiting for all its deliveries; deliveries/s over the steps' wall time. */
async function measure(plan: PhasePlan, step: (groups: number[]) => Promise<void>): Promise<Phase> {
  const { steps, groups: groupsOf } = plan;
  receipts.latencies = [];
  let elapsed = 0;
  let deliveries = 0;
  for (let index = 0; index < steps; index += 1) {
    const groups = groupsOf(index);
    const expected = groups.reduce((sum, group) => sum + (GROUP_SIZES[group] ?? 0), 0);
    const start = performance.now();
    const target = receipts.count + expected;
    await step(groups);
    await untilReceived(target);
    elapsed += performance.now() - start;
    deliveries += expected;
  }
  const sorted = [...receipts.latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { deliveriesPerSecond: deliveries / (elapsed / 1000), p50: at(0.5), p99: at(0.99) };
}

/** A process's resident set in MiB, from Linux's /proc (the memory figure); null elsewhere. */
function residentMib(pid: number | undefined): number | null {
  try {
    const kib = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kib === undefined ? null : Math.round(Number(kib) / 1024);
  } catch {
    return null;
  }
}

async function closeAll(sockets: readonly WebSocket[]): Promise<void> {
  await Promise.all(
    sockets.map(
      (socket) =>
        new Promise<void>((resolve) => {
          socket.once('close', () => resolve());
          socket.terminate();
        }),
    ),
  );
}

async function main(): Promise<void> {
  buildService();
  let floor: ChildProcess | undefined;
  const service = await startBuiltService(SECRET);
  try {
    const httpUrl = service.graphqlUrl;
    const port = service.port;
    const secret = new TextEncoder().encode(SECRET);
    const authors = await Promise.all(
      GROUPS.map(({ author }) =>
        signToken(secret, {
          id: `author-${author}`,
          name: `Author ${author}`,
          country: author,
          roles: ['PARTICIPANT'],
        }),
      ),
    );
    let appended = 0;
    const append = (groups: number[]) =>
      Promise.all(groups.map((group) => share(httpUrl, authors[group] as string, titled((appended += 1), group)))).then(
        () => {},
      );

    console.log(`connecting ${SUBSCRIBERS} graphql-ws subscribers over ${GROUPS.length} subregions…`);
    const templates = new Map<number, string>();
    const capture = (group: number, message: string) => {
      if (!templates.has(group)) templates.set(group, message);
    };
    const connecting = performance.now();
    const subscribers = await inBatches(SUBSCRIBERS, (index) =>
      openSubscriber(`ws://127.0.0.1:${port}/graphql`, index, capture),
    );
    const connectSeconds = (performance.now() - connecting) / 1000;
    // Warm-up: one round proves every subscription registered and captures each group's message for the floor.
    let target = receipts.count + SUBSCRIBERS;
    await append(EVERY_GROUP);
    await untilReceived(target);
    const rss = residentMib(service.pid);
    const live = { burst: await measure(BURST, append), oneAtATime: await measure(ONE_AT_A_TIME, append) };
    const { lost, outOfOrder } = receipts;
    await closeAll(subscribers);
    await service.stop();

    console.log('raw ws broadcast of the same messages to the same number of sockets…');
    const floorPort = await freePort();
    floor = spawn(process.execPath, ['--import', 'tsx', 'bench/fanout/broadcast-floor.server.ts', String(floorPort)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await waitForLine(floor, /listening/);
    const sockets = await inBatches(SUBSCRIBERS, async (index) => {
      const socket = new WebSocket(`ws://127.0.0.1:${floorPort}/${subscriber(index).group}`);
      socket.on('message', (data) => receive(data));
      await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
      return socket;
    });
    const control = new WebSocket(`ws://127.0.0.1:${floorPort}/control`);
    await new Promise((resolve, reject) => control.once('open', resolve).once('error', reject));
    const broadcast = async (groups: number[]) => {
      control.send(JSON.stringify(Object.fromEntries(groups.map((group) => [group, templates.get(group)]))));
    };
    target = receipts.count + SUBSCRIBERS;
    await broadcast(EVERY_GROUP);
    await untilReceived(target);
    const raw = { burst: await measure(BURST, broadcast), oneAtATime: await measure(ONE_AT_A_TIME, broadcast) };
    await closeAll([...sockets, control]);

    const ratio = live.burst.deliveriesPerSecond / raw.burst.deliveriesPerSecond;
    const row = (name: string, phase: Phase) =>
      `  ${name.padEnd(22)} ${Math.round(phase.deliveriesPerSecond).toString().padStart(9)} deliveries/s   p50 ${phase.p50} ms   p99 ${phase.p99} ms`;
    console.log(`\n${SUBSCRIBERS} subscribers, ${GROUPS.length} subregions`);
    console.log(
      `  connected and subscribed in ${connectSeconds.toFixed(1)} s; service RSS with them: ${rss ?? 'n/a'} MiB`,
    );
    console.log(`burst: one append per subregion at once, ${ROUNDS} rounds (${ROUNDS * SUBSCRIBERS} deliveries)`);
    console.log(row('graphql-ws (service)', live.burst));
    console.log(row('raw ws broadcast', raw.burst));
    console.log(`one append at a time: ${APPENDS} appends, subregion by subregion`);
    console.log(row('graphql-ws (service)', live.oneAtATime));
    console.log(row('raw ws broadcast', raw.oneAtATime));
    console.log(`lost or errored: ${lost}, out of order: ${outOfOrder}`);
    const p99 = live.oneAtATime.p99;
    const pass = ratio >= RATIO_TARGET && p99 <= P99_TARGET_MS && lost === 0 && outOfOrder === 0;
    console.log(
      `ratio (burst deliveries/s): ${ratio.toFixed(3)} (target >= ${RATIO_TARGET}), ` +
        `append-to-receipt p99 (one at a time): ${p99} ms (target <= ${P99_TARGET_MS}) ${pass ? 'PASS' : 'FAIL'}`,
    );
    process.exitCode = pass ? 0 : 1;
  } finally {
    floor?.kill('SIGTERM');
    await service.stop();
  }
}

await main();

/**
 * DESIGN section 8, "fan-out": deliveries/s of live feed entries to N
 * graphql-ws subscribers over 4 subregions (every one received, in order),
 * divided by a raw `ws` broadcast of the same bytes to the same number of
 * sockets, measured in the same run; append-to-receipt p50/p99.
 *
 * The service is the built one (`nest build api`: tsx emits no decorator
 * metadata), in its own process on loopback with a temporary data directory.
 * Each round appends one practice per subregion over HTTP and waits until
 * every subscriber has it; the floor broadcasts the captured messages the
 * same way.
 *
 *   npm run bench -- fanout [--subscribers 10000] [--rounds 20]
 */
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CountryCode, Participant, Subregion } from '@coop/domain';
import WebSocket from 'ws';
import { signToken } from '../../apps/api/src/auth/token-signer.js';

const RATIO_TARGET = 0.5;
const P99_TARGET_MS = 250;
/** Bounds every wait, so a lost message fails the run instead of hanging it. */
const ROUND_TIMEOUT_MS = 60_000;
const CONNECT_BATCH = 500;
const SECRET = 'fan-out-bench-signs-with-this-secret-of-32-bytes';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index < 0 ? fallback : Number(process.argv[index + 1]);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
}

const SUBSCRIBERS = option('subscribers', 10_000);
const ROUNDS = option('rounds', 20);

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
  /** Called when `count` reaches the round's target. */
  onTarget: (() => void) | null;
  target: number;
}

const receipts: Receipts = { count: 0, latencies: [], lost: 0, onTarget: null, target: 0 };

/** The same work per message on both sides: parse it and take its append-to-receipt time. */
function receive(data: WebSocket.RawData, capture?: (message: string) => void): void {
  const text = String(data);
  const message = JSON.parse(text) as {
    type: string;
    payload?: { data?: { feedUpdated?: { occurredAt: string } }; errors?: unknown[] };
  };
  if (message.type !== 'next') return;
  const entry = message.payload?.data?.feedUpdated;
  if (entry === undefined) {
    receipts.lost += 1;
    return;
  }
  capture?.(text);
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
      socket.on('message', (next) => receive(next, (message) => capture(group, message)));
      const variables = { subregion: GROUPS[group]?.subregion };
      socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: FEED_UPDATED, variables } }));
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

/** Runs `round` ROUNDS times, each delivering one message per subscriber; deliveries/s over the rounds' wall time. */
async function measure(round: (index: number) => Promise<void>): Promise<Phase> {
  receipts.latencies = [];
  let elapsed = 0;
  for (let index = 0; index < ROUNDS; index += 1) {
    const start = performance.now();
    const target = receipts.count + SUBSCRIBERS;
    await round(index);
    await untilReceived(target);
    elapsed += performance.now() - start;
  }
  const sorted = [...receipts.latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { deliveriesPerSecond: (ROUNDS * SUBSCRIBERS) / (elapsed / 1000), p50: at(0.5), p99: at(0.99) };
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
  console.log('building the service (nest build api)…');
  execSync('npx nest build api', { cwd: ROOT, stdio: 'inherit' });
  const dataDir = mkdtempSync(join(tmpdir(), 'fanout-bench-'));
  const children: ChildProcess[] = [];
  try {
    const port = await freePort();
    const service = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATA_DIR: dataDir,
        HOST: '127.0.0.1',
        PORT: String(port),
        AUTH_JWT_SECRET: SECRET,
        RATE_LIMIT_PER_MINUTE: '10000000',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(service);
    await waitForLine(service, /cooperation network ready/);
    service.stdout?.resume();
    const httpUrl = `http://127.0.0.1:${port}/graphql`;
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
    const appendRound = (index: number) =>
      Promise.all(
        authors.map((token, group) => share(httpUrl, token, `Fan-out round ${index} in group ${group}`)),
      ).then(() => {});

    console.log(`connecting ${SUBSCRIBERS} graphql-ws subscribers over ${GROUPS.length} subregions…`);
    const templates = new Map<number, string>();
    const capture = (group: number, message: string) => {
      if (!templates.has(group)) templates.set(group, message);
    };
    const subscribers = await inBatches(SUBSCRIBERS, (index) =>
      openSubscriber(`ws://127.0.0.1:${port}/graphql`, index, capture),
    );
    // Warm-up: one round proves every subscription registered and captures each group's message for the floor.
    let target = receipts.count + SUBSCRIBERS;
    await appendRound(-1);
    await untilReceived(target);
    const live = await measure(appendRound);
    const lost = receipts.lost;
    await closeAll(subscribers);
    service.kill('SIGTERM');

    console.log('raw ws broadcast of the same messages to the same number of sockets…');
    const floorPort = await freePort();
    const floor = spawn(
      process.execPath,
      ['--import', 'tsx', 'bench/fanout/broadcast-floor.server.ts', String(floorPort)],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    children.push(floor);
    await waitForLine(floor, /listening/);
    const sockets = await inBatches(SUBSCRIBERS, async (index) => {
      const socket = new WebSocket(`ws://127.0.0.1:${floorPort}/${subscriber(index).group}`);
      socket.on('message', (data) => receive(data));
      await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
      return socket;
    });
    const control = new WebSocket(`ws://127.0.0.1:${floorPort}/control`);
    await new Promise((resolve, reject) => control.once('open', resolve).once('error', reject));
    const broadcast = JSON.stringify(Object.fromEntries(templates));
    target = receipts.count + SUBSCRIBERS;
    control.send(broadcast);
    await untilReceived(target);
    const raw = await measure(async () => {
      control.send(broadcast);
    });
    await closeAll([...sockets, control]);

    const ratio = live.deliveriesPerSecond / raw.deliveriesPerSecond;
    const row = (name: string, phase: Phase) =>
      `${name.padEnd(22)} ${Math.round(phase.deliveriesPerSecond).toString().padStart(9)} deliveries/s   p50 ${phase.p50} ms   p99 ${phase.p99} ms`;
    console.log(
      `\n${SUBSCRIBERS} subscribers, ${GROUPS.length} subregions, ${ROUNDS} rounds (${ROUNDS * SUBSCRIBERS} deliveries each)`,
    );
    console.log(row('graphql-ws (service)', live));
    console.log(row('raw ws broadcast', raw));
    console.log(`lost or errored: ${lost}`);
    const pass = ratio >= RATIO_TARGET && live.p99 <= P99_TARGET_MS && lost === 0;
    console.log(
      `ratio: ${ratio.toFixed(3)} (target >= ${RATIO_TARGET}), p99 ${live.p99} ms (target <= ${P99_TARGET_MS}) ${pass ? 'PASS' : 'FAIL'}`,
    );
    process.exitCode = pass ? 0 : 1;
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();

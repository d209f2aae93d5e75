/**
 * What the fan-out scenarios share: the built service with N graphql-ws
 * subscribers over 4 subregions, the raw `ws` floor with as many sockets, and
 * the count of what each side delivers.
 *
 * Both sides pay the same receive cost: subscribers speak the
 * graphql-transport-ws protocol directly and parse each message as the floor's
 * sockets do. Each delivery's append-to-receipt time runs from the moment the
 * driver offers its entry (sends the append, or the order to broadcast) to its
 * receipt, so that whatever waits in either side's queues counts. (Taken from
 * the entry's `occurredAt` instead, the floor's clock started when a broadcast
 * began, after its wait, and the service's when it handled the append, before
 * it: at capacity that compared different spans.)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import type { CountryCode, Participant, Subregion } from '@coop/domain';
import WebSocket from 'ws';
import { signToken } from '../../apps/api/src/auth/token-signer.js';
import { type BuiltService, buildService, ROOT, startBuiltService } from '../support/built-service.js';
import { percentile, residentMegabytes } from '../support/statistics.js';

/** Bounds every wait, so a lost message fails the run instead of hanging it. */
const ROUND_TIMEOUT_MS = 60_000;
const CONNECT_BATCH = 500;
const SECRET = 'fan-out-bench-signs-with-this-secret-of-32-bytes';

/** Four subregions, the countries whose participants subscribe to each, and who shares there. */
export const GROUPS: readonly { subregion: Subregion; countries: readonly CountryCode[]; author: CountryCode }[] = [
  { subregion: 'CENTRAL_ASIA', countries: ['KZ', 'KG', 'UZ', 'TJ'], author: 'KZ' },
  { subregion: 'EASTERN_EUROPE', countries: ['UA', 'BY', 'MD'], author: 'UA' },
  { subregion: 'SOUTH_EASTERN_EUROPE', countries: ['RS', 'AL', 'MK', 'ME'], author: 'RS' },
  { subregion: 'CAUCASUS', countries: ['GE', 'AM', 'AZ'], author: 'GE' },
];

export const EVERY_GROUP = GROUPS.map((_, group) => group);

const FEED_UPDATED = `subscription Live($subregion: Subregion) {
  feedUpdated(subregion: $subregion) {
    cursor activity occurredAt actor { name country { name } }
    item { id kind title topics ... on Practice { summary } }
  }
}`;

const SHARE = `mutation Share($input: SharePracticeInput!) { sharePractice(input: $input) { id } }`;

interface Entry {
  readonly item: { readonly title: string };
}

/** Subscribers per group (subscriber `index` is in group `index % GROUPS.length`). */
export const groupSizes = (subscribers: number): number[] =>
  GROUPS.map((_, group) => Math.floor((subscribers - group - 1) / GROUPS.length) + 1);

/** What every socket of a side has received, counted as it arrives. */
export class Deliveries {
  count = 0;
  latencies: number[] = [];
  /** Entries that arrived without their data, or that were never offered. */
  lost = 0;
  /** When each entry was offered, by its title (unique per offer). */
  private readonly offeredAt = new Map<string, number>();
  outOfOrder = 0;
  private target = 0;
  private onTarget: (() => void) | null = null;

  /** The same work per message on both sides: parse it and take its append-to-receipt time. */
  receive(data: WebSocket.RawData, check?: (entry: Entry, message: string) => void): void {
    const text = String(data);
    const message = JSON.parse(text) as {
      type: string;
      payload?: { data?: { feedUpdated?: Entry }; errors?: unknown[] };
    };
    if (message.type !== 'next') return;
    const entry = message.payload?.data?.feedUpdated;
    if (entry === undefined) {
      this.lost += 1;
      return;
    }
    const offeredAt = this.offeredAt.get(entry.item.title);
    if (offeredAt === undefined) {
      this.lost += 1;
      return;
    }
    check?.(entry, text);
    this.latencies.push(Date.now() - offeredAt);
    this.count += 1;
    if (this.count >= this.target) this.onTarget?.();
  }

  /** Starts the clock of the entry titled `title`. */
  offer(title: string): void {
    this.offeredAt.set(title, Date.now());
  }

  /** Resolves once `target` deliveries have arrived in all; rejects when they do not come. */
  untilReceived(target: number): Promise<void> {
    this.target = target;
    if (this.count >= target) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`only ${this.count} of ${target} deliveries arrived`)),
        ROUND_TIMEOUT_MS,
      );
      this.onTarget = () => {
        this.onTarget = null;
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

export interface Phase {
  readonly deliveriesPerSecond: number;
  readonly p50: number;
  readonly p99: number;
}

/** Appends (or broadcasts) one entry to each of the given groups. */
export type Step = (groups: number[]) => Promise<void>;

/** A side under test: its deliveries, and what appends to it. */
export interface Side {
  readonly deliveries: Deliveries;
  readonly step: Step;
  close(): Promise<void>;
}

/** Runs steps one after another, each waiting for all its deliveries; deliveries/s over the steps' wall time. */
export async function measureSteps(
  side: Side,
  subscribers: number,
  steps: number,
  groupsOf: (index: number) => number[],
): Promise<Phase> {
  const { deliveries } = side;
  const sizes = groupSizes(subscribers);
  deliveries.latencies = [];
  let elapsed = 0;
  let delivered = 0;
  for (let index = 0; index < steps; index += 1) {
    const groups = groupsOf(index);
    const expected = groups.reduce((sum, group) => sum + (sizes[group] ?? 0), 0);
    const start = performance.now();
    const target = deliveries.count + expected;
    await side.step(groups);
    await deliveries.untilReceived(target);
    elapsed += performance.now() - start;
    delivered += expected;
  }
  return summarise(deliveries, delivered, elapsed);
}

/**
 * An open-loop load: `perSecond` entries a second for `seconds`, each to the
 * next group in turn, each started on time whether or not the ones before it
 * have been delivered; then waits for every delivery.
 */
export async function measureOfferedLoad(
  side: Side,
  subscribers: number,
  perSecond: number,
  seconds: number,
): Promise<Phase> {
  const { deliveries } = side;
  const sizes = groupSizes(subscribers);
  deliveries.latencies = [];
  const total = perSecond * seconds;
  let expected = 0;
  const started: Promise<void>[] = [];
  const target = deliveries.count;
  const start = performance.now();
  for (let index = 0; index < total; index += 1) {
    const due = start + (index * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const group = index % GROUPS.length;
    expected += sizes[group] ?? 0;
    started.push(side.step([group]));
  }
  await Promise.all(started);
  await deliveries.untilReceived(target + expected);
  return summarise(deliveries, expected, performance.now() - start);
}

function summarise(deliveries: Deliveries, delivered: number, elapsedMs: number): Phase {
  return {
    deliveriesPerSecond: delivered / (elapsedMs / 1000),
    p50: percentile(deliveries.latencies, 0.5),
    p99: percentile(deliveries.latencies, 0.99),
  };
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
/** A practice's title in a captured message. */
const TITLE = /"Fan-out #\d+ in group \d+"/;

/** A graphql-transport-ws subscriber speaking the protocol directly, so both sides pay the same receive cost. */
async function openSubscriber(
  url: string,
  index: number,
  onEntry: (group: number, entry: Entry, message: string) => void,
  deliveries: Deliveries,
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
      socket.on('message', (next) => deliveries.receive(next, (entry, message) => onEntry(group, entry, message)));
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

export interface ServiceSide extends Side {
  /** The first message each group received, for the floor to send. */
  readonly templates: ReadonlyMap<number, string>;
  /** The service's resident set with every subscriber connected, after one delivery to each. */
  readonly residentMegabytes: number | null;
  readonly connectSeconds: number;
}

/**
 * The built service with `subscribers` graphql-ws subscribers, warmed up by
 * one round that proves every subscription registered. With `checkOrder`,
 * each subscriber counts entries that arrive out of append order; only for
 * loads that append to a group one at a time.
 */
export async function serviceSide(subscribers: number, checkOrder: boolean): Promise<ServiceSide> {
  buildService();
  const service: BuiltService = await startBuiltService(SECRET);
  const sockets: WebSocket[] = [];
  try {
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
    const deliveries = new Deliveries();
    const step: Step = async (groups) => {
      await Promise.all(
        groups.map((group) => {
          const title = titled((appended += 1), group);
          deliveries.offer(title);
          return share(service.graphqlUrl, authors[group] as string, title);
        }),
      );
    };
    const templates = new Map<number, string>();
    console.log(`connecting ${subscribers} graphql-ws subscribers over ${GROUPS.length} subregions…`);
    const connecting = performance.now();
    for (const socket of await inBatches(subscribers, async (index) => {
      let last = -1;
      return openSubscriber(
        `ws://127.0.0.1:${service.port}/graphql`,
        index,
        (group, entry, message) => {
          if (!templates.has(group)) templates.set(group, message);
          if (!checkOrder) return;
          const sequence = sequenceOf(entry.item.title);
          if (!(sequence > last)) deliveries.outOfOrder += 1;
          last = sequence;
        },
        deliveries,
      );
    })) {
      sockets.push(socket);
    }
    const connectSeconds = (performance.now() - connecting) / 1000;
    const warmUp = deliveries.count + subscribers;
    await step(EVERY_GROUP);
    await deliveries.untilReceived(warmUp);
    return {
      deliveries,
      step,
      templates,
      residentMegabytes: residentMegabytes(service.pid),
      connectSeconds,
      async close() {
        await closeAll(sockets);
        await service.stop();
      },
    };
  } catch (error) {
    await closeAll(sockets);
    await service.stop();
    throw error;
  }
}

/** The bare `ws` server with as many sockets, sending the service's captured messages; warmed up alike. */
export async function floorSide(subscribers: number, templates: ReadonlyMap<number, string>): Promise<Side> {
  console.log('raw ws broadcast of the same messages to the same number of sockets…');
  const port = await freePort();
  const floor = spawn(process.execPath, ['--import', 'tsx', 'bench/fanout/broadcast-floor.server.ts', String(port)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const sockets: WebSocket[] = [];
  try {
    await waitForLine(floor, /listening/);
    const deliveries = new Deliveries();
    sockets.push(
      ...(await inBatches(subscribers, async (index) => {
        const socket = new WebSocket(`ws://127.0.0.1:${port}/${subscriber(index).group}`);
        socket.on('message', (data) => deliveries.receive(data));
        await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
        return socket;
      })),
    );
    const control = new WebSocket(`ws://127.0.0.1:${port}/control`);
    await new Promise((resolve, reject) => control.once('open', resolve).once('error', reject));
    sockets.push(control);
    let broadcast = 0;
    const step: Step = async (groups) => {
      const order = groups.map((group) => {
        // The service's own message, retitled: each broadcast's entry has a title of its own, as each append's has.
        const title = titled((broadcast += 1), group);
        deliveries.offer(title);
        return [group, templates.get(group)?.replace(TITLE, JSON.stringify(title))];
      });
      control.send(JSON.stringify(Object.fromEntries(order)));
    };
    const warmUp = deliveries.count + subscribers;
    await step(EVERY_GROUP);
    await deliveries.untilReceived(warmUp);
    return {
      deliveries,
      step,
      async close() {
        await closeAll(sockets);
        floor.kill('SIGTERM');
      },
    };
  } catch (error) {
    await closeAll(sockets);
    floor.kill('SIGTERM');
    throw error;
  }
}

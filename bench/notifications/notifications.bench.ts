/**
 * "notifications": req/s of `notifications(first: 20)` (with `unreadCount`)
 * over HTTP with 32 connections, divided by the req/s of `{ __typename }` on
 * the same server, measured right before it in the same run.
 *
 * The log is written first through the real command path (the application's
 * CommandHandler on the SQLite store, not HTTP, for speed): 5,000 recorded
 * participants across the 16 countries, 500 practices each watched by about
 * 20 of them, proposals inviting the reader's country, and comments until
 * 100,000 notifications are stored. The reader is a Kazakh focal point who
 * watches 40 practices and marked their notifications read part of the way:
 * their page merges their own notifications with their country's and its
 * focal points', and counts the unread ones. The built service then starts
 * on that log, rebuilds its read model, and is measured once caught up.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandHandler } from '@coop/application';
import {
  type Aggregate,
  COUNTRY_CODES,
  discussionAggregate,
  type Participant,
  participantAggregate,
  practiceAggregate,
  proposalAggregate,
  type StoredEvent,
} from '@coop/domain';
import { SqliteEventStore } from '@coop/event-store';
import Database from 'better-sqlite3';
import { signToken } from '../../apps/api/src/auth/token-signer.js';
import { EVENT_STORE_FILE } from '../../apps/api/src/config/app-config.js';
import { READ_MODEL_FILE } from '../../apps/api/src/config/app-config.js';
import { buildService, startBuiltService } from '../support/built-service.js';
import { latencies, load, type LoadPhase } from '../support/http-load.js';
import { type Figure, scenario } from '../support/scenario.js';

const SECRET = 'notifications-bench-signs-with-this-secret-of-32-bytes';
const RATIO_TARGET = 0.6;
const READY_TIMEOUT_MS = 10 * 60_000;
const PRACTICES = 500;
const WATCHES_EACH = 2;
const READER_WATCHES = 40;
const PROPOSALS = 100;
/** The reader marks everything read once this share of the comments is written. */
const READ_SHARE = 0.8;

const READER: Participant = { id: 'bench-kz-fp', name: 'Bench KZ focal point', country: 'KZ', roles: ['FOCAL_POINT'] };

const TYPENAME = '{ __typename }';
const NOTIFICATIONS_QUERY = `query Notifications { notifications(first: 20) {
  edges { cursor node { id reason read createdAt entry { activity occurredAt actor { name country { name } } item { id kind title } } } }
  pageInfo { hasNextPage endCursor }
  unreadCount
} }`;

/** A small seeded generator, so every run writes the same log. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Generated {
  readonly events: number;
  readonly expectedNotifications: number;
}

interface Size {
  readonly participants: number;
  readonly notifications: number;
}

/** Writes the log into `dataDir` as the service would, one command at a time. */
async function generate(dataDir: string, size: Size): Promise<Generated> {
  const store = new SqliteEventStore(join(dataDir, EVENT_STORE_FILE));
  const commands = new CommandHandler(store);
  const next = random(13);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)] as T;
  let clock = Date.parse('2019-01-01T00:00:00.000Z');
  let events = 0;
  const run = async <Command, Event extends StoredEvent, State>(
    aggregate: Aggregate<Command, Event, State>,
    actor: Participant,
    command: NoInfer<Command>,
  ) => {
    clock += 1_000;
    const { position } = await commands.handle(aggregate, {
      actor,
      now: new Date(clock),
      correlationId: 'bench',
      command,
    });
    if (position !== null) events += 1;
  };

  try {
    const people: Participant[] = Array.from({ length: size.participants }, (_, index) => ({
      id: `bench-participant-${index}`,
      name: `Participant ${index}`,
      country: COUNTRY_CODES[index % COUNTRY_CODES.length] ?? 'KZ',
      roles: index % 10 === 0 ? ['FOCAL_POINT'] : ['PARTICIPANT'],
    }));
    console.log(`recording ${people.length + 1} participants…`);
    for (const participant of [READER, ...people]) {
      await run(participantAggregate, participant, { type: 'RecordParticipant', participantId: participant.id });
    }

    console.log(`sharing ${PRACTICES} practices and watching them…`);
    const practices: string[] = [];
    for (let index = 0; index < PRACTICES; index += 1) {
      const practiceId = `bench-practice-${index}`;
      practices.push(practiceId);
      await run(practiceAggregate, pick(people), {
        type: 'SharePractice',
        practiceId,
        title: `Practice number ${index} on tailings safety`,
        summary: 'How the competent authority inspects tailings management facilities.',
        body: 'Every spring, before the floods, with the operators and the neighbouring countries.',
        topics: ['TAILINGS_SAFETY'],
        audience: { scope: 'NETWORK' },
      });
    }
    const watchers = new Map<string, Set<string>>(practices.map((id) => [id, new Set()]));
    const watch = async (participant: Participant, count: number) => {
      for (let watched = 0; watched < count;) {
        const itemId = pick(practices);
        const ofItem = watchers.get(itemId) ?? new Set();
        if (ofItem.has(participant.id)) continue;
        ofItem.add(participant.id);
        watched += 1;
        await run(participantAggregate, participant, {
          type: 'WatchItem',
          participantId: participant.id,
          itemId,
          itemKind: 'PRACTICE',
          watching: true,
        });
      }
    };
    await watch(READER, READER_WATCHES);
    for (const participant of people) await watch(participant, WATCHES_EACH);

    console.log(`proposing ${PROPOSALS} joint projects with KZ among the partners…`);
    const foreignFocalPoints = people.filter((one) => one.roles.includes('FOCAL_POINT') && one.country !== 'KZ');
    let expectedNotifications = 0;
    for (let index = 0; index < PROPOSALS; index += 1) {
      const lead = pick(foreignFocalPoints);
      const partners = ['KZ', ...COUNTRY_CODES.filter((code) => code !== 'KZ' && code !== lead.country).slice(0, 2)];
      await run(proposalAggregate, lead, {
        type: 'ProposeJointProject',
        proposalId: `bench-proposal-${index}`,
        title: `Joint project number ${index}`,
        objectives: 'Joint inspections of tailings management facilities on shared rivers.',
        topics: ['TAILINGS_SAFETY'],
        durationMonths: 24,
        partnerCountries: partners,
      });
      expectedNotifications += partners.length;
    }

    console.log(`commenting until ${size.notifications} notifications are stored…`);
    const commenters = people.filter((one) => one.country !== null);
    const comments: { itemId: string; author: Participant }[] = [];
    let notified = expectedNotifications;
    while (notified < size.notifications) {
      const itemId = pick(practices);
      const author = pick(commenters);
      const ofItem = watchers.get(itemId) ?? new Set();
      comments.push({ itemId, author });
      notified += ofItem.size - (ofItem.has(author.id) ? 1 : 0);
    }
    expectedNotifications = notified;
    const readAt = Math.floor(comments.length * READ_SHARE);
    for (const [index, { itemId, author }] of comments.entries()) {
      if (index === readAt) {
        await run(participantAggregate, READER, {
          type: 'MarkNotificationsRead',
          participantId: READER.id,
          upTo: null,
        });
      }
      await run(discussionAggregate, author, {
        type: 'PostComment',
        itemId,
        itemKind: 'PRACTICE',
        commentId: `bench-comment-${index}`,
        body: `Comment number ${index}: we did the same, and it worked.`,
      });
    }
    return { events, expectedNotifications };
  } finally {
    await store.close();
  }
}

/** Resolves once the service answers ready: its read model holds the log as it was at start. */
async function untilReady(port: number): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while ((await fetch(`http://127.0.0.1:${port}/health/ready`)).status !== 200) {
    if (Date.now() > deadline) throw new Error('the service did not catch up with the log');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function measure(phase: LoadPhase, size: Size): Promise<Figure[]> {
  buildService();
  const dataDir = mkdtempSync(join(tmpdir(), 'coop-bench-notifications-'));
  try {
    const started = performance.now();
    const generated = await generate(dataDir, size);
    console.log(`wrote ${generated.events} events in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const service = await startBuiltService(SECRET, { dataDir });
    try {
      const rebuilding = performance.now();
      await untilReady(service.port);
      console.log(`the service projected the log in ${((performance.now() - rebuilding) / 1000).toFixed(1)} s`);
      const readModel = new Database(join(dataDir, READ_MODEL_FILE), { readonly: true });
      const stored = readModel.prepare<[], number>('SELECT count(*) FROM notifications').pluck().get() ?? 0;
      const directory = readModel.prepare<[], number>('SELECT count(*) FROM participants').pluck().get() ?? 0;
      readModel.close();
      if (stored !== generated.expectedNotifications) {
        throw new Error(`expected ${generated.expectedNotifications} notifications stored, found ${stored}`);
      }

      const token = await signToken(new TextEncoder().encode(SECRET), READER);
      const url = service.graphqlUrl;
      const sample = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: NOTIFICATIONS_QUERY }),
      });
      const page = (await sample.json()) as {
        data?: { notifications: { edges: unknown[]; unreadCount: number } };
        errors?: unknown;
      };
      if (page.errors !== undefined || page.data?.notifications.edges.length !== 20) {
        throw new Error(`the reader's page is not a full one: ${JSON.stringify(page).slice(0, 500)}`);
      }
      const unread = page.data.notifications.unreadCount;

      console.log(`${phase.connections} connections, ${phase.seconds} s a phase…`);
      // A short warm-up, so that the floor does not pay for the JIT.
      await load({ ...phase, seconds: Math.min(phase.seconds, 3) }, url, [token], TYPENAME);
      const floor = await load(phase, url, [token], TYPENAME);
      const notifications = await load(phase, url, [token], NOTIFICATIONS_QUERY);
      return [
        {
          name: 'notifications(first: 20)',
          value: notifications.requestsPerSecond,
          unit: 'req/s',
          floor: { name: '{ __typename }', value: floor.requestsPerSecond },
          targets: [{ on: 'ratio', atLeast: RATIO_TARGET }],
          note:
            `${stored} notifications, ${directory} participants, the reader has ${unread} unread; ` +
            `${latencies(notifications)}; floor ${latencies(floor)}`,
        },
        {
          name: 'failed requests',
          value: floor.failed + notifications.failed,
          unit: 'requests',
          targets: [{ on: 'value', atMost: 0 }],
        },
      ];
    } finally {
      await service.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export const notifications = scenario({
  name: 'notifications',
  summary: 'notifications(first: 20) req/s among 100,000 stored notifications against { __typename }',
  options: {
    seconds: { default: 10, meaning: 'length of each load phase' },
    connections: { default: 32, meaning: 'concurrent HTTP connections' },
    participants: { default: 5_000, meaning: 'participants recorded in the directory' },
    notifications: { default: 100_000, meaning: 'notifications stored before the reader reads' },
  },
  run: (options) =>
    measure(
      { seconds: options.seconds, connections: options.connections },
      { participants: options.participants, notifications: options.notifications },
    ),
});

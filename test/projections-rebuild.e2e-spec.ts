import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CommandHandler } from '@coop/application';
import { type Participant, STREAM_PREFIXES } from '@coop/domain';
import { SqliteEventStore } from '@coop/event-store';
import Database from 'better-sqlite3';
import { EVENT_STORE_FILE, READ_MODEL_FILE } from '../apps/api/src/config/app-config.js';
import { demoParticipant } from '../apps/api/src/demo/demo-participants.js';
import { recordDemo } from '../apps/api/src/demo/demo-recorder.js';
import { dataOf, itemFor, postComment, sharePractice } from './api/support/api.js';
import {
  AUDIT_TRAIL,
  COOPERATION_STATS,
  COUNTRY_PROFILES,
  FEED,
  ITEM_COMMENTS,
  ITEM_HISTORY,
  SEARCH,
} from './api/support/documents.js';
import type { Connection } from './api/support/types.js';
import { TEST_SECRET, type TestApp, startTestApp } from './support/test-app.js';

const ROOT = join(import.meta.dirname, '..');
const REBUILD = join(ROOT, 'dist', 'apps', 'api', 'src', 'cli', 'rebuild-projections.command.js');

const SECRETARIAT = demoParticipant('secretariat');
const KZ_PARTICIPANT = demoParticipant('kz-participant');
const GE_PARTICIPANT = demoParticipant('ge-participant');

/** Every page of a connection, following `endCursor`. */
async function allPages<Node>(
  app: TestApp,
  who: Participant,
  query: string,
  field: string,
  variables: Record<string, unknown> = {},
): Promise<Node[]> {
  const nodes: Node[] = [];
  let after: string | null = null;
  for (;;) {
    const response = await app.gql<Record<string, Connection<Node>>>(who, query, { ...variables, first: 100, after });
    const page = dataOf(response)[field] as Connection<Node>;
    nodes.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage) return nodes;
    after = page.pageInfo.endCursor;
  }
}

/** What the API answers about items, feeds and the audit trail, for viewers who see different parts of it. */
async function answers(app: TestApp) {
  const feed = await allPages<{ item: { id: string } }>(app, SECRETARIAT, FEED, 'feed');
  const itemIds = [...new Set(feed.map((entry) => entry.item.id))];
  const items = [];
  for (const id of itemIds) {
    items.push({
      asSecretariat: await itemFor(app, SECRETARIAT, id),
      asGeorgia: await itemFor(app, GE_PARTICIPANT, id),
      history: dataOf(await app.gql(SECRETARIAT, ITEM_HISTORY, { id })),
      comments: dataOf(await app.gql(SECRETARIAT, ITEM_COMMENTS, { id, first: 100 })),
    });
  }
  return {
    feed,
    kazakhFeed: await allPages(app, KZ_PARTICIPANT, FEED, 'feed'),
    centralAsianFeed: await allPages(app, GE_PARTICIPANT, FEED, 'feed', { subregion: 'CENTRAL_ASIA' }),
    items,
    search: await allPages(app, KZ_PARTICIPANT, SEARCH, 'search', { text: 'tailings' }),
    audit: await allPages(app, SECRETARIAT, AUDIT_TRAIL, 'auditTrail'),
    stats: dataOf(await app.gql(SECRETARIAT, COOPERATION_STATS, {})),
    profiles: dataOf(await app.gql(KZ_PARTICIPANT, COUNTRY_PROFILES, { subregion: 'CENTRAL_ASIA' })),
  };
}

/** Polls `/health/ready` until it answers 200: the read model then holds the log as it was at start. */
async function untilReady(app: TestApp): Promise<void> {
  while ((await fetch(new URL('/health/ready', app.url))).status !== 200) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const rebuild = (dataDir: string) =>
  promisify(execFile)(process.execPath, [REBUILD], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', DATA_DIR: dataDir, NODE_ENV: 'test', AUTH_JWT_SECRET: TEST_SECRET },
  });

describe('npm run projections:rebuild (the built command as its own process)', () => {
  let dataDir: string;
  let app: TestApp | null = null;

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'coop-rebuild-'));
    // The Programme's demo, then a few acts over the API: a log with every kind of item, profiles and comments.
    const store = new SqliteEventStore(join(dataDir, EVENT_STORE_FILE), { streamPrefixes: STREAM_PREFIXES });
    await recordDemo(store, new CommandHandler(store));
    await store.close();
  });

  afterEach(async () => {
    await app?.close();
    app = null;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses while the service holds the data directory, then rebuilds the same read model', async () => {
    app = await startTestApp({ dataDir });
    await untilReady(app);
    const practice = await sharePractice(app, KZ_PARTICIPANT, { title: 'Tailings inspections after the pilot' });
    await postComment(app, GE_PARTICIPANT, practice.id, { body: 'How often do you inspect?' });
    const before = await answers(app);
    expect(before.items.length).toBeGreaterThan(10);

    await expect(rebuild(dataDir)).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(
        new RegExp(
          `^DATA_DIR ${dataDir} is in use by a service \\(pid ${process.pid}, since .*\\): stop it first \\(the read model is rebuilt only while no service uses it\\)\\.\\n$`,
        ),
      ),
    });

    await app.close();
    // Damage only a replay repairs: had the command rebuilt nothing, the answers would differ.
    const readModel = new Database(join(dataDir, READ_MODEL_FILE));
    readModel.exec('DELETE FROM feed_entries; DELETE FROM audit_events; DELETE FROM comments; DELETE FROM items');
    readModel.close();

    const { stdout } = await rebuild(dataDir);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`Rebuilding the read model of ${dataDir} from ${join(dataDir, EVENT_STORE_FILE)}…`);
    expect(lines.at(-2)).toMatch(/^rebuild: 100\.0 % {2}\d+ events {2}[\d,]+ events\/s {2}0:00 left$/);
    expect(lines.at(-1)).toMatch(/^Rebuilt the read model from \d+ events in \d+:\d\d\.$/);
    expect(stdout).not.toContain('\r');
    expect(stdout).not.toContain('\u001b');

    app = await startTestApp({ dataDir });
    await untilReady(app);
    expect(await answers(app)).toEqual(before);
  });
});

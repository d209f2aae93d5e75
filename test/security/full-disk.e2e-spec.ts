import type { SqliteEventStore } from '@coop/event-store';
import { ReadModelDatabase } from '@coop/read-model';
import type Database from 'better-sqlite3';
import { EVENT_STORE } from '../../apps/api/src/store/event-store.module.js';
import { dataOf, expectError, feedItemIds, practiceInput, sharePractice } from '../api/support/api.js';
import { SHARE_PRACTICE } from '../api/support/documents.js';
import { cast } from '../api/support/people.js';
import type { PracticeFields } from '../api/support/types.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const { kzExpert, secretariat } = cast;

let app: TestApp;

beforeEach(async () => {
  app = await startTestApp();
});

afterEach(async () => {
  await app?.dispose();
});

/**
 * A database "full" the way a full disk makes it: SQLite answers SQLITE_FULL
 * once a write needs a page beyond `max_page_count`, which this connection
 * caps at the pages the file holds now. `release` gives the room back.
 */
function fill(db: Database.Database): { release: () => void } {
  const pages = db.pragma('page_count', { simple: true }) as number;
  const max = db.pragma('max_page_count', { simple: true }) as number;
  db.pragma(`max_page_count = ${pages}`);
  return { release: () => db.pragma(`max_page_count = ${max}`) };
}

/** Bigger than what is left in the pages of either database: it needs new ones. */
const bulky = () => practiceInput({ body: 'A register of hazardous activities. '.repeat(500) });

async function readiness(): Promise<{ status: number; body: { projector: { status: string } } }> {
  const response = await fetch(new URL('/health/ready', app.url));
  return { status: response.status, body: (await response.json()) as { projector: { status: string } } };
}

/** Polls readiness until `done`; gives up after a bound so that a projector that never recovers fails the test. */
async function untilReady(done: (answer: Awaited<ReturnType<typeof readiness>>) => boolean) {
  const deadline = Date.now() + 20_000;
  let answer = await readiness();
  while (!done(answer) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    answer = await readiness();
  }
  return answer;
}

describe('a full disk', () => {
  it('under the event store: a write answers SERVICE_UNAVAILABLE and records nothing; writes resume once there is room', async () => {
    const before = await sharePractice(app, kzExpert);
    const store = app.app.get<SqliteEventStore>(EVENT_STORE) as unknown as { db: Database.Database };
    const disk = fill(store.db);

    const refused = await app.gql(kzExpert, SHARE_PRACTICE, { input: bulky() });
    expectError(refused, 'SERVICE_UNAVAILABLE');
    // Reads go on.
    expect(await feedItemIds(app, secretariat)).toContain(before.id);

    disk.release();
    const after = dataOf(
      await app.gql<{ sharePractice: PracticeFields }>(kzExpert, SHARE_PRACTICE, { input: bulky() }),
    );
    // The refused write left nothing behind: the feed holds the two acknowledged ones only.
    expect(await feedItemIds(app, secretariat)).toEqual([after.sharePractice.id, before.id]);
    expect((await readiness()).status).toBe(200);
  });

  it('under the read model: the projector retries, and the waiting write completes once there is room', async () => {
    const before = await sharePractice(app, kzExpert);
    const readModel = app.app.get(ReadModelDatabase, { strict: false });
    const disk = fill(readModel.db);

    // Recorded in the store; the read model cannot take it, so the mutation waits for it.
    const pending = app.gql<{ sharePractice: PracticeFields }>(kzExpert, SHARE_PRACTICE, { input: bulky() });
    const retrying = await untilReady((answer) => answer.body.projector.status === 'retrying');
    expect(retrying).toMatchObject({ status: 503, body: { projector: { status: 'retrying' } } });

    disk.release();
    const written = dataOf(await pending).sharePractice;
    expect(await feedItemIds(app, secretariat)).toEqual([written.id, before.id]);
    expect((await untilReady((answer) => answer.status === 200)).status).toBe(200);
  });
});

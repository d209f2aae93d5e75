import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Participant } from '@coop/domain';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  answerQuestion,
  askQuestion,
  dataOf,
  feedItemIds,
  itemFor,
  postComment,
  proposeJointProject,
  respondToInvitation,
  sharePractice,
} from './support/api.js';
import { AUDIT_TRAIL, FEED, ITEM_COMMENTS, REVISE_PRACTICE, SEARCH, VERIFY_INTEGRITY } from './support/documents.js';
import { cast } from './support/people.js';

const { kzExpert, kzFocalPoint, uzFocalPoint, rsExpert, geExpert, secretariat } = cast;

/*
 * One data directory, served by three apps in turn: the first writes, the
 * second restarts on the same files, the third starts after the read model's
 * files were deleted and rebuilds it from the event store.
 */

const dataDir = mkdtempSync(join(tmpdir(), 'coop-e2e-persistence-'));
let app: TestApp | undefined;
let ids: { practice: string; question: string; proposal: string; hidden: string };
const searchWord = `Persistenceword${process.pid}`;

/** The same reads, answered by whichever app is running. */
async function snapshot(running: TestApp) {
  const read = async (who: Participant, document: string, variables: Record<string, unknown> = {}) =>
    dataOf(await running.gql(who, document, variables));
  return {
    items: await Promise.all(
      [ids.practice, ids.question, ids.proposal, ids.hidden].map((id) => itemFor(running, rsExpert, id)),
    ),
    hiddenForUz: await itemFor(running, uzFocalPoint, ids.hidden),
    comments: await read(geExpert, ITEM_COMMENTS, { id: ids.practice, first: 10 }),
    feed: await read(rsExpert, FEED, { first: 100 }),
    centralAsia: await read(geExpert, FEED, { subregion: 'CENTRAL_ASIA', first: 100 }),
    search: await read(rsExpert, SEARCH, { text: searchWord }),
    audit: await read(secretariat, AUDIT_TRAIL, { first: 100 }),
    integrity: await read(secretariat, VERIFY_INTEGRITY),
  };
}

beforeAll(async () => {
  app = await startTestApp({ dataDir });
  const practice = await sharePractice(app, kzExpert, { title: `Practice about ${searchWord}` });
  dataOf(
    await app.gql(kzExpert, REVISE_PRACTICE, { input: { id: practice.id, expectedVersion: 1, body: 'Revised body' } }),
  );
  await postComment(app, geExpert, practice.id);
  await postComment(app, rsExpert, practice.id);
  const question = await askQuestion(app, rsExpert, {
    audience: { scope: 'SUBREGIONS', subregions: ['CENTRAL_ASIA', 'SOUTH_EASTERN_EUROPE'] },
  });
  await answerQuestion(app, kzExpert, question.id);
  const proposal = await proposeJointProject(app, kzFocalPoint, { partnerCountries: ['UZ', 'GE'] });
  await respondToInvitation(app, cast.geFocalPoint, proposal.id, true);
  const hidden = await sharePractice(app, kzExpert, { audience: { scope: 'COUNTRIES', countries: ['UZ'] } });
  ids = { practice: practice.id, question: question.id, proposal: proposal.id, hidden: hidden.id };
});

afterAll(async () => {
  await app?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('restarting on the same data directory', () => {
  let before: Awaited<ReturnType<typeof snapshot>>;

  beforeAll(async () => {
    before = await snapshot(app as TestApp);
    expect(before.items[3]).toBeNull();
    expect(before.hiddenForUz?.id).toBe(ids.hidden);
    expect(before.integrity).toEqual({ verifyIntegrity: expect.objectContaining({ valid: true }) });
  });

  it('answers every query the same after a restart', async () => {
    await app?.close();
    app = await startTestApp({ dataDir });
    expect(await snapshot(app)).toEqual(before);
  });

  it('answers every query the same after the read model’s files were deleted, rebuilding them from the event store', async () => {
    await app?.close();
    const readModelFiles = readdirSync(dataDir).filter((name) => name.startsWith('read-model.sqlite'));
    expect(readModelFiles).toContain('read-model.sqlite');
    for (const name of readModelFiles) rmSync(join(dataDir, name));
    app = await startTestApp({ dataDir });
    expect(await snapshot(app)).toEqual(before);
  });

  it('keeps taking writes after the rebuild, continuing each item’s versions', async () => {
    const running = app as TestApp;
    const revised = dataOf(
      await running.gql<{ revisePractice: { version: number } }>(kzExpert, REVISE_PRACTICE, {
        input: { id: ids.practice, expectedVersion: 2, title: 'Renamed after the rebuild' },
      }),
    ).revisePractice;
    expect(revised.version).toBe(3);
    const fresh = await sharePractice(running, rsExpert);
    const feed = await feedItemIds(running, geExpert);
    expect(feed.slice(0, 2)).toEqual([fresh.id, ids.practice]);
  });
});

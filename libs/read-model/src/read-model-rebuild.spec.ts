import { existsSync } from 'node:fs';
import { withSubscriptionHooks } from '@coop/event-store/testing/subscription-hooks.js';
import Database from 'better-sqlite3';
import { ReadModel } from './read-model.js';
import { ReadModelDatabase } from './read-model.database.js';
import { type RebuildProgress, rebuildReadModel } from './read-model-rebuild.js';
import { everyAnswer, participantOf, ReadModelHarness } from './testing/read-model.fixtures.js';

const KZ = participantOf('KZ');
const UA = participantOf('UA');

describe('rebuildReadModel', () => {
  let harness: ReadModelHarness;

  beforeEach(() => {
    harness = new ReadModelHarness();
  });

  afterEach(() => harness.dispose());

  /** A read model built by the service, then damaged: rows gone that only a replay brings back. */
  async function damagedReadModel() {
    for (let i = 0; i < 30; i += 1) {
      const id = await harness.share(i % 2 === 0 ? KZ : UA, { title: `Practice number ${i}` });
      if (i % 5 === 0) await harness.comment(UA, id, 'PRACTICE', `Comment on practice ${i}`);
    }
    const original = await everyAnswer((await harness.openCaughtUp()).readModel);
    await harness.closeReadModels();
    const db = new Database(harness.readModelFile);
    db.exec('DELETE FROM feed_entries; DELETE FROM audit_events; DELETE FROM comments');
    db.close();
    return original;
  }

  it('replays the whole log into a new file that takes the old one’s place, reporting its progress', async () => {
    const original = await damagedReadModel();
    const progress: RebuildProgress[] = [];

    const result = await rebuildReadModel(harness.store, harness.readModelFile, {
      onProgress: (report) => progress.push(report),
      progressEveryMs: 1,
    });

    expect(result.eventsApplied).toBe(36);
    expect(progress.at(-1)).toMatchObject({ eventsApplied: 36, percent: 100, secondsLeft: 0 });
    expect(progress.map((report) => report.eventsApplied)).toEqual(
      [...progress.map((report) => report.eventsApplied)].sort((a, b) => a - b),
    );
    expect(existsSync(`${harness.readModelFile}.rebuilding`)).toBe(false);
    const rebuilt = ReadModelDatabase.open(harness.readModelFile);
    try {
      expect(rebuilt.rebuilding).toBe(false);
      expect(await everyAnswer(new ReadModel(rebuilt, harness.store))).toEqual(original);
    } finally {
      await rebuilt.close();
    }
  });

  it('leaves the old read model as it was when the replay fails', async () => {
    await damagedReadModel();
    const before = await everyAnswer((await harness.openCaughtUp()).readModel);
    await harness.closeReadModels();
    const failing = withSubscriptionHooks(harness.store, {
      beforeNext: (delivered) => {
        if (delivered === 10) throw new Error('the store went away');
      },
    });

    await expect(rebuildReadModel(failing, harness.readModelFile)).rejects.toThrow('the store went away');

    expect(existsSync(`${harness.readModelFile}.rebuilding`)).toBe(false);
    expect(await everyAnswer((await harness.openCaughtUp()).readModel)).toEqual(before);
  });
});

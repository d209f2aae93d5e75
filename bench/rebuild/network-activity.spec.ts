import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COUNTRY_CODES, SUBREGIONS } from '@coop/domain';
import { checkIntegrity, SqliteEventStore } from '@coop/event-store';
import { Projector, ReadModelDatabase } from '@coop/read-model';
import { writeNetworkActivity } from './network-activity.js';

const EVENTS = 600;

describe('the rebuild scenario at a tiny scale', () => {
  let directory: string;
  let storeFile: string;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'rebuild-bench-'));
    storeFile = join(directory, 'events.sqlite');
    const store = new SqliteEventStore(storeFile);
    try {
      await writeNetworkActivity(store, EVENTS);
    } finally {
      await store.close();
    }
  });

  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('writes the drawn activity through the command handler: chained streams of every kind, from every country', async () => {
    const store = new SqliteEventStore(storeFile);
    try {
      const events = await store.readAll();
      expect(events).toHaveLength(EVENTS);
      expect(await checkIntegrity(store)).toMatchObject({ valid: true, eventsChecked: EVENTS });
      expect(new Set(events.map((event) => event.type))).toEqual(
        new Set([
          'PracticeShared',
          'PracticeRevised',
          'PracticeAdopted',
          'PracticeWithdrawn',
          'QuestionAsked',
          'QuestionAnswered',
          'AnswerAccepted',
          'QuestionClosed',
          'JointProjectProposed',
          'PartnerJoined',
          'PartnerDeclined',
          'ProposalSubmitted',
          'ProposalReviewed',
          'ProposalWithdrawn',
          'CommentPosted',
          'CommentEdited',
          'CommentRetracted',
        ]),
      );
      const countries = new Set(events.map((event) => event.metadata['actorCountry']));
      expect(COUNTRY_CODES.filter((country) => !countries.has(country))).toEqual([]);
      const audiences = events.flatMap((event) => {
        const audience = (event.data as { audience?: { subregions: string[] } }).audience;
        return audience?.subregions ?? [];
      });
      expect(SUBREGIONS.filter((subregion) => !audiences.includes(subregion))).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('is a log the projector applies whole, skipping no event', async () => {
    const store = new SqliteEventStore(storeFile);
    const database = ReadModelDatabase.open(join(directory, 'read-model.sqlite'));
    try {
      const [head] = await store.readAll({ direction: 'backwards', limit: 1 });
      const projector = new Projector(store, database);
      projector.start();
      await projector.waitFor(head?.position as string, 30_000);
      await projector.stop();
      expect(projector.status).toBe('stopped');
      expect(database.checkpoint()).toMatchObject({ eventsProjected: EVENTS, eventsSkipped: 0 });
    } finally {
      await database.close();
      await store.close();
    }
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandHandler } from '@coop/application';
import { STREAM_PREFIXES } from '@coop/domain';
import { checkIntegrity, type RecordedEvent, SqliteEventStore } from '@coop/event-store';
import { Projector, ReadModel, ReadModelDatabase } from '@coop/read-model';
import { demoParticipant } from './demo-participants.js';
import { demoState, recordDemo } from './demo-recorder.js';
import { PROGRAMME_DEMO } from './programme-demo.js';

const CENTRAL_ASIA = ['KZ', 'KG', 'TJ', 'TM', 'UZ'];

async function allEvents(store: SqliteEventStore): Promise<RecordedEvent[]> {
  return store.readAll();
}

describe('the Programme demo', () => {
  let dir: string;
  let store: SqliteEventStore;
  let handler: CommandHandler;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'coop-demo-'));
    store = new SqliteEventStore(join(dir, 'events.sqlite'), { streamPrefixes: STREAM_PREFIXES });
    handler = new CommandHandler(store);
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists its acts in the order they happened, 2017 to 2019, each under its own key', () => {
    const instants = PROGRAMME_DEMO.map((act) => act.at.getTime());
    expect(instants).toEqual([...instants].sort((a, b) => a - b));
    expect(new Set(instants).size).toBe(instants.length);
    expect(PROGRAMME_DEMO[0]?.at.getTime()).toBeGreaterThanOrEqual(Date.parse('2017-01-01T00:00:00Z'));
    expect(PROGRAMME_DEMO.at(-1)?.at.getTime()).toBeLessThan(Date.parse('2020-01-01T00:00:00Z'));
    expect(new Set(PROGRAMME_DEMO.map((act) => act.key)).size).toBe(PROGRAMME_DEMO.length);
  });

  it('records every act through the deciders, at its own instant, on a valid hash chain', async () => {
    expect(await demoState(store)).toBe('empty');

    const recording = await recordDemo(store, handler);

    expect(recording).toEqual({
      actsRecorded: PROGRAMME_DEMO.length,
      actsInDemo: PROGRAMME_DEMO.length,
      lastPosition: expect.any(String),
    });
    expect(await demoState(store)).toBe('complete');
    const events = await allEvents(store);
    expect(events.at(-1)?.position).toBe(recording.lastPosition);
    for (const act of PROGRAMME_DEMO) {
      const ofAct = events.filter((event) => event.metadata['correlationId'] === act.correlationId);
      expect(ofAct.length).toBeGreaterThan(0);
      for (const event of ofAct) {
        expect(event.streamId).toBe(act.streamId);
        expect(event.metadata).toMatchObject({ occurredAt: act.at.toISOString(), actorId: act.by.id });
      }
    }
    expect(await checkIntegrity(store)).toMatchObject({ valid: true });
  });

  it('writes nothing when recorded again, and finishes a recording that was stopped half-way', async () => {
    const half = Math.floor(PROGRAMME_DEMO.length / 2);
    await recordDemo(store, handler, PROGRAMME_DEMO.slice(0, half));
    expect(await demoState(store)).toBe('unfinished');

    const resumed = await recordDemo(store, handler);
    expect(resumed.actsRecorded).toBe(PROGRAMME_DEMO.length - half);
    const events = await allEvents(store);

    const again = await recordDemo(store, handler);
    expect(again).toEqual({ actsRecorded: 0, actsInDemo: PROGRAMME_DEMO.length, lastPosition: null });
    expect(await allEvents(store)).toEqual(events);
    expect(new Set(events.map((event) => event.metadata['correlationId'])).size).toBe(PROGRAMME_DEMO.length);
  });

  it('is absent from a store that holds other events of the service', async () => {
    // An act of the demo recorded alone, as a participant could have shared it: it is not the demo's first act.
    const share = PROGRAMME_DEMO.find((act) => act.key === 'minsk/coordination-practice');
    if (share === undefined) throw new Error('the demo shares the Minsk practice');
    await share.record(handler);

    expect(await demoState(store)).toBe('absent');
  });

  describe('as the read model shows it', () => {
    let database: ReadModelDatabase;
    let readModel: ReadModel;

    beforeEach(async () => {
      const { lastPosition } = await recordDemo(store, handler);
      database = ReadModelDatabase.open(join(dir, 'read-model.sqlite'));
      const projector = new Projector(store, database);
      projector.start();
      if (lastPosition === null) throw new Error('the demo wrote events');
      await projector.waitFor(lastPosition, 30_000);
      await projector.stop();
      readModel = new ReadModel(database, store);
    });

    afterEach(() => database.close());

    it('has every act done by someone who sees its item', () => {
      for (const act of PROGRAMME_DEMO) {
        if (act.itemId !== null)
          expect({ act: act.key, seen: readModel.item(act.by, act.itemId) !== null }).toEqual({
            act: act.key,
            seen: true,
          });
      }
    });

    it('carries the Central Asia project to completion with its activities in date order', () => {
      const project = PROGRAMME_DEMO.find((act) => act.key === 'central-asia-project/proposed');
      const item = readModel.item(demoParticipant('kg-participant'), project?.itemId ?? '');
      expect(item?.state).toMatchObject({ kind: 'PROPOSAL', status: 'COMPLETED', country: 'KZ' });
      if (item?.state.kind !== 'PROPOSAL') throw new Error('a proposal');
      expect(item.state.partners.map((partner) => [partner.country, partner.status])).toEqual([
        ['KG', 'JOINED'],
        ['TJ', 'JOINED'],
        ['TM', 'JOINED'],
        ['UZ', 'JOINED'],
      ]);
      const starts = item.state.activities.map((activity) => activity.startsOn);
      expect(starts.length).toBeGreaterThanOrEqual(8);
      expect(starts).toEqual([...starts].sort());
      expect(item.state.activities.map((activity) => activity.venue)).toEqual(
        expect.arrayContaining(['Astana', 'Bishkek', 'Dushanbe', 'Tashkent', 'Ashgabat', 'Almaty']),
      );
    });

    it('counts activity for each Central Asian country in 2017–2018, and shows their profiles after the project', () => {
      const stats = readModel.cooperationStats(new Date('2017-01-01T00:00:00Z'), new Date('2018-12-31T00:00:00Z'));
      for (const country of CENTRAL_ASIA) {
        expect(stats.find((row) => row.country === country)?.total).toBeGreaterThan(0);
        expect(readModel.countryProfile(country as 'KZ').profile).toMatchObject({
          selfAssessment: 'COMPLETED',
          actionPlan: 'COMPLETED',
          focalPoint: expect.any(String),
        });
      }
      const withIanContact = CENTRAL_ASIA.filter(
        (country) => readModel.countryProfile(country as 'KZ').profile.ianPointOfContact !== null,
      );
      expect(withIanContact).toEqual(['KZ', 'KG', 'TJ', 'UZ']);
    });

    it('notifies its participants of what concerns them, and lists them in the directory', () => {
      const reasons = (id: string) =>
        new Set(readModel.notifications(demoParticipant(id), { first: 100 }).edges.map((edge) => edge.node.reason));
      expect([...reasons('kz-focal-point')]).toEqual(
        expect.arrayContaining(['PARTNER_RESPONDED', 'PROPOSAL_REVIEWED', 'CONSULTATION_REQUESTED']),
      );
      expect([...reasons('kg-participant')]).toEqual(expect.arrayContaining(['REPLY', 'WATCHED_ITEM']));
      expect([...reasons('kg-focal-point')]).toEqual(expect.arrayContaining(['PARTNER_INVITATION', 'MENTION']));
      expect([...reasons('al-participant')]).toEqual(expect.arrayContaining(['ANSWER_RECEIVED']));
      expect([...reasons('secretariat')]).toEqual(['WATCHED_ITEM']);

      const actors = new Set(PROGRAMME_DEMO.map((act) => act.by.id));
      expect(new Set(readModel.participants({ first: 100 }).map((participant) => participant.id))).toEqual(actors);
    });

    it('marks its transboundary consultation as illustrative', () => {
      const requested = PROGRAMME_DEMO.find((act) => act.key === 'consultation/requested');
      const item = readModel.item(demoParticipant('uz-focal-point'), requested?.itemId ?? '');
      expect(item?.state).toMatchObject({ kind: 'CONSULTATION', status: 'CONCLUDED' });
      if (item?.state.kind !== 'CONSULTATION') throw new Error('a consultation');
      expect(item.state.title).toMatch(/^Illustrative example/);
      expect(item.state.body).toMatch(/^ILLUSTRATIVE EXAMPLE: this consultation did not take place/);
    });
  });
});

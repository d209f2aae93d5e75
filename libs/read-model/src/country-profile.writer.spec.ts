import { CountryProfileWriter } from './country-profile.writer.js';
import { ItemWriter } from './item.writer.js';
import { ProjectionBatch } from './projection-batch.js';
import { focalPointOf, SECRETARIAT } from './testing/read-model.fixtures.js';
import { applyEvents, WriterHarness } from './testing/projection.fixtures.js';

const KG_FOCAL = focalPointOf('KG');
const recordedKgFocal = { id: KG_FOCAL.id, name: KG_FOCAL.name, country: 'KG', roles: ['PARTICIPANT', 'FOCAL_POINT'] };

describe('CountryProfileWriter', () => {
  let harness: WriterHarness;
  let profiles: CountryProfileWriter;

  beforeEach(() => {
    harness = new WriterHarness();
    profiles = new CountryProfileWriter(harness.db);
  });

  afterEach(() => harness.dispose());

  /** Places the new events as the projection does and hands the profile events to the writer. */
  const applyNew = async () => {
    applyEvents(new ProjectionBatch(new ItemWriter(harness.db)), [profiles], await harness.newEvents());
  };
  const profileRows = () =>
    harness.db
      .prepare<[], { country: string; version: number; profile: string }>('SELECT * FROM country_profiles')
      .all()
      .map((row) => ({ ...row, profile: JSON.parse(row.profile) as unknown }));
  const updateRows = () =>
    harness.db
      .prepare('SELECT country, actor_country, occurred_at FROM country_profile_updates ORDER BY position')
      .all();

  it('folds each update over the profile as it stood, with the stream version', async () => {
    await harness.updateProfile(KG_FOCAL, {
      country: 'KG',
      competentAuthorities: ['Ministry of Emergency Situations'],
      selfAssessment: 'IN_PROGRESS',
    });
    await applyNew();
    await harness.updateProfile(SECRETARIAT, { country: 'KG', ianPointOfContact: 'Crisis Management Centre' });
    await applyNew();
    expect(profileRows()).toEqual([
      {
        country: 'KG',
        version: 2,
        profile: {
          competentAuthorities: ['Ministry of Emergency Situations'],
          focalPoint: null,
          ianPointOfContact: 'Crisis Management Centre',
          selfAssessment: 'IN_PROGRESS',
          actionPlan: 'NOT_STARTED',
          updatedAt: '2019-03-14T09:02:00.000Z',
        },
      },
    ]);
  });

  it('records who updated which profile when; the secretariat acts for no country', async () => {
    await harness.updateProfile(KG_FOCAL, { country: 'KG', actionPlan: 'IN_PROGRESS' });
    await harness.updateProfile(SECRETARIAT, { country: 'TJ', actionPlan: 'COMPLETED' });
    await applyNew();
    expect(updateRows()).toEqual([
      { country: 'KG', actor_country: 'KG', occurred_at: '2019-03-14T09:01:00.000Z' },
      { country: 'TJ', actor_country: null, occurred_at: '2019-03-14T09:02:00.000Z' },
    ]);
  });

  it('keeps the profile as each update left it', async () => {
    await harness.updateProfile(KG_FOCAL, { country: 'KG', selfAssessment: 'IN_PROGRESS' });
    await harness.updateProfile(KG_FOCAL, { country: 'KG', selfAssessment: 'COMPLETED' });
    await applyNew();
    const profiles = harness.db
      .prepare<[], string>("SELECT profile FROM country_profile_updates WHERE country = 'KG' ORDER BY position")
      .pluck()
      .all()
      .map((profile) => JSON.parse(profile) as { selfAssessment: string });
    expect(profiles.map((profile) => profile.selfAssessment)).toEqual(['IN_PROGRESS', 'COMPLETED']);
  });

  it("ignores a profile event in another country's stream", async () => {
    await harness.appendRaw('country-TJ', [
      {
        type: 'CountryProfileUpdated',
        data: {
          country: 'KG',
          changes: { actionPlan: 'COMPLETED' },
          by: recordedKgFocal,
          occurredAt: '2019-03-14T10:00:00.000Z',
        },
      },
    ]);
    await applyNew();
    expect(profileRows()).toEqual([]);
    expect(updateRows()).toEqual([]);
  });
});

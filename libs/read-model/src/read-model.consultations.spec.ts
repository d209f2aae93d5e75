import { consultationAggregate, type Participant } from '@coop/domain';
import { PROJECTION_VERSION } from './read-model.schema.js';
import type { ReadModel } from './read-model.js';
import type { Page } from './read-model.types.js';
import { focalPointOf, participantOf, ReadModelHarness, SECRETARIAT } from './testing/read-model.fixtures.js';

const KZ_FOCAL = focalPointOf('KZ');
const KG_FOCAL = focalPointOf('KG');
const UZ_FOCAL = focalPointOf('UZ');
const KG = participantOf('KG');
const UZ = participantOf('UZ');
const TJ = participantOf('TJ');
const AL = participantOf('AL');
const GE = participantOf('GE');

function allPages<T>(fetch: (after: string | null) => Page<T>): T[] {
  const nodes: T[] = [];
  let after: string | null = null;
  for (;;) {
    const page = fetch(after);
    nodes.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage) return nodes;
    after = page.pageInfo.endCursor;
  }
}

describe('ReadModel: consultations and country profiles', () => {
  let harness: ReadModelHarness;
  let readModel: ReadModel;
  // KZ consults KG and UZ, default audience: seen by KZ, KG, UZ and the secretariat only.
  let consultation: string;
  // KZ consults TM, audience SUBREGIONS [CAUCASUS]: the Caucasus sees it too.
  let widened: string;

  beforeAll(async () => {
    harness = new ReadModelHarness();
    consultation = await harness.consult(KZ_FOCAL, {
      title: 'Raising the Chu tailings dam',
      body: 'A dam-break study is attached',
      consultedCountries: ['KG', 'UZ'],
    });
    widened = await harness.consult(KZ_FOCAL, {
      title: 'Ammonia storage near the Turkmen border',
      consultedCountries: ['TM'],
      audience: { scope: 'SUBREGIONS', subregions: ['CAUCASUS'] },
      topics: ['PREVENTION'],
    });
    const respond = (actor: Participant, position: string, body: string) =>
      harness.run(consultationAggregate, actor, {
        type: 'RespondToConsultation',
        consultationId: consultation,
        position,
        body,
      });
    await respond(KG_FOCAL, 'POSSIBLE_EFFECTS', 'Our irrigation canals draw from the Chu');
    await respond(UZ_FOCAL, 'NEEDS_MORE_INFORMATION', 'Please share the study');
    await respond(KG_FOCAL, 'NO_SIGNIFICANT_EFFECTS', 'The study reassured us');
    await harness.run(consultationAggregate, KZ_FOCAL, {
      type: 'ConcludeConsultation',
      consultationId: consultation,
      conclusion: 'A joint monitoring station on the Chu',
    });
    await harness.updateProfile(KG_FOCAL, {
      country: 'KG',
      competentAuthorities: ['Ministry of Emergency Situations'],
      selfAssessment: 'IN_PROGRESS',
    });
    await harness.updateProfile(SECRETARIAT, { country: 'TJ', actionPlan: 'COMPLETED' });
    await harness.updateProfile(KG_FOCAL, { country: 'KG', focalPoint: 'Ministry of Emergency Situations, Bishkek' });
    ({ readModel } = await harness.openCaughtUp());
  });

  afterAll(() => harness.dispose());

  const feedItems = (viewer: Participant, filter = {}) =>
    allPages((after) => readModel.feed(viewer, { ...filter, after })).map((entry) => entry.itemId);

  describe('a consultation', () => {
    it('is the folded state of its stream, each country with its latest response', () => {
      const view = readModel.item(KG, consultation);
      expect(view).toMatchObject({
        kind: 'CONSULTATION',
        version: 5,
        visibility: { country: 'KZ', partnerCountries: ['KG', 'UZ'], audience: { scope: 'COUNTRIES', countries: [] } },
        subregions: ['CENTRAL_ASIA'],
        state: {
          status: 'CONCLUDED',
          conclusion: 'A joint monitoring station on the Chu',
          responses: [
            expect.objectContaining({
              country: 'KG',
              position: 'NO_SIGNIFICANT_EFFECTS',
              revisedAt: expect.any(String),
            }),
            expect.objectContaining({ country: 'UZ', position: 'NEEDS_MORE_INFORMATION', revisedAt: null }),
          ],
        },
      });
    });

    it.each([
      ['the originating country', true, KZ_FOCAL],
      ['a consulted country', true, UZ],
      ['another consulted country', true, KG],
      ['the secretariat', true, SECRETARIAT],
      ['a neighbour not consulted', false, TJ],
      ['a far country', false, AL],
    ])('exists for %s: %s, in its item, feeds and search', (_, visible, viewer) => {
      expect(readModel.item(viewer, consultation) !== null).toBe(visible);
      expect(feedItems(viewer).includes(consultation)).toBe(visible);
      expect(feedItems(viewer, { subregion: 'CENTRAL_ASIA' }).includes(consultation)).toBe(visible);
      expect(readModel.search(viewer, 'tailings').edges.some((edge) => edge.node.id === consultation)).toBe(visible);
    });

    it('reaches a wider audience when one was given, in its feeds too', () => {
      expect(readModel.item(GE, widened)).not.toBeNull();
      expect(readModel.item(TJ, widened)).toBeNull();
      expect(readModel.item(SECRETARIAT, widened)?.subregions).toEqual(['CAUCASUS', 'CENTRAL_ASIA']);
      expect(feedItems(GE, { subregion: 'CAUCASUS' })).toEqual([widened]);
    });

    it('makes one feed entry per activity, newest first', () => {
      const entries = allPages((after) => readModel.feed(SECRETARIAT, { itemId: consultation, after }));
      expect(entries.map((entry) => [entry.activity, entry.actor.id])).toEqual([
        ['CONSULTATION_CONCLUDED', KZ_FOCAL.id],
        ['CONSULTATION_RESPONDED', KG_FOCAL.id],
        ['CONSULTATION_RESPONDED', UZ_FOCAL.id],
        ['CONSULTATION_RESPONDED', KG_FOCAL.id],
        ['CONSULTATION_REQUESTED', KZ_FOCAL.id],
      ]);
      expect(feedItems(KG, { kinds: ['CONSULTATION'] })).toEqual(Array(5).fill(consultation));
    });

    it('is found by its hazardous activity, location, body and conclusion', () => {
      for (const words of ['tailings management', 'transboundary river', 'dam-break', 'monitoring station']) {
        expect(readModel.search(UZ, words).edges.map((edge) => edge.node.id)).toContain(consultation);
      }
    });

    it('keeps every version of a response in its history, and stood open before its conclusion', async () => {
      const history = await readModel.history(consultation);
      expect(history.map((event) => [event.type, event.itemKind])).toEqual([
        ['ConsultationRequested', 'CONSULTATION'],
        ['ConsultationResponded', 'CONSULTATION'],
        ['ConsultationResponded', 'CONSULTATION'],
        ['ConsultationResponded', 'CONSULTATION'],
        ['ConsultationConcluded', 'CONSULTATION'],
      ]);
      const beforeConclusion = new Date(Date.parse(history[4]?.occurredAt ?? '') - 1);
      const asOf = await readModel.itemAsOf(KG, consultation, beforeConclusion);
      expect(asOf).toMatchObject({ version: 4, state: { status: 'OPEN', conclusion: null } });
      expect(await readModel.itemAsOf(AL, consultation, beforeConclusion)).toBeNull();
    });
  });

  describe('country profiles', () => {
    it('is the profile as its updates left it, with its version', () => {
      expect(readModel.countryProfile('KG')).toEqual({
        country: 'KG',
        version: 2,
        profile: {
          competentAuthorities: ['Ministry of Emergency Situations'],
          focalPoint: 'Ministry of Emergency Situations, Bishkek',
          ianPointOfContact: null,
          selfAssessment: 'IN_PROGRESS',
          actionPlan: 'NOT_STARTED',
          updatedAt: expect.any(String),
        },
      });
    });

    it('is version 0 and empty for a country that never recorded one', () => {
      expect(readModel.countryProfile('UZ')).toEqual({
        country: 'UZ',
        version: 0,
        profile: {
          competentAuthorities: [],
          focalPoint: null,
          ianPointOfContact: null,
          selfAssessment: 'NOT_STARTED',
          actionPlan: 'NOT_STARTED',
          updatedAt: null,
        },
      });
    });

    it("has its stream's events as history, concerning no item", async () => {
      expect(
        (await readModel.countryProfileHistory('KG')).map((event) => [event.streamId, event.version, event.itemId]),
      ).toEqual([
        ['country-KG', 1, null],
        ['country-KG', 2, null],
      ]);
      expect(await readModel.countryProfileHistory('UZ')).toEqual([]);
    });

    it('makes no feed entry', () => {
      const entries = allPages((after) => readModel.feed(SECRETARIAT, { after }));
      expect(entries.map((entry) => entry.activity)).not.toContain('COUNTRY_PROFILE_UPDATED');
    });
  });

  describe('cooperation statistics', () => {
    it('counts consultation activities and profile updates per actor country, leaving the secretariat out', () => {
      const stats = readModel.cooperationStats(null, null);
      expect(stats.find((row) => row.country === 'KZ')).toEqual({
        country: 'KZ',
        total: 3,
        counts: [
          { activity: 'CONSULTATION_REQUESTED', count: 2 },
          { activity: 'CONSULTATION_CONCLUDED', count: 1 },
        ],
      });
      expect(stats.find((row) => row.country === 'KG')).toEqual({
        country: 'KG',
        total: 4,
        counts: [
          { activity: 'CONSULTATION_RESPONDED', count: 2 },
          { activity: 'COUNTRY_PROFILE_UPDATED', count: 2 },
        ],
      });
      expect(stats.find((row) => row.country === 'TJ')).toEqual({ country: 'TJ', total: 0, counts: [] });
    });

    it('counts profile updates only in the interval [from, to)', async () => {
      const [first, second] = await readModel.countryProfileHistory('KG');
      const from = new Date(first?.occurredAt ?? '');
      const to = new Date(second?.occurredAt ?? '');
      const kg = readModel.cooperationStats(from, to).find((row) => row.country === 'KG');
      expect(kg?.counts).toEqual([{ activity: 'COUNTRY_PROFILE_UPDATED', count: 1 }]);
    });
  });

  it('rebuilds profiles and profile statistics to the same answers', async () => {
    const answers = async (model: ReadModel) => ({
      kg: model.countryProfile('KG'),
      tj: model.countryProfile('TJ'),
      history: await model.countryProfileHistory('KG'),
      stats: model.cooperationStats(null, null),
      consultation: model.item(SECRETARIAT, consultation),
    });
    const original = await answers(readModel);
    await harness.closeReadModels();
    const rebuilt = await harness.openCaughtUp({ projectionVersion: PROJECTION_VERSION + 1 });
    expect(rebuilt.database.rebuilding).toBe(true);
    expect(await answers(rebuilt.readModel)).toEqual(original);
    readModel = rebuilt.readModel;
  });
});

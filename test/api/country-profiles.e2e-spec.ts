import type { Participant } from '@coop/domain';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { dataOf, expectError, expectFieldError, feedPage } from './support/api.js';
import { COOPERATION_STATS, COUNTRY_PROFILES, UPDATE_COUNTRY_PROFILE } from './support/documents.js';
import { cast } from './support/people.js';
import type { CountryActivity, ProfileFields } from './support/types.js';

const { kgFocalPoint, kgExpert, tjFocalPoint, uzFocalPoint, secretariat } = cast;

interface CountryWithProfile {
  code: string;
  party: boolean;
  neighbours: { code: string }[];
  profile: ProfileFields & {
    history: { streamId: string; version: number; type: string; actor: { id: string } | null; data: unknown }[];
  };
}

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});

afterAll(async () => {
  await app?.dispose();
});

const update = (who: Participant, input: Record<string, unknown>) =>
  app.gql<{ updateCountryProfile: { code: string; profile: ProfileFields } }>(who, UPDATE_COUNTRY_PROFILE, { input });
const updated = async (who: Participant, input: Record<string, unknown>) =>
  dataOf(await update(who, input)).updateCountryProfile;
const countryAs = async (who: Participant | null, code: string) => {
  const { countries } = dataOf(
    await app.gql<{ countries: CountryWithProfile[] }>(who, COUNTRY_PROFILES, { subregion: null }),
  );
  return countries.find((country) => country.code === code);
};
const stats = async () =>
  dataOf(await app.gql<{ cooperationStats: CountryActivity[] }>(secretariat, COOPERATION_STATS, {})).cooperationStats;
const profileUpdatesOf = (rows: CountryActivity[], country: string) =>
  rows.find((row) => row.country.code === country)?.counts.find((count) => count.activity === 'COUNTRY_PROFILE_UPDATED')
    ?.count ?? 0;

describe('Country', () => {
  it('carries party status and beneficiary neighbours from reference data', async () => {
    const uzbekistan = await countryAs(kgExpert, 'UZ');
    expect(uzbekistan).toMatchObject({
      party: false,
      neighbours: [{ code: 'KZ' }, { code: 'KG' }, { code: 'TJ' }, { code: 'TM' }],
    });
    expect(await countryAs(kgExpert, 'MK')).toMatchObject({
      party: true,
      neighbours: [{ code: 'AL' }, { code: 'RS' }],
    });
  });

  it('has an empty profile at version 0 until something is recorded', async () => {
    expect((await countryAs(uzFocalPoint, 'AM'))?.profile).toEqual({
      competentAuthorities: [],
      focalPoint: null,
      ianPointOfContact: null,
      selfAssessment: 'NOT_STARTED',
      actionPlan: 'NOT_STARTED',
      version: 0,
      updatedAt: null,
      history: [],
    });
  });

  it('shows profiles to participants only: the public countries query asks for a token for them', async () => {
    expectError(await app.gql(null, COUNTRY_PROFILES, {}), 'UNAUTHENTICATED');
  });
});

describe('updateCountryProfile', () => {
  it('lets the KG focal point update the KG profile, and answers CONFLICT to a stale version', async () => {
    const before = await stats();
    const first = await updated(kgFocalPoint, {
      country: 'KG',
      expectedVersion: 0,
      competentAuthorities: ['Ministry of Emergency Situations', '  State Inspectorate for Environmental Safety  '],
      focalPoint: 'Ministry of Emergency Situations, Bishkek',
      selfAssessment: 'IN_PROGRESS',
    });
    expect(first).toEqual({
      code: 'KG',
      profile: {
        competentAuthorities: ['Ministry of Emergency Situations', 'State Inspectorate for Environmental Safety'],
        focalPoint: 'Ministry of Emergency Situations, Bishkek',
        ianPointOfContact: null,
        selfAssessment: 'IN_PROGRESS',
        actionPlan: 'NOT_STARTED',
        version: 1,
        updatedAt: expect.any(String),
      },
    });
    const second = await updated(kgFocalPoint, {
      country: 'KG',
      expectedVersion: 1,
      ianPointOfContact: 'Crisis Management Centre, +996 312 000000',
      actionPlan: 'IN_PROGRESS',
    });
    expect(second.profile).toMatchObject({
      competentAuthorities: first.profile.competentAuthorities,
      ianPointOfContact: 'Crisis Management Centre, +996 312 000000',
      actionPlan: 'IN_PROGRESS',
      version: 2,
    });

    const stale = expectError(
      await update(kgFocalPoint, { country: 'KG', expectedVersion: 1, selfAssessment: 'COMPLETED' }),
      'CONFLICT',
    );
    expect(stale.extensions).toMatchObject({ expectedVersion: 1, actualVersion: 2 });
    const kyrgyzstan = await countryAs(kgExpert, 'KG');
    expect(kyrgyzstan?.profile).toMatchObject({ selfAssessment: 'IN_PROGRESS', version: 2 });
    expect(
      kyrgyzstan?.profile.history.map((event) => [event.streamId, event.version, event.type, event.actor?.id]),
    ).toEqual([
      ['country-KG', 1, 'CountryProfileUpdated', kgFocalPoint.id],
      ['country-KG', 2, 'CountryProfileUpdated', kgFocalPoint.id],
    ]);
    expect(kyrgyzstan?.profile.history[1]?.data).toMatchObject({
      country: 'KG',
      changes: { ianPointOfContact: 'Crisis Management Centre, +996 312 000000', actionPlan: 'IN_PROGRESS' },
    });

    // Counted per acting country, but no feed entry: a profile is not an item.
    expect(profileUpdatesOf(await stats(), 'KG') - profileUpdatesOf(before, 'KG')).toBe(2);
    const feed = await feedPage(app, secretariat, { first: 100 });
    expect(feed.edges.map((edge) => edge.node.activity)).not.toContain('COUNTRY_PROFILE_UPDATED');
  });

  it.each([
    ['a TJ focal point', tjFocalPoint],
    ['a KG participant who is not its focal point', kgExpert],
  ])('is refused to %s on the KG profile', async (_, who) => {
    const { profile } = (await countryAs(kgExpert, 'KG')) as CountryWithProfile;
    expectError(
      await update(who, { country: 'KG', expectedVersion: profile.version, actionPlan: 'COMPLETED' }),
      'FORBIDDEN',
    );
    expect((await countryAs(kgExpert, 'KG'))?.profile.version).toBe(profile.version);
  });

  it('lets the secretariat update any profile, and clears a contact given as null; its updates count for no country', async () => {
    const before = await stats();
    const set = await updated(secretariat, {
      country: 'TJ',
      expectedVersion: 0,
      focalPoint: 'Committee of Emergency Situations',
    });
    expect(set.profile).toMatchObject({ focalPoint: 'Committee of Emergency Situations', version: 1 });
    const cleared = await updated(secretariat, { country: 'TJ', expectedVersion: 1, focalPoint: null });
    expect(cleared.profile).toMatchObject({ focalPoint: null, version: 2 });
    const after = await stats();
    const perCountry = (rows: CountryActivity[]) => rows.map((row) => profileUpdatesOf(rows, row.country.code));
    expect(perCountry(after)).toEqual(perCountry(before));
  });

  it('records nothing for an update that changes nothing', async () => {
    const first = await updated(uzFocalPoint, { country: 'UZ', expectedVersion: 0, actionPlan: 'COMPLETED' });
    const same = await updated(uzFocalPoint, { country: 'UZ', expectedVersion: 1, actionPlan: 'COMPLETED' });
    expect(same.profile).toEqual(first.profile);
  });

  it.each([
    ['an unknown country', { country: 'FR' }, 'country'],
    ['an empty authority name', { competentAuthorities: ['Ministry', '  '] }, 'competentAuthorities'],
    ['an authority name over 200 characters', { competentAuthorities: ['x'.repeat(201)] }, 'competentAuthorities'],
    [
      '21 authorities',
      { competentAuthorities: Array.from({ length: 21 }, (_, index) => `Authority ${index}`) },
      'competentAuthorities',
    ],
    ['a focal point over 500 characters', { focalPoint: 'x'.repeat(501) }, 'focalPoint'],
    ['a negative expectedVersion', { expectedVersion: -1 }, 'expectedVersion'],
  ])('answers BAD_USER_INPUT naming the field for %s', async (_, overrides, field) => {
    expectFieldError(await update(kgFocalPoint, { country: 'KG', expectedVersion: 0, ...overrides }), field);
  });

  it('names the authority at fault', async () => {
    const messages = expectFieldError(
      await update(kgFocalPoint, { country: 'KG', expectedVersion: 0, competentAuthorities: ['Ministry', ''] }),
      'competentAuthorities',
    );
    expect(messages).toEqual(['entry 2 must not be empty']);
  });
});

import type { Participant } from '@coop/domain';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  answerQuestion,
  askQuestion,
  dataOf,
  expectError,
  expectFieldError,
  proposeJointProject,
  requestConsultation,
  respondToInvitation,
  sharePractice,
} from './support/api.js';
import {
  ADOPT_PRACTICE,
  COMPLETE_PROJECT,
  COOPERATION_REPORT,
  RESPOND_TO_CONSULTATION,
  REVIEW_PROPOSAL,
  START_IMPLEMENTATION,
  SUBMIT_PROPOSAL,
  UPDATE_COUNTRY_PROFILE,
} from './support/documents.js';
import { cast } from './support/people.js';

const { kzExpert, kzFocalPoint, uzFocalPoint, geExpert, kgFocalPoint, tjFocalPoint, secretariat } = cast;

interface Code {
  code: string;
}
interface Counted {
  total: number;
  counts: { activity: string; count: number }[];
}
interface Report {
  from: string;
  to: string;
  byCountry: (Counted & { country: Code })[];
  bySubregion: (Counted & { subregion: string })[];
  byTopic: { topic: string; total: number }[];
  countryLinks: {
    countries: Code[];
    answers: number;
    adoptions: number;
    projects: number;
    consultations: number;
    total: number;
  }[];
  profiles: Record<string, Code[]>;
  endorsedProjects: { id: string; status: string; leadCountry: Code }[];
  completedProjects: { id: string; status: string; completedOn: string }[];
}

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});

afterAll(async () => {
  await app?.dispose();
});

/** The next instant strictly after every event so far (the service and the test share the clock). */
async function instant(): Promise<Date> {
  const start = Date.now();
  while (Date.now() <= start) await new Promise((resolve) => setTimeout(resolve, 1));
  const at = new Date();
  while (Date.now() <= at.getTime()) await new Promise((resolve) => setTimeout(resolve, 1));
  return at;
}

const ok = async (who: Participant, document: string, variables: Record<string, unknown>) =>
  dataOf(await app.gql(who, document, variables));
const updateProfile = (who: Participant, input: Record<string, unknown>) => ok(who, UPDATE_COUNTRY_PROFILE, { input });
const endorse = async (lead: Participant, id: string) => {
  await ok(lead, SUBMIT_PROPOSAL, { id });
  await ok(secretariat, REVIEW_PROPOSAL, { id, decision: 'ENDORSE', note: 'Endorsed' });
};
const countsOf = ({ total, counts }: Counted) => ({
  total,
  counts: Object.fromEntries(counts.map(({ activity, count }) => [activity, count])),
});

describe('cooperationReport', () => {
  let report: Report;
  let from: Date;
  let to: Date;
  let earlierProject: string;
  let newProject: string;

  beforeAll(async () => {
    // Before the period.
    const earlier = await askQuestion(app, kzExpert);
    await answerQuestion(app, uzFocalPoint, earlier.id);
    earlierProject = (await proposeJointProject(app, kgFocalPoint, { partnerCountries: ['TJ'] })).id;
    await respondToInvitation(app, tjFocalPoint, earlierProject, true);
    await endorse(kgFocalPoint, earlierProject);
    await ok(kgFocalPoint, START_IMPLEMENTATION, { id: earlierProject, startedOn: '2018-01-01T00:00:00.000Z' });
    await updateProfile(secretariat, { country: 'KG', expectedVersion: 0, selfAssessment: 'IN_PROGRESS' });

    from = await instant();
    const question = await askQuestion(app, kzExpert);
    await answerQuestion(app, uzFocalPoint, question.id);
    await answerQuestion(app, geExpert, question.id);
    const practice = await sharePractice(app, geExpert, { topics: ['PREVENTION'] });
    await ok(kzExpert, ADOPT_PRACTICE, { id: practice.id, note: null });
    const consultation = await requestConsultation(app, kzFocalPoint, {
      consultedCountries: ['UZ'],
      topics: ['LAND_USE_PLANNING'],
    });
    await ok(uzFocalPoint, RESPOND_TO_CONSULTATION, {
      consultationId: consultation.id,
      position: 'POSSIBLE_EFFECTS',
      body: 'Irrigation downstream',
    });
    newProject = (await proposeJointProject(app, kzFocalPoint, { partnerCountries: ['UZ'] })).id;
    await respondToInvitation(app, uzFocalPoint, newProject, true);
    await endorse(kzFocalPoint, newProject);
    await ok(kzFocalPoint, START_IMPLEMENTATION, { id: newProject, startedOn: from.toISOString() });
    await ok(kgFocalPoint, COMPLETE_PROJECT, {
      id: earlierProject,
      completedOn: new Date().toISOString(),
      evaluation: 'Met its objectives',
    });
    await updateProfile(kgFocalPoint, { country: 'KG', expectedVersion: 1, competentAuthorities: ['Ministry'] });
    await updateProfile(secretariat, { country: 'TJ', expectedVersion: 0, selfAssessment: 'COMPLETED' });
    to = await instant();

    // After the period: the report must not show these.
    await updateProfile(kgFocalPoint, { country: 'KG', expectedVersion: 2, ianPointOfContact: 'Crisis centre' });
    await updateProfile(uzFocalPoint, { country: 'UZ', expectedVersion: 0, actionPlan: 'COMPLETED' });
    await answerQuestion(app, geExpert, question.id);

    report = (await ok(secretariat, COOPERATION_REPORT, { from: from.toISOString(), to: to.toISOString() }))
      .cooperationReport as Report;
  });

  it('counts the activities of each country, subregion and topic in the period', () => {
    expect(report.from).toBe(from.toISOString());
    expect(report.to).toBe(to.toISOString());
    expect(
      Object.fromEntries(
        report.byCountry.filter((row) => row.total > 0).map((row) => [row.country.code, countsOf(row)]),
      ),
    ).toEqual({
      KZ: {
        total: 6,
        counts: {
          QUESTION_ASKED: 1,
          PRACTICE_ADOPTED: 1,
          PROPOSAL_CREATED: 1,
          PROPOSAL_SUBMITTED: 1,
          PROJECT_STARTED: 1,
          CONSULTATION_REQUESTED: 1,
        },
      },
      UZ: { total: 3, counts: { QUESTION_ANSWERED: 1, PARTNER_JOINED: 1, CONSULTATION_RESPONDED: 1 } },
      GE: { total: 2, counts: { PRACTICE_SHARED: 1, QUESTION_ANSWERED: 1 } },
      KG: { total: 2, counts: { PROJECT_COMPLETED: 1, COUNTRY_PROFILE_UPDATED: 1 } },
    });
    expect(report.bySubregion.map((row) => [row.subregion, row.total])).toEqual([
      ['SOUTH_EASTERN_EUROPE', 0],
      ['EASTERN_EUROPE', 0],
      ['CAUCASUS', 2],
      ['CENTRAL_ASIA', 11],
    ]);
    expect(report.byTopic.slice(0, 4)).toEqual([
      { topic: 'TAILINGS_SAFETY', total: 5 },
      { topic: 'NOTIFICATION', total: 3 },
      { topic: 'PREVENTION', total: 2 },
      { topic: 'LAND_USE_PLANNING', total: 2 },
    ]);
    expect(report.byTopic.slice(4).every((row) => row.total === 0)).toBe(true);
  });

  it('links the countries that worked together, both ways, most active first', () => {
    expect(report.countryLinks).toEqual([
      {
        countries: [{ code: 'KZ' }, { code: 'UZ' }],
        answers: 1,
        adoptions: 0,
        projects: 1,
        consultations: 1,
        total: 3,
      },
      {
        countries: [{ code: 'GE' }, { code: 'KZ' }],
        answers: 1,
        adoptions: 1,
        projects: 0,
        consultations: 0,
        total: 2,
      },
      {
        countries: [{ code: 'KG' }, { code: 'TJ' }],
        answers: 0,
        adoptions: 0,
        projects: 1,
        consultations: 0,
        total: 1,
      },
    ]);
  });

  it('shows the profiles as they stood at the end of the period, not the changes made after it', () => {
    expect(report.profiles).toEqual({
      countriesWithCompetentAuthorities: [{ code: 'KG' }],
      countriesWithIanPointOfContact: [],
      selfAssessmentsCompleted: [{ code: 'TJ' }],
      actionPlansCompleted: [],
    });
  });

  it('lists the joint projects endorsed and completed in the period', () => {
    expect(report.endorsedProjects).toEqual([
      { id: newProject, status: 'IN_IMPLEMENTATION', leadCountry: { code: 'KZ' } },
    ]);
    expect(report.completedProjects).toEqual([
      { id: earlierProject, status: 'COMPLETED', completedOn: expect.any(String) },
    ]);
  });

  it('answers FORBIDDEN to anyone but the secretariat', async () => {
    const variables = { from: from.toISOString(), to: to.toISOString() };
    for (const who of [kzExpert, kzFocalPoint])
      expectError(await app.gql(who, COOPERATION_REPORT, variables), 'FORBIDDEN');
    expectError(await app.gql(null, COOPERATION_REPORT, variables), 'UNAUTHENTICATED');
  });

  it('answers BAD_USER_INPUT for a period that ends before it starts', async () => {
    const response = await app.gql(secretariat, COOPERATION_REPORT, { from: to.toISOString(), to: from.toISOString() });
    expectFieldError(response, 'to');
  });
});

import {
  consultationAggregate,
  type Participant,
  practiceAggregate,
  proposalAggregate,
  questionAggregate,
  TOPICS,
} from '@coop/domain';
import type { ReadModel } from './read-model.js';
import type { CooperationReportView } from './read-model.types.js';
import { focalPointOf, participantOf, ReadModelHarness, SECRETARIAT } from './testing/read-model.fixtures.js';

const KZ = participantOf('KZ');
const UZ = participantOf('UZ');
const GE = participantOf('GE');

describe('ReadModel: cooperation report', () => {
  let harness: ReadModelHarness;
  let readModel: ReadModel;
  let report: CooperationReportView;
  let from: Date;
  let to: Date;
  let endorsedInPeriod: string;
  let completedInPeriod: string;

  const answer = (who: Participant, questionId: string, answerId: string) =>
    harness.run(questionAggregate, who, { type: 'AnswerQuestion', questionId, answerId, body: `Answer ${answerId}` });
  const adopt = (who: Participant, practiceId: string) =>
    harness.run(practiceAggregate, who, { type: 'AdoptPractice', practiceId });
  const proposal = (who: Participant, command: Record<string, unknown> & { type: string }) =>
    harness.run(proposalAggregate, who, command as never);
  const endorse = async (lead: Participant, proposalId: string) => {
    await proposal(lead, { type: 'SubmitProposal', proposalId });
    await proposal(SECRETARIAT, { type: 'ReviewProposal', proposalId, decision: 'ENDORSE', note: 'Endorsed' });
  };

  beforeAll(async () => {
    harness = new ReadModelHarness();
    // Before the period: counted nowhere.
    const earlier = await harness.ask(KZ, { title: 'Earlier question', topics: ['PREVENTION'] });
    await answer(UZ, earlier, 'early');
    completedInPeriod = await harness.propose(focalPointOf('KG'), {
      title: 'Earlier project',
      partnerCountries: ['TJ'],
    });
    await proposal(focalPointOf('TJ'), { type: 'RespondToInvitation', proposalId: completedInPeriod, accept: true });
    await endorse(focalPointOf('KG'), completedInPeriod);
    await proposal(focalPointOf('KG'), {
      type: 'StartImplementation',
      proposalId: completedInPeriod,
      startedOn: new Date('2019-01-01T00:00:00.000Z'),
    });
    await harness.updateProfile(SECRETARIAT, { country: 'KG', selfAssessment: 'IN_PROGRESS' });

    from = harness.now();
    const question = await harness.ask(KZ, { title: 'Notifying neighbours', topics: ['NOTIFICATION'] });
    await answer(UZ, question, 'uz');
    await answer(GE, question, 'ge');
    await answer(KZ, question, 'kz-own');
    const practice = await harness.share(GE, { title: 'Drills', topics: ['PREVENTION', 'TRAINING'] });
    await adopt(KZ, practice);
    await adopt(UZ, practice);
    const consultation = await harness.consult(focalPointOf('KZ'), {
      title: 'Dam raise',
      consultedCountries: ['UZ', 'KG'],
    });
    const respond = (who: Participant, body: string) =>
      harness.run(consultationAggregate, who, {
        type: 'RespondToConsultation',
        consultationId: consultation,
        position: 'POSSIBLE_EFFECTS',
        body,
      });
    await respond(focalPointOf('UZ'), 'First view');
    await respond(focalPointOf('UZ'), 'Revised view');
    await respond(focalPointOf('KG'), 'Our view');
    endorsedInPeriod = await harness.propose(focalPointOf('KZ'), {
      title: 'Joint drills',
      partnerCountries: ['UZ', 'TJ'],
    });
    await proposal(focalPointOf('UZ'), { type: 'RespondToInvitation', proposalId: endorsedInPeriod, accept: true });
    await proposal(focalPointOf('TJ'), { type: 'RespondToInvitation', proposalId: endorsedInPeriod, accept: false });
    await endorse(focalPointOf('KZ'), endorsedInPeriod);
    await proposal(focalPointOf('KZ'), { type: 'StartImplementation', proposalId: endorsedInPeriod, startedOn: from });
    await proposal(focalPointOf('KG'), {
      type: 'CompleteProject',
      proposalId: completedInPeriod,
      completedOn: from,
      evaluation: 'Met its objectives',
    });
    await harness.updateProfile(focalPointOf('KG'), { country: 'KG', competentAuthorities: ['Ministry'] });
    await harness.updateProfile(SECRETARIAT, { country: 'TJ', selfAssessment: 'COMPLETED' });
    to = harness.now();

    // After the period: counted nowhere, and the profiles as they stood at its end ignore it.
    await harness.updateProfile(focalPointOf('KG'), { country: 'KG', ianPointOfContact: 'Crisis centre' });
    await harness.updateProfile(focalPointOf('UZ'), { country: 'UZ', actionPlan: 'COMPLETED' });
    await answer(GE, question, 'late');
    await proposal(focalPointOf('KZ'), {
      type: 'CompleteProject',
      proposalId: endorsedInPeriod,
      completedOn: harness.now(),
      evaluation: 'Done later',
    });

    ({ readModel } = await harness.openCaughtUp());
    report = readModel.cooperationReport(from, to);
  });

  afterAll(() => harness.dispose());

  const countsOf = (rows: readonly { total: number; counts: readonly { activity: string; count: number }[] }[]) =>
    rows.map(({ total, counts }) => ({ total, counts: Object.fromEntries(counts.map((c) => [c.activity, c.count])) }));

  it('counts each country’s activities in the interval', () => {
    const byCountry = Object.fromEntries(
      report.byCountry.filter((row) => row.total > 0).map((row) => [row.country, countsOf([row])[0]]),
    );
    expect(byCountry).toEqual({
      KZ: {
        total: 7,
        counts: {
          QUESTION_ASKED: 1,
          QUESTION_ANSWERED: 1,
          PRACTICE_ADOPTED: 1,
          PROPOSAL_CREATED: 1,
          PROPOSAL_SUBMITTED: 1,
          PROJECT_STARTED: 1,
          CONSULTATION_REQUESTED: 1,
        },
      },
      UZ: {
        total: 5,
        counts: { QUESTION_ANSWERED: 1, PRACTICE_ADOPTED: 1, PARTNER_JOINED: 1, CONSULTATION_RESPONDED: 2 },
      },
      GE: { total: 2, counts: { PRACTICE_SHARED: 1, QUESTION_ANSWERED: 1 } },
      KG: { total: 3, counts: { PROJECT_COMPLETED: 1, CONSULTATION_RESPONDED: 1, COUNTRY_PROFILE_UPDATED: 1 } },
      TJ: { total: 1, counts: { PARTNER_DECLINED: 1 } },
    });
    expect(report.byCountry).toHaveLength(16);
  });

  it('sums them per subregion of the acting country', () => {
    expect(report.bySubregion.map((row) => [row.subregion, row.total])).toEqual([
      ['SOUTH_EASTERN_EUROPE', 0],
      ['EASTERN_EUROPE', 0],
      ['CAUCASUS', 2],
      ['CENTRAL_ASIA', 16],
    ]);
    expect(countsOf(report.bySubregion)[3]?.counts).toEqual({
      QUESTION_ASKED: 1,
      QUESTION_ANSWERED: 2,
      PRACTICE_ADOPTED: 2,
      PROPOSAL_CREATED: 1,
      PARTNER_JOINED: 1,
      PARTNER_DECLINED: 1,
      PROPOSAL_SUBMITTED: 1,
      PROJECT_STARTED: 1,
      PROJECT_COMPLETED: 1,
      CONSULTATION_REQUESTED: 1,
      CONSULTATION_RESPONDED: 3,
      COUNTRY_PROFILE_UPDATED: 1,
    });
  });

  it('counts activities per topic of their item, most active first, ties in reference order', () => {
    const tie = ['NOTIFICATION', 'TAILINGS_SAFETY'].sort(
      (a, b) => TOPICS.indexOf(a as never) - TOPICS.indexOf(b as never),
    );
    expect(report.byTopic.slice(0, 4)).toEqual([
      { topic: 'TRAINING', total: 9 },
      { topic: tie[0], total: 4 },
      { topic: tie[1], total: 4 },
      { topic: 'PREVENTION', total: 3 },
    ]);
    expect(report.byTopic).toHaveLength(TOPICS.length);
    expect(report.byTopic.slice(4).every((row) => row.total === 0)).toBe(true);
  });

  it('links the countries that worked together, both ways, most active first', () => {
    expect(report.countryLinks).toEqual([
      { countries: ['KZ', 'UZ'], answers: 1, adoptions: 0, projects: 1, consultations: 1, total: 3 },
      { countries: ['GE', 'KZ'], answers: 1, adoptions: 1, projects: 0, consultations: 0, total: 2 },
      { countries: ['GE', 'UZ'], answers: 0, adoptions: 1, projects: 0, consultations: 0, total: 1 },
      { countries: ['KG', 'KZ'], answers: 0, adoptions: 0, projects: 0, consultations: 1, total: 1 },
      { countries: ['KG', 'TJ'], answers: 0, adoptions: 0, projects: 1, consultations: 0, total: 1 },
    ]);
  });

  it('shows the profiles as they stood at the end of the interval, not as they stand now', () => {
    expect(report.profiles).toEqual({
      countriesWithCompetentAuthorities: ['KG'],
      countriesWithIanPointOfContact: [],
      selfAssessmentsCompleted: ['TJ'],
      actionPlansCompleted: [],
    });
    expect(readModel.cooperationReport(from, harness.now()).profiles).toEqual({
      countriesWithCompetentAuthorities: ['KG'],
      countriesWithIanPointOfContact: ['KG'],
      selfAssessmentsCompleted: ['TJ'],
      actionPlansCompleted: ['UZ'],
    });
  });

  it('lists the joint projects endorsed and those completed in the interval', () => {
    expect(report.endorsedProjects.map((item) => item.id)).toEqual([endorsedInPeriod]);
    expect(report.completedProjects.map((item) => item.id)).toEqual([completedInPeriod]);
    expect(report.completedProjects[0]?.state).toMatchObject({ status: 'COMPLETED', title: 'Earlier project' });
  });

  it('is empty for an interval without activity', () => {
    const quiet = readModel.cooperationReport(new Date('2010-01-01T00:00:00Z'), new Date('2011-01-01T00:00:00Z'));
    expect(quiet.byCountry.every((row) => row.total === 0)).toBe(true);
    expect(quiet.countryLinks).toEqual([]);
    expect(quiet.endorsedProjects).toEqual([]);
    expect(quiet.profiles.selfAssessmentsCompleted).toEqual([]);
  });
});

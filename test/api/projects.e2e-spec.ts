import type { Participant } from '@coop/domain';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  dataOf,
  expectError,
  expectFieldError,
  feedPage,
  itemFor,
  proposeJointProject,
  respondToInvitation,
  unique,
} from './support/api.js';
import {
  COMPLETE_PROJECT,
  COOPERATION_STATS,
  INVITE_PARTNER,
  PROPOSAL_AS_OF,
  RECORD_PROJECT_ACTIVITY,
  REVIEW_PROPOSAL,
  REVISE_PROPOSAL,
  START_IMPLEMENTATION,
  SUBMIT_PROPOSAL,
} from './support/documents.js';
import { cast } from './support/people.js';
import type { CountryActivity, ProposalFields } from './support/types.js';

const { kzFocalPoint, kzFocalPoint2, kzExpert, uzFocalPoint, rsFocalPoint, geFocalPoint, secretariat } = cast;

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});

afterAll(async () => {
  await app?.dispose();
});

type Variables = Record<string, unknown>;

const submit = (who: Participant, id: string) =>
  app.gql<{ submitProposal: ProposalFields }>(who, SUBMIT_PROPOSAL, { id });
const review = (who: Participant, id: string, decision: string) =>
  app.gql<{ reviewProposal: ProposalFields }>(who, REVIEW_PROPOSAL, { id, decision, note: 'Bureau meeting' });
const revise = (who: Participant, input: Variables) =>
  app.gql<{ reviseProposal: ProposalFields }>(who, REVISE_PROPOSAL, { input });
const invite = (who: Participant, proposalId: string, country: string) =>
  app.gql<{ invitePartner: ProposalFields }>(who, INVITE_PARTNER, { proposalId, country });
const start = (who: Participant, id: string, variables: Variables = {}) =>
  app.gql<{ startImplementation: ProposalFields }>(who, START_IMPLEMENTATION, {
    id,
    startedOn: '2017-09-01T00:00:00.000Z',
    donor: 'European Union',
    ...variables,
  });
const record = (who: Participant, proposalId: string, input: Variables = {}) =>
  app.gql<{ recordProjectActivity: ProposalFields }>(who, RECORD_PROJECT_ACTIVITY, {
    input: {
      proposalId,
      kind: 'NATIONAL_EXPERT_GROUP_MEETING',
      title: unique('Expert group meeting'),
      startsOn: '2018-03-15T00:00:00.000Z',
      countries: ['KZ'],
      ...input,
    },
  });
const complete = (who: Participant, id: string, variables: Variables = {}) =>
  app.gql<{ completeProject: ProposalFields }>(who, COMPLETE_PROJECT, {
    id,
    completedOn: '2019-06-30T00:00:00.000Z',
    evaluation: 'National expert groups now meet twice a year.',
    ...variables,
  });
const proposalAsOf = async (who: Participant, id: string, at: string) =>
  dataOf(await app.gql<{ itemAsOf: ProposalFields | null }>(who, PROPOSAL_AS_OF, { id, at })).itemAsOf;

/** Activities of the proposal's entries in the viewer's feed (a subregion's, when given), oldest first. */
async function feedActivities(who: Participant, id: string, subregion?: 'CAUCASUS'): Promise<string[]> {
  const page = await feedPage(app, who, { kinds: ['PROPOSAL'], first: 100, ...(subregion ? { subregion } : {}) });
  return page.edges
    .filter((edge) => edge.node.item.id === id)
    .map((edge) => edge.node.activity)
    .reverse();
}

/** An endorsed KZ proposal UZ joined. */
async function endorsedProposal(): Promise<ProposalFields> {
  const proposal = await proposeJointProject(app, kzFocalPoint, { partnerCountries: ['UZ'] });
  await respondToInvitation(app, uzFocalPoint, proposal.id, true);
  dataOf(await submit(kzFocalPoint, proposal.id));
  return dataOf(await review(secretariat, proposal.id, 'ENDORSE')).reviewProposal;
}

describe('a joint project from proposal to completion', () => {
  it('is revised after changes are requested, reviewed again, started, carried out and evaluated', async () => {
    const guide = {
      url: 'https://unece.org/industrial-safety-guidelines.pdf',
      title: 'Safety guidelines',
      kind: 'GUIDE',
    };
    // Seen by the lead, its partners, Uzbekistan's audience and the secretariat: not by Georgia, yet.
    const proposal = await proposeJointProject(app, kzFocalPoint, {
      title: unique('Strengthening industrial safety in Central Asia'),
      partnerCountries: ['UZ', 'RS'],
      audience: { scope: 'COUNTRIES', countries: ['UZ'] },
      links: [guide],
    });
    expect(proposal.links).toEqual([guide]);
    await respondToInvitation(app, uzFocalPoint, proposal.id, true);
    await respondToInvitation(app, rsFocalPoint, proposal.id, false, 'No capacity this biennium');
    dataOf(await submit(kzFocalPoint, proposal.id));
    const sentBack = dataOf(await review(secretariat, proposal.id, 'REQUEST_CHANGES')).reviewProposal;
    expect(sentBack).toMatchObject({ status: 'CHANGES_REQUESTED', version: 5 });

    // Changes requested: the lead revises; a partner may not, nor may a stale edit.
    expectError(await revise(uzFocalPoint, { id: proposal.id, expectedVersion: 5, durationMonths: 30 }), 'FORBIDDEN');
    expectError(await revise(kzFocalPoint, { id: proposal.id, expectedVersion: 4, durationMonths: 30 }), 'CONFLICT');
    const hazardMap = { url: 'http://example.org/hazard-map', title: 'Hazard map', kind: 'MAP' };
    const revised = dataOf(
      await revise(kzFocalPoint2, {
        id: proposal.id,
        expectedVersion: 5,
        objectives: 'Align hazard identification with the Convention; a subregional workshop at the end.',
        durationMonths: 30,
        links: [guide, hazardMap],
      }),
    ).reviseProposal;
    expect(revised).toMatchObject({
      status: 'CHANGES_REQUESTED',
      version: 6,
      durationMonths: 30,
      objectives: 'Align hazard identification with the Convention; a subregional workshop at the end.',
      links: [guide, hazardMap],
    });

    // Georgia is invited: from now on it sees the proposal, and the Caucasus feed lists it.
    expect(await itemFor(app, geFocalPoint, proposal.id)).toBeNull();
    expectError(await invite(uzFocalPoint, proposal.id, 'GE'), 'FORBIDDEN');
    const invited = dataOf(await invite(kzFocalPoint, proposal.id, 'GE')).invitePartner;
    expect(invited.partners.map((partner) => [partner.country.code, partner.status])).toEqual([
      ['UZ', 'JOINED'],
      ['RS', 'DECLINED'],
      ['GE', 'INVITED'],
    ]);
    expect(invited.subregions).toEqual(['SOUTH_EASTERN_EUROPE', 'CAUCASUS', 'CENTRAL_ASIA']);
    expect((await itemFor(app, geFocalPoint, proposal.id))?.id).toBe(proposal.id);
    expectError(await invite(kzFocalPoint, proposal.id, 'RS'), 'INVALID_STATE');
    expectFieldError(await invite(kzFocalPoint, proposal.id, 'KZ'), 'country');
    await respondToInvitation(app, geFocalPoint, proposal.id, true, 'Georgia joins');
    expect(await feedActivities(geFocalPoint, proposal.id, 'CAUCASUS')).toEqual(['PARTNER_INVITED', 'PARTNER_JOINED']);

    // Submitted again, the proposal goes back to review.
    expect(dataOf(await submit(kzFocalPoint, proposal.id)).submitProposal.status).toBe('SUBMITTED');
    expectError(
      await revise(kzFocalPoint, { id: proposal.id, expectedVersion: 9, durationMonths: 24 }),
      'INVALID_STATE',
    );
    const endorsed = dataOf(await review(secretariat, proposal.id, 'ENDORSE')).reviewProposal;
    expect(endorsed.reviews.map((review) => review.decision)).toEqual(['REQUEST_CHANGES', 'ENDORSE']);

    // Not started yet: nothing to complete, no activity to record.
    const notStarted = expectError(await complete(kzFocalPoint, proposal.id), 'INVALID_STATE');
    expect(notStarted.message).toContain('ENDORSED');
    expectError(await record(kzFocalPoint, proposal.id), 'INVALID_STATE');
    expectError(await start(uzFocalPoint, proposal.id), 'FORBIDDEN');
    const started = dataOf(await start(kzFocalPoint, proposal.id)).startImplementation;
    expect(started).toMatchObject({
      status: 'IN_IMPLEMENTATION',
      donor: 'European Union',
      startedOn: '2017-09-01T00:00:00.000Z',
      activities: [],
      completedOn: null,
      evaluation: null,
    });

    // Three activities that happened in the past, recorded by the lead and by partners that joined.
    const inception = dataOf(
      await record(kzFocalPoint, proposal.id, {
        kind: 'INCEPTION_WORKSHOP',
        title: 'Inception workshop',
        startsOn: '2017-10-03T00:00:00.000Z',
        endsOn: '2017-10-04T00:00:00.000Z',
        venue: 'Almaty, Kazakhstan',
        countries: ['KZ', 'UZ', 'GE'],
        outcome: 'Work plan agreed',
        links: [{ url: 'https://unece.org/inception-report.pdf', title: 'Inception report', kind: 'REPORT' }],
      }),
    ).recordProjectActivity;
    expect(inception.activities).toEqual([
      {
        id: expect.any(String),
        kind: 'INCEPTION_WORKSHOP',
        title: 'Inception workshop',
        startsOn: '2017-10-03T00:00:00.000Z',
        endsOn: '2017-10-04T00:00:00.000Z',
        venue: 'Almaty, Kazakhstan',
        countries: [{ code: 'KZ' }, { code: 'UZ' }, { code: 'GE' }],
        outcome: 'Work plan agreed',
        links: [{ url: 'https://unece.org/inception-report.pdf', title: 'Inception report', kind: 'REPORT' }],
        recordedBy: { id: kzFocalPoint.id },
        recordedAt: expect.any(String),
      },
    ]);
    const meeting = dataOf(
      await record(uzFocalPoint, proposal.id, {
        title: 'National expert group meeting',
        startsOn: '2018-03-15T00:00:00.000Z',
        countries: ['UZ'],
      }),
    ).recordProjectActivity;
    expect(meeting.activities[1]).toMatchObject({
      kind: 'NATIONAL_EXPERT_GROUP_MEETING',
      endsOn: '2018-03-15T00:00:00.000Z',
      venue: null,
      outcome: null,
      links: [],
      recordedBy: { id: uzFocalPoint.id },
    });

    // Refused: a partner that declined, a participant who is no focal point, a country not in the project, dates backwards.
    expectError(await record(rsFocalPoint, proposal.id, { countries: ['KZ'] }), 'FORBIDDEN');
    expectError(await record(kzExpert, proposal.id), 'FORBIDDEN');
    expect(expectFieldError(await record(kzFocalPoint, proposal.id, { countries: ['KZ', 'RS'] }), 'countries')).toEqual(
      ['RS is neither the lead nor a partner that joined'],
    );
    expectFieldError(await record(kzFocalPoint, proposal.id, { countries: ['KG'] }), 'countries');
    expectFieldError(
      await record(kzFocalPoint, proposal.id, {
        startsOn: '2018-06-22T00:00:00.000Z',
        endsOn: '2018-06-20T00:00:00.000Z',
      }),
      'endsOn',
    );

    const visit = dataOf(
      await record(geFocalPoint, proposal.id, {
        kind: 'SITE_VISIT',
        title: 'Site visit to a tailings facility',
        startsOn: '2018-06-20T00:00:00.000Z',
        endsOn: '2018-06-22T00:00:00.000Z',
        countries: ['KZ', 'GE'],
      }),
    ).recordProjectActivity;
    expect(visit.activities.map((activity) => activity.title)).toEqual([
      'Inception workshop',
      'National expert group meeting',
      'Site visit to a tailings facility',
    ]);

    // itemAsOf between two activities holds exactly those recorded by then.
    const [first, second] = visit.activities;
    const betweenFirstAndSecond = new Date(Date.parse(second?.recordedAt ?? '') - 1).toISOString();
    const asOf = await proposalAsOf(kzExpert, proposal.id, betweenFirstAndSecond);
    expect(first && Date.parse(first.recordedAt) <= Date.parse(betweenFirstAndSecond)).toBe(true);
    expect(asOf?.activities.map((activity) => activity.title)).toEqual(['Inception workshop']);
    expect(asOf).toMatchObject({ status: 'IN_IMPLEMENTATION', version: 12 });

    // Completion: the lead only, with an evaluation, not before the start.
    expectError(await complete(uzFocalPoint, proposal.id), 'FORBIDDEN');
    expectError(await complete(secretariat, proposal.id), 'FORBIDDEN');
    expectFieldError(await complete(kzFocalPoint, proposal.id, { evaluation: '   ' }), 'evaluation');
    expectFieldError(
      await complete(kzFocalPoint, proposal.id, { completedOn: '2017-08-31T00:00:00.000Z' }),
      'completedOn',
    );
    const completed = dataOf(await complete(kzFocalPoint, proposal.id)).completeProject;
    expect(completed).toMatchObject({
      status: 'COMPLETED',
      version: 15,
      completedOn: '2019-06-30T00:00:00.000Z',
      evaluation: 'National expert groups now meet twice a year.',
    });
    expect(await itemFor(app, rsFocalPoint, proposal.id)).toEqual(completed);
    expectError(await record(kzFocalPoint, proposal.id), 'INVALID_STATE');
    expectError(await complete(kzFocalPoint, proposal.id), 'INVALID_STATE');

    expect(await feedActivities(secretariat, proposal.id)).toEqual([
      'PROPOSAL_CREATED',
      'PARTNER_JOINED',
      'PARTNER_DECLINED',
      'PROPOSAL_SUBMITTED',
      'PROPOSAL_REVIEWED',
      'PROPOSAL_REVISED',
      'PARTNER_INVITED',
      'PARTNER_JOINED',
      'PROPOSAL_SUBMITTED',
      'PROPOSAL_REVIEWED',
      'PROJECT_STARTED',
      'PROJECT_ACTIVITY_RECORDED',
      'PROJECT_ACTIVITY_RECORDED',
      'PROJECT_ACTIVITY_RECORDED',
      'PROJECT_COMPLETED',
    ]);
    // Georgia sees the whole history in its own feed, but its subregion's feed only from its invitation on.
    expect(await feedActivities(geFocalPoint, proposal.id)).toHaveLength(15);
    expect(await feedActivities(geFocalPoint, proposal.id, 'CAUCASUS')).toHaveLength(9);

    const stats = dataOf(
      await app.gql<{ cooperationStats: CountryActivity[] }>(secretariat, COOPERATION_STATS, {
        from: proposal.createdAt,
      }),
    ).cooperationStats;
    const countsOf = (code: string) =>
      Object.fromEntries(
        (stats.find((row) => row.country.code === code)?.counts ?? []).map(({ activity, count }) => [activity, count]),
      );
    expect(countsOf('KZ')).toMatchObject({
      PROPOSAL_REVISED: 1,
      PARTNER_INVITED: 1,
      PROJECT_STARTED: 1,
      PROJECT_ACTIVITY_RECORDED: 1,
      PROJECT_COMPLETED: 1,
    });
    expect(countsOf('GE')).toEqual({ PARTNER_JOINED: 1, PROJECT_ACTIVITY_RECORDED: 1 });
  });
});

describe('refusals around implementation', () => {
  it('answers INVALID_STATE naming the status for an invitation or a revision once endorsed', async () => {
    const proposal = await endorsedProposal();
    expect(expectError(await invite(kzFocalPoint, proposal.id, 'GE'), 'INVALID_STATE').message).toContain('ENDORSED');
    expectError(
      await revise(kzFocalPoint, { id: proposal.id, expectedVersion: 4, durationMonths: 12 }),
      'INVALID_STATE',
    );
  });

  it('answers NOT_FOUND to a focal point who may not see the proposal', async () => {
    const proposal = await proposeJointProject(app, kzFocalPoint, {
      partnerCountries: ['UZ'],
      audience: { scope: 'COUNTRIES', countries: ['UZ'] },
    });
    expectError(await invite(geFocalPoint, proposal.id, 'GE'), 'NOT_FOUND');
    expectError(await start(geFocalPoint, proposal.id), 'NOT_FOUND');
  });

  it('answers BAD_USER_INPUT for a revision that names no field and for a donor that is too long', async () => {
    const proposal = await proposeJointProject(app, kzFocalPoint);
    expectFieldError(await revise(kzFocalPoint, { id: proposal.id, expectedVersion: 1 }), 'input');
    const endorsed = await endorsedProposal();
    expectFieldError(await start(kzFocalPoint, endorsed.id, { donor: 'x'.repeat(201) }), 'donor');
  });

  it('records the same activity once for a retried idempotency key', async () => {
    const proposal = await endorsedProposal();
    dataOf(await start(kzFocalPoint, proposal.id));
    const idempotencyKey = unique('activity-key');
    const first = dataOf(await record(kzFocalPoint, proposal.id, { idempotencyKey })).recordProjectActivity;
    const retried = dataOf(await record(kzFocalPoint, proposal.id, { idempotencyKey })).recordProjectActivity;
    expect(retried.activities).toEqual(first.activities);
    expect(retried.version).toBe(first.version);
  });
});

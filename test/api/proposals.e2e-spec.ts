import type { Participant } from '@coop/domain';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  dataOf,
  expectError,
  expectFieldError,
  itemFor,
  proposalInput,
  proposeJointProject,
  respondToInvitation,
  unique,
} from './support/api.js';
import {
  PROPOSE_JOINT_PROJECT,
  RESPOND_TO_INVITATION,
  REVIEW_PROPOSAL,
  SUBMIT_PROPOSAL,
  WITHDRAW_PROPOSAL,
} from './support/documents.js';
import { cast } from './support/people.js';
import type { ProposalFields } from './support/types.js';

const {
  kzFocalPoint,
  kzFocalPoint2,
  kzExpert,
  uzFocalPoint,
  kgExpert,
  rsFocalPoint,
  rsExpert,
  uaFocalPoint,
  geFocalPoint,
  secretariat,
} = cast;

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});

afterAll(async () => {
  await app?.dispose();
});

const respond = (who: Participant, proposalId: string, accept: boolean) =>
  app.gql<{ respondToInvitation: ProposalFields }>(who, RESPOND_TO_INVITATION, { proposalId, accept, note: null });
const submit = (who: Participant, id: string) =>
  app.gql<{ submitProposal: ProposalFields }>(who, SUBMIT_PROPOSAL, { id });
const review = (who: Participant, id: string, decision: string, note = 'Reviewed at the Bureau meeting') =>
  app.gql<{ reviewProposal: ProposalFields }>(who, REVIEW_PROPOSAL, { id, decision, note });
const withdraw = (who: Participant, id: string, reason = 'Funding fell through') =>
  app.gql<{ withdrawProposal: ProposalFields }>(who, WITHDRAW_PROPOSAL, { id, reason });
const propose = (who: Participant, overrides: Record<string, unknown> = {}) =>
  app.gql<{ proposeJointProject: ProposalFields }>(who, PROPOSE_JOINT_PROJECT, { input: proposalInput(overrides) });

/** A draft KZ proposal that UZ has joined: ready to submit. */
async function joinedProposal(): Promise<ProposalFields> {
  const proposal = await proposeJointProject(app, kzFocalPoint, { partnerCountries: ['UZ', 'RS'] });
  await respondToInvitation(app, uzFocalPoint, proposal.id, true);
  return proposal;
}

async function submittedProposal(): Promise<ProposalFields> {
  const proposal = await joinedProposal();
  dataOf(await submit(kzFocalPoint, proposal.id));
  return proposal;
}

describe('proposeJointProject', () => {
  it('lets a focal point propose, leading for their own country, with every partner invited', async () => {
    const proposal = await proposeJointProject(app, kzFocalPoint, {
      partnerCountries: ['UZ', 'GE'],
      durationMonths: 24,
    });
    expect(proposal).toMatchObject({
      __typename: 'JointProjectProposal',
      kind: 'PROPOSAL',
      status: 'DRAFT',
      version: 1,
      durationMonths: 24,
      country: { code: 'KZ' },
      leadCountry: { code: 'KZ' },
      author: { id: kzFocalPoint.id },
      audience: { scope: 'NETWORK', subregions: [], countries: [] },
      partners: [
        { country: { code: 'UZ' }, status: 'INVITED', note: null, respondedAt: null },
        { country: { code: 'GE' }, status: 'INVITED', note: null, respondedAt: null },
      ],
      reviews: [],
    });
    expect(proposal.subregions).toEqual(['CAUCASUS', 'CENTRAL_ASIA']);
    expect(await itemFor(app, rsExpert, proposal.id)).toEqual(proposal);
  });

  it.each([
    ['a participant who is not a focal point', kzExpert],
    ['the secretariat', secretariat],
  ])('is refused to %s', async (_who, who) => {
    expectError(await propose(who), 'FORBIDDEN');
  });

  it('answers BAD_USER_INPUT naming partnerCountries for an unknown partner country', async () => {
    expectFieldError(await propose(kzFocalPoint, { partnerCountries: ['UZ', 'FR'] }), 'partnerCountries');
  });

  it('answers BAD_USER_INPUT naming partnerCountries when the lead country is its own partner', async () => {
    expectFieldError(await propose(kzFocalPoint, { partnerCountries: ['KZ'] }), 'partnerCountries');
  });

  it('answers BAD_USER_INPUT naming partnerCountries when there is none', async () => {
    expectFieldError(await propose(kzFocalPoint, { partnerCountries: [] }), 'partnerCountries');
  });

  it('answers BAD_USER_INPUT naming durationMonths when it is out of range', async () => {
    expectFieldError(await propose(kzFocalPoint, { durationMonths: 61 }), 'durationMonths');
  });

  it('answers the same proposal for a retried idempotency key', async () => {
    const idempotencyKey = unique('proposal-key');
    const first = await proposeJointProject(app, kzFocalPoint, { idempotencyKey });
    const retried = await proposeJointProject(app, kzFocalPoint, { idempotencyKey });
    expect(retried.id).toBe(first.id);
    expect(retried.version).toBe(1);
    const other = await proposeJointProject(app, kzFocalPoint2, { idempotencyKey });
    expect(other.id).not.toBe(first.id);
  });
});

describe('respondToInvitation', () => {
  it('lets an invited country’s focal point join, and another decline with a note', async () => {
    const proposal = await proposeJointProject(app, kzFocalPoint, { partnerCountries: ['UZ', 'RS'] });
    const joined = await respondToInvitation(app, uzFocalPoint, proposal.id, true, 'Glad to join');
    expect(joined.partners[0]).toMatchObject({ country: { code: 'UZ' }, status: 'JOINED', note: 'Glad to join' });
    expect(joined.partners[0]?.respondedAt).toEqual(expect.any(String));
    const declined = await respondToInvitation(app, rsFocalPoint, proposal.id, false, 'No capacity this year');
    expect(declined.partners.map((partner) => partner.status)).toEqual(['JOINED', 'DECLINED']);
    expect(declined.version).toBe(3);
  });

  it.each([
    ['a participant of an invited country who is not its focal point', kgExpert, ['KG']],
    ['a focal point of a country that is not invited', uaFocalPoint, ['UZ']],
    ['the lead country’s focal point', kzFocalPoint, ['UZ']],
    ['the secretariat', secretariat, ['UZ']],
  ])('is refused to %s', async (_who, who, partnerCountries) => {
    const proposal = await proposeJointProject(app, kzFocalPoint, { partnerCountries });
    expectError(await respond(who as Participant, proposal.id, true), 'FORBIDDEN');
  });

  it('answers INVALID_STATE when the country has responded already', async () => {
    const proposal = await proposeJointProject(app, kzFocalPoint);
    await respondToInvitation(app, uzFocalPoint, proposal.id, true);
    expectError(await respond(uzFocalPoint, proposal.id, false), 'INVALID_STATE');
  });

  it('answers NOT_FOUND to a focal point who may not see the proposal', async () => {
    const proposal = await proposeJointProject(app, kzFocalPoint, {
      audience: { scope: 'SUBREGIONS', subregions: ['CENTRAL_ASIA'] },
    });
    expectError(await respond(uaFocalPoint, proposal.id, true), 'NOT_FOUND');
  });
});

describe('submitProposal', () => {
  it('lets the lead’s focal point submit once a partner joined', async () => {
    const proposal = await joinedProposal();
    expect(dataOf(await submit(kzFocalPoint, proposal.id)).submitProposal).toMatchObject({
      status: 'SUBMITTED',
      version: 3,
    });
  });

  it('lets another focal point of the lead country submit', async () => {
    const proposal = await joinedProposal();
    expect(dataOf(await submit(kzFocalPoint2, proposal.id)).submitProposal.status).toBe('SUBMITTED');
  });

  it('answers INVALID_STATE while no partner has joined', async () => {
    const proposal = await proposeJointProject(app, kzFocalPoint, { partnerCountries: ['UZ'] });
    expectError(await submit(kzFocalPoint, proposal.id), 'INVALID_STATE');
    await respondToInvitation(app, uzFocalPoint, proposal.id, false);
    expectError(await submit(kzFocalPoint, proposal.id), 'INVALID_STATE');
  });

  it.each([
    ['a partner country’s focal point', uzFocalPoint],
    ['a participant of the lead country', kzExpert],
    ['the secretariat', secretariat],
  ])('is refused to %s', async (_who, who) => {
    const proposal = await joinedProposal();
    expectError(await submit(who, proposal.id), 'FORBIDDEN');
  });

  it('answers INVALID_STATE for a proposal submitted already', async () => {
    const proposal = await submittedProposal();
    expectError(await submit(kzFocalPoint, proposal.id), 'INVALID_STATE');
  });
});

describe('reviewProposal', () => {
  it('lets the secretariat endorse a submitted proposal', async () => {
    const proposal = await submittedProposal();
    const reviewed = dataOf(await review(secretariat, proposal.id, 'ENDORSE', 'Fits the Programme')).reviewProposal;
    expect(reviewed).toMatchObject({ status: 'ENDORSED', version: 4 });
    expect(reviewed.reviews).toEqual([
      {
        decision: 'ENDORSE',
        note: 'Fits the Programme',
        reviewer: { id: secretariat.id },
        reviewedAt: expect.any(String),
      },
    ]);
  });

  it('sends a proposal back for changes, and the lead can submit it again', async () => {
    const proposal = await submittedProposal();
    expect(dataOf(await review(secretariat, proposal.id, 'REQUEST_CHANGES')).reviewProposal.status).toBe(
      'CHANGES_REQUESTED',
    );
    expect(dataOf(await submit(kzFocalPoint, proposal.id)).submitProposal.status).toBe('SUBMITTED');
    expect(dataOf(await review(secretariat, proposal.id, 'DECLINE')).reviewProposal).toMatchObject({
      status: 'DECLINED',
      reviews: [{ decision: 'REQUEST_CHANGES' }, { decision: 'DECLINE' }],
    });
  });

  it.each([
    ['the lead’s focal point', kzFocalPoint],
    ['a partner’s focal point', uzFocalPoint],
    ['a focal point of an uninvolved country', geFocalPoint],
  ])('is refused to %s', async (_who, who) => {
    const proposal = await submittedProposal();
    expectError(await review(who, proposal.id, 'ENDORSE'), 'FORBIDDEN');
  });

  it('answers INVALID_STATE for a draft', async () => {
    const proposal = await joinedProposal();
    expectError(await review(secretariat, proposal.id, 'ENDORSE'), 'INVALID_STATE');
  });
});

describe('withdrawProposal', () => {
  it('lets the lead’s focal point withdraw', async () => {
    const proposal = await submittedProposal();
    expect(dataOf(await withdraw(kzFocalPoint, proposal.id)).withdrawProposal).toMatchObject({
      status: 'WITHDRAWN',
      version: 4,
    });
    expect(((await itemFor(app, uzFocalPoint, proposal.id)) as ProposalFields).status).toBe('WITHDRAWN');
  });

  it.each([
    ['a partner country’s focal point', uzFocalPoint],
    ['a participant of the lead country', kzExpert],
    ['the secretariat', secretariat],
  ])('is refused to %s', async (_who, who) => {
    const proposal = await joinedProposal();
    expectError(await withdraw(who, proposal.id), 'FORBIDDEN');
  });

  it('answers INVALID_STATE for an endorsed proposal', async () => {
    const proposal = await submittedProposal();
    dataOf(await review(secretariat, proposal.id, 'ENDORSE'));
    expectError(await withdraw(kzFocalPoint, proposal.id), 'INVALID_STATE');
  });
});

describe('who sees a proposal', () => {
  it('shows it to partner countries whatever its audience, and hides it from others outside the audience', async () => {
    const proposal = await proposeJointProject(app, kzFocalPoint, {
      partnerCountries: ['GE'],
      audience: { scope: 'COUNTRIES', countries: ['UA'] },
    });
    expect(proposal.subregions).toEqual(['EASTERN_EUROPE', 'CAUCASUS', 'CENTRAL_ASIA']);
    expect((await itemFor(app, geFocalPoint, proposal.id))?.id).toBe(proposal.id);
    expect((await itemFor(app, uaFocalPoint, proposal.id))?.id).toBe(proposal.id);
    expect((await itemFor(app, kzExpert, proposal.id))?.id).toBe(proposal.id);
    expect(await itemFor(app, rsExpert, proposal.id)).toBeNull();
    expect(await itemFor(app, kgExpert, proposal.id)).toBeNull();
    expect((await respondToInvitation(app, geFocalPoint, proposal.id, true)).partners[0]?.status).toBe('JOINED');
    expectError(await withdraw(rsFocalPoint, proposal.id), 'NOT_FOUND');
  });
});

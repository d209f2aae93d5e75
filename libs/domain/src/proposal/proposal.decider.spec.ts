import { fold } from '../shared/decider.types.js';
import type { Issued } from '../shared/event.types.js';
import { Forbidden, InvalidState, NotFound, ValidationFailed } from '../shared/domain.errors.js';
import type { Participant } from '../shared/participant.types.js';
import { deciderSpec } from '../testing/decider.specification.js';
import {
  focalPointOf,
  minutesAfterNow,
  NOW,
  participantOfCountry,
  roleless,
  SECRETARIAT,
} from '../testing/domain.fixtures.js';
import type {
  ProposalCommand,
  ProposeJointProject,
  RespondToInvitation,
  ReviewProposal,
  SubmitProposal,
  WithdrawProposal,
} from './proposal.commands.js';
import { type ProposalStatus, proposalDecider } from './proposal.decider.js';
import type {
  JointProjectProposed,
  PartnerDeclined,
  PartnerJoined,
  ProposalEvent,
  ProposalReviewed,
  ProposalSubmitted,
  ProposalWithdrawn,
  ReviewDecision,
} from './proposal.events.js';

const spec = deciderSpec(proposalDecider);
const proposalId = 'jp-1';
const leadFocalPoint = focalPointOf('KZ');
const otherLeadFocalPoint = focalPointOf('KZ', 'focal-point-kz-2');
const kgFocalPoint = focalPointOf('KG');
const tjFocalPoint = focalPointOf('TJ');
const at = (minutes: number) => minutesAfterNow(minutes).toISOString();

const propose = (overrides: Partial<Issued<ProposeJointProject>> = {}): Issued<ProposeJointProject> => ({
  type: 'ProposeJointProject',
  proposalId,
  actor: leadFocalPoint,
  now: NOW,
  title: 'Strengthening industrial safety in Central Asia',
  objectives: 'Align hazardous-activity identification with the Convention.',
  topics: ['IDENTIFICATION', 'INSTITUTIONAL_CAPACITY'],
  durationMonths: 24,
  partnerCountries: ['KG', 'TJ'],
  ...overrides,
});

const proposed: JointProjectProposed = {
  type: 'JointProjectProposed',
  data: {
    proposalId,
    country: 'KZ',
    author: leadFocalPoint,
    title: 'Strengthening industrial safety in Central Asia',
    objectives: 'Align hazardous-activity identification with the Convention.',
    topics: ['IDENTIFICATION', 'INSTITUTIONAL_CAPACITY'],
    durationMonths: 24,
    partnerCountries: ['KG', 'TJ'],
    audience: { scope: 'NETWORK', subregions: [], countries: [] },
    occurredAt: NOW.toISOString(),
  },
};

const respond = (actor: Participant, accept: boolean, note?: string): Issued<RespondToInvitation> => ({
  type: 'RespondToInvitation',
  proposalId,
  actor,
  now: minutesAfterNow(5),
  accept,
  note,
});

const joined = (by: Participant = kgFocalPoint, note: string | null = null): PartnerJoined => ({
  type: 'PartnerJoined',
  data: { proposalId, country: by.country!, note, by, occurredAt: at(5) },
});

const declined = (by: Participant = tjFocalPoint, note: string | null = null): PartnerDeclined => ({
  type: 'PartnerDeclined',
  data: { proposalId, country: by.country!, note, by, occurredAt: at(5) },
});

const submit = (actor: Participant = leadFocalPoint): Issued<SubmitProposal> => ({
  type: 'SubmitProposal',
  proposalId,
  actor,
  now: minutesAfterNow(10),
});

const submitted = (joinedCountries: ProposalSubmitted['data']['joinedCountries'] = ['KG']): ProposalSubmitted => ({
  type: 'ProposalSubmitted',
  data: { proposalId, joinedCountries, by: leadFocalPoint, occurredAt: at(10) },
});

const review = (
  decision: string,
  actor: Participant = SECRETARIAT,
  note = 'Reviewed at the Bureau meeting',
): Issued<ReviewProposal> => ({
  type: 'ReviewProposal',
  proposalId,
  actor,
  now: minutesAfterNow(20),
  decision,
  note,
});

const reviewed = (decision: ReviewDecision): ProposalReviewed => ({
  type: 'ProposalReviewed',
  data: { proposalId, decision, note: 'Reviewed at the Bureau meeting', by: SECRETARIAT, occurredAt: at(20) },
});

const withdraw = (actor: Participant = leadFocalPoint): Issued<WithdrawProposal> => ({
  type: 'WithdrawProposal',
  proposalId,
  actor,
  now: minutesAfterNow(30),
  reason: 'Funding moved to another programme',
});

const withdrawn: ProposalWithdrawn = {
  type: 'ProposalWithdrawn',
  data: { proposalId, reason: 'Funding moved to another programme', by: leadFocalPoint, occurredAt: at(30) },
};

/** A history reaching each status, with KG joined and TJ still invited. */
const HISTORY: Record<ProposalStatus, ProposalEvent[]> = {
  DRAFT: [proposed, joined()],
  SUBMITTED: [proposed, joined(), submitted()],
  CHANGES_REQUESTED: [proposed, joined(), submitted(), reviewed('REQUEST_CHANGES')],
  ENDORSED: [proposed, joined(), submitted(), reviewed('ENDORSE')],
  DECLINED: [proposed, joined(), submitted(), reviewed('DECLINE')],
  WITHDRAWN: [proposed, joined(), withdrawn],
};

describe('proposal decider', () => {
  describe('propose', () => {
    it('records the proposal with the lead country, partners and a NETWORK audience by default', () => {
      spec.given([]).when(propose()).then([proposed]);
    });

    it('records the audience it is given', () => {
      spec
        .given([])
        .when(propose({ audience: { scope: 'SUBREGIONS', subregions: ['CENTRAL_ASIA'] } }))
        .then([
          {
            ...proposed,
            data: { ...proposed.data, audience: { scope: 'SUBREGIONS', subregions: ['CENTRAL_ASIA'], countries: [] } },
          },
        ]);
    });

    it.each([
      ['a participant who is not a focal point', participantOfCountry('KZ')],
      ['the secretariat', SECRETARIAT],
      ['an actor without a role', roleless('KZ')],
    ])('forbids %s', (_, actor) => {
      spec.given([]).when(propose({ actor })).thenThrows(Forbidden);
    });

    it('rejects proposing twice under the same id', () => {
      spec.given([proposed]).when(propose()).thenThrows(InvalidState);
    });

    it.each([
      ['no partner', { partnerCountries: [] }, 'partnerCountries'],
      ['the lead as partner', { partnerCountries: ['KG', 'KZ'] }, 'partnerCountries'],
      ['a duplicate partner', { partnerCountries: ['KG', 'KG'] }, 'partnerCountries'],
      ['a non-beneficiary partner', { partnerCountries: ['RU'] }, 'partnerCountries'],
      ['a duration of 0 months', { durationMonths: 0 }, 'durationMonths'],
      ['a duration of 61 months', { durationMonths: 61 }, 'durationMonths'],
      ['a fractional duration', { durationMonths: 1.5 }, 'durationMonths'],
      ['empty objectives', { objectives: '' }, 'objectives'],
      ['a short title', { title: 'JP' }, 'title'],
      [
        'six topics',
        { topics: ['NATECH', 'RESPONSE', 'TRAINING', 'PREVENTION', 'LEGISLATION', 'HOT_SPOTS'] },
        'topics',
      ],
      ['an audience without its countries', { audience: { scope: 'COUNTRIES' } }, 'audience.countries'],
    ])('rejects %s', (_, overrides: Partial<Issued<ProposeJointProject>>, field) => {
      spec
        .given([])
        .when(propose(overrides))
        .thenThrows(ValidationFailed, (error) => expect(Object.keys(error.fields)).toEqual([field]));
    });
  });

  describe('respond to an invitation', () => {
    it('records a partner joining, with a note', () => {
      spec
        .given([proposed])
        .when(respond(kgFocalPoint, true, 'Glad to join'))
        .then([joined(kgFocalPoint, 'Glad to join')]);
    });

    it('records a partner declining', () => {
      spec.given([proposed]).when(respond(tjFocalPoint, false)).then([declined()]);
    });

    it('lets each invited country respond once', () => {
      spec
        .given([proposed, joined()])
        .when(respond(focalPointOf('KG', 'another-kg'), true))
        .thenThrows(InvalidState);
      spec.given([proposed, declined()]).when(respond(tjFocalPoint, true)).thenThrows(InvalidState);
    });

    it.each([
      ['a participant of an invited country who is not a focal point', participantOfCountry('KG')],
      ['a focal point of a country not invited', focalPointOf('UZ')],
      ['a focal point of the lead country', leadFocalPoint],
      ['the secretariat', SECRETARIAT],
    ])('forbids %s', (_, actor) => {
      spec.given([proposed]).when(respond(actor, true)).thenThrows(Forbidden);
    });

    it('answers NotFound for a proposal that does not exist', () => {
      spec.given([]).when(respond(kgFocalPoint, true)).thenThrows(NotFound);
    });

    it('validates a note when there is one', () => {
      spec
        .given([proposed])
        .when(respond(kgFocalPoint, true, ' '))
        .thenThrows(ValidationFailed);
    });
  });

  describe('submit', () => {
    it('records the partners that joined', () => {
      spec
        .given([proposed, joined(), declined()])
        .when(submit())
        .then([submitted(['KG'])]);
    });

    it('lets any focal point of the lead country submit', () => {
      spec
        .given([proposed, joined()])
        .when(submit(otherLeadFocalPoint))
        .then([{ ...submitted(), data: { ...submitted().data, by: otherLeadFocalPoint } }]);
    });

    it('needs at least one partner that joined', () => {
      spec.given([proposed]).when(submit()).thenThrows(InvalidState);
      spec.given([proposed, declined()]).when(submit()).thenThrows(InvalidState);
    });

    it.each([
      ['a participant of the lead country', participantOfCountry('KZ')],
      ['a focal point of a partner country', kgFocalPoint],
      ['the secretariat', SECRETARIAT],
    ])('forbids %s', (_, actor) => {
      spec.given([proposed, joined()]).when(submit(actor)).thenThrows(Forbidden);
    });

    it('answers NotFound for a proposal that does not exist', () => {
      spec.given([]).when(submit()).thenThrows(NotFound);
    });
  });

  describe('review', () => {
    it.each(['ENDORSE', 'REQUEST_CHANGES', 'DECLINE'] as const)('records the decision %s with its note', (decision) => {
      spec
        .given(HISTORY.SUBMITTED)
        .when(review(decision))
        .then([reviewed(decision)]);
    });

    it.each([
      ['the lead focal point', leadFocalPoint],
      ['a partner focal point', kgFocalPoint],
    ])('forbids %s', (_, actor) => {
      spec.given(HISTORY.SUBMITTED).when(review('ENDORSE', actor)).thenThrows(Forbidden);
    });

    it('requires a known decision and a note', () => {
      spec
        .given(HISTORY.SUBMITTED)
        .when(review('APPROVE', SECRETARIAT, ''))
        .thenThrows(ValidationFailed, (error) =>
          expect(error.fields).toEqual({
            decision: ['must be one of ENDORSE, REQUEST_CHANGES, DECLINE'],
            note: ['must not be empty'],
          }),
        );
    });

    it('answers NotFound for a proposal that does not exist', () => {
      spec.given([]).when(review('ENDORSE')).thenThrows(NotFound);
    });
  });

  describe('withdraw', () => {
    it('records the reason', () => {
      spec.given(HISTORY.DRAFT).when(withdraw()).then([withdrawn]);
    });

    it.each([
      ['a participant of the lead country', participantOfCountry('KZ')],
      ['a focal point of a partner country', kgFocalPoint],
      ['the secretariat', SECRETARIAT],
    ])('forbids %s', (_, actor) => {
      spec.given(HISTORY.DRAFT).when(withdraw(actor)).thenThrows(Forbidden);
    });

    it('requires a reason', () => {
      spec
        .given(HISTORY.DRAFT)
        .when({ ...withdraw(), reason: '' })
        .thenThrows(ValidationFailed);
    });

    it('answers NotFound for a proposal that does not exist', () => {
      spec.given([]).when(withdraw()).thenThrows(NotFound);
    });
  });

  describe('the status machine', () => {
    const transitions: Array<[string, Issued<ProposalCommand>, readonly ProposalStatus[]]> = [
      ['respond', respond(tjFocalPoint, true), ['DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED']],
      ['submit', submit(), ['DRAFT', 'CHANGES_REQUESTED']],
      ['review', review('ENDORSE'), ['SUBMITTED']],
      ['withdraw', withdraw(), ['DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED']],
    ];
    const cases = transitions.flatMap(([name, command, allowed]) =>
      (Object.keys(HISTORY) as ProposalStatus[]).map(
        (status) => [name, status, allowed.includes(status), command] as const,
      ),
    );

    it.each(cases)('%s from %s: allowed %s', (_, status, allowed, command) => {
      if (allowed) expect(proposalDecider.decide(command, fold(proposalDecider, HISTORY[status]))).toHaveLength(1);
      else spec.given(HISTORY[status]).when(command).thenThrows(InvalidState);
    });

    it('moves through the statuses of the contract', () => {
      for (const status of Object.keys(HISTORY) as ProposalStatus[]) {
        expect(fold(proposalDecider, HISTORY[status]).status).toBe(status);
      }
      const resubmitted = [...HISTORY.CHANGES_REQUESTED, submitted()];
      expect(fold(proposalDecider, resubmitted).status).toBe('SUBMITTED');
    });
  });

  describe('evolve', () => {
    it('folds partners and reviews', () => {
      expect(
        fold(proposalDecider, [proposed, joined(kgFocalPoint, 'Yes'), declined(), submitted(), reviewed('ENDORSE')]),
      ).toEqual({
        kind: 'PROPOSAL',
        status: 'ENDORSED',
        id: proposalId,
        country: 'KZ',
        author: leadFocalPoint,
        audience: proposed.data.audience,
        title: proposed.data.title,
        objectives: proposed.data.objectives,
        topics: proposed.data.topics,
        durationMonths: 24,
        partners: [
          { country: 'KG', status: 'JOINED', note: 'Yes', respondedAt: at(5), respondedBy: kgFocalPoint },
          { country: 'TJ', status: 'DECLINED', note: null, respondedAt: at(5), respondedBy: tjFocalPoint },
        ],
        reviews: [
          { decision: 'ENDORSE', note: 'Reviewed at the Bureau meeting', reviewer: SECRETARIAT, reviewedAt: at(20) },
        ],
        createdAt: NOW.toISOString(),
        updatedAt: at(20),
      });
    });

    it('ignores an event the state cannot take', () => {
      expect(fold(proposalDecider, [withdrawn])).toEqual({ status: 'EMPTY' });
    });
  });
});

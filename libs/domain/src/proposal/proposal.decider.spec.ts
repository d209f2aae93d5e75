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
  CompleteProject,
  InvitePartner,
  ProposalCommand,
  ProposeJointProject,
  RecordProjectActivity,
  RespondToInvitation,
  ReviewProposal,
  ReviseProposal,
  StartImplementation,
  SubmitProposal,
  WithdrawProposal,
} from './proposal.commands.js';
import { type ProposalStatus, proposalDecider } from './proposal.decider.js';
import type {
  JointProjectProposed,
  PartnerDeclined,
  PartnerInvited,
  PartnerJoined,
  ProjectActivityRecorded,
  ProjectCompleted,
  ProjectStarted,
  ProposalChanges,
  ProposalEvent,
  ProposalReviewed,
  ProposalRevised,
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
    links: [],
    occurredAt: NOW.toISOString(),
  },
};

const revise = (overrides: Partial<Issued<ReviseProposal>> = {}): Issued<ReviseProposal> => ({
  type: 'ReviseProposal',
  proposalId,
  expectedVersion: 4,
  actor: leadFocalPoint,
  now: minutesAfterNow(25),
  ...overrides,
});

const revised = (changes: ProposalChanges, by: Participant = leadFocalPoint): ProposalRevised => ({
  type: 'ProposalRevised',
  data: { proposalId, changes, by, occurredAt: at(25) },
});

const invite = (country: string, actor: Participant = leadFocalPoint): Issued<InvitePartner> => ({
  type: 'InvitePartner',
  proposalId,
  actor,
  now: minutesAfterNow(3),
  country,
});

const invited = (country: PartnerInvited['data']['country']): PartnerInvited => ({
  type: 'PartnerInvited',
  data: { proposalId, country, by: leadFocalPoint, occurredAt: at(3) },
});

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

const STARTED_ON = '2017-09-01T00:00:00.000Z';

const start = (overrides: Partial<Issued<StartImplementation>> = {}): Issued<StartImplementation> => ({
  type: 'StartImplementation',
  proposalId,
  actor: leadFocalPoint,
  now: minutesAfterNow(40),
  startedOn: new Date(STARTED_ON),
  donor: 'European Union',
  ...overrides,
});

const started: ProjectStarted = {
  type: 'ProjectStarted',
  data: { proposalId, startedOn: STARTED_ON, donor: 'European Union', by: leadFocalPoint, occurredAt: at(40) },
};

/** The inception workshop in Almaty, recorded long after it happened. */
const record = (overrides: Partial<Issued<RecordProjectActivity>> = {}): Issued<RecordProjectActivity> => ({
  type: 'RecordProjectActivity',
  proposalId,
  activityId: 'activity-1',
  actor: kgFocalPoint,
  now: minutesAfterNow(50),
  kind: 'INCEPTION_WORKSHOP',
  title: 'Inception workshop',
  startsOn: new Date('2017-10-03T00:00:00.000Z'),
  endsOn: new Date('2017-10-04T00:00:00.000Z'),
  venue: 'Almaty, Kazakhstan',
  countries: ['KZ', 'KG'],
  outcome: 'Work plan agreed',
  links: [{ url: 'https://unece.org/inception-report.pdf', title: 'Report', kind: 'REPORT' }],
  ...overrides,
});

const recorded = (overrides: Partial<ProjectActivityRecorded['data']> = {}): ProjectActivityRecorded => ({
  type: 'ProjectActivityRecorded',
  data: {
    proposalId,
    activityId: 'activity-1',
    kind: 'INCEPTION_WORKSHOP',
    title: 'Inception workshop',
    startsOn: '2017-10-03T00:00:00.000Z',
    endsOn: '2017-10-04T00:00:00.000Z',
    venue: 'Almaty, Kazakhstan',
    countries: ['KZ', 'KG'],
    outcome: 'Work plan agreed',
    links: [{ url: 'https://unece.org/inception-report.pdf', title: 'Report', kind: 'REPORT' }],
    by: kgFocalPoint,
    occurredAt: at(50),
    ...overrides,
  },
});

const complete = (overrides: Partial<Issued<CompleteProject>> = {}): Issued<CompleteProject> => ({
  type: 'CompleteProject',
  proposalId,
  actor: leadFocalPoint,
  now: minutesAfterNow(60),
  completedOn: new Date('2019-06-30T00:00:00.000Z'),
  evaluation: 'National expert groups continue to meet.',
  ...overrides,
});

const completed: ProjectCompleted = {
  type: 'ProjectCompleted',
  data: {
    proposalId,
    completedOn: '2019-06-30T00:00:00.000Z',
    evaluation: 'National expert groups continue to meet.',
    by: leadFocalPoint,
    occurredAt: at(60),
  },
};

/** A history reaching each status, with KG joined and TJ still invited. */
const HISTORY: Record<ProposalStatus, ProposalEvent[]> = {
  DRAFT: [proposed, joined()],
  SUBMITTED: [proposed, joined(), submitted()],
  CHANGES_REQUESTED: [proposed, joined(), submitted(), reviewed('REQUEST_CHANGES')],
  ENDORSED: [proposed, joined(), submitted(), reviewed('ENDORSE')],
  DECLINED: [proposed, joined(), submitted(), reviewed('DECLINE')],
  WITHDRAWN: [proposed, joined(), withdrawn],
  IN_IMPLEMENTATION: [proposed, joined(), submitted(), reviewed('ENDORSE'), started],
  COMPLETED: [proposed, joined(), submitted(), reviewed('ENDORSE'), started, recorded(), completed],
};

/** Endorsed and started with KG joined and TJ declined. */
const IMPLEMENTING: ProposalEvent[] = [proposed, joined(), declined(), submitted(), reviewed('ENDORSE'), started];

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

  describe('revise', () => {
    it('records only the fields that changed', () => {
      spec
        .given(HISTORY.CHANGES_REQUESTED)
        .when(revise({ title: proposed.data.title, objectives: 'Objectives with a budget.', durationMonths: 30 }))
        .then([revised({ objectives: 'Objectives with a budget.', durationMonths: 30 })]);
    });

    it('records new topics and links, but not the same topics in another order', () => {
      const guide = { url: 'https://unece.org/guide.pdf', title: 'Guide', kind: 'GUIDE' } as const;
      spec
        .given(HISTORY.DRAFT)
        .when(revise({ topics: ['INSTITUTIONAL_CAPACITY', 'IDENTIFICATION'], links: [guide] }))
        .then([revised({ links: [guide] })]);
      spec
        .given(HISTORY.DRAFT)
        .when(revise({ topics: ['IDENTIFICATION'] }))
        .then([revised({ topics: ['IDENTIFICATION'] })]);
    });

    it('records nothing when nothing changes', () => {
      spec
        .given(HISTORY.DRAFT)
        .when(revise({ durationMonths: 24 }))
        .then([]);
    });

    it('lets any focal point of the lead country revise', () => {
      spec
        .given(HISTORY.DRAFT)
        .when(revise({ actor: otherLeadFocalPoint, durationMonths: 12 }))
        .then([revised({ durationMonths: 12 }, otherLeadFocalPoint)]);
    });

    it.each([
      ['a focal point of a partner country', kgFocalPoint],
      ['a participant of the lead country', participantOfCountry('KZ')],
      ['the secretariat', SECRETARIAT],
    ])('forbids %s', (_, actor) => {
      spec
        .given(HISTORY.DRAFT)
        .when(revise({ actor, durationMonths: 12 }))
        .thenThrows(Forbidden);
    });

    it.each([
      ['no field', {}, 'input'],
      ['a short title', { title: 'JP' }, 'title'],
      ['empty objectives', { objectives: '' }, 'objectives'],
      ['a duration of 61 months', { durationMonths: 61 }, 'durationMonths'],
      ['no topic', { topics: [] }, 'topics'],
      ['a file: link', { links: [{ url: 'file:///c:/plan.docx', title: 'Plan' }] }, 'links.0.url'],
    ])('rejects %s', (_, overrides: Partial<Issued<ReviseProposal>>, field) => {
      spec
        .given(HISTORY.DRAFT)
        .when(revise(overrides))
        .thenThrows(ValidationFailed, (error) => expect(Object.keys(error.fields)).toEqual([field]));
    });

    it('answers NotFound for a proposal that does not exist', () => {
      spec
        .given([])
        .when(revise({ durationMonths: 12 }))
        .thenThrows(NotFound);
    });
  });

  describe('invite a partner', () => {
    it('records the invited country, which may then respond', () => {
      spec
        .given(HISTORY.CHANGES_REQUESTED)
        .when(invite('UZ'))
        .then([invited('UZ')]);
      spec
        .given([...HISTORY.CHANGES_REQUESTED, invited('UZ')])
        .when(respond(focalPointOf('UZ'), true))
        .then([joined(focalPointOf('UZ'))]);
    });

    it('rejects a country already invited, including one that declined', () => {
      spec.given(HISTORY.DRAFT).when(invite('TJ')).thenThrows(InvalidState);
      spec.given([proposed, declined()]).when(invite('TJ')).thenThrows(InvalidState);
      spec
        .given([proposed, invited('UZ')])
        .when(invite('UZ'))
        .thenThrows(InvalidState);
    });

    it('rejects a sixteenth partner', () => {
      const others = ['AL', 'BA', 'ME', 'MK', 'RS', 'BY', 'MD', 'UA', 'AM', 'AZ', 'GE', 'TM', 'UZ'] as const;
      const fifteen = [proposed, ...others.map(invited)];
      expect(fold(proposalDecider, fifteen).status !== 'EMPTY' && fold(proposalDecider, fifteen)).toMatchObject({
        partners: expect.arrayContaining([expect.objectContaining({ country: 'UZ' })]),
      });
      spec
        .given([proposed, ...others.slice(1).map(invited)])
        .when(invite('AL'))
        .then([invited('AL')]);
      spec.given(fifteen).when(invite('KG')).thenThrows(InvalidState);
    });

    it.each([
      ['the lead country', 'KZ', ['KZ leads the project and cannot be its partner']],
      ['a country that is not a beneficiary', 'FR', ['unknown country FR']],
    ])('rejects %s', (_, country, messages) => {
      spec
        .given(HISTORY.DRAFT)
        .when(invite(country))
        .thenThrows(ValidationFailed, (error) => expect(error.fields).toEqual({ country: messages }));
    });

    it.each([
      ['a focal point of a partner country', kgFocalPoint],
      ['a participant of the lead country', participantOfCountry('KZ')],
      ['the secretariat', SECRETARIAT],
    ])('forbids %s', (_, actor) => {
      spec.given(HISTORY.DRAFT).when(invite('UZ', actor)).thenThrows(Forbidden);
    });

    it('answers NotFound for a proposal that does not exist', () => {
      spec.given([]).when(invite('UZ')).thenThrows(NotFound);
    });
  });

  describe('start implementation', () => {
    it('records the start date, which may lie in the past, and the donor', () => {
      spec.given(HISTORY.ENDORSED).when(start()).then([started]);
    });

    it('records no donor when none is given', () => {
      spec
        .given(HISTORY.ENDORSED)
        .when(start({ donor: null }))
        .then([{ ...started, data: { ...started.data, donor: null } }]);
    });

    it('validates the donor and the date', () => {
      spec
        .given(HISTORY.ENDORSED)
        .when(start({ donor: ' ', startedOn: new Date(Number.NaN) }))
        .thenThrows(ValidationFailed, (error) =>
          expect(Object.keys(error.fields).sort()).toEqual(['donor', 'startedOn']),
        );
    });

    it.each([
      ['a focal point of a partner that joined', kgFocalPoint],
      ['a participant of the lead country', participantOfCountry('KZ')],
      ['the secretariat', SECRETARIAT],
    ])('forbids %s', (_, actor) => {
      spec.given(HISTORY.ENDORSED).when(start({ actor })).thenThrows(Forbidden);
    });

    it('answers NotFound for a proposal that does not exist', () => {
      spec.given([]).when(start()).thenThrows(NotFound);
    });
  });

  describe('record a project activity', () => {
    it('records an activity that happened in the past, by a focal point of a partner that joined', () => {
      spec.given(IMPLEMENTING).when(record()).then([recorded()]);
    });

    it('lets a focal point of the lead record, and makes a one-day activity end the day it starts', () => {
      spec
        .given(IMPLEMENTING)
        .when(record({ actor: otherLeadFocalPoint, endsOn: null, venue: null, outcome: null, links: null }))
        .then([
          recorded({
            endsOn: '2017-10-03T00:00:00.000Z',
            venue: null,
            outcome: null,
            links: [],
            by: otherLeadFocalPoint,
          }),
        ]);
    });

    it.each([
      ['a focal point of a partner that declined', tjFocalPoint],
      ['a focal point of a country never invited', focalPointOf('UZ')],
      ['a participant of the lead country', participantOfCountry('KZ')],
      ['a participant of a partner that joined', participantOfCountry('KG')],
      ['the secretariat', SECRETARIAT],
    ])('forbids %s', (_, actor) => {
      spec.given(IMPLEMENTING).when(record({ actor })).thenThrows(Forbidden);
    });

    it('forbids a focal point of a partner still invited', () => {
      spec
        .given(HISTORY.IN_IMPLEMENTATION)
        .when(record({ actor: tjFocalPoint }))
        .thenThrows(Forbidden);
    });

    it('rejects an activity ending before it starts', () => {
      spec
        .given(IMPLEMENTING)
        .when(record({ endsOn: new Date('2017-10-02T00:00:00.000Z') }))
        .thenThrows(ValidationFailed, (error) =>
          expect(error.fields).toEqual({ endsOn: ['must not precede startsOn'] }),
        );
    });

    it.each([
      ['a partner that declined', ['KZ', 'TJ'], 'TJ is neither the lead nor a partner that joined'],
      ['a country never invited', ['UZ'], 'UZ is neither the lead nor a partner that joined'],
      ['no country', [], 'must list from 1 to 16'],
    ])('rejects countries naming %s', (_, countries, message) => {
      spec
        .given(IMPLEMENTING)
        .when(record({ countries }))
        .thenThrows(ValidationFailed, (error) => expect(error.fields).toEqual({ countries: [message] }));
    });

    it('validates the kind, title, venue, outcome and links', () => {
      spec
        .given(IMPLEMENTING)
        .when(
          record({
            kind: 'PARTY',
            title: '',
            venue: 'x'.repeat(201),
            outcome: 'x'.repeat(1_001),
            links: [{ url: 'javascript:void(0)', title: 'Run' }],
          }),
        )
        .thenThrows(ValidationFailed, (error) =>
          expect(Object.keys(error.fields).sort()).toEqual(['kind', 'links.0.url', 'outcome', 'title', 'venue']),
        );
    });

    it('rejects recording the same activity twice', () => {
      spec
        .given([...IMPLEMENTING, recorded()])
        .when(record())
        .thenThrows(InvalidState);
    });

    it('answers NotFound for a proposal that does not exist', () => {
      spec.given([]).when(record()).thenThrows(NotFound);
    });
  });

  describe('complete the project', () => {
    it('records the completion date and the evaluation', () => {
      spec.given(HISTORY.IN_IMPLEMENTATION).when(complete()).then([completed]);
    });

    it('requires an evaluation', () => {
      spec
        .given(HISTORY.IN_IMPLEMENTATION)
        .when(complete({ evaluation: '' }))
        .thenThrows(ValidationFailed, (error) => expect(Object.keys(error.fields)).toEqual(['evaluation']));
    });

    it('rejects a completion before the start', () => {
      spec
        .given(HISTORY.IN_IMPLEMENTATION)
        .when(complete({ completedOn: new Date('2017-08-31T00:00:00.000Z') }))
        .thenThrows(ValidationFailed, (error) =>
          expect(error.fields).toEqual({ completedOn: ['must not precede the start of implementation'] }),
        );
    });

    it.each([
      ['a focal point of a partner that joined', kgFocalPoint],
      ['a participant of the lead country', participantOfCountry('KZ')],
      ['the secretariat', SECRETARIAT],
    ])('forbids %s', (_, actor) => {
      spec.given(HISTORY.IN_IMPLEMENTATION).when(complete({ actor })).thenThrows(Forbidden);
    });

    it('answers NotFound for a proposal that does not exist', () => {
      spec.given([]).when(complete()).thenThrows(NotFound);
    });
  });

  describe('the status machine', () => {
    const transitions: Array<[string, Issued<ProposalCommand>, readonly ProposalStatus[]]> = [
      ['respond', respond(tjFocalPoint, true), ['DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED']],
      ['submit', submit(), ['DRAFT', 'CHANGES_REQUESTED']],
      ['review', review('ENDORSE'), ['SUBMITTED']],
      ['withdraw', withdraw(), ['DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED']],
      ['revise', revise({ durationMonths: 12 }), ['DRAFT', 'CHANGES_REQUESTED']],
      ['invite', invite('UZ'), ['DRAFT', 'CHANGES_REQUESTED']],
      ['start', start(), ['ENDORSED']],
      ['record an activity', record(), ['IN_IMPLEMENTATION']],
      ['complete', complete(), ['IN_IMPLEMENTATION']],
    ];
    const cases = transitions.flatMap(([name, command, allowed]) =>
      (Object.keys(HISTORY) as ProposalStatus[]).map(
        (status) => [name, status, allowed.includes(status), command] as const,
      ),
    );

    it.each(cases)('%s from %s: allowed %s', (_, status, allowed, command) => {
      if (allowed) expect(proposalDecider.decide(command, fold(proposalDecider, HISTORY[status]))).toHaveLength(1);
      else {
        spec
          .given(HISTORY[status])
          .when(command)
          .thenThrows(InvalidState, (error) => expect(error.message).toContain(`A ${status} proposal`));
      }
    });

    it('moves through the statuses of the contract', () => {
      for (const status of Object.keys(HISTORY) as ProposalStatus[]) {
        expect(fold(proposalDecider, HISTORY[status]).status).toBe(status);
      }
    });

    it('sends a proposal revised after changes were requested to review again', () => {
      const resubmitted = [...HISTORY.CHANGES_REQUESTED, revised({ durationMonths: 30 }), submitted()];
      expect(fold(proposalDecider, resubmitted).status).toBe('SUBMITTED');
      spec
        .given(resubmitted)
        .when(review('ENDORSE'))
        .then([reviewed('ENDORSE')]);
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
        links: [],
        partners: [
          { country: 'KG', status: 'JOINED', note: 'Yes', respondedAt: at(5), respondedBy: kgFocalPoint },
          { country: 'TJ', status: 'DECLINED', note: null, respondedAt: at(5), respondedBy: tjFocalPoint },
        ],
        reviews: [
          { decision: 'ENDORSE', note: 'Reviewed at the Bureau meeting', reviewer: SECRETARIAT, reviewedAt: at(20) },
        ],
        donor: null,
        startedOn: null,
        activities: [],
        completedOn: null,
        evaluation: null,
        createdAt: NOW.toISOString(),
        updatedAt: at(20),
      });
    });

    it('folds revisions, later invitations, the implementation and its activities', () => {
      const state = fold(proposalDecider, [
        proposed,
        invited('UZ'),
        joined(),
        revised({
          title: 'Industrial safety in Central Asia',
          links: [{ url: 'https://a.org', title: 'A', kind: 'OTHER' }],
        }),
        submitted(),
        reviewed('ENDORSE'),
        started,
        recorded(),
        recorded({ activityId: 'activity-2', title: 'Site visit', kind: 'SITE_VISIT', occurredAt: at(55) }),
        completed,
      ]);
      expect(state).toMatchObject({
        status: 'COMPLETED',
        title: 'Industrial safety in Central Asia',
        links: [{ url: 'https://a.org', title: 'A', kind: 'OTHER' }],
        partners: [
          { country: 'KG', status: 'JOINED' },
          { country: 'TJ', status: 'INVITED' },
          { country: 'UZ', status: 'INVITED', note: null, respondedAt: null, respondedBy: null },
        ],
        donor: 'European Union',
        startedOn: STARTED_ON,
        activities: [
          {
            id: 'activity-1',
            kind: 'INCEPTION_WORKSHOP',
            title: 'Inception workshop',
            startsOn: '2017-10-03T00:00:00.000Z',
            endsOn: '2017-10-04T00:00:00.000Z',
            venue: 'Almaty, Kazakhstan',
            countries: ['KZ', 'KG'],
            outcome: 'Work plan agreed',
            links: [{ url: 'https://unece.org/inception-report.pdf', title: 'Report', kind: 'REPORT' }],
            recordedBy: kgFocalPoint,
            recordedAt: at(50),
          },
          { id: 'activity-2', kind: 'SITE_VISIT', title: 'Site visit', recordedAt: at(55) },
        ],
        completedOn: '2019-06-30T00:00:00.000Z',
        evaluation: 'National expert groups continue to meet.',
        updatedAt: at(60),
      });
    });

    it('reads a proposal made before items had links (schema version 1) as having none', () => {
      const { links: _, ...withoutLinks } = proposed.data;
      const state = fold(proposalDecider, [{ type: 'JointProjectProposed', data: withoutLinks }]);
      expect(state.status !== 'EMPTY' && state.links).toEqual([]);
    });

    it('ignores an event the state cannot take', () => {
      expect(fold(proposalDecider, [withdrawn])).toEqual({ status: 'EMPTY' });
    });
  });
});

import { consultationDecider } from '../consultation/consultation.decider.js';
import { countryProfileDecider } from '../country-profile/country-profile.decider.js';
import { discussionDecider } from '../discussion/discussion.decider.js';
import { participantDecider } from '../participant/participant.decider.js';
import { practiceDecider } from '../practice/practice.decider.js';
import { proposalDecider } from '../proposal/proposal.decider.js';
import { questionDecider } from '../question/question.decider.js';
import { type Decider, fold } from '../shared/decider.types.js';
import type { Issued } from '../shared/event.types.js';
import { focalPointOf, minutesAfterNow, participantOfCountry, SECRETARIAT } from '../testing/domain.fixtures.js';
import {
  STREAM_PREFIXES,
  countryStreamId,
  discussionStreamId,
  itemStreamId,
  parseStreamId,
  participantStreamId,
  streamIdOf,
} from '../streams/stream-names.js';
import { activityOf } from './activity.js';
import {
  DOMAIN_EVENT_TYPES,
  type DomainEvent,
  EVENT_SCHEMA_VERSIONS,
  isCountryProfileEvent,
  isDomainEventType,
  isItemConcernedEvent,
  isParticipantEvent,
  itemOf,
  toDomainEvent,
} from './domain-event.js';

/** Runs commands through a decider like a command handler: fold, decide, append. */
function run<Command, Event, State>(decider: Decider<Command, Event, State>, commands: Issued<Command>[]): Event[] {
  return commands.reduce<Event[]>(
    (stream, command) => [...stream, ...decider.decide(command, fold(decider, stream))],
    [],
  );
}

const kz = participantOfCountry('KZ');
const al = participantOfCountry('AL');
const kzFocalPoint = focalPointOf('KZ');
const kgFocalPoint = focalPointOf('KG');
const tjFocalPoint = focalPointOf('TJ');
let minute = 0;
const now = () => minutesAfterNow(minute++);

const practiceEvents = run(practiceDecider, [
  {
    type: 'SharePractice',
    practiceId: 'p-1',
    actor: kz,
    now: now(),
    title: 'Practice',
    summary: 'Summary',
    body: 'Body',
    topics: ['PREVENTION'],
    audience: { scope: 'NETWORK' },
  },
  {
    type: 'RevisePractice',
    practiceId: 'p-1',
    expectedVersion: 1,
    actor: kz,
    now: now(),
    title: 'Practice, revised',
    links: [{ url: 'https://example.org/guide', title: 'Guide', kind: 'GUIDE' }],
  },
  { type: 'AdoptPractice', practiceId: 'p-1', actor: al, now: now() },
  { type: 'WithdrawPractice', practiceId: 'p-1', actor: kz, now: now(), reason: 'Outdated' },
]);

const questionEvents = run(questionDecider, [
  {
    type: 'AskQuestion',
    questionId: 'q-1',
    actor: al,
    now: now(),
    title: 'Question',
    body: 'Body',
    topics: ['NATECH'],
    audience: { scope: 'SUBREGIONS', subregions: ['CENTRAL_ASIA'] },
  },
  { type: 'ReviseQuestion', questionId: 'q-1', expectedVersion: 1, actor: al, now: now(), body: 'Body, revised' },
  { type: 'AnswerQuestion', questionId: 'q-1', answerId: 'a-1', actor: kz, now: now(), body: 'Answer' },
  { type: 'EditAnswer', questionId: 'q-1', answerId: 'a-1', actor: kz, now: now(), body: 'Answer, edited' },
  { type: 'AcceptAnswer', questionId: 'q-1', answerId: 'a-1', actor: al, now: now() },
  { type: 'CloseQuestion', questionId: 'q-1', actor: al, now: now() },
  { type: 'ReopenQuestion', questionId: 'q-1', actor: al, now: now() },
]);

const proposalEvents = run(proposalDecider, [
  {
    type: 'ProposeJointProject',
    proposalId: 'jp-1',
    actor: kzFocalPoint,
    now: now(),
    title: 'Project',
    objectives: 'Objectives',
    topics: ['TRAINING'],
    durationMonths: 12,
    partnerCountries: ['KG', 'TJ'],
    audience: { scope: 'COUNTRIES', countries: ['UZ'] },
  },
  { type: 'InvitePartner', proposalId: 'jp-1', actor: kzFocalPoint, now: now(), country: 'UZ' },
  { type: 'RespondToInvitation', proposalId: 'jp-1', actor: kgFocalPoint, now: now(), accept: true },
  { type: 'RespondToInvitation', proposalId: 'jp-1', actor: tjFocalPoint, now: now(), accept: false },
  { type: 'SubmitProposal', proposalId: 'jp-1', actor: kzFocalPoint, now: now() },
  {
    type: 'ReviewProposal',
    proposalId: 'jp-1',
    actor: SECRETARIAT,
    now: now(),
    decision: 'REQUEST_CHANGES',
    note: 'More detail',
  },
  {
    type: 'ReviseProposal',
    proposalId: 'jp-1',
    expectedVersion: 6,
    actor: kzFocalPoint,
    now: now(),
    title: 'Project 2',
  },
  { type: 'SubmitProposal', proposalId: 'jp-1', actor: kzFocalPoint, now: now() },
  { type: 'ReviewProposal', proposalId: 'jp-1', actor: SECRETARIAT, now: now(), decision: 'ENDORSE', note: 'Good' },
  {
    type: 'StartImplementation',
    proposalId: 'jp-1',
    actor: kzFocalPoint,
    now: now(),
    startedOn: new Date('2018-05-01T00:00:00.000Z'),
    donor: 'EU',
  },
  {
    type: 'RecordProjectActivity',
    proposalId: 'jp-1',
    activityId: 'act-1',
    actor: kgFocalPoint,
    now: now(),
    kind: 'INCEPTION_WORKSHOP',
    title: 'Inception workshop',
    startsOn: new Date('2018-05-15T00:00:00.000Z'),
    countries: ['KZ', 'KG'],
  },
  {
    type: 'CompleteProject',
    proposalId: 'jp-1',
    actor: kzFocalPoint,
    now: now(),
    completedOn: new Date('2019-12-31T00:00:00.000Z'),
    evaluation: 'Done well',
  },
]);

const withdrawnProposalEvents = run(proposalDecider, [
  {
    type: 'ProposeJointProject',
    proposalId: 'jp-2',
    actor: kzFocalPoint,
    now: now(),
    title: 'Project',
    objectives: 'Objectives',
    topics: ['TRAINING'],
    durationMonths: 12,
    partnerCountries: ['KG'],
  },
  { type: 'WithdrawProposal', proposalId: 'jp-2', actor: kzFocalPoint, now: now(), reason: 'No funding' },
]);

const consultationEvents = run(consultationDecider, [
  {
    type: 'RequestConsultation',
    consultationId: 'tc-1',
    actor: kzFocalPoint,
    now: now(),
    title: 'Consultation',
    hazardousActivity: 'Tailings facility',
    location: 'Chu river',
    body: 'Body',
    topics: ['TAILINGS_SAFETY'],
    consultedCountries: ['KG', 'UZ'],
    respondBy: minutesAfterNow(10_000),
  },
  {
    type: 'RespondToConsultation',
    consultationId: 'tc-1',
    actor: kgFocalPoint,
    now: now(),
    position: 'POSSIBLE_EFFECTS',
    body: 'Response',
  },
  { type: 'ConcludeConsultation', consultationId: 'tc-1', actor: kzFocalPoint, now: now(), conclusion: 'Conclusion' },
]);

const withdrawnConsultationEvents = run(consultationDecider, [
  {
    type: 'RequestConsultation',
    consultationId: 'tc-2',
    actor: kzFocalPoint,
    now: now(),
    title: 'Consultation',
    hazardousActivity: 'Chemical plant',
    location: 'Near the border',
    body: 'Body',
    topics: ['PREVENTION'],
    consultedCountries: ['TM'],
    respondBy: minutesAfterNow(10_000),
    audience: { scope: 'NETWORK' },
  },
  { type: 'WithdrawConsultation', consultationId: 'tc-2', actor: kzFocalPoint, now: now(), reason: 'Cancelled' },
]);

const discussionEvents = run(discussionDecider, [
  {
    type: 'PostComment',
    itemId: 'q-1',
    itemKind: 'QUESTION',
    commentId: 'c-1',
    actor: kz,
    now: now(),
    body: 'Comment',
  },
  { type: 'EditComment', itemId: 'q-1', commentId: 'c-1', actor: kz, now: now(), body: 'Comment, edited' },
  { type: 'RetractComment', itemId: 'q-1', commentId: 'c-1', actor: SECRETARIAT, now: now(), reason: 'Off topic' },
]);

const profileEvents = run(countryProfileDecider, [
  { type: 'UpdateCountryProfile', country: 'KG', actor: kgFocalPoint, now: now(), selfAssessment: 'IN_PROGRESS' },
]);

const participantEvents = run(participantDecider, [
  { type: 'RecordParticipant', participantId: kz.id, actor: kz, now: now() },
  {
    type: 'WatchItem',
    participantId: kz.id,
    itemId: 'q-1',
    itemKind: 'QUESTION',
    watching: true,
    actor: kz,
    now: now(),
  },
  {
    type: 'WatchItem',
    participantId: kz.id,
    itemId: 'q-1',
    itemKind: 'QUESTION',
    watching: false,
    actor: kz,
    now: now(),
  },
  { type: 'MarkNotificationsRead', participantId: kz.id, upTo: null, actor: kz, now: now() },
]);

const itemEvents = [
  ...practiceEvents,
  ...questionEvents,
  ...proposalEvents,
  ...withdrawnProposalEvents,
  ...consultationEvents,
  ...withdrawnConsultationEvents,
  ...discussionEvents,
];
const everyEvent: DomainEvent[] = [...itemEvents, ...profileEvents, ...participantEvents];

describe('domain events', () => {
  it('has a schema version for every event type the deciders write', () => {
    expect(new Set(everyEvent.map((event) => event.type))).toEqual(new Set(DOMAIN_EVENT_TYPES));
    expect(DOMAIN_EVENT_TYPES).toHaveLength(34);
    const versionsAbove1 = Object.entries(EVENT_SCHEMA_VERSIONS).filter(([, version]) => version !== 1);
    expect(Object.fromEntries(versionsAbove1)).toEqual({
      PracticeShared: 2,
      PracticeRevised: 2,
      QuestionAsked: 2,
      JointProjectProposed: 2,
      CommentPosted: 2,
    });
  });

  it('carries the time of its command in every event', () => {
    const times = everyEvent.map((event) => event.data.occurredAt);
    expect(times).toEqual(times.map((_, index) => minutesAfterNow(index).toISOString()));
  });

  it('survives a JSON round trip unchanged, so the store can hold it', () => {
    expect(JSON.parse(JSON.stringify(everyEvent))).toEqual(everyEvent);
  });

  it("names its item, except a profile event, which concerns a country, and a participant's own", () => {
    expect(itemEvents.map(itemOf)).toEqual([
      ...practiceEvents.map(() => ({ kind: 'PRACTICE', id: 'p-1' })),
      ...questionEvents.map(() => ({ kind: 'QUESTION', id: 'q-1' })),
      ...proposalEvents.map(() => ({ kind: 'PROPOSAL', id: 'jp-1' })),
      ...withdrawnProposalEvents.map(() => ({ kind: 'PROPOSAL', id: 'jp-2' })),
      ...consultationEvents.map(() => ({ kind: 'CONSULTATION', id: 'tc-1' })),
      ...withdrawnConsultationEvents.map(() => ({ kind: 'CONSULTATION', id: 'tc-2' })),
      ...discussionEvents.map(() => ({ kind: 'QUESTION', id: 'q-1' })),
    ]);
    expect(everyEvent.filter(isCountryProfileEvent)).toEqual(profileEvents);
    expect(everyEvent.filter(isParticipantEvent)).toEqual(participantEvents);
    expect(everyEvent.filter(isItemConcernedEvent)).toEqual(itemEvents);
  });

  it('maps each event to its feed activity, or to none', () => {
    expect(Object.fromEntries(everyEvent.map((event) => [event.type, activityOf(event)]))).toEqual({
      PracticeShared: 'PRACTICE_SHARED',
      PracticeRevised: 'PRACTICE_REVISED',
      PracticeWithdrawn: 'PRACTICE_WITHDRAWN',
      PracticeAdopted: 'PRACTICE_ADOPTED',
      QuestionAsked: 'QUESTION_ASKED',
      QuestionRevised: 'QUESTION_REVISED',
      QuestionAnswered: 'QUESTION_ANSWERED',
      AnswerEdited: 'ANSWER_EDITED',
      AnswerAccepted: 'ANSWER_ACCEPTED',
      QuestionClosed: 'QUESTION_CLOSED',
      QuestionReopened: 'QUESTION_REOPENED',
      JointProjectProposed: 'PROPOSAL_CREATED',
      ProposalRevised: 'PROPOSAL_REVISED',
      PartnerInvited: 'PARTNER_INVITED',
      PartnerJoined: 'PARTNER_JOINED',
      PartnerDeclined: 'PARTNER_DECLINED',
      ProposalSubmitted: 'PROPOSAL_SUBMITTED',
      ProposalReviewed: 'PROPOSAL_REVIEWED',
      ProposalWithdrawn: 'PROPOSAL_WITHDRAWN',
      ConsultationRequested: 'CONSULTATION_REQUESTED',
      ConsultationResponded: 'CONSULTATION_RESPONDED',
      ConsultationConcluded: 'CONSULTATION_CONCLUDED',
      ConsultationWithdrawn: 'CONSULTATION_WITHDRAWN',
      ProjectStarted: 'PROJECT_STARTED',
      ProjectActivityRecorded: 'PROJECT_ACTIVITY_RECORDED',
      ProjectCompleted: 'PROJECT_COMPLETED',
      CommentPosted: 'COMMENT_POSTED',
      CommentEdited: null,
      CommentRetracted: null,
      CountryProfileUpdated: 'COUNTRY_PROFILE_UPDATED',
      ParticipantRecorded: null,
      ItemWatched: null,
      ItemUnwatched: null,
      NotificationsMarkedRead: null,
    });
  });

  it('puts each event in the stream of its aggregate', () => {
    expect(new Set(everyEvent.map(streamIdOf))).toEqual(
      new Set([
        'practice-p-1',
        'question-q-1',
        'proposal-jp-1',
        'proposal-jp-2',
        'consultation-tc-1',
        'consultation-tc-2',
        'discussion-q-1',
        'country-KG',
        `participant-${kz.id}`,
      ]),
    );
    expect(streamIdOf(discussionEvents[0]!)).toBe('discussion-q-1');
  });

  it('reads a stored event back as a domain event, and nothing else', () => {
    const stored = JSON.parse(JSON.stringify(practiceEvents[0])) as { type: string; data: unknown };
    expect(toDomainEvent(stored)).toEqual(practiceEvents[0]);
    expect(toDomainEvent({ type: '$metadata', data: {} })).toBeNull();
    expect(toDomainEvent({ type: 'toString', data: {} })).toBeNull();
    expect(isDomainEventType('PracticeShared')).toBe(true);
  });
});

describe('stream names', () => {
  it('names item and discussion streams by category', () => {
    expect(itemStreamId('PRACTICE', 'abc')).toBe('practice-abc');
    expect(itemStreamId('QUESTION', 'abc')).toBe('question-abc');
    expect(itemStreamId('PROPOSAL', 'abc')).toBe('proposal-abc');
    expect(itemStreamId('CONSULTATION', 'abc')).toBe('consultation-abc');
    expect(discussionStreamId('abc')).toBe('discussion-abc');
    expect(countryStreamId('KG')).toBe('country-KG');
    expect(participantStreamId('auth0|abc')).toBe('participant-auth0|abc');
  });

  it('begins the name of every stream the domain writes with one of its stream prefixes, each of a category it reads', () => {
    for (const event of everyEvent) {
      expect(STREAM_PREFIXES.filter((prefix) => streamIdOf(event).startsWith(prefix))).toHaveLength(1);
    }
    expect(STREAM_PREFIXES).toEqual([
      'practice-',
      'question-',
      'proposal-',
      'consultation-',
      'discussion-',
      'country-',
      'participant-',
    ]);
    for (const prefix of STREAM_PREFIXES) expect(parseStreamId(`${prefix}KZ`)).not.toBeNull();
  });

  it('parses a stream name back, ids with dashes included', () => {
    const uuid = '0b7c6f2e-8a43-4d4f-9a57-3e1c2b9d8f10';
    expect(parseStreamId(`proposal-${uuid}`)).toEqual({ category: 'item', kind: 'PROPOSAL', id: uuid });
    expect(parseStreamId(`discussion-${uuid}`)).toEqual({ category: 'discussion', itemId: uuid });
    expect(parseStreamId(`consultation-${uuid}`)).toEqual({ category: 'item', kind: 'CONSULTATION', id: uuid });
    expect(parseStreamId('country-KG')).toEqual({ category: 'country', country: 'KG' });
    expect(parseStreamId('participant-kz-fp')).toEqual({ category: 'participant', participantId: 'kz-fp' });
  });

  it.each([
    '$all',
    '$et-PracticeShared',
    'practice',
    'practice-',
    '-abc',
    'project-abc',
    'Practice-abc',
    'country-kg',
    'country-FR',
  ])('does not parse %s', (streamId) => {
    expect(parseStreamId(streamId)).toBeNull();
  });
});

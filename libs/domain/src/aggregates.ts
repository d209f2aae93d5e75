import type { ConsultationCommand } from './consultation/consultation.commands.js';
import { consultationDecider, type ConsultationState } from './consultation/consultation.decider.js';
import { CONSULTATION_EVENT_SCHEMA_VERSIONS, type ConsultationEvent } from './consultation/consultation.events.js';
import type { CountryProfileCommand } from './country-profile/country-profile.commands.js';
import { countryProfileDecider, type CountryProfileState } from './country-profile/country-profile.decider.js';
import {
  COUNTRY_PROFILE_EVENT_SCHEMA_VERSIONS,
  type CountryProfileEvent,
} from './country-profile/country-profile.events.js';
import type { DiscussionCommand } from './discussion/discussion.commands.js';
import { discussionDecider, type DiscussionState } from './discussion/discussion.decider.js';
import { DISCUSSION_EVENT_SCHEMA_VERSIONS, type DiscussionEvent } from './discussion/discussion.events.js';
import type { ParticipantCommand } from './participant/participant.commands.js';
import { participantDecider, type ParticipantState } from './participant/participant.decider.js';
import { PARTICIPANT_EVENT_SCHEMA_VERSIONS, type ParticipantEvent } from './participant/participant.events.js';
import type { PracticeCommand } from './practice/practice.commands.js';
import { practiceDecider, type PracticeState } from './practice/practice.decider.js';
import { PRACTICE_EVENT_SCHEMA_VERSIONS, type PracticeEvent } from './practice/practice.events.js';
import type { ProposalCommand } from './proposal/proposal.commands.js';
import { proposalDecider, type ProposalState } from './proposal/proposal.decider.js';
import { PROPOSAL_EVENT_SCHEMA_VERSIONS, type ProposalEvent } from './proposal/proposal.events.js';
import type { QuestionCommand } from './question/question.commands.js';
import { questionDecider, type QuestionState } from './question/question.decider.js';
import { QUESTION_EVENT_SCHEMA_VERSIONS, type QuestionEvent } from './question/question.events.js';
import type { Aggregate } from './shared/aggregate.types.js';
import { countryStreamId, discussionStreamId, itemStreamId, participantStreamId } from './streams/stream-names.js';

export const practiceAggregate: Aggregate<PracticeCommand, PracticeEvent, PracticeState> = {
  decider: practiceDecider,
  schemaVersions: PRACTICE_EVENT_SCHEMA_VERSIONS,
  streamIdOf: (command) => itemStreamId('PRACTICE', command.practiceId),
};

export const questionAggregate: Aggregate<QuestionCommand, QuestionEvent, QuestionState> = {
  decider: questionDecider,
  schemaVersions: QUESTION_EVENT_SCHEMA_VERSIONS,
  streamIdOf: (command) => itemStreamId('QUESTION', command.questionId),
};

export const proposalAggregate: Aggregate<ProposalCommand, ProposalEvent, ProposalState> = {
  decider: proposalDecider,
  schemaVersions: PROPOSAL_EVENT_SCHEMA_VERSIONS,
  streamIdOf: (command) => itemStreamId('PROPOSAL', command.proposalId),
};

export const consultationAggregate: Aggregate<ConsultationCommand, ConsultationEvent, ConsultationState> = {
  decider: consultationDecider,
  schemaVersions: CONSULTATION_EVENT_SCHEMA_VERSIONS,
  streamIdOf: (command) => itemStreamId('CONSULTATION', command.consultationId),
};

export const countryProfileAggregate: Aggregate<CountryProfileCommand, CountryProfileEvent, CountryProfileState> = {
  decider: countryProfileDecider,
  schemaVersions: COUNTRY_PROFILE_EVENT_SCHEMA_VERSIONS,
  streamIdOf: (command) => countryStreamId(command.country),
};

export const discussionAggregate: Aggregate<DiscussionCommand, DiscussionEvent, DiscussionState> = {
  decider: discussionDecider,
  schemaVersions: DISCUSSION_EVENT_SCHEMA_VERSIONS,
  streamIdOf: (command) => discussionStreamId(command.itemId),
};

export const participantAggregate: Aggregate<ParticipantCommand, ParticipantEvent, ParticipantState> = {
  decider: participantDecider,
  schemaVersions: PARTICIPANT_EVENT_SCHEMA_VERSIONS,
  streamIdOf: (command) => participantStreamId(command.participantId),
};

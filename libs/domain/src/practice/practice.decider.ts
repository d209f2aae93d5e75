import type { CountryCode, Topic } from '../reference/reference-data.js';
import { requireAuthorOrFocalPoint, requireCountryParticipant } from '../shared/actor.guards.js';
import type { Decider } from '../shared/decider.types.js';
import type { Issued } from '../shared/event.types.js';
import { Forbidden, InvalidState } from '../shared/domain.errors.js';
import { INPUT_LIMITS, InputValidator } from '../shared/input.validation.js';
import type { Audience } from '../shared/item.types.js';
import { type Link, sameLinks } from '../shared/link.types.js';
import { type Participant, participantOf } from '../shared/participant.types.js';
import { requireSomeField, sameMembers } from '../shared/revision.js';
import { type EmptyState, requireExisting } from '../shared/state.guards.js';
import type {
  AdoptPractice,
  PracticeCommand,
  RevisePractice,
  SharePractice,
  WithdrawPractice,
} from './practice.commands.js';
import type { PracticeChanges, PracticeEvent } from './practice.events.js';

export const PRACTICE_STATUSES = ['PUBLISHED', 'WITHDRAWN'] as const;
export type PracticeStatus = (typeof PRACTICE_STATUSES)[number];

export interface Adoption {
  readonly country: CountryCode;
  readonly by: Participant;
  readonly note: string | null;
  readonly adoptedAt: string;
}

export interface Practice {
  readonly kind: 'PRACTICE';
  readonly status: PracticeStatus;
  readonly id: string;
  readonly country: CountryCode;
  readonly author: Participant;
  readonly audience: Audience;
  readonly title: string;
  readonly summary: string;
  readonly body: string;
  readonly topics: readonly Topic[];
  readonly links: readonly Link[];
  readonly adoptions: readonly Adoption[];
  readonly createdAt: string;
  /** When the practice's latest event happened. */
  readonly updatedAt: string;
}

export type PracticeState = EmptyState | Practice;

function requirePublished(practice: Practice, action: string): void {
  if (practice.status === 'WITHDRAWN') throw new InvalidState(`A withdrawn practice cannot be ${action}`);
}

function share(command: Issued<SharePractice>, state: PracticeState): PracticeEvent[] {
  const country = requireCountryParticipant(command.actor, 'share a practice');
  if (state.status !== 'EMPTY') throw new InvalidState(`Practice ${command.practiceId} already exists`);
  const input = new InputValidator();
  const data = {
    practiceId: command.practiceId,
    country,
    author: participantOf(command.actor),
    title: input.text('title', command.title, INPUT_LIMITS.title),
    summary: input.text('summary', command.summary, INPUT_LIMITS.summary),
    body: input.text('body', command.body, INPUT_LIMITS.body),
    topics: input.topics('topics', command.topics),
    audience: input.audience('audience', command.audience),
    links: input.links('links', command.links),
    occurredAt: command.now.toISOString(),
  };
  input.throwIfInvalid();
  return [{ type: 'PracticeShared', data }];
}

function revise(command: Issued<RevisePractice>, state: PracticeState): PracticeEvent[] {
  const practice = requireExisting(state, 'Practice', command.practiceId);
  requireAuthorOrFocalPoint(command.actor, practice, 'revise this practice');
  requirePublished(practice, 'revised');
  const input = new InputValidator();
  const { title, summary, body, topics, links } = command;
  requireSomeField(input, { title, summary, body, topics, links });
  const changes: { -readonly [K in keyof PracticeChanges]: PracticeChanges[K] } = {};
  if (title != null && input.text('title', title, INPUT_LIMITS.title) !== practice.title) changes.title = title;
  if (summary != null && input.text('summary', summary, INPUT_LIMITS.summary) !== practice.summary) {
    changes.summary = summary;
  }
  if (body != null && input.text('body', body, INPUT_LIMITS.body) !== practice.body) changes.body = body;
  if (topics != null) {
    const revised = input.topics('topics', topics);
    if (!sameMembers(revised, practice.topics)) changes.topics = revised;
  }
  if (links != null) {
    const revised = input.links('links', links);
    if (!sameLinks(revised, practice.links)) changes.links = revised;
  }
  input.throwIfInvalid();
  // Saving unchanged content records nothing: nothing happened to the practice.
  if (Object.keys(changes).length === 0) return [];
  return [
    {
      type: 'PracticeRevised',
      data: {
        practiceId: practice.id,
        changes,
        by: participantOf(command.actor),
        occurredAt: command.now.toISOString(),
      },
    },
  ];
}

function withdraw(command: Issued<WithdrawPractice>, state: PracticeState): PracticeEvent[] {
  const practice = requireExisting(state, 'Practice', command.practiceId);
  requireAuthorOrFocalPoint(command.actor, practice, 'withdraw this practice');
  requirePublished(practice, 'withdrawn again');
  const input = new InputValidator();
  const reason = input.text('reason', command.reason, INPUT_LIMITS.note);
  input.throwIfInvalid();
  return [
    {
      type: 'PracticeWithdrawn',
      data: {
        practiceId: practice.id,
        reason,
        by: participantOf(command.actor),
        occurredAt: command.now.toISOString(),
      },
    },
  ];
}

function adopt(command: Issued<AdoptPractice>, state: PracticeState): PracticeEvent[] {
  const practice = requireExisting(state, 'Practice', command.practiceId);
  const country = requireCountryParticipant(command.actor, 'adopt a practice');
  if (country === practice.country) throw new Forbidden(`${country} cannot adopt its own practice`);
  requirePublished(practice, 'adopted');
  if (practice.adoptions.some((adoption) => adoption.country === country)) {
    throw new InvalidState(`${country} has already adopted this practice`);
  }
  const input = new InputValidator();
  const note = input.optionalText('note', command.note, INPUT_LIMITS.note);
  input.throwIfInvalid();
  return [
    {
      type: 'PracticeAdopted',
      data: {
        practiceId: practice.id,
        country,
        note,
        by: participantOf(command.actor),
        occurredAt: command.now.toISOString(),
      },
    },
  ];
}

/*
 * An event the state cannot take leaves it unchanged: the log is the truth,
 * the deciders never write such an event, and a read must not fail on history.
 */
function evolve(state: PracticeState, event: PracticeEvent): PracticeState {
  if (event.type === 'PracticeShared') {
    const { practiceId, occurredAt, links, ...shared } = event.data;
    return {
      kind: 'PRACTICE',
      status: 'PUBLISHED',
      id: practiceId,
      ...shared,
      links: links ?? [],
      adoptions: [],
      createdAt: occurredAt,
      updatedAt: occurredAt,
    };
  }
  if (state.status === 'EMPTY') return state;
  const updatedAt = event.data.occurredAt;
  switch (event.type) {
    case 'PracticeRevised':
      return { ...state, ...event.data.changes, updatedAt };
    case 'PracticeWithdrawn':
      return { ...state, status: 'WITHDRAWN', updatedAt };
    case 'PracticeAdopted': {
      const { country, by, note } = event.data;
      return { ...state, adoptions: [...state.adoptions, { country, by, note, adoptedAt: updatedAt }], updatedAt };
    }
  }
}

export const practiceDecider: Decider<PracticeCommand, PracticeEvent, PracticeState> = {
  decide(command, state) {
    switch (command.type) {
      case 'SharePractice':
        return share(command, state);
      case 'RevisePractice':
        return revise(command, state);
      case 'WithdrawPractice':
        return withdraw(command, state);
      case 'AdoptPractice':
        return adopt(command, state);
    }
  },
  evolve,
  initialState: () => ({ status: 'EMPTY' }),
};

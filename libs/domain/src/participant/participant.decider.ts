import type { Decider } from '../shared/decider.types.js';
import { Forbidden } from '../shared/domain.errors.js';
import type { Issued } from '../shared/event.types.js';
import { InputValidator } from '../shared/input.validation.js';
import { type Actor, type Participant, ROLES } from '../shared/participant.types.js';
import type { EmptyState } from '../shared/state.guards.js';
import type {
  MarkNotificationsRead,
  ParticipantCommand,
  RecordParticipant,
  WatchItem,
} from './participant.commands.js';
import type { ParticipantEvent } from './participant.events.js';

/*
 * What one participant keeps of their own (stream `participant-<id>`): their
 * directory entry, the items they watch and their read marks. Only the
 * participant acts on it. Whether a watched item exists and whether the
 * participant sees it are the caller's checks, made before deciding.
 */

export interface ParticipantRecord {
  readonly status: 'ACTIVE';
  readonly id: string;
  /** As their token last said; null while only watches or read marks are recorded. */
  readonly profile: Participant | null;
  /** Ids of the items they watch, in the order they started. */
  readonly watching: readonly string[];
}

export type ParticipantState = EmptyState | ParticipantRecord;

/** An event id is a UUID; the bound only keeps anything else out of the log. */
const EVENT_ID_LIMITS = { min: 1, max: 100 };

function requireSelf(actor: Actor, participantId: string, action: string): void {
  if (actor.id !== participantId) throw new Forbidden(`Only the participant may ${action}`);
}

/** The token's roles in the contract's order, so that the same roles always read the same. */
const profileOf = (actor: Actor): Participant => ({
  id: actor.id,
  name: actor.name,
  country: actor.country,
  roles: ROLES.filter((role) => actor.roles.includes(role)),
});

const sameProfile = (a: Participant, b: Participant): boolean =>
  a.name === b.name &&
  a.country === b.country &&
  a.roles.length === b.roles.length &&
  a.roles.every((role) => b.roles.includes(role));

/** Recorded once, and again only when the token says otherwise: a request that changes nothing records nothing. */
function record(command: Issued<RecordParticipant>, state: ParticipantState): ParticipantEvent[] {
  requireSelf(command.actor, command.participantId, 'record themselves in the directory');
  const profile = profileOf(command.actor);
  if (state.status === 'ACTIVE' && state.profile !== null && sameProfile(state.profile, profile)) return [];
  const { name, country, roles } = profile;
  return [
    {
      type: 'ParticipantRecorded',
      data: { participantId: command.participantId, name, country, roles, occurredAt: command.now.toISOString() },
    },
  ];
}

function watch(command: Issued<WatchItem>, state: ParticipantState): ParticipantEvent[] {
  requireSelf(command.actor, command.participantId, 'watch items for themselves');
  const watching = state.status === 'ACTIVE' && state.watching.includes(command.itemId);
  if (watching === command.watching) return [];
  const data = {
    participantId: command.participantId,
    itemId: command.itemId,
    itemKind: command.itemKind,
    occurredAt: command.now.toISOString(),
  };
  return [command.watching ? { type: 'ItemWatched', data } : { type: 'ItemUnwatched', data }];
}

function markRead(command: Issued<MarkNotificationsRead>, _state: ParticipantState): ParticipantEvent[] {
  requireSelf(command.actor, command.participantId, 'mark their notifications read');
  const input = new InputValidator();
  const upTo = command.upTo === null ? null : input.text('upTo', command.upTo, EVENT_ID_LIMITS);
  input.throwIfInvalid();
  return [
    {
      type: 'NotificationsMarkedRead',
      data: { participantId: command.participantId, upTo, occurredAt: command.now.toISOString() },
    },
  ];
}

const active = (state: ParticipantState, id: string): ParticipantRecord =>
  state.status === 'ACTIVE' ? state : { status: 'ACTIVE', id, profile: null, watching: [] };

function evolve(state: ParticipantState, event: ParticipantEvent): ParticipantState {
  const current = active(state, event.data.participantId);
  switch (event.type) {
    case 'ParticipantRecorded': {
      const { participantId: id, name, country, roles } = event.data;
      return { ...current, profile: { id, name, country, roles } };
    }
    case 'ItemWatched':
      return current.watching.includes(event.data.itemId)
        ? current
        : { ...current, watching: [...current.watching, event.data.itemId] };
    case 'ItemUnwatched':
      return { ...current, watching: current.watching.filter((itemId) => itemId !== event.data.itemId) };
    case 'NotificationsMarkedRead':
      return current;
  }
}

export const participantDecider: Decider<ParticipantCommand, ParticipantEvent, ParticipantState> = {
  decide(command, state) {
    switch (command.type) {
      case 'RecordParticipant':
        return record(command, state);
      case 'WatchItem':
        return watch(command, state);
      case 'MarkNotificationsRead':
        return markRead(command, state);
    }
  },
  evolve,
  initialState: () => ({ status: 'EMPTY' }),
};

import type { CountryCode, Topic } from '../reference/reference-data.js';
import { requireFocalPoint } from '../shared/actor.guards.js';
import type { Decider } from '../shared/decider.types.js';
import { Forbidden, InvalidState } from '../shared/domain.errors.js';
import type { Issued } from '../shared/event.types.js';
import { INPUT_LIMITS, InputValidator } from '../shared/input.validation.js';
import type { Audience } from '../shared/item.types.js';
import type { Link } from '../shared/link.types.js';
import { type Actor, type Participant, participantOf } from '../shared/participant.types.js';
import { type EmptyState, requireExisting } from '../shared/state.guards.js';
import type {
  ConcludeConsultation,
  ConsultationCommand,
  RequestConsultation,
  RespondToConsultation,
  WithdrawConsultation,
} from './consultation.commands.js';
import {
  CONSULTATION_POSITIONS,
  type ConsultationEvent,
  type ConsultationPosition,
  type ConsultationResponded,
} from './consultation.events.js';

export const CONSULTATION_STATUSES = ['OPEN', 'CONCLUDED', 'WITHDRAWN'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];

/** A consulted country's current response. */
export interface ConsultationResponse {
  readonly country: CountryCode;
  readonly position: ConsultationPosition;
  readonly body: string;
  readonly by: Participant;
  /** When the country first responded. */
  readonly respondedAt: string;
  /** When it last changed its response; null while it has not. */
  readonly revisedAt: string | null;
}

export interface TransboundaryConsultation {
  readonly kind: 'CONSULTATION';
  readonly status: ConsultationStatus;
  readonly id: string;
  /** The originating country. */
  readonly country: CountryCode;
  readonly author: Participant;
  readonly audience: Audience;
  readonly title: string;
  readonly hazardousActivity: string;
  readonly location: string;
  readonly body: string;
  readonly topics: readonly Topic[];
  readonly consultedCountries: readonly CountryCode[];
  readonly respondBy: string;
  readonly links: readonly Link[];
  /** One per country that responded, in the order they first did. */
  readonly responses: readonly ConsultationResponse[];
  readonly conclusion: string | null;
  readonly createdAt: string;
  /** When the consultation's latest event happened. */
  readonly updatedAt: string;
}

export type ConsultationState = EmptyState | TransboundaryConsultation;

/*
 * Only the originating and consulted countries (and the secretariat) see a
 * consultation unless its author widens the audience: what a country tells
 * its neighbours about a hazardous activity is not the network's business by
 * default.
 */
const NO_OTHER_COUNTRY: Audience = { scope: 'COUNTRIES', subregions: [], countries: [] };

/** Consulted countries that have not responded yet, in the order they were consulted. */
export function awaitingCountries(consultation: TransboundaryConsultation): CountryCode[] {
  const responded = new Set(consultation.responses.map((response) => response.country));
  return consultation.consultedCountries.filter((country) => !responded.has(country));
}

/** Open, past its respondBy at `now`, and some consulted country has not responded. */
export function isOverdue(consultation: TransboundaryConsultation, now: Date): boolean {
  return (
    consultation.status === 'OPEN' &&
    now.getTime() > Date.parse(consultation.respondBy) &&
    awaitingCountries(consultation).length > 0
  );
}

function requireOriginatingFocalPoint(actor: Actor, consultation: TransboundaryConsultation, action: string): void {
  if (requireFocalPoint(actor, action) !== consultation.country) {
    throw new Forbidden(`Only a focal point of the originating country ${consultation.country} may ${action}`);
  }
}

function requireOpen(consultation: TransboundaryConsultation, action: string): void {
  if (consultation.status !== 'OPEN')
    throw new InvalidState(`A ${consultation.status} consultation cannot be ${action}`);
}

function request(command: Issued<RequestConsultation>, state: ConsultationState): ConsultationEvent[] {
  const country = requireFocalPoint(command.actor, 'request a consultation');
  if (state.status !== 'EMPTY') throw new InvalidState(`Consultation ${command.consultationId} already exists`);
  const input = new InputValidator();
  const data = {
    consultationId: command.consultationId,
    country,
    author: participantOf(command.actor),
    title: input.text('title', command.title, INPUT_LIMITS.title),
    hazardousActivity: input.text('hazardousActivity', command.hazardousActivity, INPUT_LIMITS.hazardousActivity),
    location: input.text('location', command.location, INPUT_LIMITS.location),
    body: input.text('body', command.body, INPUT_LIMITS.body),
    topics: input.topics('topics', command.topics),
    consultedCountries: input.consultedCountries('consultedCountries', command.consultedCountries, country),
    respondBy: input.future('respondBy', command.respondBy, command.now),
    audience: command.audience ? input.audience('audience', command.audience) : NO_OTHER_COUNTRY,
    links: input.links('links', command.links),
    occurredAt: command.now.toISOString(),
  };
  input.throwIfInvalid();
  return [{ type: 'ConsultationRequested', data }];
}

function respond(command: Issued<RespondToConsultation>, state: ConsultationState): ConsultationEvent[] {
  const consultation = requireExisting(state, 'Consultation', command.consultationId);
  const country = requireFocalPoint(command.actor, 'respond to a consultation');
  if (!consultation.consultedCountries.includes(country)) {
    throw new Forbidden(`${country} is not consulted on this activity`);
  }
  requireOpen(consultation, 'responded to');
  const input = new InputValidator();
  const position = input.oneOf('position', command.position, CONSULTATION_POSITIONS);
  const body = input.text('body', command.body, INPUT_LIMITS.consultationResponse);
  input.throwIfInvalid();
  return [
    {
      type: 'ConsultationResponded',
      data: {
        consultationId: consultation.id,
        country,
        originatingCountry: consultation.country,
        position,
        body,
        by: participantOf(command.actor),
        occurredAt: command.now.toISOString(),
      },
    },
  ];
}

function conclude(command: Issued<ConcludeConsultation>, state: ConsultationState): ConsultationEvent[] {
  const consultation = requireExisting(state, 'Consultation', command.consultationId);
  requireOriginatingFocalPoint(command.actor, consultation, 'conclude this consultation');
  requireOpen(consultation, 'concluded');
  const input = new InputValidator();
  const conclusion = input.text('conclusion', command.conclusion, INPUT_LIMITS.conclusion);
  input.throwIfInvalid();
  return [
    {
      type: 'ConsultationConcluded',
      data: {
        consultationId: consultation.id,
        conclusion,
        by: participantOf(command.actor),
        occurredAt: command.now.toISOString(),
      },
    },
  ];
}

function withdraw(command: Issued<WithdrawConsultation>, state: ConsultationState): ConsultationEvent[] {
  const consultation = requireExisting(state, 'Consultation', command.consultationId);
  requireOriginatingFocalPoint(command.actor, consultation, 'withdraw this consultation');
  requireOpen(consultation, 'withdrawn');
  const input = new InputValidator();
  const reason = input.text('reason', command.reason, INPUT_LIMITS.note);
  input.throwIfInvalid();
  return [
    {
      type: 'ConsultationWithdrawn',
      data: {
        consultationId: consultation.id,
        reason,
        by: participantOf(command.actor),
        occurredAt: command.now.toISOString(),
      },
    },
  ];
}

function withResponse(
  responses: readonly ConsultationResponse[],
  { country, position, body, by, occurredAt }: ConsultationResponded['data'],
): ConsultationResponse[] {
  const previous = responses.find((response) => response.country === country);
  if (previous === undefined) {
    return [...responses, { country, position, body, by, respondedAt: occurredAt, revisedAt: null }];
  }
  const revised = { ...previous, position, body, by, revisedAt: occurredAt };
  return responses.map((response) => (response === previous ? revised : response));
}

/*
 * An event the state cannot take leaves it unchanged: the log is the truth,
 * the deciders never write such an event, and a read must not fail on history.
 */
function evolve(state: ConsultationState, event: ConsultationEvent): ConsultationState {
  if (event.type === 'ConsultationRequested') {
    const { consultationId, occurredAt, ...requested } = event.data;
    return {
      kind: 'CONSULTATION',
      status: 'OPEN',
      id: consultationId,
      ...requested,
      responses: [],
      conclusion: null,
      createdAt: occurredAt,
      updatedAt: occurredAt,
    };
  }
  if (state.status === 'EMPTY') return state;
  const updatedAt = event.data.occurredAt;
  switch (event.type) {
    case 'ConsultationResponded':
      return { ...state, responses: withResponse(state.responses, event.data), updatedAt };
    case 'ConsultationConcluded':
      return { ...state, status: 'CONCLUDED', conclusion: event.data.conclusion, updatedAt };
    case 'ConsultationWithdrawn':
      return { ...state, status: 'WITHDRAWN', updatedAt };
  }
}

export const consultationDecider: Decider<ConsultationCommand, ConsultationEvent, ConsultationState> = {
  decide(command, state) {
    switch (command.type) {
      case 'RequestConsultation':
        return request(command, state);
      case 'RespondToConsultation':
        return respond(command, state);
      case 'ConcludeConsultation':
        return conclude(command, state);
      case 'WithdrawConsultation':
        return withdraw(command, state);
    }
  },
  evolve,
  initialState: () => ({ status: 'EMPTY' }),
};

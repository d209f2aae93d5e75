/**
 * @coop/domain: the cooperation network's pure domain. No framework, no I/O,
 * no clock, no randomness: time and ids arrive in commands.
 *
 * Split of authorisation: the deciders check who may do what to an item they
 * are given (roles, country, authorship) and answer FORBIDDEN; whether the
 * actor may see the item at all is the caller's check with `canSee`, made
 * before deciding, and an item the actor cannot see is NOT_FOUND.
 */
export * from './reference/reference-data.js';
export * from './shared/participant.types.js';
export * from './shared/item.types.js';
export * from './shared/link.types.js';
export * from './shared/domain.errors.js';
export * from './shared/decider.types.js';
export * from './shared/event.types.js';
export { type EmptyState, isEmptyState } from './shared/state.guards.js';
export * from './shared/actor.guards.js';
export { FORBIDDEN_CONTROL_CHARACTER, INPUT_LIMITS, InputValidator, type Range } from './shared/input.validation.js';
export * from './visibility/visibility.js';

export * from './practice/practice.commands.js';
export * from './practice/practice.events.js';
export * from './practice/practice.decider.js';
export * from './question/question.commands.js';
export * from './question/question.events.js';
export * from './question/question.decider.js';
export * from './proposal/proposal.commands.js';
export * from './proposal/proposal.events.js';
export * from './proposal/proposal.decider.js';
export * from './consultation/consultation.commands.js';
export * from './consultation/consultation.events.js';
export * from './consultation/consultation.decider.js';
export * from './country-profile/country-profile.commands.js';
export * from './country-profile/country-profile.events.js';
export * from './country-profile/country-profile.decider.js';
export * from './discussion/discussion.commands.js';
export * from './discussion/discussion.events.js';
export * from './discussion/discussion.decider.js';
export * from './participant/participant.commands.js';
export * from './participant/participant.events.js';
export * from './participant/participant.decider.js';

export * from './events/domain-event.js';
export * from './events/activity.js';
export * from './streams/stream-names.js';
export * from './items/item-fold.js';
export * from './items/item-visibility.js';
export * from './aggregates.js';
export type { Aggregate } from './shared/aggregate.types.js';
export * from './notifications/notification.types.js';
export * from './notifications/notification-recipients.js';

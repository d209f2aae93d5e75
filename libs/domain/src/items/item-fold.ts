import { consultationAggregate, practiceAggregate, proposalAggregate, questionAggregate } from '../aggregates.js';
import type { TransboundaryConsultation } from '../consultation/consultation.decider.js';
import type { Practice } from '../practice/practice.decider.js';
import type { JointProjectProposal } from '../proposal/proposal.decider.js';
import type { Question } from '../question/question.decider.js';
import type { Aggregate } from '../shared/aggregate.types.js';
import { readEvent, type StoredEvent } from '../shared/event.types.js';
import type { ItemKind } from '../shared/item.types.js';
import { type EmptyState, isEmptyState } from '../shared/state.guards.js';

/** Each item kind's folded state, for callers that know the kind. */
export interface ItemStates {
  readonly PRACTICE: Practice;
  readonly QUESTION: Question;
  readonly PROPOSAL: JointProjectProposal;
  readonly CONSULTATION: TransboundaryConsultation;
}

export type ItemState = ItemStates[ItemKind];

function step<State extends ItemState, Event extends StoredEvent>(
  aggregate: Aggregate<never, Event, State | EmptyState>,
  state: State | null,
  stored: StoredEvent,
): State | null {
  const event = readEvent(aggregate.schemaVersions, stored);
  if (event === null) return state;
  const next = aggregate.decider.evolve(state ?? aggregate.decider.initialState(), event);
  return isEmptyState(next) ? null : next;
}

/**
 * One step of an item's fold, null standing for the item before it exists.
 * The event's type picks the kind's decider; an event of another kind than
 * the state's (or of no item) leaves the state as it is.
 */
export function evolveItem(state: ItemState | null, event: StoredEvent): ItemState | null {
  if (state === null) {
    return (
      step(practiceAggregate, null, event) ??
      step(questionAggregate, null, event) ??
      step(proposalAggregate, null, event) ??
      step(consultationAggregate, null, event)
    );
  }
  switch (state.kind) {
    case 'PRACTICE':
      return step(practiceAggregate, state, event);
    case 'QUESTION':
      return step(questionAggregate, state, event);
    case 'PROPOSAL':
      return step(proposalAggregate, state, event);
    case 'CONSULTATION':
      return step(consultationAggregate, state, event);
  }
}

/** An item's stored events folded: null while the item does not exist yet. */
export const foldItem = (events: readonly StoredEvent[]): ItemState | null =>
  events.reduce<ItemState | null>(evolveItem, null);

import { practiceDecider, type Practice } from '../practice/practice.decider.js';
import { proposalDecider, type JointProjectProposal } from '../proposal/proposal.decider.js';
import { questionDecider, type Question } from '../question/question.decider.js';
import type { ItemKind } from '../shared/item.types.js';

export type ItemState = Practice | Question | JointProjectProposal;

type StoredEvent = { readonly type: string; readonly data: unknown };

interface ItemDecider {
  evolve(state: ItemState | { readonly status: 'EMPTY' }, event: StoredEvent): ItemState | { readonly status: 'EMPTY' };
  initialState(): ItemState | { readonly status: 'EMPTY' };
}

/** Each item kind's decider, for callers that fold an item's stream knowing only its kind. */
const DECIDER_OF_KIND: Readonly<Record<ItemKind, ItemDecider>> = {
  PRACTICE: practiceDecider as unknown as ItemDecider,
  QUESTION: questionDecider as unknown as ItemDecider,
  PROPOSAL: proposalDecider as unknown as ItemDecider,
};

/**
 * One step of an item's fold with its kind's decider, null standing for the
 * empty state. The event must be one of that item's stream, as stored.
 */
export function evolveItem(kind: ItemKind, state: ItemState | null, event: StoredEvent): ItemState | null {
  const decider = DECIDER_OF_KIND[kind];
  const next = decider.evolve(state ?? decider.initialState(), event);
  return next.status === 'EMPTY' ? null : next;
}

/** An item's stored events folded: null while the item does not exist yet. */
export function foldItem(kind: ItemKind, events: readonly StoredEvent[]): ItemState | null {
  return events.reduce<ItemState | null>((state, event) => evolveItem(kind, state, event), null);
}

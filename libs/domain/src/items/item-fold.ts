import { practiceDecider, type Practice } from '../practice/practice.decider.js';
import { proposalDecider, type JointProjectProposal } from '../proposal/proposal.decider.js';
import { questionDecider, type Question } from '../question/question.decider.js';
import type { ItemKind } from '../shared/item.types.js';

export type ItemState = Practice | Question | JointProjectProposal;

/** Each item kind's decider, for callers that fold an item's stream knowing only its kind. */
const DECIDER_OF_KIND = {
  PRACTICE: practiceDecider,
  QUESTION: questionDecider,
  PROPOSAL: proposalDecider,
} as const;

/**
 * Folds stored events of one item stream with its decider's `evolve`: null
 * while the item does not exist yet (no creating event among them). The
 * events must be of that stream, as the store returns them.
 */
export function foldItem(
  kind: ItemKind,
  events: readonly { readonly type: string; readonly data: unknown }[],
): ItemState | null {
  const decider = DECIDER_OF_KIND[kind] as {
    evolve(state: unknown, event: unknown): ItemState | { status: 'EMPTY' };
    initialState(): ItemState | { status: 'EMPTY' };
  };
  const state = events.reduce((folded, event) => decider.evolve(folded, event), decider.initialState());
  return state.status === 'EMPTY' ? null : state;
}

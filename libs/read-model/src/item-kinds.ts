import {
  type DomainEvent,
  type EmptyState,
  type ItemKind,
  type JointProjectProposal,
  type Practice,
  practiceDecider,
  proposalDecider,
  type Question,
  questionDecider,
} from '@coop/domain';

export type ItemState = Practice | Question | JointProjectProposal;

/** What full-text search indexes of an item. */
export interface SearchText {
  readonly title: string;
  readonly summary: string;
  readonly body: string;
}

/** One item aggregate as the projection sees it: its decider's fold, and what its search text is made of. */
export interface ItemKindProjection {
  readonly kind: ItemKind;
  /** The decider's `evolve`, null standing for its empty state. Only for events `itemOf` files under this kind. */
  evolve(state: ItemState | null, event: DomainEvent): ItemState | null;
  searchText(state: ItemState): SearchText;
}

interface Spec<State extends ItemState, Event> {
  readonly kind: ItemKind;
  readonly decider: {
    evolve(state: State | EmptyState, event: Event): State | EmptyState;
    initialState(): State | EmptyState;
  };
  readonly searchText: (state: State) => SearchText;
}

// The casts hold because callers pass only states and events of this kind (see `evolve`).
function itemKind<State extends ItemState, Event>(spec: Spec<State, Event>): ItemKindProjection {
  return {
    kind: spec.kind,
    evolve(state, event) {
      const next = spec.decider.evolve((state ?? spec.decider.initialState()) as State | EmptyState, event as Event);
      return next.status === 'EMPTY' ? null : (next as State);
    },
    searchText: (state) => spec.searchText(state as State),
  };
}

const KINDS: Readonly<Record<ItemKind, ItemKindProjection>> = {
  PRACTICE: itemKind({
    kind: 'PRACTICE',
    decider: practiceDecider,
    searchText: ({ title, summary, body }) => ({ title, summary, body }),
  }),
  QUESTION: itemKind({
    kind: 'QUESTION',
    decider: questionDecider,
    searchText: ({ title, body }) => ({ title, summary: '', body }),
  }),
  PROPOSAL: itemKind({
    kind: 'PROPOSAL',
    decider: proposalDecider,
    searchText: ({ title, objectives }) => ({ title, summary: objectives, body: '' }),
  }),
};

export const itemKindProjection = (kind: ItemKind): ItemKindProjection => KINDS[kind];

/** Parses a stored `state` column back: written by `JSON.stringify` of a decider state of this kind. */
export const parseItemState = (json: string): ItemState => JSON.parse(json) as ItemState;

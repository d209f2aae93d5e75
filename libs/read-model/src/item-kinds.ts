import { type DomainEvent, type ItemKind, type ItemState, evolveItem } from '@coop/domain';

export type { ItemState };

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

// The casts hold because callers pass only states of this kind (see `evolve`).
const SEARCH_TEXT: Readonly<Record<ItemKind, (state: ItemState) => SearchText>> = {
  PRACTICE: (state) => {
    const { title, summary, body } = state as Extract<ItemState, { summary: string }>;
    return { title, summary, body };
  },
  QUESTION: (state) => {
    const { title, body } = state as Extract<ItemState, { answers: unknown }>;
    return { title, summary: '', body };
  },
  PROPOSAL: (state) => {
    const { title, objectives } = state as Extract<ItemState, { objectives: string }>;
    return { title, summary: objectives, body: '' };
  },
};

const KINDS = Object.fromEntries(
  (Object.keys(SEARCH_TEXT) as ItemKind[]).map((kind) => [
    kind,
    {
      kind,
      evolve: evolveItem,
      searchText: SEARCH_TEXT[kind],
    },
  ]),
) as Readonly<Record<ItemKind, ItemKindProjection>>;

export const itemKindProjection = (kind: ItemKind): ItemKindProjection => KINDS[kind];

/** Parses a stored `state` column back: written by `JSON.stringify` of a decider state of this kind. */
export const parseItemState = (json: string): ItemState => JSON.parse(json) as ItemState;

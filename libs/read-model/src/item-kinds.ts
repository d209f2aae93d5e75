import type { ItemState } from '@coop/domain';

export type { ItemState };

/** One searchable text of an item: the item itself, or one of its answers or responses. */
export interface SearchDocument {
  /** Unique within the item: `item`, `answer:<id>`, `response:<country>`. */
  readonly key: string;
  readonly title: string;
  readonly summary: string;
  readonly body: string;
}

const part = (key: string, body: string): SearchDocument => ({ key, title: '', summary: '', body });

/**
 * What full-text search finds an item by, as its state now stands: its own
 * text and the answers or responses it holds. A withdrawn practice is found by
 * nothing (its comments included): its country no longer stands behind it.
 */
export function searchDocumentsOf(state: ItemState): SearchDocument[] {
  switch (state.kind) {
    case 'PRACTICE':
      if (state.status === 'WITHDRAWN') return [];
      return [{ key: 'item', title: state.title, summary: state.summary, body: state.body }];
    case 'QUESTION':
      return [
        { key: 'item', title: state.title, summary: '', body: state.body },
        ...state.answers.map((answer) => part(`answer:${answer.id}`, answer.body)),
      ];
    case 'PROPOSAL':
      return [{ key: 'item', title: state.title, summary: state.objectives, body: '' }];
    case 'CONSULTATION':
      return [
        {
          key: 'item',
          title: state.title,
          summary: `${state.hazardousActivity}\n${state.location}`,
          body: state.conclusion === null ? state.body : `${state.body}\n\n${state.conclusion}`,
        },
        ...state.responses.map((response) => part(`response:${response.country}`, response.body)),
      ];
  }
}

/** Whether the item's comments are searchable: not once the item is found by nothing. */
export const isSearchable = (state: ItemState): boolean => searchDocumentsOf(state).length > 0;

/** Parses a stored `state` column back: written by `JSON.stringify` of a decider state. */
export const parseItemState = (json: string): ItemState => JSON.parse(json) as ItemState;

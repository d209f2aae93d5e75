import type { ItemState } from '@coop/domain';

export type { ItemState };

/** What full-text search indexes of an item. */
export interface SearchText {
  readonly title: string;
  readonly summary: string;
  readonly body: string;
}

export function searchTextOf(state: ItemState): SearchText {
  switch (state.kind) {
    case 'PRACTICE':
      return { title: state.title, summary: state.summary, body: state.body };
    case 'QUESTION':
      return { title: state.title, summary: '', body: state.body };
    case 'PROPOSAL':
      return { title: state.title, summary: state.objectives, body: '' };
    case 'CONSULTATION':
      return {
        title: state.title,
        summary: `${state.hazardousActivity}\n${state.location}`,
        body: state.conclusion === null ? state.body : `${state.body}\n\n${state.conclusion}`,
      };
  }
}

/** Parses a stored `state` column back: written by `JSON.stringify` of a decider state. */
export const parseItemState = (json: string): ItemState => JSON.parse(json) as ItemState;

import { NotFound } from './domain.errors.js';

/** Every aggregate's state before its first event. */
export interface EmptyState {
  readonly status: 'EMPTY';
}

export function requireExisting<State extends { readonly status: string }>(
  state: State | EmptyState,
  what: string,
  id: string,
): State {
  if (state.status === 'EMPTY') throw new NotFound(what, id);
  return state as State;
}

export const isEmptyState = <State extends { readonly status: string }>(
  state: State | EmptyState,
): state is EmptyState => state.status === 'EMPTY';

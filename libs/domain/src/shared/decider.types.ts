import type { Issued } from './event.types.js';

/**
 * An aggregate's behaviour, Emmett style: `decide` turns a command into events
 * (or throws a DomainError) given the state folded from the stream's events.
 * Time and ids arrive with the command, so both functions are deterministic.
 */
export interface Decider<Command, Event, State> {
  decide(command: Issued<Command>, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
}

export const fold = <Command, Event, State>(decider: Decider<Command, Event, State>, events: readonly Event[]): State =>
  events.reduce((state, event) => decider.evolve(state, event), decider.initialState());

import { type Decider, fold } from '../shared/decider.types.js';
import type { Issued } from '../shared/event.types.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- error classes take any constructor arguments
type ErrorClass<T extends Error> = new (...args: any[]) => T;

/**
 * given(events) / when(command) / then(events) | thenThrows(ErrorClass, check),
 * Emmett style. The given events are folded with `evolve`, exactly as the
 * command handler folds a stream, and the expected events are folded after
 * them, so a decider whose `evolve` cannot take its own events fails too.
 */
export function deciderSpec<Command, Event, State>(decider: Decider<Command, Event, State>) {
  return {
    given(history: readonly Event[]) {
      return {
        when(command: Issued<Command>) {
          const decide = () => decider.decide(command, fold(decider, history));
          return {
            then(expected: readonly Event[]): void {
              expect(decide()).toEqual(expected);
              fold(decider, [...history, ...expected]);
            },
            thenThrows<T extends Error>(errorClass: ErrorClass<T>, check?: (error: T) => void): void {
              let thrown: unknown;
              try {
                decide();
              } catch (error) {
                thrown = error;
              }
              expect(thrown).toBeInstanceOf(errorClass);
              check?.(thrown as T);
            },
          };
        },
      };
    },
  };
}

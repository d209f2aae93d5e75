import type { InputValidator } from './input.validation.js';

/** Whether two lists hold the same values, whatever their order (topics: a set). */
export const sameMembers = <T>(a: readonly T[], b: readonly T[]): boolean =>
  a.length === b.length && a.every((value) => b.includes(value));

/** A revision names at least one field; absent (null or undefined) fields stay as they are. */
export function requireSomeField(input: InputValidator, given: Readonly<Record<string, unknown>>): void {
  if (Object.values(given).every((value) => value == null)) {
    input.reject('input', `must change at least one of ${Object.keys(given).join(', ')}`);
  }
}

/**
 * What a benchmark scenario is to the runner: its options, and a run that
 * returns its figures. A figure holds its value, the floor it is divided by
 * (measured in the same run) and its targets; the runner computes the ratio
 * and whether each target is met, and prints one table for the whole run.
 */

export interface OptionSpec {
  readonly default: number;
  readonly meaning: string;
}

/** A bound on the figure's value or on its ratio to the floor. */
export type Target =
  | { readonly on: 'value' | 'ratio'; readonly atLeast: number }
  | { readonly on: 'value' | 'ratio'; readonly atMost: number };

export interface Figure {
  /** What is measured, in a few words. */
  readonly name: string;
  readonly value: number;
  /** Of the value and of the floor. */
  readonly unit: string;
  /** The same measure of the work's floor, taken in the same run. */
  readonly floor?: { readonly name: string; readonly value: number };
  /** None for a figure that is only reported. */
  readonly targets?: readonly Target[];
  /** Anything else worth reading beside the figure (other percentiles, counts). */
  readonly note?: string;
}

export interface Scenario<Options extends string = string> {
  /** As typed after `npm run bench --`. */
  readonly name: string;
  readonly summary: string;
  /** `--name N` options, each a positive integer. */
  readonly options: Readonly<Record<Options, OptionSpec>>;
  run(options: Readonly<Record<Options, number>>): Promise<Figure[]>;
}

/** Declares a scenario with its options' names inferred for `run`. */
export const scenario = <Options extends string>(definition: Scenario<Options>): Scenario => ({
  ...definition,
  run: (options) => definition.run(options),
});

export const ratioOf = (figure: Figure): number | null =>
  figure.floor === undefined || figure.floor.value === 0 ? null : figure.value / figure.floor.value;

/** Whether every target holds; null for a figure without targets. */
export function isMet(figure: Figure): boolean | null {
  if (figure.targets === undefined || figure.targets.length === 0) return null;
  const ratio = ratioOf(figure);
  return figure.targets.every((target) => {
    const measured = target.on === 'value' ? figure.value : ratio;
    if (measured === null || Number.isNaN(measured)) return false;
    return 'atLeast' in target ? measured >= target.atLeast : measured <= target.atMost;
  });
}

import type { Scenario } from './scenario.js';

export class UsageError extends Error {}

export interface Selection {
  readonly scenarios: readonly Scenario[];
  /** Every option of the selected scenarios, given or defaulted. */
  readonly options: Readonly<Record<string, number>>;
}

/**
 * `[<scenario>…] [--<option> N…]`: no name selects every scenario. An option
 * applies to every selected scenario that declares it; one that none declares
 * is refused, so a misspelt option never runs a default silently.
 */
export function parseCommandLine(args: readonly string[], registered: readonly Scenario[]): Selection {
  const names: string[] = [];
  const given = new Map<string, number>();
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] as string;
    if (!arg.startsWith('--')) {
      if (given.size > 0) throw new UsageError(`scenario names come before options: ${arg}`);
      names.push(arg);
      continue;
    }
    const value = Number(args[index + 1]);
    if (!Number.isSafeInteger(value) || value < 1) throw new UsageError(`${arg} needs a positive integer`);
    given.set(arg.slice(2), value);
    index += 1;
  }
  const scenarios =
    names.length === 0
      ? registered
      : names.map((name) => {
          const found = registered.find((candidate) => candidate.name === name);
          if (found === undefined) throw new UsageError(`no scenario ${name}`);
          return found;
        });
  const options: Record<string, number> = {};
  for (const { options: declared } of scenarios) {
    for (const [name, spec] of Object.entries(declared)) options[name] = given.get(name) ?? spec.default;
  }
  for (const name of given.keys()) {
    if (!(name in options)) throw new UsageError(`no selected scenario takes --${name}`);
  }
  return { scenarios, options };
}

export function usage(registered: readonly Scenario[]): string {
  const lines = ['usage: npm run bench -- [<scenario>…] [--<option> N…]   (no scenario: all of them)', ''];
  for (const { name, summary, options } of registered) {
    lines.push(`  ${name}: ${summary}`);
    for (const [option, spec] of Object.entries(options)) {
      lines.push(`      ${`--${option} N`.padEnd(24)}${spec.meaning} (default ${spec.default})`);
    }
  }
  return lines.join('\n');
}

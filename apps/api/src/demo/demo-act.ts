import type { CommandHandler, CommandResult } from '@coop/application';
import type { Aggregate, Participant, StoredEvent } from '@coop/domain';
import { v5 as uuidv5 } from 'uuid';

/** Namespace of the demo's item, answer, comment and activity ids. */
const DEMO_NAMESPACE = '9b7f4f0e-2c57-4d8a-a6f1-3e0d51c2b8a4';

/** The same id for the same name on every machine and every run, so recording the demo twice names the same things. */
export const demoId = (name: string): string => uuidv5(name, DEMO_NAMESPACE);

/**
 * One act of the demo: a command of a participant at the instant it happened,
 * recorded through the command handler as the API records its mutations.
 */
export interface DemoAct {
  /** Unique in the demo: the act's idempotency key, so recording it again writes nothing. */
  readonly key: string;
  readonly at: Date;
  readonly by: Participant;
  /** The item the act creates or concerns; null for a country profile. */
  readonly itemId: string | null;
  /** The stream its events go to. */
  readonly streamId: string;
  /** Every event of the act carries it, which is how a later run finds the act recorded. */
  readonly correlationId: string;
  record(handler: CommandHandler): Promise<CommandResult>;
}

export interface DemoActInput<Command> {
  readonly key: string;
  /** ISO 8601 instant: when the act happened, which is `now` for the decider. */
  readonly at: string;
  readonly by: Participant;
  readonly itemId: string | null;
  readonly command: Command;
}

export function demoAct<Command, Event extends StoredEvent, State>(
  aggregate: Aggregate<Command, Event, State>,
  input: DemoActInput<NoInfer<Command>>,
): DemoAct {
  const at = new Date(input.at);
  if (Number.isNaN(at.getTime())) throw new RangeError(`Demo act ${input.key}: not an instant: ${input.at}`);
  const key = `demo:${input.key}`;
  return {
    key: input.key,
    at,
    by: input.by,
    itemId: input.itemId,
    streamId: aggregate.streamIdOf(input.command),
    correlationId: key,
    record: (handler) =>
      handler.handle(aggregate, {
        command: input.command,
        actor: input.by,
        now: at,
        correlationId: key,
        idempotencyKey: key,
      }),
  };
}

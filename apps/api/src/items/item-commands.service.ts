import { CommandHandler, type CommandResult } from '@coop/application';
import { type Aggregate, type ItemKind, NotFound, type Participant, type StoredEvent } from '@coop/domain';
import { isItemViewOf, type ItemViewOf, Projector, ReadModel } from '@coop/read-model';
import { Injectable } from '@nestjs/common';
import type { AuthenticatedContext } from '../auth/current-viewer.decorator.js';

/** How long a mutation waits for its own events to reach the read model before answering. */
const READ_YOUR_WRITES_TIMEOUT_MS = 10_000;

const NOUN: Readonly<Record<ItemKind, string>> = {
  PRACTICE: 'Practice',
  QUESTION: 'Question',
  PROPOSAL: 'Joint project proposal',
  CONSULTATION: 'Consultation',
};

export interface ItemTarget<Kind extends ItemKind> {
  readonly kind: Kind;
  readonly id: string;
  /** A command that creates the item: there is nothing to look up first. */
  readonly creates?: boolean;
}

/** A command as a resolver builds it; who acts and when are stamped here. */
export interface CommandRequest<Command> {
  readonly command: Command;
  readonly expectedVersion?: number;
  readonly idempotencyKey?: string | null;
}

/**
 * What every mutation does around its decider: find the item as the actor may
 * see it (an item they may not see does not exist for them), run the command
 * as the actor, now, wait until the read model shows the write, and answer
 * with the item as the actor now sees it.
 */
@Injectable()
export class ItemCommandsService {
  constructor(
    private readonly commands: CommandHandler,
    private readonly readModel: ReadModel,
    private readonly projector: Projector,
  ) {}

  visibleItem<Kind extends ItemKind>(viewer: Participant, id: string, kind: Kind): ItemViewOf<Kind> {
    const item = this.readModel.item(viewer, id);
    if (item === null || !isItemViewOf(item, kind)) throw new NotFound(NOUN[kind], id);
    return item;
  }

  async onItem<Kind extends ItemKind, Command, Event extends StoredEvent, State>(
    context: AuthenticatedContext,
    target: ItemTarget<Kind>,
    aggregate: Aggregate<Command, Event, State>,
    request: CommandRequest<NoInfer<Command>>,
  ): Promise<ItemViewOf<Kind>> {
    if (!target.creates) this.visibleItem(context.viewer, target.id, target.kind);
    await this.execute(context, aggregate, request);
    return this.visibleItem(context.viewer, target.id, target.kind);
  }

  /** Runs a command as the viewer, now, and waits for the read model to reach its events (read-your-writes). */
  async execute<Command, Event extends StoredEvent, State>(
    context: AuthenticatedContext,
    aggregate: Aggregate<Command, Event, State>,
    request: CommandRequest<NoInfer<Command>>,
  ): Promise<CommandResult> {
    const result = await this.commands.handle(aggregate, {
      ...request,
      actor: context.viewer,
      now: new Date(),
      correlationId: context.correlationId,
    });
    if (result.position !== null) await this.projector.waitFor(result.position, READ_YOUR_WRITES_TIMEOUT_MS);
    return result;
  }
}

import { type Actor, type Decider, type ItemKind, NotFound, type Participant, itemStreamId } from '@coop/domain';
import { type ItemView, Projector, ReadModel } from '@coop/read-model';
import { Injectable } from '@nestjs/common';
import type { AuthenticatedContext } from '../auth/current-viewer.decorator.js';
import { CommandHandler, type CommandResult, type DomainEventShape } from '../commands/command-handler.js';
import { type ItemModel, itemModel } from './item-model.mapper.js';

/** How long a mutation waits for its own events to reach the read model before answering. */
const READ_YOUR_WRITES_TIMEOUT_MS = 10_000;

const NOUN: Record<ItemKind, string> = {
  PRACTICE: 'Practice',
  QUESTION: 'Question',
  PROPOSAL: 'Joint project proposal',
};

type ActorCommand = { readonly actor: Actor; readonly now: Date };

export interface ItemTarget {
  readonly kind: ItemKind;
  readonly id: string;
  /** A command that creates the item: there is nothing to look up first. */
  readonly creates?: boolean;
}

/** A command as a resolver builds it: who acts and when are the server's to say, never the client's. */
export type CommandInput<Command> = Command extends unknown ? Omit<Command, 'actor' | 'now'> : never;

export interface ItemCommand<Command extends ActorCommand, Event extends DomainEventShape, State> {
  readonly decider: Decider<Command, Event, State>;
  readonly command: CommandInput<Command>;
  readonly expectedVersion?: number;
  readonly idempotencyKey?: string | null;
}

/**
 * What every mutation does around its decider: find the item as the actor may
 * see it (an item they may not see does not exist for them), run the command,
 * wait until the read model shows the write, and answer with the item as the
 * actor now sees it.
 */
@Injectable()
export class ItemCommandsService {
  constructor(
    private readonly commands: CommandHandler,
    private readonly readModel: ReadModel,
    private readonly projector: Projector,
  ) {}

  visibleItem(viewer: Participant, id: string, kind: ItemKind): ItemView {
    const item = this.readModel.item(viewer, id);
    if (!item || item.kind !== kind) throw new NotFound(NOUN[kind], id);
    return item;
  }

  async onItem<Command extends ActorCommand, Event extends DomainEventShape, State>(
    context: AuthenticatedContext,
    target: ItemTarget,
    request: ItemCommand<Command, Event, State>,
  ): Promise<ItemModel> {
    if (!target.creates) this.visibleItem(context.viewer, target.id, target.kind);
    await this.execute(context, itemStreamId(target.kind, target.id), request);
    return itemModel(this.visibleItem(context.viewer, target.id, target.kind));
  }

  /** Runs a command as the viewer, now, and waits for the read model to reach its events (read-your-writes). */
  async execute<Command extends ActorCommand, Event extends DomainEventShape, State>(
    context: AuthenticatedContext,
    streamId: string,
    request: ItemCommand<Command, Event, State>,
  ): Promise<CommandResult<State>> {
    const result = await this.commands.handle({
      ...request,
      command: { ...request.command, actor: context.viewer, now: new Date() } as unknown as Command,
      streamId,
      correlationId: context.correlationId,
    });
    if (result.position !== null) await this.projector.waitFor(result.position, READ_YOUR_WRITES_TIMEOUT_MS);
    return result;
  }
}

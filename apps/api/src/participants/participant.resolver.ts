import { InputValidator, NotFound, participantAggregate, type Participant as Viewer } from '@coop/domain';
import { ReadModel } from '@coop/read-model';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated, type AuthenticatedContext, CurrentViewer } from '../auth/current-viewer.decorator.js';
import { TextArg } from '../graphql/input-validation.js';
import { type ItemModel, itemModel } from '../item-queries/item-model.mapper.js';
import { CooperationItem } from '../items/cooperation-item.types.js';
import { ItemCommandsService } from '../items/item-commands.service.js';
import { Participant, participantModel } from '../reference/reference.types.js';

/** Longer text matches no name worth finding, and would only make the scan costlier. */
const SEARCH_TEXT_LIMITS = { min: 1, max: 200 };

@Resolver()
export class ParticipantResolver {
  constructor(private readonly readModel: ReadModel) {}

  @Query(() => [Participant], {
    description:
      'Participants who have acted in the network or signed in, for mentions and for finding whom to consult. By name.',
  })
  participants(
    @CurrentViewer() _viewer: Viewer,
    @Args('country', { type: () => ID, nullable: true }) country?: string | null,
    @TextArg('text', { nullable: true }) text?: string | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first?: number | null,
  ): Participant[] {
    const input = new InputValidator();
    const [code = null] = country == null ? [] : input.countries('country', [country]);
    const matching = input.optionalText('text', text, SEARCH_TEXT_LIMITS);
    input.throwIfInvalid();
    return this.readModel.participants({ country: code, text: matching, first }).map(participantModel);
  }
}

@Resolver(() => CooperationItem)
export class WatchResolver {
  constructor(
    private readonly commands: ItemCommandsService,
    private readonly readModel: ReadModel,
  ) {}

  @Mutation(() => CooperationItem, {
    description: 'Starts or stops notifications of every activity on the item for the viewer.',
  })
  async watchItem(
    @Authenticated() context: AuthenticatedContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('watching', { type: () => Boolean }) watching: boolean,
  ): Promise<ItemModel> {
    const item = this.readModel.item(context.viewer, id);
    if (item === null) throw new NotFound('Item', id);
    await this.commands.execute(context, participantAggregate, {
      command: { type: 'WatchItem', participantId: context.viewer.id, itemId: id, itemKind: item.kind, watching },
    });
    return itemModel(this.readModel.item(context.viewer, id) ?? item);
  }

  /** The item was found visible by whoever returned it. */
  @ResolveField(() => Boolean, { description: 'Whether the viewer watches this item (notified of all its activity).' })
  watching(@Parent() item: CooperationItem, @CurrentViewer() viewer: Viewer): boolean {
    return this.readModel.watching(viewer.id, item.id);
  }
}

import { idFor } from '@coop/application';
import { discussionAggregate, type DiscussionCommand, NotFound } from '@coop/domain';
import { type CommentView, ReadModel } from '@coop/read-model';
import { Args, ID, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated, type AuthenticatedContext } from '../auth/current-viewer.decorator.js';
import { TextArg } from '../graphql/input-validation.js';
import { mapPage } from '../graphql/page.mapper.js';
import { CooperationItem } from '../items/cooperation-item.types.js';
import { ItemCommandsService } from '../items/item-commands.service.js';
import { commentModel } from './comment.mapper.js';
import { mentionedParticipants } from './mentions.js';
import { Comment, CommentConnection } from './comment.types.js';
import { PostCommentInput } from './post-comment.input.js';

@Resolver(() => Comment)
export class DiscussionResolver {
  constructor(
    private readonly items: ItemCommandsService,
    private readonly readModel: ReadModel,
  ) {}

  /** A comment exists for a viewer only when they may see its item. */
  private visibleComment(context: AuthenticatedContext, commentId: string): CommentView {
    const comment = this.readModel.comment(commentId);
    if (!comment || !this.readModel.item(context.viewer, comment.itemId)) throw new NotFound('Comment', commentId);
    return comment;
  }

  private async discuss(
    context: AuthenticatedContext,
    commentId: string,
    command: DiscussionCommand,
    idempotencyKey?: string | null,
  ): Promise<Comment> {
    await this.items.execute(context, discussionAggregate, { command, idempotencyKey });
    return commentModel(this.visibleComment(context, commentId));
  }

  @Mutation(() => Comment)
  postComment(
    @Authenticated() context: AuthenticatedContext,
    @Args('input', { type: () => PostCommentInput }) input: PostCommentInput,
  ): Promise<Comment> {
    const item = this.readModel.item(context.viewer, input.itemId);
    if (!item) throw new NotFound('Item', input.itemId);
    const commentId = idFor(context.viewer, `comment\u0000${item.id}`, input.idempotencyKey);
    const command = {
      type: 'PostComment',
      itemId: item.id,
      itemKind: item.kind,
      commentId,
      body: input.body,
      replyTo: input.replyTo ?? null,
      mentions: mentionedParticipants(this.readModel, item, input.mentions ?? []),
    } as const;
    return this.discuss(context, commentId, command, input.idempotencyKey);
  }

  @Mutation(() => Comment)
  editComment(
    @Authenticated() context: AuthenticatedContext,
    @Args('id', { type: () => ID }) id: string,
    @TextArg('body') body: string,
  ): Promise<Comment> {
    const { itemId } = this.visibleComment(context, id);
    return this.discuss(context, id, { type: 'EditComment', itemId, commentId: id, body });
  }

  @Mutation(() => Comment)
  retractComment(
    @Authenticated() context: AuthenticatedContext,
    @Args('id', { type: () => ID }) id: string,
    @TextArg('reason') reason: string,
  ): Promise<Comment> {
    const { itemId } = this.visibleComment(context, id);
    return this.discuss(context, id, { type: 'RetractComment', itemId, commentId: id, reason });
  }
}

/** An item's discussion, as a field of every kind of item (the item was found visible by whoever returned it). */
@Resolver(() => CooperationItem)
export class ItemCommentsResolver {
  constructor(private readonly readModel: ReadModel) {}

  @ResolveField(() => CommentConnection)
  comments(
    @Parent() item: CooperationItem,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): CommentConnection {
    return mapPage(this.readModel.comments(item.id, { first, after }), commentModel);
  }
}

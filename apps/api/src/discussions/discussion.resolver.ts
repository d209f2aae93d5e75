import { type DiscussionCommand, discussionDecider, discussionStreamId, NotFound } from '@coop/domain';
import { type CommentView, ReadModel } from '@coop/read-model';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Authenticated, type AuthenticatedContext } from '../auth/current-viewer.decorator.js';
import { idFor } from '../commands/command-handler.js';
import { type CommandInput, ItemCommandsService } from '../items/item-commands.service.js';
import { commentModel } from './comment.mapper.js';
import { Comment } from './comment.types.js';
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
    itemId: string,
    commentId: string,
    command: CommandInput<DiscussionCommand>,
    idempotencyKey?: string | null,
  ): Promise<Comment> {
    await this.items.execute(context, discussionStreamId(itemId), {
      decider: discussionDecider,
      idempotencyKey,
      command,
    });
    return commentModel(this.visibleComment(context, commentId));
  }

  @Mutation(() => Comment)
  async postComment(
    @Authenticated() context: AuthenticatedContext,
    @Args('input', { type: () => PostCommentInput }) input: PostCommentInput,
  ): Promise<Comment> {
    const item = this.readModel.item(context.viewer, input.itemId);
    if (!item) throw new NotFound('Item', input.itemId);
    const commentId = idFor(context.viewer, `comment\u0000${item.id}`, input.idempotencyKey);
    return this.discuss(
      context,
      item.id,
      commentId,
      {
        type: 'PostComment',
        itemId: item.id,
        itemKind: item.kind,
        commentId,
        body: input.body,
        replyTo: input.replyTo ?? null,
      },
      input.idempotencyKey,
    );
  }

  @Mutation(() => Comment)
  async editComment(
    @Authenticated() context: AuthenticatedContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('body', { type: () => String }) body: string,
  ): Promise<Comment> {
    const { itemId } = this.visibleComment(context, id);
    return this.discuss(context, itemId, id, {
      type: 'EditComment',
      itemId,
      commentId: id,
      body: body.trim(),
    });
  }

  @Mutation(() => Comment)
  async retractComment(
    @Authenticated() context: AuthenticatedContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { type: () => String }) reason: string,
  ): Promise<Comment> {
    const { itemId } = this.visibleComment(context, id);
    return this.discuss(context, itemId, id, {
      type: 'RetractComment',
      itemId,
      commentId: id,
      reason: reason.trim(),
    });
  }
}

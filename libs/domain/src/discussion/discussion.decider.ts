import { requireCountryParticipant } from '../shared/actor.guards.js';
import type { Decider } from '../shared/decider.types.js';
import type { Issued } from '../shared/event.types.js';
import { Forbidden, InvalidState, NotFound } from '../shared/domain.errors.js';
import { INPUT_LIMITS, InputValidator } from '../shared/input.validation.js';
import type { ItemKind } from '../shared/item.types.js';
import { isSecretariat, type Participant, participantOf } from '../shared/participant.types.js';
import type { EmptyState } from '../shared/state.guards.js';
import type { DiscussionCommand, EditComment, PostComment, RetractComment } from './discussion.commands.js';
import type { DiscussionEvent } from './discussion.events.js';

/*
 * The discussion of one item (stream `discussion-<itemId>`). Whether the item
 * exists and whether the actor may see it are the caller's checks, made
 * against the read model before deciding (an unseen item is NOT_FOUND); the
 * decider owns the rules inside the discussion.
 */

interface CommentFields {
  readonly id: string;
  readonly author: Participant;
  readonly replyTo: string | null;
  readonly postedAt: string;
  readonly editedAt: string | null;
}

export type Comment =
  | (CommentFields & { readonly retracted: false; readonly body: string })
  | (CommentFields & { readonly retracted: true; readonly body: null });

export interface Discussion {
  readonly status: 'ACTIVE';
  readonly itemId: string;
  readonly itemKind: ItemKind;
  readonly comments: readonly Comment[];
}

export type DiscussionState = EmptyState | Discussion;

function requireComment(state: DiscussionState, commentId: string): { discussion: Discussion; comment: Comment } {
  const comment = state.status === 'ACTIVE' ? state.comments.find((existing) => existing.id === commentId) : undefined;
  if (state.status === 'EMPTY' || comment === undefined) throw new NotFound('Comment', commentId);
  return { discussion: state, comment };
}

function requireNotRetracted(comment: Comment, action: string): asserts comment is Comment & { retracted: false } {
  if (comment.retracted) throw new InvalidState(`A retracted comment cannot be ${action}`);
}

/** Participants of a country discuss items they see; the secretariat takes part too (it sees every item). */
function post(command: Issued<PostComment>, state: DiscussionState): DiscussionEvent[] {
  if (!isSecretariat(command.actor)) requireCountryParticipant(command.actor, 'comment');
  const comments = state.status === 'EMPTY' ? [] : state.comments;
  if (comments.some((existing) => existing.id === command.commentId)) {
    throw new InvalidState(`Comment ${command.commentId} already exists`);
  }
  const input = new InputValidator();
  const body = input.text('body', command.body, INPUT_LIMITS.comment);
  const replyTo = command.replyTo ?? null;
  if (replyTo !== null && !comments.some((existing) => existing.id === replyTo)) {
    input.reject('replyTo', 'must be a comment on the same item');
  }
  const mentions = mentionsOf(input, command.mentions ?? []);
  input.throwIfInvalid();
  return [
    {
      type: 'CommentPosted',
      data: {
        itemId: command.itemId,
        itemKind: state.status === 'EMPTY' ? command.itemKind : state.itemKind,
        commentId: command.commentId,
        body,
        replyTo,
        author: participantOf(command.actor),
        mentions,
        occurredAt: command.now.toISOString(),
      },
    },
  ];
}

/** Each mentioned participant once, and few enough that a comment cannot notify a crowd. */
function mentionsOf(input: InputValidator, mentions: readonly Participant[]): Participant[] {
  const { max } = INPUT_LIMITS.mentions;
  if (mentions.length > max) input.reject('mentions', `must list at most ${max}`);
  mentions.forEach((mentioned, index) => {
    if (mentions.findIndex((other) => other.id === mentioned.id) !== index) {
      input.reject('mentions', `lists ${mentioned.id} more than once`);
    }
  });
  return mentions.map(participantOf);
}

function edit(command: Issued<EditComment>, state: DiscussionState): DiscussionEvent[] {
  const { discussion, comment } = requireComment(state, command.commentId);
  if (command.actor.id !== comment.author.id) throw new Forbidden('Only its author may edit a comment');
  requireNotRetracted(comment, 'edited');
  const input = new InputValidator();
  const body = input.text('body', command.body, INPUT_LIMITS.comment);
  input.throwIfInvalid();
  // Saving the same text records nothing: nothing happened to the comment.
  if (body === comment.body) return [];
  return [
    {
      type: 'CommentEdited',
      data: {
        itemId: discussion.itemId,
        itemKind: discussion.itemKind,
        commentId: comment.id,
        body,
        by: participantOf(command.actor),
        occurredAt: command.now.toISOString(),
      },
    },
  ];
}

function retract(command: Issued<RetractComment>, state: DiscussionState): DiscussionEvent[] {
  const { discussion, comment } = requireComment(state, command.commentId);
  if (command.actor.id !== comment.author.id && !isSecretariat(command.actor)) {
    throw new Forbidden('Only its author or the secretariat may retract a comment');
  }
  requireNotRetracted(comment, 'retracted again');
  const input = new InputValidator();
  const reason = input.text('reason', command.reason, INPUT_LIMITS.note);
  input.throwIfInvalid();
  return [
    {
      type: 'CommentRetracted',
      data: {
        itemId: discussion.itemId,
        itemKind: discussion.itemKind,
        commentId: comment.id,
        reason,
        by: participantOf(command.actor),
        occurredAt: command.now.toISOString(),
      },
    },
  ];
}

const updating = (discussion: Discussion, commentId: string, update: (comment: Comment) => Comment): Discussion => ({
  ...discussion,
  comments: discussion.comments.map((comment) => (comment.id === commentId ? update(comment) : comment)),
});

function evolve(state: DiscussionState, event: DiscussionEvent): DiscussionState {
  const { itemId, itemKind, commentId, occurredAt } = event.data;
  switch (event.type) {
    case 'CommentPosted': {
      const { body, replyTo, author } = event.data;
      const comment: Comment = {
        id: commentId,
        author,
        replyTo,
        postedAt: occurredAt,
        editedAt: null,
        retracted: false,
        body,
      };
      const comments = state.status === 'EMPTY' ? [] : state.comments;
      return { status: 'ACTIVE', itemId, itemKind, comments: [...comments, comment] };
    }
    // An event the state cannot take leaves it unchanged: the log is the truth.
    case 'CommentEdited':
      if (state.status === 'EMPTY') return state;
      return updating(state, commentId, (comment) =>
        comment.retracted ? comment : { ...comment, body: event.data.body, editedAt: occurredAt },
      );
    case 'CommentRetracted':
      if (state.status === 'EMPTY') return state;
      return updating(state, commentId, (comment) => ({ ...comment, retracted: true, body: null }));
  }
}

export const discussionDecider: Decider<DiscussionCommand, DiscussionEvent, DiscussionState> = {
  decide(command, state) {
    switch (command.type) {
      case 'PostComment':
        return post(command, state);
      case 'EditComment':
        return edit(command, state);
      case 'RetractComment':
        return retract(command, state);
    }
  },
  evolve,
  initialState: () => ({ status: 'EMPTY' }),
};

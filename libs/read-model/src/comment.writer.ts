import {
  type Comment as DomainComment,
  discussionDecider,
  type DiscussionEvent,
  isDiscussionEvent,
  type Participant,
} from '@coop/domain';
import type Database from 'better-sqlite3';
import type { ProjectedEvent, ProjectionWriter } from './projection-writer.js';

interface CommentRow {
  id: string;
  body: string | null;
  author: string;
  reply_to: string | null;
  posted_at: string;
  edited_at: string | null;
  retracted: number;
}

/** Writes `comments`: each comment as its discussion's events leave it. */
export class CommentWriter implements ProjectionWriter<DiscussionEvent> {
  readonly handles = isDiscussionEvent;
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      comment: db.prepare<[string], CommentRow>(
        'SELECT id, body, author, reply_to, posted_at, edited_at, retracted FROM comments WHERE id = ?',
      ),
      insert: db.prepare(
        `INSERT INTO comments (id, item_id, position, body, author, country, reply_to, posted_at, edited_at, retracted)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      update: db.prepare('UPDATE comments SET body = ?, edited_at = ?, retracted = ? WHERE id = ?'),
    };
  }

  apply({ recorded, event }: ProjectedEvent<DiscussionEvent>): void {
    const { commentId, itemId } = event.data;
    const row = this.statements.comment.get(commentId);
    const comment = commentAfter(event, row === undefined ? null : commentOfRow(row));
    if (comment === undefined) return;
    const retracted = comment.retracted ? 1 : 0;
    if (row === undefined) {
      this.statements.insert.run(
        comment.id,
        itemId,
        recorded.position,
        comment.body,
        JSON.stringify(comment.author),
        comment.author.country,
        comment.replyTo,
        comment.postedAt,
        comment.editedAt,
        retracted,
      );
    } else {
      this.statements.update.run(comment.body, comment.editedAt, retracted, commentId);
    }
  }
}

/**
 * The comment an event concerns, as the discussion's rules leave it (undefined
 * when they leave none). Each comment event touches only its own comment, so
 * folding the discussion decider over a discussion holding just that comment
 * gives what the whole discussion would, without loading every comment of the item.
 */
export function commentAfter(event: DiscussionEvent, before: DomainComment | null): DomainComment | undefined {
  const { commentId, itemId, itemKind } = event.data;
  const discussion =
    before === null
      ? discussionDecider.initialState()
      : { status: 'ACTIVE' as const, itemId, itemKind, comments: [before] };
  const after = discussionDecider.evolve(discussion, event);
  return after.status === 'ACTIVE' ? after.comments.find((candidate) => candidate.id === commentId) : undefined;
}

function commentOfRow(row: CommentRow): DomainComment {
  const fields = {
    id: row.id,
    author: JSON.parse(row.author) as Participant,
    replyTo: row.reply_to,
    postedAt: row.posted_at,
    editedAt: row.edited_at,
  };
  return row.retracted === 1 || row.body === null
    ? { ...fields, retracted: true, body: null }
    : { ...fields, retracted: false, body: row.body };
}

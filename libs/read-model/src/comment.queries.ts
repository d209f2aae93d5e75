import type { CountryCode, Participant } from '@coop/domain';
import type Database from 'better-sqlite3';
import { decodeCursor, encodeCursor, pageSize, toPage } from './page-cursor.js';
import type { CommentView, Page, PageArgs } from './read-model.types.js';

const DEFAULT_COMMENT_PAGE = 50;
const COMMENT_CURSOR = 'comment';
const COLUMNS = 'id, item_id, position, body, author, country, reply_to, posted_at, edited_at, retracted';

interface CommentRow {
  id: string;
  item_id: string;
  position: string;
  body: string | null;
  author: string;
  country: CountryCode | null;
  reply_to: string | null;
  posted_at: string;
  edited_at: string | null;
  retracted: number;
}

export class CommentQueries {
  private readonly byId: Database.Statement<[string], CommentRow>;
  private readonly byIds: Database.Statement<[string], CommentRow>;
  private readonly first: Database.Statement<{ itemId: string; limit: number }, CommentRow>;
  private readonly after: Database.Statement<{ itemId: string; limit: number; after: string }, CommentRow>;

  constructor(db: Database.Database) {
    this.byId = db.prepare(`SELECT ${COLUMNS} FROM comments WHERE id = ?`);
    this.byIds = db.prepare(`SELECT ${COLUMNS} FROM comments WHERE id IN (SELECT value FROM json_each(?))`);
    this.first = db.prepare(`SELECT ${COLUMNS} FROM comments WHERE item_id = @itemId ORDER BY position LIMIT @limit`);
    this.after = db.prepare(
      `SELECT ${COLUMNS} FROM comments WHERE item_id = @itemId AND position > @after ORDER BY position LIMIT @limit`,
    );
  }

  /** Oldest first. Visibility is the caller's: the item's own. */
  comments(itemId: string, page: PageArgs = {}): Page<CommentView> {
    const size = pageSize(page.first, DEFAULT_COMMENT_PAGE);
    const rows =
      page.after == null
        ? this.first.all({ itemId, limit: size + 1 })
        : this.after.all({ itemId, limit: size + 1, after: decodeCursor(COMMENT_CURSOR, page.after, ['string'])[0] });
    return toPage(rows, size, (row) => ({
      cursor: encodeCursor(COMMENT_CURSOR, [row.position]),
      node: commentView(row),
    }));
  }

  /** One comment with its item id (for edits and retractions); visibility is the caller's, through the item. */
  comment(id: string): CommentView | null {
    const row = this.byId.get(id);
    return row === undefined ? null : commentView(row);
  }

  /** Several comments in one query (those a page of feed entries names), by id; visibility is the caller's. */
  commentsById(ids: readonly string[]): Map<string, CommentView> {
    if (ids.length === 0) return new Map();
    return new Map(this.byIds.all(JSON.stringify(ids)).map((row) => [row.id, commentView(row)]));
  }
}

function commentView(row: CommentRow): CommentView {
  return {
    id: row.id,
    itemId: row.item_id,
    body: row.body,
    author: JSON.parse(row.author) as Participant,
    country: row.country,
    replyTo: row.reply_to,
    postedAt: row.posted_at,
    editedAt: row.edited_at,
    retracted: row.retracted === 1,
  };
}

import type { Viewer } from '@coop/domain';
import type Database from 'better-sqlite3';
import { ITEM_COLUMNS, type ItemColumns, itemViewOfRow } from './item-row.js';
import { decodeCursor, EMPTY_PAGE, encodeCursor, pageSize, toPage } from './page-cursor.js';
import type { ItemView, Page, PageArgs } from './read-model.types.js';
import { ftsQuery } from './search-query.js';
import { visibleTo } from './sql-filters.js';
import { viewerGrants } from './visibility-grants.js';

const DEFAULT_SEARCH_PAGE = 20;
const SEARCH_CURSOR = 'search';

interface SearchRow extends ItemColumns {
  rank: number;
  seq: number;
}

export class ItemQueries {
  private readonly byId: Database.Statement<{ id: string; grants: string }, ItemColumns>;
  private readonly searchFirst: Database.Statement<{ query: string; grants: string; limit: number }, SearchRow>;
  private readonly searchAfter: Database.Statement<
    { query: string; grants: string; limit: number; rank: number; seq: number },
    SearchRow
  >;

  constructor(db: Database.Database) {
    this.byId = db.prepare(`SELECT ${ITEM_COLUMNS} FROM items i WHERE i.id = @id AND ${visibleTo('i.id')}`);
    // bm25 ranks lower-is-better; (rank, seq) is a total order, so pages neither overlap nor skip while ranks hold.
    const search = (after: string) => `
      SELECT ${ITEM_COLUMNS}, m.rank, i.seq
      FROM (SELECT rowid, rank FROM item_search WHERE item_search MATCH @query) m
      JOIN items i ON i.seq = m.rowid
      WHERE ${visibleTo('i.id')} ${after}
      ORDER BY m.rank, i.seq
      LIMIT @limit`;
    this.searchFirst = db.prepare(search(''));
    this.searchAfter = db.prepare(search('AND (m.rank > @rank OR (m.rank = @rank AND i.seq > @seq))'));
  }

  item(viewer: Viewer, id: string): ItemView | null {
    const row = this.byId.get({ id, grants: JSON.stringify(viewerGrants(viewer)) });
    return row === undefined ? null : itemViewOfRow(row);
  }

  search(viewer: Viewer, text: string, page: PageArgs = {}): Page<ItemView> {
    const size = pageSize(page.first, DEFAULT_SEARCH_PAGE);
    const after = page.after == null ? null : decodeCursor(SEARCH_CURSOR, page.after, ['number', 'number']);
    const query = ftsQuery(text);
    if (query === null) return EMPTY_PAGE;
    const parameters = { query, grants: JSON.stringify(viewerGrants(viewer)), limit: size + 1 };
    const rows =
      after === null
        ? this.searchFirst.all(parameters)
        : this.searchAfter.all({ ...parameters, rank: after[0], seq: after[1] });
    return toPage(rows, size, (row) => ({
      cursor: encodeCursor(SEARCH_CURSOR, [row.rank, row.seq]),
      node: itemViewOfRow(row),
    }));
  }
}

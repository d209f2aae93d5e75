import type { Viewer } from '@coop/domain';
import type Database from 'better-sqlite3';
import { ITEM_COLUMNS, type ItemColumns, itemViewOfRow } from './item-row.js';
import type { ItemView } from './read-model.types.js';
import { visibleTo } from './sql-filters.js';
import { viewerGrants } from './visibility-grants.js';

export class ItemQueries {
  private readonly byId: Database.Statement<{ id: string; grants: string }, ItemColumns>;

  constructor(db: Database.Database) {
    this.byId = db.prepare(`SELECT ${ITEM_COLUMNS} FROM items i WHERE i.id = @id AND ${visibleTo('i.id')}`);
  }

  item(viewer: Viewer, id: string): ItemView | null {
    const row = this.byId.get({ id, grants: JSON.stringify(viewerGrants(viewer)) });
    return row === undefined ? null : itemViewOfRow(row);
  }
}

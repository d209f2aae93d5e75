import type Database from 'better-sqlite3';

/** `EXISTS` over item_grants: the viewer's grants (`@grants`, a JSON array) meet the item's (`visibility-grants.ts`). */
export const visibleTo = (itemIdColumn: string): string =>
  `EXISTS (SELECT 1 FROM item_grants g WHERE g.item_id = ${itemIdColumn} AND g.access IN (SELECT value FROM json_each(@grants)))`;

/** A list filter binds as one JSON array, so that any list length shares one prepared statement. */
export const inList = (column: string, parameter: string): string =>
  `${column} IN (SELECT value FROM json_each(@${parameter}))`;

/** An absent or empty list filters nothing. */
export const listParameter = (values: readonly string[] | null | undefined): string | null =>
  values === null || values === undefined || values.length === 0 ? null : JSON.stringify(values);

/**
 * Prepared statements of a query whose SQL varies with the filters present,
 * one per variant, prepared on first use and kept.
 */
export class StatementVariants {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  get(key: string, sql: () => string): Database.Statement {
    let statement = this.statements.get(key);
    if (statement === undefined) {
      statement = this.db.prepare(sql());
      this.statements.set(key, statement);
    }
    return statement;
  }
}

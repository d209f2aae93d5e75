import type { CountryCode, Participant, Role } from '@coop/domain';
import type Database from 'better-sqlite3';
import { pageSize } from './page-cursor.js';
import { indexedForm } from './search-query.js';
import { StatementVariants } from './sql-filters.js';

const DEFAULT_PARTICIPANT_PAGE = 20;

export interface ParticipantFilter {
  readonly country?: CountryCode | null;
  /** Part of the name, whatever its case and diacritics. */
  readonly text?: string | null;
  readonly first?: number | null;
}

interface ParticipantRow {
  id: string;
  name: string;
  country: CountryCode | null;
  roles: string;
}

const participantOfRow = (row: ParticipantRow): Participant => ({
  id: row.id,
  name: row.name,
  country: row.country,
  roles: JSON.parse(row.roles) as Role[],
});

/** The participant directory and each participant's watches. */
export class ParticipantQueries {
  private readonly variants: StatementVariants;
  private readonly byIds: Database.Statement<{ ids: string }, ParticipantRow>;
  private readonly watch: Database.Statement<[string, string], number>;

  constructor(db: Database.Database) {
    this.variants = new StatementVariants(db);
    this.byIds = db.prepare(
      'SELECT id, name, country, roles FROM participants WHERE id IN (SELECT value FROM json_each(@ids))',
    );
    this.watch = db
      .prepare<[string, string], number>('SELECT 1 FROM watches WHERE item_id = ? AND participant_id = ?')
      .pluck();
  }

  /** By name (folded), then id; a text matches anywhere in the name. */
  participants(filter: ParticipantFilter = {}): Participant[] {
    const limit = pageSize(filter.first, DEFAULT_PARTICIPANT_PAGE);
    const text = filter.text == null ? '' : indexedForm(filter.text.trim());
    const country = filter.country ?? null;
    const parameters: Record<string, string | number> = { limit };
    if (country !== null) parameters['country'] = country;
    if (text !== '') parameters['text'] = text;
    const statement = this.variants.get(`${country !== null}:${text !== ''}`, () => {
      const conditions = [
        ...(country !== null ? ['country = @country'] : []),
        ...(text !== '' ? ['instr(search_name, @text) > 0'] : []),
      ];
      return `SELECT id, name, country, roles FROM participants
        ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
        ORDER BY search_name, id LIMIT @limit`;
    });
    return (statement.all(parameters) as ParticipantRow[]).map(participantOfRow);
  }

  /** The recorded participants among `ids`, by id; unknown ids are absent. */
  participantsById(ids: readonly string[]): Map<string, Participant> {
    if (ids.length === 0) return new Map();
    return new Map(this.byIds.all({ ids: JSON.stringify(ids) }).map((row) => [row.id, participantOfRow(row)]));
  }

  watching(participantId: string, itemId: string): boolean {
    return this.watch.get(itemId, participantId) !== undefined;
  }
}

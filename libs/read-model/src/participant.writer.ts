import { isParticipantEvent, type ParticipantEvent } from '@coop/domain';
import type Database from 'better-sqlite3';
import type { ProjectedEvent, ProjectionWriter } from './projection-writer.js';
import { indexedForm } from './search-query.js';

/**
 * Writes `participants`, `watches` and `read_marks` from the participants'
 * own streams. A read mark only moves forward: marking an older notification
 * read again leaves the newer ones read.
 */
export class ParticipantWriter implements ProjectionWriter<ParticipantEvent> {
  readonly handles = isParticipantEvent;
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      record: db.prepare(
        `INSERT INTO participants (id, name, search_name, country, roles) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, search_name = excluded.search_name,
           country = excluded.country, roles = excluded.roles`,
      ),
      watch: db.prepare('INSERT OR IGNORE INTO watches (item_id, participant_id) VALUES (?, ?)'),
      unwatch: db.prepare('DELETE FROM watches WHERE item_id = ? AND participant_id = ?'),
      notifyingEvent: db.prepare<[string], string>('SELECT position FROM notifying_events WHERE event_id = ?').pluck(),
      markRead: db.prepare(
        `INSERT INTO read_marks (participant_id, position) VALUES (?, ?)
         ON CONFLICT (participant_id) DO UPDATE SET position = max(position, excluded.position)`,
      ),
    };
  }

  apply({ recorded, event }: ProjectedEvent<ParticipantEvent>): void {
    const s = this.statements;
    switch (event.type) {
      case 'ParticipantRecorded': {
        const { participantId, name, country, roles } = event.data;
        s.record.run(participantId, name, indexedForm(name), country, JSON.stringify(roles));
        return;
      }
      case 'ItemWatched':
        s.watch.run(event.data.itemId, event.data.participantId);
        return;
      case 'ItemUnwatched':
        s.unwatch.run(event.data.itemId, event.data.participantId);
        return;
      case 'NotificationsMarkedRead': {
        const { participantId, upTo } = event.data;
        // Without upTo: everything notified before this event. An id that notified nobody marks nothing.
        const position = upTo === null ? recorded.position : s.notifyingEvent.get(upTo);
        if (position !== undefined) s.markRead.run(participantId, position);
        return;
      }
    }
  }
}

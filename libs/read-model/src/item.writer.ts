import {
  type DiscussionEvent,
  type DomainEvent,
  evolveItem,
  isDiscussionEvent,
  type ItemConcernedEvent,
  isItemConcernedEvent,
  type ItemKind,
  type Subregion,
  subregionsOf,
  visibilityOf,
  type VisibilityItem,
} from '@coop/domain';
import type Database from 'better-sqlite3';
import { parseItemState } from './item-kinds.js';
import type { BatchItem, ItemSource, ProjectionBatch } from './projection-batch.js';
import type { ProjectedEvent, ProjectionWriter } from './projection-writer.js';
import { ProjectionFailed } from './read-model.errors.js';
import { itemGrants } from './visibility-grants.js';

type ItemEvent = Exclude<ItemConcernedEvent, DiscussionEvent>;

const isItemEvent = (event: DomainEvent): event is ItemEvent =>
  isItemConcernedEvent(event) && !isDiscussionEvent(event);

interface ItemRow {
  seq: number;
  kind: ItemKind;
  version: number;
  state: string;
  visibility: string;
  subregions: string;
}

const sortedJson = (values: readonly string[]): string => JSON.stringify([...values].sort());

/**
 * Writes `items`, `item_grants` and `item_topics`. Events are
 * folded into the batch's item in memory and each item is written once, when
 * the batch ends, so a catch-up batch touching an item many times costs one
 * row write. Visibility follows the item's state: when it changes (a proposal
 * invites a country), the grants and the item's subregions are rewritten, and
 * the feed entries written from then on are in the new subregions' feeds.
 */
export class ItemWriter implements ProjectionWriter<ItemEvent>, ItemSource {
  readonly handles = isItemEvent;
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      item: db.prepare<[string], ItemRow>(
        'SELECT seq, kind, version, state, visibility, subregions FROM items WHERE id = ?',
      ),
      insertItem: db.prepare(
        `INSERT INTO items (id, kind, version, state, title, visibility, subregions, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      updateItem: db.prepare(
        'UPDATE items SET version = ?, state = ?, title = ?, visibility = ?, subregions = ?, updated_at = ? WHERE seq = ?',
      ),
      insertGrant: db.prepare('INSERT INTO item_grants (item_id, access) VALUES (?, ?)'),
      deleteGrants: db.prepare('DELETE FROM item_grants WHERE item_id = ?'),
      deleteTopics: db.prepare('DELETE FROM item_topics WHERE item_id = ?'),
      insertTopic: db.prepare('INSERT INTO item_topics (item_id, topic) VALUES (?, ?)'),
    };
  }

  /** The item as its row holds it. */
  load(id: string): BatchItem | undefined {
    const row = this.statements.item.get(id);
    if (row === undefined) return undefined;
    const state = parseItemState(row.state);
    return {
      seq: row.seq,
      kind: row.kind,
      version: row.version,
      state,
      before: state,
      visibility: JSON.parse(row.visibility) as VisibilityItem,
      subregions: JSON.parse(row.subregions) as Subregion[],
      stored: { topics: sortedJson(state.topics), visibility: row.visibility },
      lastEvent: null,
    };
  }

  apply({ recorded, event, item }: ProjectedEvent<ItemEvent>): void {
    item.before = item.state;
    // The decider leaves its state as it was for an event it cannot take; the log still holds the event.
    item.state = evolveItem(item.state, event);
    item.version = recorded.version;
    if (item.state !== null) {
      item.visibility = visibilityOf(item.state);
      item.subregions = subregionsOf(item.visibility);
    }
    item.lastEvent = recorded;
  }

  flush(batch: ProjectionBatch): void {
    for (const item of batch.items()) {
      try {
        this.write(item);
      } catch (error) {
        const event = item.lastEvent;
        if (event === null) throw error;
        throw new ProjectionFailed(event.position, event.streamId, event.type, error);
      }
    }
  }

  private write(item: BatchItem): void {
    const { state, kind, visibility } = item;
    if (state === null || visibility === null) return;
    const stateJson = JSON.stringify(state);
    const visibilityJson = JSON.stringify(visibility);
    const subregionsJson = JSON.stringify(item.subregions);
    const s = this.statements;
    if (item.seq === null) {
      const inserted = s.insertItem.run(
        state.id,
        kind,
        item.version,
        stateJson,
        state.title,
        visibilityJson,
        subregionsJson,
        state.createdAt,
        state.updatedAt,
      );
      item.seq = Number(inserted.lastInsertRowid);
      for (const grant of itemGrants(visibility)) s.insertGrant.run(state.id, grant);
    } else {
      s.updateItem.run(item.version, stateJson, state.title, visibilityJson, subregionsJson, state.updatedAt, item.seq);
      if (item.stored?.visibility !== visibilityJson) {
        s.deleteGrants.run(state.id);
        for (const grant of itemGrants(visibility)) s.insertGrant.run(state.id, grant);
      }
    }
    const topics = sortedJson(state.topics);
    if (item.stored?.topics !== topics) {
      s.deleteTopics.run(state.id);
      for (const topic of new Set(state.topics)) s.insertTopic.run(state.id, topic);
    }
  }
}

import {
  type DiscussionEvent,
  isDiscussionEvent,
  type ItemConcernedEvent,
  isItemConcernedEvent,
  type ItemState,
} from '@coop/domain';
import type Database from 'better-sqlite3';
import { isSearchable, type SearchDocument, searchDocumentsOf } from './item-kinds.js';
import type { ProjectedEvent, ProjectionWriter } from './projection-writer.js';
import { wordCount } from './search-query.js';

const COMMENT_KEY = 'comment:';
const commentKey = (commentId: string): string => `${COMMENT_KEY}${commentId}`;
const sameText = (a: SearchDocument, b: SearchDocument): boolean =>
  a.title === b.title && a.summary === b.summary && a.body === b.body;

/**
 * Writes `search_documents` and `search_text`: each item's searchable texts
 * as its events leave them (its own text, answers, responses, comments). A
 * new document takes the next seq as its event comes, in log order, so a
 * rebuild numbers them alike; a changed text keeps its document, a removed
 * one (a retracted comment, a withdrawn practice) leaves the index.
 *
 * The index keeps no copy of the texts (the items and comments tables have
 * them), so what changed is found by comparing the item's documents before
 * and after the event, in memory: an event that changes no text costs no
 * read of the index.
 */
export class SearchWriter implements ProjectionWriter<ItemConcernedEvent> {
  readonly handles = isItemConcernedEvent;
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      seqOf: db
        .prepare<[string, string], number>('SELECT seq FROM search_documents WHERE item_id = ? AND key = ?')
        .pluck(),
      insertDocument: db.prepare('INSERT INTO search_documents (item_id, key, length) VALUES (?, ?, ?)'),
      insertText: db.prepare('INSERT INTO search_text (rowid, title, summary, body) VALUES (?, ?, ?, ?)'),
      updateDocument: db.prepare('UPDATE search_documents SET length = ? WHERE seq = ?'),
      updateText: db.prepare('UPDATE search_text SET title = ?, summary = ?, body = ? WHERE rowid = ?'),
      deleteDocument: db
        .prepare<[string, string], number>('DELETE FROM search_documents WHERE item_id = ? AND key = ? RETURNING seq')
        .pluck(),
      deleteDocuments: db
        .prepare<[string], number>('DELETE FROM search_documents WHERE item_id = ? RETURNING seq')
        .pluck(),
      deleteText: db.prepare('DELETE FROM search_text WHERE rowid = ?'),
    };
  }

  apply({ event, item }: ProjectedEvent<ItemConcernedEvent>): void {
    const { state } = item;
    if (state === null) return;
    if (isDiscussionEvent(event)) this.applyComment(event, state);
    else this.syncItem(item.before, state);
  }

  /**
   * Brings the item's own documents (not its comments) from what its state
   * held before the event to what it holds now; all of them, comments too,
   * out once it has none.
   */
  private syncItem(before: ItemState | null, state: ItemState): void {
    const wanted = searchDocumentsOf(state);
    const previous = new Map(
      (before === null ? [] : searchDocumentsOf(before)).map((document) => [document.key, document]),
    );
    if (wanted.length === 0) {
      if (previous.size > 0) this.deleteAll(state.id);
      return;
    }
    for (const document of wanted) {
      const old = previous.get(document.key);
      if (old === undefined) this.insert(state.id, document);
      else if (!sameText(old, document)) this.update(state.id, document);
      previous.delete(document.key);
    }
    for (const key of previous.keys()) this.delete(state.id, key);
  }

  private applyComment(event: DiscussionEvent, state: ItemState): void {
    const key = commentKey(event.data.commentId);
    if (event.type === 'CommentRetracted') {
      this.delete(state.id, key);
      return;
    }
    const document = { key, title: '', summary: '', body: event.data.body };
    if (!this.update(state.id, document) && event.type === 'CommentPosted' && isSearchable(state)) {
      this.insert(state.id, document);
    }
  }

  private insert(itemId: string, document: SearchDocument): void {
    const inserted = this.statements.insertDocument.run(itemId, document.key, lengthOf(document));
    const seq = Number(inserted.lastInsertRowid);
    this.statements.insertText.run(seq, document.title, document.summary, document.body);
  }

  /** False when the item has no such document. */
  private update(itemId: string, document: SearchDocument): boolean {
    const seq = this.statements.seqOf.get(itemId, document.key);
    if (seq === undefined) return false;
    this.statements.updateDocument.run(lengthOf(document), seq);
    this.statements.updateText.run(document.title, document.summary, document.body, seq);
    return true;
  }

  private delete(itemId: string, key: string): void {
    const seq = this.statements.deleteDocument.get(itemId, key);
    if (seq !== undefined) this.statements.deleteText.run(seq);
  }

  private deleteAll(itemId: string): void {
    for (const seq of this.statements.deleteDocuments.all(itemId)) this.statements.deleteText.run(seq);
  }
}

const lengthOf = (document: SearchDocument): number =>
  wordCount(document.title) + wordCount(document.summary) + wordCount(document.body);

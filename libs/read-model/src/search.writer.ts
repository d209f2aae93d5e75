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

interface StoredDocument {
  seq: number;
  key: string;
  title: string;
  summary: string;
  body: string;
}

const COMMENT_KEY = 'comment:';
const commentKey = (commentId: string): string => `${COMMENT_KEY}${commentId}`;
const sameText = (stored: StoredDocument, document: SearchDocument): boolean =>
  stored.title === document.title && stored.summary === document.summary && stored.body === document.body;

/**
 * Writes `search_documents` and `search_text`: each item's searchable texts
 * as its events leave them (its own text, answers, responses, comments). A
 * new document takes the next seq as its event comes, in log order, so a
 * rebuild numbers them alike; a changed text keeps its document, a removed
 * one (a retracted comment, a withdrawn practice) leaves the index.
 */
export class SearchWriter implements ProjectionWriter<ItemConcernedEvent> {
  readonly handles = isItemConcernedEvent;
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      itemDocuments: db.prepare<[string], StoredDocument>(
        `SELECT d.seq, d.key, t.title, t.summary, t.body FROM search_documents d JOIN search_text t ON t.rowid = d.seq
         WHERE d.item_id = ?`,
      ),
      document: db.prepare<[string, string], StoredDocument>(
        `SELECT d.seq, d.key, t.title, t.summary, t.body FROM search_documents d JOIN search_text t ON t.rowid = d.seq
         WHERE d.item_id = ? AND d.key = ?`,
      ),
      insertDocument: db.prepare('INSERT INTO search_documents (item_id, key, length) VALUES (?, ?, ?)'),
      insertText: db.prepare('INSERT INTO search_text (rowid, title, summary, body) VALUES (?, ?, ?, ?)'),
      updateDocument: db.prepare('UPDATE search_documents SET length = ? WHERE seq = ?'),
      updateText: db.prepare('UPDATE search_text SET title = ?, summary = ?, body = ? WHERE rowid = ?'),
      deleteDocument: db.prepare('DELETE FROM search_documents WHERE seq = ?'),
      deleteText: db.prepare('DELETE FROM search_text WHERE rowid = ?'),
    };
  }

  apply({ event, item }: ProjectedEvent<ItemConcernedEvent>): void {
    const { state } = item;
    if (state === null) return;
    if (isDiscussionEvent(event)) this.applyComment(event, state);
    else this.syncItem(state);
  }

  /** Brings the item's own documents (not its comments) to what its state holds; all of them out when it has none. */
  private syncItem(state: ItemState): void {
    const wanted = searchDocumentsOf(state);
    const stored = new Map(this.statements.itemDocuments.all(state.id).map((document) => [document.key, document]));
    for (const document of wanted) {
      const current = stored.get(document.key);
      if (current === undefined) this.insert(state.id, document);
      else if (!sameText(current, document)) this.update(current.seq, document);
    }
    const keep = new Set(wanted.map((document) => document.key));
    for (const [key, document] of stored) {
      if (!keep.has(key) && (wanted.length === 0 || !key.startsWith(COMMENT_KEY))) this.delete(document.seq);
    }
  }

  private applyComment(event: DiscussionEvent, state: ItemState): void {
    const key = commentKey(event.data.commentId);
    const current = this.statements.document.get(state.id, key);
    if (event.type === 'CommentRetracted') {
      if (current !== undefined) this.delete(current.seq);
      return;
    }
    const document = { key, title: '', summary: '', body: event.data.body };
    if (current !== undefined) this.update(current.seq, document);
    else if (event.type === 'CommentPosted' && isSearchable(state)) this.insert(state.id, document);
  }

  private insert(itemId: string, document: SearchDocument): void {
    const inserted = this.statements.insertDocument.run(itemId, document.key, lengthOf(document));
    const seq = Number(inserted.lastInsertRowid);
    this.statements.insertText.run(seq, document.title, document.summary, document.body);
  }

  private update(seq: number, document: SearchDocument): void {
    this.statements.updateDocument.run(lengthOf(document), seq);
    this.statements.updateText.run(document.title, document.summary, document.body, seq);
  }

  private delete(seq: number): void {
    this.statements.deleteDocument.run(seq);
    this.statements.deleteText.run(seq);
  }
}

const lengthOf = (document: SearchDocument): number =>
  wordCount(document.title) + wordCount(document.summary) + wordCount(document.body);

import type { Viewer } from '@coop/domain';
import type Database from 'better-sqlite3';
import { ITEM_COLUMNS, type ItemColumns, itemViewOfRow } from './item-row.js';
import { decodeCursor, EMPTY_PAGE, encodeCursor, pageSize, toPage } from './page-cursor.js';
import { InvalidCursor } from './read-model.errors.js';
import type { ItemView, Page, PageArgs, SearchFilter } from './read-model.types.js';
import { ftsQuery, indexedForm, searchTerms } from './search-query.js';
import { inList, listParameter, StatementVariants, visibleTo } from './sql-filters.js';
import { viewerGrants } from './visibility-grants.js';

const DEFAULT_SEARCH_PAGE = 20;
const SEARCH_CURSOR = 'search';
/** A title match weighs more than a summary match, which weighs more than one in the body. */
const COLUMN_WEIGHTS: Readonly<Record<string, number>> = { title: 10, summary: 4, body: 1 };
/** FTS5's bm25 constants. */
const K1 = 1.2;
const B = 0.75;
/** Above every term the index holds (U+10FFFF sorts last in UTF-8): the end of a prefix's range. */
const PREFIX_END = '\u{10FFFF}';

/**
 * What a search ranks by, fixed by its first page and carried in every cursor
 * of it: the documents that existed then (seq up to `lastDocument`) and the
 * corpus figures bm25 weighs terms with. A document added later is not among
 * the hits, and every hit keeps the score it had: the pages of one search
 * neither skip nor repeat a hit while the network writes on.
 */
interface Snapshot {
  readonly lastDocument: number;
  readonly documents: number;
  readonly words: number;
  /** Per query term: how many documents hold a word it prefixes. */
  readonly documentFrequencies: readonly number[];
}

interface Candidate {
  doc: number;
  length: number;
  item: number;
}

interface Hit {
  readonly item: number;
  readonly score: number;
}

function encodeSearchCursor(snapshot: Snapshot, hit: Hit): string {
  const { lastDocument, documents, words, documentFrequencies } = snapshot;
  return encodeCursor(SEARCH_CURSOR, [lastDocument, documents, words, hit.score, hit.item, ...documentFrequencies]);
}

function decodeSearchCursor(cursor: string, terms: number): { snapshot: Snapshot; after: Hit } {
  const shape = Array.from({ length: 5 + terms }, () => 'number' as const);
  const [lastDocument = 0, documents = 0, words = 0, score = 0, item = 0, ...documentFrequencies] = decodeCursor(
    SEARCH_CURSOR,
    cursor,
    shape,
  );
  const counts = [lastDocument, documents, words, item, ...documentFrequencies];
  if (documents < 1 || !counts.every((count) => Number.isSafeInteger(count) && count >= 0)) {
    throw new InvalidCursor('after');
  }
  if (documentFrequencies.some((frequency) => frequency > documents)) throw new InvalidCursor('after');
  return { snapshot: { lastDocument, documents, words, documentFrequencies }, after: { score, item } };
}

/** Best first; equal scores by item. */
const byRank = (a: Hit, b: Hit): number => b.score - a.score || a.item - b.item;

/**
 * Full-text search over items' documents (their own text, answers, responses,
 * comments), an item scored by its best matching document. The ranking is
 * FTS5's bm25 (k1 1.2, b 0.75, column weights 10, 4, 1), computed here from
 * the index's term occurrences so that it can weigh terms with the corpus of
 * the search's first page rather than today's.
 */
export class SearchQueries {
  private readonly candidates: StatementVariants;
  private readonly corpus: Database.Statement<[], { last: number | null; documents: number; words: number }>;
  private readonly occurrences: Database.Statement<[string, string, number], [number, string, number]>;
  private readonly itemsBySeq: Database.Statement<[string], ItemColumns & { seq: number }>;

  constructor(db: Database.Database) {
    this.candidates = new StatementVariants(db);
    this.corpus = db.prepare(
      'SELECT max(seq) AS last, count(*) AS documents, total(length) AS words FROM search_documents',
    );
    this.occurrences = db
      .prepare<[string, string, number], [number, string, number]>(
        `SELECT doc, col, count(*) FROM search_terms WHERE term >= ? AND term < ? AND doc <= ?
         GROUP BY doc, col ORDER BY doc`,
      )
      .raw();
    this.itemsBySeq = db.prepare(
      `SELECT i.seq, ${ITEM_COLUMNS} FROM items i WHERE i.seq IN (SELECT value FROM json_each(?))`,
    );
  }

  search(viewer: Viewer, text: string, filter: SearchFilter & PageArgs = {}): Page<ItemView> {
    const size = pageSize(filter.first, DEFAULT_SEARCH_PAGE);
    const terms = searchTerms(text);
    const resumed = filter.after == null ? null : decodeSearchCursor(filter.after, terms.length);
    if (terms.length === 0) return EMPTY_PAGE;
    const corpus = resumed === null ? this.corpus.get() : undefined;
    const lastDocument = resumed?.snapshot.lastDocument ?? corpus?.last ?? 0;
    const candidates = this.matching(viewer, terms, filter, lastDocument);
    if (candidates.length === 0) return EMPTY_PAGE;

    const candidateDocs = new Set(candidates.map((candidate) => candidate.doc));
    const frequencies = terms.map((term) => this.weightedFrequencies(term, lastDocument, candidateDocs));
    const snapshot = resumed?.snapshot ?? {
      lastDocument,
      documents: corpus?.documents ?? 0,
      words: corpus?.words ?? 0,
      documentFrequencies: frequencies.map((frequency) => frequency.documents),
    };
    const score = scorer(snapshot, frequencies);

    const best = new Map<number, number>();
    for (const candidate of candidates) {
      const documentScore = score(candidate);
      if (documentScore > (best.get(candidate.item) ?? Number.NEGATIVE_INFINITY)) {
        best.set(candidate.item, documentScore);
      }
    }
    let hits = [...best].map(([item, itemScore]) => ({ item, score: itemScore }));
    if (resumed !== null) hits = hits.filter((hit) => byRank(resumed.after, hit) < 0);
    hits.sort(byRank);
    const page = hits.slice(0, size + 1);

    const rows = new Map(
      this.itemsBySeq.all(JSON.stringify(page.map((hit) => hit.item))).map((row) => [row.seq, row] as const),
    );
    const found = page.flatMap((hit) => {
      const row = rows.get(hit.item);
      return row === undefined ? [] : [{ hit, row }];
    });
    return toPage(found, size, ({ hit, row }) => ({
      cursor: encodeSearchCursor(snapshot, hit),
      node: itemViewOfRow(row),
    }));
  }

  /** The viewer's documents (up to the snapshot's last) holding every term, with their item. */
  private matching(viewer: Viewer, terms: readonly string[], filter: SearchFilter, lastDocument: number): Candidate[] {
    const kinds = listParameter(filter.kinds);
    const topics = listParameter(filter.topics);
    const subregion = filter.subregion ?? null;
    const parameters: Record<string, string | number> = {
      query: ftsQuery(terms),
      lastDocument,
      grants: JSON.stringify(viewerGrants(viewer)),
    };
    const conditions = [visibleTo('i.id')];
    if (kinds !== null) {
      parameters['kinds'] = kinds;
      conditions.push(inList('i.kind', 'kinds'));
    }
    if (topics !== null) {
      parameters['topics'] = topics;
      conditions.push(`EXISTS (SELECT 1 FROM item_topics t WHERE t.item_id = i.id AND ${inList('t.topic', 'topics')})`);
    }
    if (subregion !== null) {
      parameters['subregion'] = subregion;
      conditions.push('EXISTS (SELECT 1 FROM json_each(i.subregions) s WHERE s.value = @subregion)');
    }
    const statement = this.candidates.get(
      [kinds !== null, topics !== null, subregion !== null].join(':'),
      () => `
        SELECT d.seq AS doc, d.length, i.seq AS item
        FROM search_text m JOIN search_documents d ON d.seq = m.rowid JOIN items i ON i.id = d.item_id
        WHERE search_text MATCH @query AND m.rowid <= @lastDocument AND ${conditions.join(' AND ')}`,
    );
    return statement.all(parameters) as Candidate[];
  }

  /**
   * For one term: the weighted count of its occurrences in each candidate
   * document, and in how many documents of the snapshot it occurs at all.
   */
  private weightedFrequencies(
    term: string,
    lastDocument: number,
    candidates: ReadonlySet<number>,
  ): { readonly inDocument: Map<number, number>; readonly documents: number } {
    const prefix = indexedForm(term);
    const inDocument = new Map<number, number>();
    let documents = 0;
    let previous = -1;
    for (const [doc, column, count] of this.occurrences.iterate(prefix, `${prefix}${PREFIX_END}`, lastDocument)) {
      if (doc !== previous) documents += 1;
      previous = doc;
      if (candidates.has(doc)) inDocument.set(doc, (inDocument.get(doc) ?? 0) + (COLUMN_WEIGHTS[column] ?? 1) * count);
    }
    return { inDocument, documents };
  }
}

/** bm25 of a document with the snapshot's figures; higher is better. */
function scorer(
  snapshot: Snapshot,
  frequencies: readonly { readonly inDocument: ReadonlyMap<number, number> }[],
): (candidate: Candidate) => number {
  const { documents } = snapshot;
  const averageLength = snapshot.words / documents;
  const idf = snapshot.documentFrequencies.map((frequency) => {
    const value = Math.log((documents - frequency + 0.5) / (frequency + 0.5));
    return value > 0 ? value : 1e-6;
  });
  return (candidate) => {
    const norm = K1 * (1 - B + (B * candidate.length) / averageLength);
    let score = 0;
    frequencies.forEach((frequency, index) => {
      const weighted = frequency.inDocument.get(candidate.doc) ?? 0;
      score += (idf[index] ?? 0) * ((weighted * (K1 + 1)) / (weighted + norm));
    });
    return score;
  };
}

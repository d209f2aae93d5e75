import { InvalidCursor, InvalidPageSize } from './read-model.errors.js';
import type { Edge, Page } from './read-model.types.js';

export const MAX_PAGE_SIZE = 100;

type KeyPart = string | number;

/*
 * A cursor is base64url of a JSON array: the list's tag, then its keyset. The
 * tag keeps a cursor of one list from being taken by another, where it would
 * mean something else.
 */
export function encodeCursor(list: string, key: readonly KeyPart[]): string {
  return Buffer.from(JSON.stringify([list, ...key]), 'utf8').toString('base64url');
}

/** The keyset of `cursor`, checked against the shape the list expects; InvalidCursor otherwise. */
export function decodeCursor<const Shape extends readonly ('string' | 'number')[]>(
  list: string,
  cursor: string,
  shape: Shape,
  field = 'after',
): { -readonly [K in keyof Shape]: Shape[K] extends 'string' ? string : number } {
  let parsed: unknown;
  try {
    // base64url decoding ignores junk instead of failing, so the round trip is what proves the cursor ours.
    const json = Buffer.from(cursor, 'base64url').toString('utf8');
    if (Buffer.from(json, 'utf8').toString('base64url') !== cursor) throw new InvalidCursor(field);
    parsed = JSON.parse(json);
  } catch {
    throw new InvalidCursor(field);
  }
  if (!Array.isArray(parsed) || parsed.length !== shape.length + 1 || parsed[0] !== list) {
    throw new InvalidCursor(field);
  }
  const key = parsed.slice(1);
  key.forEach((part: unknown, index) => {
    const expected = shape[index];
    if (expected === 'number' ? typeof part !== 'number' || !Number.isFinite(part) : typeof part !== 'string') {
      throw new InvalidCursor(field);
    }
  });
  return key as { -readonly [K in keyof Shape]: Shape[K] extends 'string' ? string : number };
}

/** `first` as a row count: the list's default when absent, capped at MAX_PAGE_SIZE. */
export function pageSize(first: number | null | undefined, defaultSize: number): number {
  if (first === null || first === undefined) return defaultSize;
  if (!Number.isInteger(first) || first < 0) throw new InvalidPageSize('first', first);
  return Math.min(first, MAX_PAGE_SIZE);
}

/** Builds a page from up to `size + 1` rows: the extra row only says there is a next page. */
export function toPage<Row, Node>(rows: readonly Row[], size: number, toEdge: (row: Row) => Edge<Node>): Page<Node> {
  const edges = rows.slice(0, size).map(toEdge);
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > size, endCursor: edges[edges.length - 1]?.cursor ?? null },
  };
}

export const EMPTY_PAGE: Page<never> = Object.freeze({
  edges: [],
  pageInfo: { hasNextPage: false, endCursor: null },
});

import type { Page } from '@coop/read-model';

/** A read-model page as a GraphQL connection, each node mapped. */
export function mapPage<T, R>(
  page: Page<T>,
  map: (node: T) => R,
): { edges: { cursor: string; node: R }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } {
  return {
    edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: map(edge.node) })),
    pageInfo: { hasNextPage: page.pageInfo.hasNextPage, endCursor: page.pageInfo.endCursor },
  };
}

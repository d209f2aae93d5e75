export const LINK_KINDS = ['GUIDE', 'TEMPLATE', 'REPORT', 'MAP', 'PRESENTATION', 'LEGISLATION', 'OTHER'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** A validated link to a document kept elsewhere: an http or https URL, a title and a kind. */
export interface Link {
  readonly url: string;
  readonly title: string;
  readonly kind: LinkKind;
}

/** A link as a client sends it (contract `LinkInput`); without a kind it is OTHER. */
export interface LinkInput {
  readonly url: string;
  readonly title: string;
  readonly kind?: string | null;
}

/** The schemes a link may use: a document on the web, never script, file or data URLs. */
export const LINK_PROTOCOLS: readonly string[] = ['http:', 'https:'];

/** Whether two link lists hold the same links in the same order (the order is the author's). */
export const sameLinks = (a: readonly Link[], b: readonly Link[]): boolean =>
  a.length === b.length &&
  a.every((link, index) => {
    const other = b[index];
    return other !== undefined && link.url === other.url && link.title === other.title && link.kind === other.kind;
  });

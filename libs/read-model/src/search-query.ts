/** More terms add little to ranking and make a query costlier; later ones are dropped. */
const MAX_TERMS = 16;
/** A word as the unicode61 tokenizer sees one: a run of letters and digits. */
const WORD = /[\p{L}\p{N}]+/gu;
const LATIN_LETTER = /\p{Script=Latin}/gu;
const MARK = /\p{M}/gu;

/** The words of user text a search looks for, at most 16; none when it has no word. */
export function searchTerms(text: string): string[] {
  return (text.match(WORD) ?? []).slice(0, MAX_TERMS);
}

/**
 * The terms as an FTS5 query that cannot be a syntax error: each quoted as a
 * string and matched as a prefix, all required. A term holds no double
 * quote, so quoting needs no escaping.
 */
export const ftsQuery = (terms: readonly string[]): string => terms.map((term) => `"${term}"*`).join(' ');

/**
 * A term as the index stores it: lower case, Latin letters without their
 * diacritics (as `remove_diacritics 2` folds them; other scripts keep theirs).
 */
export const indexedForm = (term: string): string =>
  term.toLowerCase().replace(LATIN_LETTER, (letter) => letter.normalize('NFD').replace(MARK, ''));

/** Words in a text, counted as the index counts them. */
export const wordCount = (text: string): number => text.match(WORD)?.length ?? 0;

/** More terms add little to ranking and make a query costlier; later ones are dropped. */
const MAX_TERMS = 16;
const TERM = /[\p{L}\p{N}]+/gu;

/**
 * User text as an FTS5 query that cannot be a syntax error: the words (runs
 * of letters and digits, as the unicode61 tokenizer sees them), each quoted
 * as a string and matched as a prefix, all required. Null when the text has
 * no word, so no query is run.
 */
export function ftsQuery(text: string): string | null {
  const terms = (text.match(TERM) ?? []).slice(0, MAX_TERMS);
  if (terms.length === 0) return null;
  // A term holds no double quote, so quoting needs no escaping.
  return terms.map((term) => `"${term}"*`).join(' ');
}

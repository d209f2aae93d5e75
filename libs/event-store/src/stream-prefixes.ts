/**
 * The port's rule for `streamPrefixes`: absent (every stream is the store's
 * own), or at least one prefix, none empty. An empty list would show nothing
 * and an empty prefix everything, both surely a mistake in the caller.
 */
export function validateStreamPrefixes(prefixes: readonly string[] | undefined): readonly string[] | undefined {
  if (prefixes === undefined) return undefined;
  if (prefixes.length === 0 || prefixes.some((prefix) => typeof prefix !== 'string' || prefix === '')) {
    throw new RangeError(`Stream prefixes are at least one non-empty string, got ${JSON.stringify(prefixes)}`);
  }
  return [...prefixes];
}

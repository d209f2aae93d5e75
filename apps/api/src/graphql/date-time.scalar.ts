import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

function parse(value: unknown): Date {
  const date = typeof value === 'string' ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(String(value))) {
    throw new GraphQLError(`DateTime must be an ISO 8601 date-time, got ${JSON.stringify(value)}`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return date;
}

/**
 * ISO 8601 instants. Events store their times as ISO strings, so those are
 * served as they are; arguments arrive as `Date`.
 */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An ISO 8601 date-time in UTC, e.g. 2019-10-08T09:30:00.000Z.',
  serialize(value) {
    if (value instanceof Date) return value.toISOString();
    if (typeof value === 'string') return parse(value).toISOString();
    throw new GraphQLError(`Not a date-time: ${JSON.stringify(value)}`);
  },
  parseValue: parse,
  parseLiteral(node) {
    if (node.kind !== Kind.STRING) {
      throw new GraphQLError('DateTime must be a string', { nodes: [node], extensions: { code: 'BAD_USER_INPUT' } });
    }
    return parse(node.value);
  },
});

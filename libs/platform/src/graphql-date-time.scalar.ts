import { GraphQLError, GraphQLScalarType, Kind, print, TokenKind, type ValueNode } from 'graphql';

// A date, or a date-time with a UTC offset: without one the instant would depend on the server.
const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2}))?$/;

const EXPECTED = 'an ISO 8601 date-time such as 2025-05-01T00:00:00Z';

/** The instant `value` names, or null when it is not ISO 8601 or not a calendar date. */
export function parseIsoDateTime(value: string): Date | null {
  const match = ISO_8601.exec(value);
  const time = Date.parse(value);
  if (!match || Number.isNaN(time)) {
    return null;
  }
  const [year, month, day] = match.slice(1, 4).map(Number) as [number, number, number];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  return calendar.getUTCMonth() === month - 1 && calendar.getUTCDate() === day
    ? new Date(time)
    : null;
}

/** `shown` is the value as written: JSON for a variable, GraphQL for a literal. */
function invalid(shown: string, node?: ValueNode): GraphQLError {
  const argument = node && argumentNameOf(node);
  const subject = argument ? `argument "${argument}"` : 'DateTime';
  return new GraphQLError(`${subject} must be ${EXPECTED}, got ${shown}`, {
    nodes: node,
    extensions: { code: 'BAD_USER_INPUT', ...(argument ? { argument } : {}) },
  });
}

/** The name before `name: value` in the query text: the argument (or input field) the value is for. */
function argumentNameOf(node: ValueNode): string | undefined {
  const colon = node.loc?.startToken.prev;
  const name = colon?.kind === TokenKind.COLON ? colon.prev : undefined;
  return name?.kind === TokenKind.NAME ? name.value : undefined;
}

/**
 * DateTime that refuses what is not a date (`"notadate"` is a BAD_USER_INPUT naming the argument,
 * never an Invalid Date sent to the database). Apps map TypeScript `Date` to it (graphql.module.ts).
 */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: `A date-time string, ISO 8601 with a UTC offset, such as 2019-12-03T09:54:33Z (a bare date is midnight UTC).`,
  serialize(value) {
    if (value instanceof Date && !Number.isNaN(value.getTime())) {
      return value.toISOString();
    }
    throw new GraphQLError(`DateTime cannot represent ${String(value)}`);
  },
  parseValue(value) {
    const date = typeof value === 'string' ? parseIsoDateTime(value) : null;
    if (!date) {
      throw invalid(JSON.stringify(value) ?? String(value));
    }
    return date;
  },
  parseLiteral(node) {
    const date = node.kind === Kind.STRING ? parseIsoDateTime(node.value) : null;
    if (!date) {
      throw invalid(print(node), node);
    }
    return date;
  },
});

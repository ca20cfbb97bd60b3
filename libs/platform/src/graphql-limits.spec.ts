import { buildSchema, getIntrospectionQuery, Kind, parse } from 'graphql';

import { DEFAULT_QUERY_LIMITS, QUERY_TOO_COMPLEX, queryLimitError } from './graphql-limits';
import { measureOperation } from './graphql-query-measure';

const limits = { depth: 4, aliases: 3, cost: 100 };

describe('queryLimitError', () => {
  it('is null within every limit, and at each limit exactly', () => {
    expect(queryLimitError({ depth: 1, aliases: 0, cost: 1 }, limits)).toBeNull();
    expect(queryLimitError(limits, limits)).toBeNull();
  });

  it.each([
    [{ depth: 5, aliases: 0, cost: 1 }, 'depth', 'query depth is 5, over the limit of 4'],
    [{ depth: 1, aliases: 4, cost: 1 }, 'aliases', 'query alias count is 4, over the limit of 3'],
    [
      { depth: 1, aliases: 0, cost: 101 },
      'cost',
      'query cost (each field 1 plus its selection, times its limit argument) is 101, over the limit of 100',
    ],
  ])(
    'refuses %j over the %s limit, naming the limit and the actual value',
    (measure, limit, message) => {
      const error = queryLimitError(measure, limits);
      expect(error?.message).toBe(message);
      expect(error?.extensions).toEqual({
        code: QUERY_TOO_COMPLEX,
        limit,
        max: limits[limit as keyof typeof limits],
        actual: measure[limit as keyof typeof measure],
        http: { status: 400 },
      });
    },
  );
});

describe('DEFAULT_QUERY_LIMITS', () => {
  it('let the standard introspection query through', () => {
    const schema = buildSchema('type Query { ping: String }');
    const document = parse(getIntrospectionQuery());
    const [operation] = document.definitions;
    const fragments = Object.fromEntries(
      document.definitions.flatMap((definition) =>
        definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition]] : [],
      ),
    );
    if (operation?.kind !== Kind.OPERATION_DEFINITION) {
      throw new Error('no operation');
    }
    const measure = measureOperation(schema, operation, fragments, {});
    expect(queryLimitError(measure, DEFAULT_QUERY_LIMITS)).toBeNull();
  });
});

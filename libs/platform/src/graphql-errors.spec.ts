import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';

import { graphqlErrorFormatter, INTERNAL_ERROR_MESSAGE } from './graphql-errors';

/** What Apollo hands formatError: the formatted error (stack included) and the error itself. */
function apollo(error: GraphQLError): [GraphQLFormattedError, GraphQLError] {
  const formatted = error.toJSON();
  return [
    {
      ...formatted,
      extensions: {
        code: 'INTERNAL_SERVER_ERROR',
        ...formatted.extensions,
        stacktrace: ['at /abs/path.ts:1'],
      },
    },
    error,
  ];
}

function resolverError(cause: Error): GraphQLError {
  return new GraphQLError(cause.message, { path: ['candles'], originalError: cause });
}

describe('graphqlErrorFormatter outside development', () => {
  const logged: [string, unknown][] = [];
  const format = graphqlErrorFormatter(false, (message, error) => logged.push([message, error]));

  beforeEach(() => {
    logged.length = 0;
  });

  it('replaces an internal error by a generic one and logs the detail', () => {
    const cause = new Error('invalid input syntax for type timestamp with time zone: "0NaN"');
    const error = resolverError(cause);
    expect(format(...apollo(error))).toEqual({
      message: INTERNAL_ERROR_MESSAGE,
      path: ['candles'],
      locations: undefined,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(logged).toEqual([['GraphQL error at candles', error]]);
  });

  it('keeps a client error and its extensions, without the stack trace', () => {
    const cause = new GraphQLError("unknown symbol 'X'", {
      extensions: { code: 'BAD_USER_INPUT', reason: 'UNKNOWN_SYMBOL' },
    });
    const formatted = format(...apollo(resolverError(cause)));
    expect(formatted).toMatchObject({
      message: "unknown symbol 'X'",
      extensions: { code: 'BAD_USER_INPUT', reason: 'UNKNOWN_SYMBOL' },
    });
    expect(formatted.extensions).not.toHaveProperty('stacktrace');
    expect(logged).toEqual([]);
  });

  it("restores the code of a scalar's or a limit's error that Apollo files as a validation failure", () => {
    const scalar = new GraphQLError('argument "from" must be ...', {
      extensions: { code: 'BAD_USER_INPUT', argument: 'from' },
    });
    const validation = new GraphQLError(scalar.message, {
      originalError: scalar,
      extensions: { ...scalar.extensions, code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(format(...apollo(validation)).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'from',
    });
  });

  it('keeps a declared domain error (a statement timeout) as the exception filter made it', () => {
    const timeout = new GraphQLError('the query took longer than 5000 ms and was cancelled', {
      extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'QUERY_TIMEOUT' },
    });
    expect(format(...apollo(timeout))).toMatchObject({
      message: 'the query took longer than 5000 ms and was cancelled',
      extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'QUERY_TIMEOUT' },
    });
    expect(logged).toHaveLength(0);
  });
});

describe('graphqlErrorFormatter in development', () => {
  it('shows everything, stack trace included', () => {
    const format = graphqlErrorFormatter(true, () => undefined);
    const [formatted, error] = apollo(resolverError(new Error('relation "x" does not exist')));
    expect(format(formatted, error)).toEqual(formatted);
  });
});

import { graphql, GraphQLError, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';

import { DateTimeScalar, parseIsoDateTime } from './graphql-date-time.scalar';

describe('parseIsoDateTime', () => {
  it.each([
    ['2025-05-01T00:00:00Z', '2025-05-01T00:00:00.000Z'],
    ['2025-05-01T02:30:15.5+02:00', '2025-05-01T00:30:15.500Z'],
    ['2025-05-01T02:30+0200', '2025-05-01T00:30:00.000Z'],
    ['2025-05-01', '2025-05-01T00:00:00.000Z'],
  ])('reads %s', (text, iso) => {
    expect(parseIsoDateTime(text)?.toISOString()).toBe(iso);
  });

  it.each([
    'notadate',
    '',
    '2025-02-30',
    '2025-13-01T00:00:00Z',
    '2025-05-01T25:00:00Z',
    '2025-05-01T00:00:00',
    '1714521600000',
    ' 2025-05-01T00:00:00Z',
  ])('refuses %j', (text) => {
    expect(parseIsoDateTime(text)).toBeNull();
  });
});

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      echo: {
        type: GraphQLString,
        args: { from: { type: DateTimeScalar } },
        resolve: (_root, args: { from?: Date }) => args.from?.toISOString() ?? null,
      },
    },
  }),
});

describe('DateTimeScalar', () => {
  it('reads literals and variables into Dates', async () => {
    const result = await graphql({
      schema,
      source: 'query($d: DateTime) { a: echo(from: "2025-05-01T00:00:00Z") b: echo(from: $d) }',
      variableValues: { d: '2025-05-02' },
    });
    expect(result).toEqual({
      data: { a: '2025-05-01T00:00:00.000Z', b: '2025-05-02T00:00:00.000Z' },
    });
  });

  it('refuses a bad literal with BAD_USER_INPUT naming the argument', async () => {
    const result = await graphql({ schema, source: '{ echo(from: "notadate") }' });
    expect(result.data).toBeUndefined();
    expect(result.errors?.map((error) => error.toJSON())).toEqual([
      {
        message:
          'argument "from" must be an ISO 8601 date-time such as 2025-05-01T00:00:00Z, got "notadate"',
        locations: [{ line: 1, column: 14 }],
        extensions: { code: 'BAD_USER_INPUT', argument: 'from' },
      },
    ]);
  });

  it('refuses a bad variable, named by graphql-js', async () => {
    const result = await graphql({
      schema,
      source: 'query($d: DateTime) { echo(from: $d) }',
      variableValues: { d: 12 },
    });
    expect(result.errors?.[0]?.message).toBe(
      'Variable "$d" got invalid value 12; DateTime must be an ISO 8601 date-time such as 2025-05-01T00:00:00Z, got 12',
    );
  });

  it('serializes Dates only', () => {
    expect(DateTimeScalar.serialize(new Date(0))).toBe('1970-01-01T00:00:00.000Z');
    expect(() => DateTimeScalar.serialize(new Date(Number.NaN))).toThrow(GraphQLError);
    expect(() => DateTimeScalar.serialize('2025-05-01')).toThrow(GraphQLError);
  });
});

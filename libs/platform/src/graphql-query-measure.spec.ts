import {
  buildSchema,
  Kind,
  parse,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';

import { measureOperation, type QueryMeasure } from './graphql-query-measure';

const schema = buildSchema(`
  type Level { price: String! orders: Int! }
  type Whale { id: String! levels: [Level!]! }
  type Candle { time: String! close: String! }
  type Query {
    candles(symbol: String!, limit: Int! = 500): [Candle!]
    whales(limit: Int! = 50, offset: Int): [Whale!]
    ping: String
  }
`);

function measure(query: string, variables: Record<string, unknown> = {}): QueryMeasure {
  const document = parse(query);
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION,
  );
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments[definition.name.value] = definition;
    }
  }
  if (!operation) {
    throw new Error('no operation');
  }
  return measureOperation(schema, operation, fragments, variables);
}

describe('measureOperation', () => {
  it.each<[string, string, Record<string, unknown>, QueryMeasure]>([
    ['a scalar root field', '{ ping }', {}, { depth: 1, aliases: 0, cost: 1 }],
    [
      'a field times its limit literal',
      '{ candles(symbol: "BTC", limit: 10) { time close } }',
      {},
      { depth: 2, aliases: 0, cost: 30 },
    ],
    [
      'the schema default when limit is left out',
      '{ candles(symbol: "BTC") { time } }',
      {},
      { depth: 2, aliases: 0, cost: 1000 },
    ],
    [
      'a limit given as a variable',
      'query($n: Int!) { candles(symbol: "BTC", limit: $n) { time } }',
      { n: 7 },
      { depth: 2, aliases: 0, cost: 14 },
    ],
    [
      'nested lists: the outer limit multiplies the inner selection',
      '{ whales(limit: 3) { id levels { price orders } } }',
      {},
      { depth: 3, aliases: 0, cost: 3 * (1 + 1 + 1 * (1 + 2)) },
    ],
    [
      'each alias separately',
      '{ a: candles(symbol: "BTC", limit: 5) { time } b: candles(symbol: "ETH", limit: 5) { t: time } }',
      {},
      { depth: 2, aliases: 3, cost: 20 },
    ],
    [
      'fragments and inline fragments as if written out',
      `{ x: candles(symbol: "BTC", limit: 2) { ...C } y: candles(symbol: "BTC", limit: 2) { ...C } }
       fragment C on Candle { time ... on Candle { c: close } }`,
      {},
      { depth: 2, aliases: 4, cost: 12 },
    ],
  ])('counts %s', (_name, query, variables, expected) => {
    expect(measure(query, variables)).toEqual(expected);
  });

  it('measures the issue query: 1,000 aliases of candles(limit: 5000)', () => {
    const fields = Array.from(
      { length: 1000 },
      (_, i) => `c${i}: candles(symbol: "BTC", limit: 5000) { time }`,
    );
    expect(measure(`{ ${fields.join(' ')} }`)).toEqual({
      depth: 2,
      aliases: 1000,
      cost: 1000 * 5000 * 2,
    });
  });

  it('takes linear time on fragments spread exponentially', () => {
    const levels = Array.from(
      { length: 40 },
      (_, i) => `fragment F${i} on Candle { ...F${i + 1} ...F${i + 1} }`,
    );
    const query = `{ candles(symbol: "BTC", limit: 1) { ...F0 } } ${levels.join(' ')} fragment F40 on Candle { t: time }`;
    const result = measure(query);
    expect(result.aliases).toBe(2 ** 40);
    expect(result.depth).toBe(2);
  });
});

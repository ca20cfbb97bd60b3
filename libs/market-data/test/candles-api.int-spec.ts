import type { Server } from 'node:http';
import { Global, Module, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';

import { startTestDatabase, type TestDatabase } from '@nexwave/database/testing';
import { ApiErrorsModule, graphqlModule } from '@nexwave/platform';

import type { Candle } from '../src/application/queries/candle-read-model.port';
import { TIMEFRAMES } from '../src/domain/timeframe';
import { CandleRefresher } from '../src/infrastructure/persistence/candle-refresher';
import { TimeframeEnum } from '../src/interface/graphql/timeframe.enum';
import { MarketDataQueryModule } from '../src/market-data-query.module';
import {
  assertCandlesMatch,
  expectedCandles,
  insertTrades,
  syntheticTrades,
} from './candles-support';

const HOUR = 3_600_000;
const start = new Date('2025-05-01T22:00:00Z');
const trades = [
  ...syntheticTrades({
    symbol: 'BTC',
    start,
    durationMs: 48 * HOUR,
    basePrice: '97000.5',
    priceDecimals: 1,
    seed: 11,
  }),
  ...syntheticTrades({
    symbol: 'kBONK',
    start,
    durationMs: 48 * HOUR,
    basePrice: '0.02315',
    priceDecimals: 8,
    seed: 12,
  }),
];

const CANDLES_QUERY = `
  query Candles($symbol: String!, $timeframe: Timeframe!, $from: DateTime, $to: DateTime, $limit: Int! = 500) {
    candles(symbol: $symbol, timeframe: $timeframe, from: $from, to: $to, limit: $limit) {
      time open high low close volume vwap tradeCount
    }
  }`;

let database: TestDatabase;
let app: INestApplication;

beforeAll(async () => {
  database = await startTestDatabase();
  const dataSource = await database.freshDataSource();
  await insertTrades(dataSource, trades);
  await new CandleRefresher(dataSource).refresh(new Date(start.getTime() + 49 * HOUR));

  @Global()
  @Module({ providers: [{ provide: DataSource, useValue: dataSource }], exports: [DataSource] })
  class TestDataSourceModule {}

  const moduleRef = await Test.createTestingModule({
    imports: [TestDataSourceModule, ApiErrorsModule, graphqlModule(), MarketDataQueryModule],
  }).compile();
  app = moduleRef.createNestApplication({ logger: false });
  await app.init();
});

afterAll(async () => {
  await app?.close();
  await database.stop();
});

interface CandlesBody {
  symbol: string;
  timeframe: string;
  candles: Candle[];
}

interface GraphqlBody {
  data?: { candles: Candle[] | null } | null;
  errors?: { message: string; extensions: Record<string, unknown> }[];
}

/** The GraphQL enum name of a REST timeframe: 1m -> M1. */
function enumName(timeframe: string): string {
  const entry = Object.entries(TimeframeEnum).find(([, value]) => value === timeframe);
  if (!entry) {
    throw new Error(`no GraphQL name for ${timeframe}`);
  }
  return entry[0];
}

function http() {
  return request(app.getHttpServer() as Server);
}

async function restCandles(
  path: string,
  query: Record<string, unknown> = {},
): Promise<CandlesBody> {
  const response = await http().get(path).query(query).expect(200);
  return response.body as CandlesBody;
}

async function graphql(
  variables: Record<string, unknown>,
  query = CANDLES_QUERY,
  status = 200,
): Promise<GraphqlBody> {
  const response = await http().post('/graphql').send({ query, variables }).expect(status);
  return response.body as GraphqlBody;
}

async function badRequest(path: string): Promise<Record<string, unknown>> {
  const response = await http().get(path).expect(400);
  return response.body as Record<string, unknown>;
}

describe('GET /api/v1/candles/{symbol}/{timeframe} and GraphQL candles', () => {
  it.each(
    TIMEFRAMES.flatMap((timeframe) => [
      ['BTC', timeframe],
      ['kBONK', timeframe],
    ]),
  )('%s %s: REST and GraphQL return the same, correct candles', async (symbol, timeframe) => {
    const rest = await restCandles(`/api/v1/candles/${symbol}/${timeframe}`, { limit: 5000 });
    const gql = await graphql({ symbol, timeframe: enumName(timeframe), limit: 5000 });

    expect(rest).toMatchObject({ symbol, timeframe });
    assertCandlesMatch(rest.candles, expectedCandles(trades, symbol, timeframe), 'REST');
    expect(gql.errors).toBeUndefined();
    expect(gql.data?.candles).toEqual(rest.candles);
  });

  it('applies from, to (both inclusive) and limit, newest first, alike in REST and GraphQL', async () => {
    const from = '2025-05-02T03:00:00.000Z';
    const to = '2025-05-02T09:00:00.000Z';
    const expected = expectedCandles(trades, 'kBONK', '1h')
      .filter((candle) => candle.time >= from && candle.time <= to)
      .slice(0, 4);
    const rest = await restCandles('/api/v1/candles/kBONK/1h', { from, to, limit: 4 });
    assertCandlesMatch(rest.candles, expected, 'REST range');
    expect(rest.candles[0]?.time).toBe(to);
    const gql = await graphql({ symbol: 'kBONK', timeframe: 'H1', from, to, limit: 4 });
    expect(gql.data?.candles).toEqual(rest.candles);
  });

  it('defaults to the newest 500 candles', async () => {
    const rest = await restCandles('/api/v1/candles/BTC/1m');
    expect(rest.candles).toHaveLength(500);
    assertCandlesMatch(rest.candles, expectedCandles(trades, 'BTC', '1m').slice(0, 500), 'REST');
  });
});

describe('candle REST caching headers', () => {
  const settledRange = '/api/v1/candles/BTC/1h?to=2025-05-02T09:00:00.000Z&limit=5';

  it('gives a settled range a strong ETag from its content and an immutable Cache-Control', async () => {
    const first = await http().get(settledRange).expect(200);
    const again = await http().get(settledRange).expect(200);
    const other = await http().get(`${settledRange}0`).expect(200);

    expect(first.headers.etag).toMatch(/^"[\w-]{43}"$/);
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(other.headers.etag).not.toBe(first.headers.etag);
    expect(first.headers['cache-control']).toBe('public, max-age=86400, immutable');
  });

  it('answers 304 with no body to a matching If-None-Match, 200 to another', async () => {
    const { headers } = await http().get(settledRange).expect(200);
    const etag = headers.etag;

    const notModified = await http().get(settledRange).set('If-None-Match', etag).expect(304);
    expect(notModified.text).toBe('');
    expect(notModified.headers.etag).toBe(etag);
    await http().get(settledRange).set('If-None-Match', '"other"').expect(200);
  });

  it('has a range reaching now (the forming candle) revalidated every time, 304 when unchanged', async () => {
    const latest = await http().get('/api/v1/candles/BTC/1m?limit=3').expect(200);
    expect(latest.headers['cache-control']).toBe('no-cache');
    await http()
      .get('/api/v1/candles/BTC/1m?limit=3')
      .set('If-None-Match', latest.headers.etag)
      .expect(304);
  });
});

describe('bad candle requests', () => {
  it.each([
    [
      '/api/v1/candles/BTC/2m',
      'UNKNOWN_TIMEFRAME',
      "unknown timeframe '2m': allowed 1m, 5m, 15m, 1h, 4h, 1d",
    ],
    ['/api/v1/candles/KBONK/1m', 'UNKNOWN_SYMBOL', "unknown symbol 'KBONK': allowed BTC, kBONK"],
    [
      '/api/v1/candles/BTC/1m?limit=0',
      'INVALID_LIMIT',
      'limit must be an integer from 1 to 5000, got 0',
    ],
    [
      '/api/v1/candles/BTC/1m?limit=5001',
      'INVALID_LIMIT',
      'limit must be an integer from 1 to 5000, got 5001',
    ],
    [
      '/api/v1/candles/BTC/1m?from=2025-05-02T00:00:00Z&to=2025-05-01T00:00:00Z',
      'INVALID_RANGE',
      'from must not be after to',
    ],
  ])('GET %s -> 400 %s', async (path, code, message) => {
    expect(await badRequest(path)).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      code,
      message,
      details: expect.any(Object) as unknown,
    });
  });

  it.each([
    ['limit=ten', 'limit must be an integer number'],
    ['from=yesterday', 'from must be a valid ISO 8601 date string'],
    ['until=2025-05-01T00:00:00Z', 'property until should not exist'],
    // Valid ISO 8601 that JavaScript cannot parse: reached Postgres as "0NaN-NaN-..." before.
    ['from=20250101', 'from must be an ISO 8601 date-time like 2025-01-01T00:00:00Z'],
    ['to=2025-W01', 'to must be an ISO 8601 date-time like 2025-01-01T00:00:00Z'],
    ['limit=1&limit=2', 'limit must be an integer number'],
  ])('GET ?%s -> 400 VALIDATION_FAILED naming the parameter', async (query, reason) => {
    const body = await badRequest(`/api/v1/candles/BTC/1m?${query}`);
    expect(body).toMatchObject({
      statusCode: 400,
      error: 'Bad Request',
      code: 'VALIDATION_FAILED',
    });
    expect(body.message).toContain(reason);
    expect((body.details as { reasons: string[] }).reasons).toContain(reason);
  });

  it.each([
    ['a NUL byte (invalid byte sequence in Postgres before)', 'BTC%00'],
    ['a control character', 'BTC%0A'],
    ['a space', 'BTC%20USD'],
    ['a quote', "BT'C"],
    ['33 characters', 'B'.repeat(33)],
  ])('GET /api/v1/candles/{symbol with %s}/1m -> 400 before any query', async (_case, symbol) => {
    const body = await badRequest(`/api/v1/candles/${symbol}/1m`);
    expect(body).toMatchObject({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: expect.stringContaining('symbol must be an exchange symbol') as unknown,
    });
  });

  it.each(['1m%00', '1m%0A', 'x'.repeat(9)])(
    'GET /api/v1/candles/BTC/%s -> 400 naming the timeframes, without echoing the input',
    async (timeframe) => {
      expect(await badRequest(`/api/v1/candles/BTC/${timeframe}`)).toMatchObject({
        code: 'VALIDATION_FAILED',
        message: 'timeframe must be one of 1m, 5m, 15m, 1h, 4h, 1d',
      });
    },
  );

  it('GET a path that does not decode -> 400 in the same shape', async () => {
    expect(await badRequest('/api/v1/candles/BTC%ZZ/1m')).toMatchObject({
      statusCode: 400,
      error: 'Bad Request',
      code: 'BAD_REQUEST',
    });
  });

  it('GraphQL refuses a symbol with a NUL byte before any query', async () => {
    const body = await graphql({ symbol: 'BTC\u0000', timeframe: 'M1' });
    expect(body.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_SYMBOL' },
    });
  });

  it('GraphQL answers BAD_USER_INPUT with the same reason, nulling only that field', async () => {
    const body = await graphql(
      {},
      `
        {
          candles(symbol: "KBONK", timeframe: H1) {
            time
          }
          ok: candles(symbol: "BTC", timeframe: D1, limit: 1) {
            time
          }
        }
      `,
    );
    expect(body.data).toEqual({ candles: null, ok: [{ time: expect.any(String) as unknown }] });
    expect(body.errors).toMatchObject([
      {
        message: "unknown symbol 'KBONK': allowed BTC, kBONK",
        path: ['candles'],
        extensions: {
          code: 'BAD_USER_INPUT',
          reason: 'UNKNOWN_SYMBOL',
          details: { symbol: 'KBONK', allowed: 'BTC, kBONK' },
        },
      },
    ]);
  });

  it('GraphQL refuses a date that is not one, naming the argument, before any query runs', async () => {
    const body = await graphql(
      {},
      '{ candles(symbol: "BTC", timeframe: M1, from: "notadate") { time } }',
      400,
    );
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([
      {
        message:
          'argument "from" must be an ISO 8601 date-time such as 2025-05-01T00:00:00Z, got "notadate"',
        locations: [{ line: 1, column: 47 }],
        extensions: { code: 'BAD_USER_INPUT', argument: 'from' },
      },
    ]);
  });

  it.each([
    ['a date variable', { symbol: 'BTC', timeframe: 'M1', from: 'yesterday' }, 'Variable "$from"'],
    ['an unknown timeframe', { symbol: 'BTC', timeframe: '1H' }, 'Variable "$timeframe"'],
    ['a REST timeframe name', { symbol: 'BTC', timeframe: '1m' }, 'Variable "$timeframe"'],
  ])('GraphQL refuses %s with BAD_USER_INPUT naming it', async (_name, variables, named) => {
    const body = await graphql(variables, CANDLES_QUERY, 400);
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]?.message).toContain(named);
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT' });
  });
});

describe('GET /api/v1/symbols and /api/v1/prices', () => {
  it('lists the symbols with trades, case kept', async () => {
    const response = await http().get('/api/v1/symbols').expect(200);
    expect(response.body).toEqual({ symbols: ['BTC', 'kBONK'] });
  });

  it('gives the newest trade price of each symbol', async () => {
    const newest = (symbol: string) =>
      trades.filter((trade) => trade.symbol === symbol).reduce((a, b) => (b.time > a.time ? b : a));
    const response = await http().get('/api/v1/prices').expect(200);
    expect(response.body).toEqual({
      prices: ['BTC', 'kBONK'].map((symbol) => ({
        symbol,
        price: newest(symbol).price,
        time: newest(symbol).time.toISOString(),
      })),
    });
  });
});

import type { Server } from 'node:http';
import { Global, Module, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';

import { until } from '@nexwave/core/testing';
import { startTestDatabase, type TestDatabase } from '@nexwave/database/testing';
import type { MemoryStreamAdapter } from '@nexwave/messaging/testing';
import { ApiErrorsModule, graphqlModule } from '@nexwave/platform';

import type { WhaleActivityView } from '../src/application/queries/whale-read-model.port';
import { WHALES_ENTITIES } from '../src/infrastructure/persistence/whales.entities';
import { WhalesQueryModule } from '../src/whales-query.module';
import {
  at,
  buildTracker,
  newStreams,
  publishTrade,
  T0,
  untilImpactScheduled,
  whaleBook,
  type Tracker,
} from './whale-tracker-support';

const MINUTE = 60_000;

let database: TestDatabase;
let dataSource: DataSource;
let streams: MemoryStreamAdapter;
let tracker: Tracker;
let app: INestApplication;

/** Trades reach the tracker as market-data publishes them: on the trades:{SYMBOL} streams. */
async function publishTrades(trades: [symbol: string, time: Date, price: string][]): Promise<void> {
  for (const [symbol, time, price] of trades) {
    await publishTrade(streams, symbol, time, price);
  }
  await until(async () => {
    const [row] = await dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM whale_trade_prices`,
    );
    return row.n === trades.length;
  }, 'every trade price stored');
}

async function impacts(): Promise<Record<string, unknown>[]> {
  return dataSource.query(
    `SELECT symbol, side, impact_1m_bps::float8 AS m1, impact_5m_bps::float8 AS m5,
            impact_15m_bps::float8 AS m15, impact_60m_bps::float8 AS m60, impact_missed, impact_done
       FROM whale_activities ORDER BY symbol, side`,
  );
}

beforeAll(async () => {
  database = await startTestDatabase();
  dataSource = await database.freshDataSource({ entities: WHALES_ENTITIES });
  // The whales context owns its storage: it must work where market-data's tables do not exist.
  await dataSource.query(`DROP TABLE ticks CASCADE`);
  streams = newStreams();
  tracker = await buildTracker(dataSource, streams, {});
  await tracker.trades.start(['BTC', 'ETH']);

  @Global()
  @Module({ providers: [{ provide: DataSource, useValue: dataSource }], exports: [DataSource] })
  class TestDataSourceModule {}

  const moduleRef = await Test.createTestingModule({
    imports: [TestDataSourceModule, ApiErrorsModule, graphqlModule(), WhalesQueryModule],
  }).compile();
  app = moduleRef.createNestApplication({ logger: false });
  await app.init();
});

afterAll(async () => {
  await app?.close();
  await tracker?.close();
  await streams?.close();
  await database?.stop();
});

describe('market impact and whale queries', () => {
  it('measures the move 1, 5, 15 and 60 minutes after detection from published trades, without a ticks table, and gives up without trades', async () => {
    await expect(dataSource.query(`SELECT 1 FROM ticks`)).rejects.toThrow(/ticks/);
    await publishTrades([
      ['BTC', at(-1_000), '100000'],
      ['BTC', at(30_000), '100100'],
      ['BTC', at(4 * MINUTE), '99900'],
      ['BTC', at(14 * MINUTE), '100250'],
      ['BTC', at(59 * MINUTE), '99950'],
      ['BTC', at(70 * MINUTE), '120000'],
    ]);
    tracker.detection.offer(whaleBook(T0));
    tracker.detection.offer(whaleBook(T0, 'ETH'));
    await tracker.detection.runOnce(T0);
    // The saga schedules each new activity's first measurement: nothing measures it otherwise.
    await untilImpactScheduled(dataSource, 4);

    expect(await tracker.impact.runOnce(at(MINUTE))).toEqual({
      activities: 0,
      measured: 0,
      missed: 0,
    });
    expect(await tracker.impact.runOnce(at(MINUTE + 5_000))).toEqual({
      activities: 4,
      measured: 2,
      missed: 0,
    });
    await tracker.impact.runOnce(at(61 * MINUTE + 5_000));
    await tracker.impact.runOnce(at(75 * MINUTE));
    expect(await tracker.impact.runOnce(at(90 * MINUTE))).toEqual({
      activities: 0,
      measured: 0,
      missed: 0,
    });

    expect(await impacts()).toEqual([
      {
        symbol: 'BTC',
        side: 'ask',
        m1: -10,
        m5: 10,
        m15: -25,
        m60: 5,
        impact_missed: [],
        impact_done: true,
      },
      {
        symbol: 'BTC',
        side: 'bid',
        m1: 10,
        m5: -10,
        m15: 25,
        m60: -5,
        impact_missed: [],
        impact_done: true,
      },
      {
        symbol: 'ETH',
        side: 'ask',
        m1: null,
        m5: null,
        m15: null,
        m60: null,
        impact_missed: [1, 5, 15, 60],
        impact_done: true,
      },
      {
        symbol: 'ETH',
        side: 'bid',
        m1: null,
        m5: null,
        m15: null,
        m60: null,
        impact_missed: [1, 5, 15, 60],
        impact_done: true,
      },
    ]);
  });

  it('forgets trade prices older than six hours at each round', async () => {
    await tracker.impact.runOnce(at(6 * 60 * MINUTE + 30 * MINUTE));
    const left = await dataSource.query<{ time: Date }[]>(
      `SELECT time FROM whale_trade_prices ORDER BY time`,
    );
    expect(left).toEqual([{ time: at(59 * MINUTE) }, { time: at(70 * MINUTE) }]);
  });

  it('lists activities over REST with filters and paging, newest first, with their impact', async () => {
    const server = app.getHttpServer() as Server;
    const all = await request(server).get('/api/v1/whales').expect(200);
    expect(all.body).toMatchObject({ limit: 50, offset: 0 });
    expect((all.body as { activities: unknown[] }).activities).toHaveLength(4);

    const btcSingle = await request(server)
      .get('/api/v1/whales')
      .query({ symbol: 'BTC', kind: 'single', since: T0.toISOString(), minUsd: '900000' })
      .expect(200);
    const [whale] = (btcSingle.body as { activities: WhaleActivityView[] }).activities;
    expect((btcSingle.body as { activities: unknown[] }).activities).toHaveLength(1);
    expect(whale).toMatchObject({
      symbol: 'BTC',
      side: 'bid',
      kind: 'single',
      priceLow: '99970',
      priceHigh: '99970',
      size: '10',
      notionalUsd: '999700',
      levelCount: 1,
      orderCount: 1,
      levels: [{ price: '99970', amount: '10', orders: 1 }],
      firstSeenAt: T0.toISOString(),
      priceAtDetection: '100000',
      impact1mBps: 10,
      impact5mBps: -10,
      impact15mBps: 25,
      impact60mBps: -5,
    });
    expect(whale.confidence).toBeGreaterThanOrEqual(0.6);
    expect(whale.confidence).toBeLessThanOrEqual(0.95);

    const page = await request(server)
      .get('/api/v1/whales')
      .query({ limit: 3, offset: 2 })
      .expect(200);
    expect((page.body as { activities: unknown[] }).activities).toHaveLength(2);
    const later = await request(server)
      .get('/api/v1/whales')
      .query({ since: at(1_000).toISOString() })
      .expect(200);
    expect((later.body as { activities: unknown[] }).activities).toHaveLength(0);
  });

  it.each([
    [{ kind: 'iceberg' }, /kind must be one of/],
    [{ limit: '0' }, /limit must not be less than 1/],
    [{ minUsd: '-5' }, /minUsd must be a non-negative decimal/],
    [{ since: 'yesterday' }, /since must be a valid ISO 8601/],
    [{ symbol: 'BTC USD' }, /symbol must be an exchange symbol/],
    [{ unknown: '1' }, /property unknown should not exist/],
    // Reached Postgres before: "out of range for type bigint".
    [{ offset: '99999999999999999999' }, /offset must not be greater than 1000000/],
    [{ offset: '1e400' }, /offset must be an integer number/],
    [{ offset: '-1' }, /offset must not be less than 0/],
    [{ limit: '2.5' }, /limit must be an integer number/],
    [{ minUsd: '9'.repeat(19) }, /minUsd must be a non-negative decimal/],
    [{ since: '20260115' }, /since must be an ISO 8601 date-time like/],
    [{ symbol: 'BTC\u0000' }, /symbol must be an exchange symbol/],
    [{ symbol: 'B'.repeat(33) }, /symbol must be an exchange symbol/],
  ])('answers 400 VALIDATION_FAILED with the reason for %o', async (query, reason) => {
    const response = await request(app.getHttpServer() as Server)
      .get('/api/v1/whales')
      .query(query)
      .expect(400);
    expect(response.body).toMatchObject({
      statusCode: 400,
      error: 'Bad Request',
      code: 'VALIDATION_FAILED',
    });
    expect(
      (response.body as { details: { reasons: string[] } }).details.reasons.join('\n'),
    ).toMatch(reason);
  });

  it('refuses a symbol with a NUL byte over GraphQL before any query', async () => {
    const response = await request(app.getHttpServer() as Server)
      .post('/graphql')
      .send({
        query: 'query($symbol: String) { whaleImpact(symbol: $symbol) { kind } }',
        variables: { symbol: 'BTC\u0000' },
      })
      .expect(200);
    expect(response.body).toMatchObject({
      errors: [{ extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_QUERY' } }],
    });
  });

  it('reports the average impact per symbol and kind over REST', async () => {
    const response = await request(app.getHttpServer() as Server)
      .get('/api/v1/whales/impact')
      .expect(200);
    expect(response.body).toEqual({
      averages: [
        {
          symbol: 'BTC',
          kind: 'ladder',
          activities: 1,
          measured15m: 1,
          avgImpact1mBps: -10,
          avgImpact5mBps: 10,
          avgImpact15mBps: -25,
          avgImpact60mBps: 5,
        },
        {
          symbol: 'BTC',
          kind: 'single',
          activities: 1,
          measured15m: 1,
          avgImpact1mBps: 10,
          avgImpact5mBps: -10,
          avgImpact15mBps: 25,
          avgImpact60mBps: -5,
        },
        ...['ladder', 'single'].map((kind) => ({
          symbol: 'ETH',
          kind,
          activities: 1,
          measured15m: 0,
          avgImpact1mBps: null,
          avgImpact5mBps: null,
          avgImpact15mBps: null,
          avgImpact60mBps: null,
        })),
      ],
    });
  });

  it('serves whaleActivities and whaleImpact over GraphQL', async () => {
    const server = app.getHttpServer() as Server;
    const response = await request(server)
      .post('/graphql')
      .send({
        query: `query {
          whaleActivities(symbol: "BTC", kind: LADDER) {
            side kind levelCount notionalUsd impact15mBps levels { price amount orders }
          }
          whaleImpact(symbol: "BTC") { kind avgImpact15mBps measured15m }
        }`,
      })
      .expect(200);
    expect(response.body).toEqual({
      data: {
        whaleActivities: [
          {
            side: 'ask',
            kind: 'LADDER',
            levelCount: 4,
            notionalUsd: '800440',
            impact15mBps: -25,
            levels: ['100040', '100050', '100060', '100070'].map((price) => ({
              price,
              amount: '2',
              orders: 1,
            })),
          },
        ],
        whaleImpact: [
          { kind: 'LADDER', avgImpact15mBps: -25, measured15m: 1 },
          { kind: 'SINGLE', avgImpact15mBps: 25, measured15m: 1 },
        ],
      },
    });

    const invalid = await request(server)
      .post('/graphql')
      .send({ query: '{ whaleActivities(limit: 1000, offset: -1) { id } }' });
    expect(invalid.body).toMatchObject({
      data: { whaleActivities: null },
      errors: [
        {
          message:
            'limit must be an integer from 1 to 500; offset must be an integer from 0 to 1000000',
          extensions: { code: 'BAD_USER_INPUT' },
        },
      ],
    });

    const unknownKind = await request(server)
      .post('/graphql')
      .send({ query: '{ whaleActivities(kind: iceberg) { id } }' })
      .expect(400);
    expect(unknownKind.body).toEqual({
      errors: [
        {
          message: 'Value "iceberg" does not exist in "WhaleKind" enum.',
          locations: [{ line: 1, column: 25 }],
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        },
      ],
    });
  });
});

import type { Server } from 'node:http';
import { Global, Module, type INestApplication, type LoggerService } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';

import { startTestDatabase, type TestDatabase } from '@nexwave/database/testing';
import { MarketDataQueryModule } from '@nexwave/market-data';
import { WhalesQueryModule } from '@nexwave/whales';

import { ApiErrorsModule } from '../src/errors/api-errors.module';
import { graphqlModule } from '../src/graphql.module';
import { HealthModule } from '../src/health.module';

/** Every log line of the app, to check what the server keeps that the caller must not see. */
class CapturingLogger implements LoggerService {
  readonly lines: string[] = [];
  log = (...parts: unknown[]) => this.capture(parts);
  error = (...parts: unknown[]) => this.capture(parts);
  warn = (...parts: unknown[]) => this.capture(parts);

  private capture(parts: unknown[]): void {
    this.lines.push(
      parts
        .map((part) =>
          part instanceof Error ? `${part.message} ${part.stack}` : JSON.stringify(part, errors),
        )
        .join(' '),
    );
  }
}

function errors(_key: string, value: unknown): unknown {
  return value instanceof Error ? { message: value.message, stack: value.stack } : value;
}

/** What no response may contain: stack frames, source paths, Postgres or driver texts. */
const LEAKS = [
  /\bat \S+ \(/,
  /\.(ts|js):\d+/,
  /node_modules/,
  /\/work\/|\/home\/|\/tmp\//,
  /invalid input syntax/i,
  /out of range for type/i,
  /invalid byte sequence/i,
  /relation "/i,
  /does not exist/i,
  /QueryFailedError/,
  /whale_activities/,
  /stack/i,
];

let database: TestDatabase;
let dataSource: DataSource;
let app: INestApplication;
const logger = new CapturingLogger();

beforeAll(async () => {
  database = await startTestDatabase();
  dataSource = await database.freshDataSource();

  @Global()
  @Module({ providers: [{ provide: DataSource, useValue: dataSource }], exports: [DataSource] })
  class TestDataSourceModule {}

  const moduleRef = await Test.createTestingModule({
    imports: [
      TestDataSourceModule,
      ApiErrorsModule,
      graphqlModule(),
      MarketDataQueryModule,
      WhalesQueryModule,
      HealthModule,
    ],
  }).compile();
  app = moduleRef.createNestApplication({ logger });
  await app.init();
});

afterAll(async () => {
  await app?.close();
  await database?.stop();
});

function http() {
  return request(app.getHttpServer() as Server);
}

/** Runs `body` while whale_activities is renamed away: every whale query fails in Postgres. */
async function withoutWhaleTable(body: () => Promise<void>): Promise<void> {
  await dataSource.query('ALTER TABLE whale_activities RENAME TO whale_activities_away');
  try {
    await body();
  } finally {
    await dataSource.query('ALTER TABLE whale_activities_away RENAME TO whale_activities');
  }
}

function expectErrorShape(body: unknown, statusCode: number, code: string): void {
  expect(body).toEqual({
    statusCode,
    error: expect.any(String) as unknown,
    code,
    message: expect.any(String) as unknown,
    ...((body as { details?: unknown }).details === undefined
      ? {}
      : { details: expect.any(Object) as unknown }),
  });
}

describe('one error shape for every REST error', () => {
  it.each([
    ['validation', '/api/v1/whales?limit=ten', 400, 'VALIDATION_FAILED'],
    ['domain', '/api/v1/candles/BTC/2m', 400, 'UNKNOWN_TIMEFRAME'],
    ['unknown path', '/api/v1/nope', 404, 'NOT_FOUND'],
    ['unknown method', '/api/v1/symbols', 404, 'NOT_FOUND'],
  ])('%s: %s -> %d %s', async (kind, path, status, code) => {
    const call = kind === 'unknown method' ? http().delete(path) : http().get(path);
    const response = await call;
    expect(response.status).toBe(status);
    expect(response.type).toBe('application/json');
    expectErrorShape(response.body, status, code);
  });

  it('internal: a store that fails answers 500 with a generic message and logs the detail', async () => {
    await withoutWhaleTable(async () => {
      const response = await http().get('/api/v1/whales').expect(500);
      expect(response.body).toEqual({
        statusCode: 500,
        error: 'Internal Server Error',
        code: 'INTERNAL_ERROR',
        message: 'internal error: the failure is logged on the server',
      });
    });
    const logged = logger.lines.find((line) => line.includes('GET /api/v1/whales failed'));
    expect(logged).toMatch(/relation .+whale_activities.+ does not exist/);
  });

  it('no response body contains a stack trace, a path or database text', async () => {
    const hostile = [
      '/api/v1/candles/BTC%00/1m',
      '/api/v1/candles/BTC%ZZ/1m',
      `/api/v1/candles/${'x'.repeat(2_000)}/1m`,
      '/api/v1/candles/BTC/1m%00',
      '/api/v1/candles/BTC/1m?from=20250101',
      '/api/v1/candles/BTC/1m?from=%2B275760-09-13T00:00:00Z',
      '/api/v1/candles/BTC/1m?limit=99999999999999999999',
      '/api/v1/candles/BTC/1m?limit=-1e400',
      '/api/v1/whales?offset=99999999999999999999',
      '/api/v1/whales?minUsd=' + '9'.repeat(5_000),
      '/api/v1/whales?symbol=%00',
      '/api/v1/whales?since=0000-01-01',
      '/api/v1/whales/impact?since=2025-02-30',
      '/api/v1/whales?kind[]=single',
    ];
    const bodies: string[] = [];
    for (const path of hostile) {
      const response = await http().get(path);
      expect([path, response.status]).toEqual([path, 400]);
      bodies.push(response.text);
    }
    await withoutWhaleTable(async () => {
      bodies.push((await http().get('/api/v1/whales/impact').expect(500)).text);
    });
    for (const body of bodies) {
      for (const leak of LEAKS) {
        expect(body).not.toMatch(leak);
      }
    }
  });

  it('GraphQL: a domain error becomes BAD_USER_INPUT with its code as reason', async () => {
    const response = await http()
      .post('/graphql')
      .send({ query: '{ whaleActivities(offset: 1000001) { id } }' })
      .expect(200);
    expect(response.body).toMatchObject({
      errors: [
        {
          message: 'offset must be an integer from 0 to 1000000',
          extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_QUERY' },
        },
      ],
    });
  });

  // Last: it closes the database connection.
  it('health: a database that is gone answers 503 UNHEALTHY naming the check, not its error', async () => {
    await http().get('/health').expect(200);
    await dataSource.destroy();
    const response = await http().get('/health').expect(503);
    expect(response.body).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      code: 'UNHEALTHY',
      message: 'unhealthy: database down',
      details: { database: 'down' },
    });
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';

import { loadConfig } from '@nexwave/config';
import type { EmbeddedTimescale } from '@nexwave/database';
import { startMigratedDatabase } from '@nexwave/database/testing';
import { createApp } from '@nexwave/platform';

import { ApiGatewayAppModule } from '../../apps/api-gateway/src/api-gateway-app.module';
import { ROOT } from '../support/app-process';

interface GraphqlBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

const CANDLE_FIELDS = 'time open high low close volume vwap tradeCount';

/** The issue's query: 1,000 aliases of candles(limit: 5000). */
const THOUSAND_ALIASES = `{ ${Array.from(
  { length: 1000 },
  (_, i) => `c${i}: candles(symbol: "BTC", timeframe: M1, limit: 5000) { time }`,
).join(' ')} }`;

/** Every response must be free of these, outside development. */
function expectNoInternals(body: unknown): void {
  const text = JSON.stringify(body);
  expect(text).not.toContain('stacktrace');
  expect(text).not.toContain(ROOT);
  expect(text).not.toMatch(/relation|syntax for type|\.ts:\d+/);
}

// The api-gateway on one embedded TimescaleDB (DATABASE_URL), booted as the app does, in
// production mode (default) and in development mode.
describe('GraphQL API limits and errors (api-gateway, embedded TimescaleDB)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'nexwave-graphql-'));
  let database: EmbeddedTimescale;
  let app: INestApplication | undefined;

  async function boot(env: Record<string, string> = {}): Promise<Server> {
    await app?.close();
    const config = loadConfig('api-gateway', {
      DATABASE_URL: database.url,
      DATABASE_POOL_SIZE: '1',
      LOG_LEVEL: 'silent',
      ...env,
    });
    app = await createApp(
      { name: 'api-gateway', title: 'api-gateway', module: ApiGatewayAppModule.forRoot },
      config,
    );
    await app.init();
    return app.getHttpServer() as Server;
  }

  async function graphql(server: Server, query: string, status: number): Promise<GraphqlBody> {
    const response = await request(server).post('/graphql').send({ query }).expect(status);
    return response.body as GraphqlBody;
  }

  beforeAll(async () => {
    database = await startMigratedDatabase(dataDir);
    const server = await boot();
    await app?.get(DataSource).query(
      `INSERT INTO ticks (time, symbol, price, size, side, trade_id)
       VALUES (now() - interval '2 minutes', 'BTC', 97000.5, 0.1, 'buy', 't1')`,
    );
    await request(server).get('/health').expect(200);
  });

  afterAll(async () => {
    await app?.close();
    await database?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('in production mode', () => {
    let server: Server;

    beforeAll(async () => {
      server = await boot();
    });

    it("refuses the issue's 1,000-alias query before it runs, while /health stays 200", async () => {
      const refused = request(server).post('/graphql').send({ query: THOUSAND_ALIASES });
      const health: number[] = [];
      let done = false;
      const polling = (async () => {
        while (!done) {
          health.push((await request(server).get('/health')).status);
        }
      })();
      const response = await refused;
      done = true;
      await polling;

      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        errors: [
          {
            message: 'query alias count is 1000, over the limit of 50',
            extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'aliases', max: 50, actual: 1000 },
          },
        ],
      });
      expect(health.length).toBeGreaterThan(0);
      expect(health.every((status) => status === 200)).toBe(true);
    });

    it('refuses an operation over the cost limit, counting each limit argument', async () => {
      const query = `{ ${['a', 'b', 'c']
        .map(
          (alias) =>
            `${alias}: candles(symbol: "BTC", timeframe: M1, limit: 5000) { ${CANDLE_FIELDS} }`,
        )
        .join(' ')} }`;
      const body = await graphql(server, query, 400);
      expect(body.errors).toEqual([
        {
          message:
            'query cost (each field 1 plus its selection, times its limit argument) is 135000, over the limit of 100000',
          extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'cost', max: 100_000, actual: 135_000 },
        },
      ]);
    });

    it('refuses an operation over the depth limit', async () => {
      const ofTypes = 18;
      const query = `{ __schema { types { fields { type { ${'ofType { '.repeat(ofTypes)} name ${'} '.repeat(ofTypes)} } } } } }`;
      const body = await graphql(server, query, 400);
      expect(body.errors?.[0]?.extensions).toEqual({
        code: 'QUERY_TOO_COMPLEX',
        limit: 'depth',
        max: 20,
        actual: 23,
      });
    });

    it('serves legitimate queries: two full 5,000-candle fetches and the whale lists', async () => {
      const body = await graphql(
        server,
        `{ m1: candles(symbol: "BTC", timeframe: M1, limit: 5000) { ${CANDLE_FIELDS} }
           m5: candles(symbol: "BTC", timeframe: M5, limit: 5000) { ${CANDLE_FIELDS} }
           whaleActivities(limit: 500) { id kind levels { price amount orders } }
           whaleImpact { kind } }`,
        200,
      );
      expect(body.errors).toBeUndefined();
      expect(body.data).toMatchObject({
        m1: [{ open: '97000.5', tradeCount: 1 }],
        m5: [{ open: '97000.5', tradeCount: 1 }],
        whaleActivities: [],
        whaleImpact: [],
      });
    });

    it.each([
      [
        'a date that is not one',
        'BAD_USER_INPUT',
        '{ candles(symbol: "BTC", timeframe: M1, from: "notadate") { time } }',
      ],
      [
        'an unknown timeframe',
        'GRAPHQL_VALIDATION_FAILED',
        '{ candles(symbol: "BTC", timeframe: M2) { time } }',
      ],
      [
        'an unknown whale kind',
        'GRAPHQL_VALIDATION_FAILED',
        '{ whaleActivities(kind: ICEBERG) { id } }',
      ],
      ['a syntax error', 'GRAPHQL_PARSE_FAILED', '{ candles('],
      [
        'an unknown field',
        'GRAPHQL_VALIDATION_FAILED',
        '{ candles(symbol: "BTC", timeframe: M1) { nope } }',
      ],
    ])('refuses %s with %s and no internals', async (_name, code, query) => {
      const body = await graphql(server, query, 400);
      expect(body.data).toBeUndefined();
      expect(body.errors?.map((error) => error.extensions?.['code'])).toEqual([code]);
      expectNoInternals(body);
    });

    it('answers an internal error with a generic message, keeping the other fields', async () => {
      const dataSource = app?.get(DataSource);
      await dataSource?.query('ALTER VIEW candles_1m_ohlcv RENAME TO candles_1m_ohlcv_gone');
      try {
        const body = await graphql(
          server,
          '{ candles(symbol: "BTC", timeframe: M1) { time } whaleImpact { kind } }',
          200,
        );
        expect(body).toEqual({
          data: { candles: null, whaleImpact: [] },
          errors: [
            {
              message: 'Internal server error',
              locations: [{ line: 1, column: 3 }],
              path: ['candles'],
              extensions: { code: 'INTERNAL_SERVER_ERROR' },
            },
          ],
        });
      } finally {
        await dataSource?.query('ALTER VIEW candles_1m_ohlcv_gone RENAME TO candles_1m_ohlcv');
      }
    });

    it('shows a browser a line about the endpoint, and a GET without a query no stack trace', async () => {
      const page = await request(server).get('/graphql').set('accept', 'text/html').expect(200);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.text).toContain('Nexwave GraphQL endpoint');
      expect(page.text).not.toContain('stacktrace');

      const bare = await request(server).get('/graphql').expect(400);
      expect((bare.body as GraphqlBody).errors?.[0]?.extensions).toEqual({ code: 'BAD_REQUEST' });
      expectNoInternals(bare.body);
    });
  });

  describe('in development mode', () => {
    let server: Server;

    beforeAll(async () => {
      server = await boot({ NODE_ENV: 'development' });
    });

    it("serves Apollo's sandbox page (it loads its UI from Apollo's CDN)", async () => {
      const page = await request(server).get('/graphql').set('accept', 'text/html').expect(200);
      expect(page.text).toContain('embeddable-sandbox');
    });

    it('shows stack traces in errors', async () => {
      const body = await graphql(server, '{ candles(', 400);
      expect(body.errors?.[0]?.extensions?.['stacktrace']).toEqual(expect.any(Array));
    });
  });
});

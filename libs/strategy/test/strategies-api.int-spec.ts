import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';

import { AuthModule } from '@nexwave/auth';
import { AUTH_ENTITIES } from '@nexwave/auth/testing';
import { startTestDatabase, type TestDatabase } from '@nexwave/database/testing';
import {
  MessageBusPort,
  MESSAGING_ENTITIES,
  Topics,
  type CandleV1,
  type OrderRequestV1,
} from '@nexwave/messaging';
import { InMemoryBroker } from '@nexwave/messaging/testing';
import { startPacificaSim, type PacificaSim } from '@nexwave/pacifica-sim/testing';
import { ApiErrorsModule, graphqlModule } from '@nexwave/platform';
import { StrategyModule, StrategyQueryModule } from '@nexwave/strategy';
import { STRATEGY_ENTITIES } from '@nexwave/strategy/testing';

import { standInRisk } from './risk-stand-in';
import { collectOrderRequests, paperFill, settled, startEngineApp } from './support/engine-app';

const ADMIN_API_KEY = `nxk_00000000000000ab_${'C'.repeat(43)}`;
// The next write of an order's progress fails (a sequence is not rolled back with it), once.
const FAIL_NEXT_PROGRESS_WRITE = `
  CREATE SEQUENCE fail_once;
  CREATE FUNCTION fail_once() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF nextval('fail_once') = 1 THEN RAISE EXCEPTION 'disk full'; END IF;
    RETURN NEW;
  END $$;
  CREATE TRIGGER fail_once BEFORE UPDATE ON strategy_signals
    FOR EACH ROW EXECUTE FUNCTION fail_once();`;
const HOUR_MS = 3_600_000;
const T0 = Date.parse('2026-01-15T00:00:00.000Z');
// mean reversion's default 20 closes of 1h: calm around 100, then a close far below the band.
const CALM = Array.from({ length: 19 }, (_, i) => (i % 2 === 0 ? 100 : 101));

function candle(symbol: string, index: number, close: number, low = close): CandleV1 {
  const price = String(close);
  return {
    symbol,
    timeframe: '1h',
    bucketStart: new Date(T0 + index * HOUR_MS).toISOString(),
    open: price,
    high: price,
    low: String(low),
    close: price,
    volume: '1',
    tradeCount: 1,
  };
}

interface StrategyBody {
  id: string;
  name: string;
  parameters: Record<string, unknown>;
  state: string;
  pausedReason: string | null;
  changedBy: string | null;
}

interface SignalBody {
  clientOrderId: string;
  symbol: string;
  intent: string;
  status: string;
  amount: string | null;
  indicators: Record<string, string>;
  risk: { approved: boolean; rule: string | null; reason: string } | null;
  fill: { filledAmount: string; averageFillPrice: string | null; feeUsd: string } | null;
}

interface SignalsBody {
  strategyId: string;
  signals: SignalBody[];
  nextBefore: string | null;
}

interface GraphqlBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

// The read side as the api-gateway registers it (StrategyQueryModule, auth, GraphQL, the error
// filter) and the engine (StrategyModule) in one app on the embedded database, over the memory
// transport: pause and resume travel as strategy.commands.v1 as between split apps.
describe('strategies API: instances, signals, pause and resume', () => {
  let database: TestDatabase;
  let sim: PacificaSim;
  let app: INestApplication;
  let bus: MessageBusPort;
  const requests: OrderRequestV1[] = [];
  const keys = { read: '', trade: '', admin: ADMIN_API_KEY };

  beforeAll(async () => {
    database = await startTestDatabase();
    sim = await startPacificaSim({ port: 0, bookIntervalMs: 0 });
    const dataSource = await database.freshDataSource({
      entities: [...MESSAGING_ENTITIES, ...STRATEGY_ENTITIES, ...AUTH_ENTITIES],
    });

    app = await startEngineApp({
      dataSource,
      sim,
      env: { STRATEGY_ID: 'mr_api' },
      modules: [
        AuthModule.forRoot({
          required: true,
          adminApiKey: ADMIN_API_KEY,
          jwtSecret: 'strategies-api-jwt-secret-of-at-least-32-chars',
          jwtTtlSeconds: 900,
          print: () => undefined,
        }),
        ApiErrorsModule,
        graphqlModule(),
        StrategyModule,
        StrategyQueryModule,
      ],
      beforeStart: (engine) => standInRisk(engine.get(InMemoryBroker)),
    });
    bus = app.get(MessageBusPort);
    collectOrderRequests(app, requests);
    keys.read = await createKey('read');
    keys.trade = await createKey('trade');
  });

  afterAll(async () => {
    await app?.close();
    await sim?.stop();
    await database?.stop();
  });

  function http() {
    return request(app.getHttpServer() as Server);
  }

  async function createKey(role: 'read' | 'trade'): Promise<string> {
    const response = await http()
      .post('/api/v1/admin/api-keys')
      .set('authorization', `Bearer ${ADMIN_API_KEY}`)
      .send({ name: `strategies ${role}`, role })
      .expect(201);
    return (response.body as { key: string }).key;
  }

  const get = (path: string, key = keys.read) =>
    http().get(path).set('authorization', `Bearer ${key}`);
  const post = (path: string, key: string, body?: object) =>
    http().post(path).set('authorization', `Bearer ${key}`).send(body);

  async function graphql(query: string, key: string): Promise<GraphqlBody> {
    const response = await post('/graphql', key, { query }).expect(200);
    return response.body as GraphqlBody;
  }

  async function publishAll(candles: CandleV1[]): Promise<void> {
    for (const one of candles) {
      await bus.publish(Topics.MarketDataCandles, one);
    }
    await settled(app);
  }

  const dataSource = () => app.get(DataSource);

  /** Publishes its order's fill at `price`, fee 5, at `hours` after T0, and waits for it. */
  async function publishFill(order: OrderRequestV1, price: string, hours: number): Promise<void> {
    await bus.publish(Topics.OrdersEvents, paperFill(order, price, new Date(T0 + hours * HOUR_MS)));
    await settled(app);
  }

  async function signals(query = ''): Promise<SignalsBody> {
    const response = await get(`/api/v1/strategies/mr_api/signals${query}`).expect(200);
    return response.body as SignalsBody;
  }

  it('lists the running instance with its parameters after defaults', async () => {
    const list = await get('/api/v1/strategies').expect(200);
    expect(list.body).toEqual({
      strategies: [
        expect.objectContaining({
          id: 'mr_api',
          name: 'mean_reversion',
          state: 'running',
          pausedReason: null,
          parameters: expect.objectContaining({
            timeframe: '1h',
            lookback: 20,
            entryStdDevs: 2,
            stopLossPct: 3,
            takeProfitPct: 5,
          }) as unknown,
        }),
      ],
    });
    const one = await get('/api/v1/strategies/mr_api').expect(200);
    expect(one.body).toEqual((list.body as { strategies: StrategyBody[] }).strategies[0]);

    // Nothing recorded before its first candle: zero figures, null ratios and equity.
    expect((await get('/api/v1/strategies/mr_api/performance').expect(200)).body).toEqual({
      strategyId: 'mr_api',
      asOf: null,
      startingEquityUsd: null,
      equityUsd: null,
      realisedPnlUsd: '0',
      unrealisedPnlUsd: '0',
      totalPnlUsd: '0',
      tradeCount: 0,
      wins: 0,
      losses: 0,
      winRate: null,
      sharpe: null,
      sortino: null,
      maxDrawdownUsd: '0',
      maxDrawdownPct: '0',
      exposure: null,
    });
    expect((await get('/api/v1/strategies/mr_api/trades').expect(200)).body).toEqual({
      strategyId: 'mr_api',
      trades: [],
    });
    const empty = await graphql(
      '{ strategyPerformance(id: "mr_api") { asOf equityUsd totalPnlUsd tradeCount winRate } }',
      keys.read,
    );
    expect(empty.data?.['strategyPerformance']).toEqual({
      asOf: null,
      equityUsd: null,
      totalPnlUsd: '0',
      tradeCount: 0,
      winRate: null,
    });

    const gql = await graphql('{ strategies { id state parameters { name value } } }', keys.read);
    expect(gql.data?.['strategies']).toEqual([
      expect.objectContaining({
        id: 'mr_api',
        state: 'running',
        parameters: expect.arrayContaining([{ name: 'lookback', value: '20' }]) as unknown,
      }),
    ]);
  });

  it('serves a signal with its indicators, risk decision and, once filled, its fill', async () => {
    await publishAll([...CALM, 80].map((close, i) => candle('BTC', i, close)));
    expect(requests).toHaveLength(1);

    const entry = requests[0];
    await publishFill(entry, '80', 20);

    const page = await signals();
    expect(page).toMatchObject({
      strategyId: 'mr_api',
      nextBefore: null,
      signals: [
        {
          clientOrderId: entry.clientOrderId,
          symbol: 'BTC',
          intent: 'entry',
          status: 'sent',
          amount: entry.amount,
          risk: { approved: true, rule: null },
          fill: { filledAmount: entry.amount, averageFillPrice: '80', feeUsd: '5' },
        },
      ],
    });
    expect(Object.keys(page.signals[0].indicators)).toEqual(
      expect.arrayContaining(['mean', 'stdDev']),
    );
  });

  it('refuses pause and resume to read and trade keys (403) and to no key (401)', async () => {
    for (const key of [keys.read, keys.trade]) {
      const refused = await post('/api/v1/strategies/mr_api/pause', key, {}).expect(403);
      expect(refused.body).toMatchObject({ statusCode: 403 });
    }
    await http().post('/api/v1/strategies/mr_api/resume').send({}).expect(401);
    await http().get('/api/v1/strategies').expect(401);

    const gql = await graphql('mutation { pauseStrategy(id: "mr_api") { state } }', keys.read);
    expect(gql.errors?.[0].extensions?.['code']).toBe('FORBIDDEN');
    expect((await get('/api/v1/strategies/mr_api').expect(200)).body).toMatchObject({
      state: 'running',
    });
  });

  it('paused by an admin: an entry is neither stored nor sent, an exit still goes out', async () => {
    const paused = await post('/api/v1/strategies/mr_api/pause', keys.admin, {
      reason: 'funding turned',
    }).expect(200);
    expect(paused.body).toMatchObject({
      id: 'mr_api',
      state: 'paused',
      pausedReason: 'funding turned',
      changedBy: 'api-key:00000000000000ab',
    });

    // ETH dips far below its band: an entry, dropped while paused.
    await publishAll([...CALM, 80].map((close, i) => candle('ETH', i, close)));
    expect(requests).toHaveLength(1);
    // BTC's low touches the -3 % stop of the long filled at 80: the exit goes out.
    await publishAll([candle('BTC', 20, 99, 77)]);
    expect(requests).toHaveLength(2);
    expect(requests[1]).toMatchObject({ symbol: 'BTC', side: 'ask', reduceOnly: true });

    const page = await signals();
    expect(page.signals.map((s) => [s.symbol, s.intent])).toEqual([
      ['BTC', 'exit'],
      ['BTC', 'entry'],
    ]);
  });

  it('resumed (GraphQL, admin): the next entry is sent; signals page newest first', async () => {
    const gql = await graphql(
      'mutation { resumeStrategy(id: "mr_api", reason: "funding back") { state pausedReason changedBy } }',
      keys.admin,
    );
    expect(gql.data?.['resumeStrategy']).toEqual({
      state: 'running',
      pausedReason: null,
      changedBy: 'api-key:00000000000000ab',
    });

    await publishAll([candle('ETH', 20, 60)]);
    expect(requests).toHaveLength(3);
    expect(requests[2]).toMatchObject({ symbol: 'ETH', side: 'bid', reduceOnly: false });

    const first = await signals('?limit=2');
    expect(first.signals.map((s) => [s.symbol, s.intent])).toEqual([
      ['ETH', 'entry'],
      ['BTC', 'exit'],
    ]);
    expect(first.nextBefore).toBe(first.signals[1].clientOrderId);
    const rest = await signals(`?limit=2&before=${first.nextBefore}`);
    expect(rest.signals.map((s) => [s.symbol, s.intent])).toEqual([['BTC', 'entry']]);
    expect(rest.nextBefore).toBeNull();

    const since = await signals(`?since=${new Date(Date.now() + HOUR_MS).toISOString()}`);
    expect(since.signals).toEqual([]);

    const viaGraphql = await graphql(
      '{ strategySignals(id: "mr_api", limit: 1) { signals { symbol intent risk { approved } indicators { name } } nextBefore } }',
      keys.read,
    );
    expect(viaGraphql.data?.['strategySignals']).toMatchObject({
      signals: [{ symbol: 'ETH', intent: 'entry', risk: { approved: true } }],
      nextBefore: first.signals[0].clientOrderId,
    });
  });

  it('serves performance and trades once both longs are out, a failed write retried', async () => {
    // 10 % of equity a trade: BTC 10000 / 80; ETH, with BTC's long marked at 99,
    // (100000 - 5 + 125 x 19) x 10 % / 60 = 170.6166 (lot 0.0001).
    const [btcEntry, btcExit, ethEntry] = requests;
    expect([btcEntry.amount, btcExit.amount, ethEntry.amount]).toEqual([
      '125.00000',
      '125.00000',
      '170.6166',
    ]);
    // The BTC exit's progress write fails once: the event is retried and counted once.
    await dataSource().query(FAIL_NEXT_PROGRESS_WRITE);
    await publishFill(btcExit, '77.6', 21.25);
    // Two writes: the one that failed and the retry's.
    expect(await dataSource().query(`SELECT last_value FROM fail_once`)).toEqual([
      { last_value: '2' },
    ]);
    await dataSource().query(`DROP TRIGGER fail_once ON strategy_signals`);
    await publishFill(ethEntry, '60', 21.5);
    // ETH closes far above its entry: take profit (+5 % of 60 = 63).
    await publishAll([candle('ETH', 21, 130)]);
    const ethExit = requests[3];
    expect(ethExit).toMatchObject({ symbol: 'ETH', side: 'ask', reduceOnly: true });
    await publishFill(ethExit, '63', 22.5);

    // BTC: 125 x (77.6 - 80) - 5 - 5 = -310; ETH: 170.6166 x (63 - 60) - 5 - 5 = 501.8498.
    const performance = await get('/api/v1/strategies/mr_api/performance').expect(200);
    expect(performance.body).toMatchObject({
      strategyId: 'mr_api',
      asOf: new Date(T0 + 22.5 * HOUR_MS).toISOString(),
      startingEquityUsd: '100000',
      equityUsd: '100191.8498',
      realisedPnlUsd: '191.8498',
      unrealisedPnlUsd: '0',
      totalPnlUsd: '191.8498',
      tradeCount: 2,
      wins: 1,
      losses: 1,
      winRate: 0.5,
    });
    const trades = await get('/api/v1/strategies/mr_api/trades').expect(200);
    expect(trades.body).toEqual({
      strategyId: 'mr_api',
      trades: [
        {
          symbol: 'ETH',
          side: 'long',
          quantity: '170.6166',
          entryPrice: '60',
          exitPrice: '63',
          feesUsd: '10',
          pnlUsd: '501.8498',
          openedAt: new Date(T0 + 21.5 * HOUR_MS).toISOString(),
          closedAt: new Date(T0 + 22.5 * HOUR_MS).toISOString(),
        },
        expect.objectContaining({ symbol: 'BTC', quantity: '125', pnlUsd: '-310' }),
      ],
    });
    const btcExitSignal = (await signals()).signals.find(
      (signal) => signal.clientOrderId === btcExit.clientOrderId,
    );
    expect(btcExitSignal?.fill).toMatchObject({
      filledAmount: '125.00000',
      averageFillPrice: '77.6',
    });

    const gql = await graphql(
      `
        {
          strategyPerformance(id: "mr_api") {
            realisedPnlUsd
            tradeCount
            winRate
            asOf
          }
          strategyTrades(id: "mr_api", limit: 1) {
            trades {
              symbol
              pnlUsd
            }
          }
        }
      `,
      keys.read,
    );
    expect(gql.data).toEqual({
      strategyPerformance: {
        realisedPnlUsd: '191.8498',
        tradeCount: 2,
        winRate: 0.5,
        asOf: new Date(T0 + 22.5 * HOUR_MS).toISOString(),
      },
      strategyTrades: { trades: [{ symbol: 'ETH', pnlUsd: '501.8498' }] },
    });
  });

  it('answers 400 with the reason for bad parameters and 404 for an unknown instance', async () => {
    const bad = await get('/api/v1/strategies/mr_api/signals?limit=0&before=latest').expect(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((bad.body as { message: string }).message).toMatch(/limit must not be less than 1/);
    expect((bad.body as { message: string }).message).toMatch(/before must be the clientOrderId/);

    const unknownCursor = await get(
      '/api/v1/strategies/mr_api/signals?before=5b2d0c4e-9a7f-4d1e-b6a5-d4c3b2a1f0e9',
    ).expect(400);
    expect(unknownCursor.body).toMatchObject({ code: 'UNKNOWN_CURSOR' });

    const longReason = await post('/api/v1/strategies/mr_api/pause', keys.admin, {
      reason: 'x'.repeat(501),
    }).expect(400);
    expect((longReason.body as { message: string }).message).toMatch(/reason/);

    const badLimit = await get('/api/v1/strategies/mr_api/trades?limit=501').expect(400);
    expect(badLimit.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((badLimit.body as { message: string }).message).toMatch(
      /limit must not be greater than 500/,
    );
    const gqlLimit = await graphql(
      '{ strategyTrades(id: "mr_api", limit: 0) { trades { symbol } } }',
      keys.read,
    );
    expect(gqlLimit.errors?.[0]).toMatchObject({
      message: 'limit must be an integer from 1 to 500',
      extensions: { code: 'BAD_USER_INPUT' },
    });

    for (const path of [
      '/api/v1/strategies/nope',
      '/api/v1/strategies/nope/signals',
      '/api/v1/strategies/nope/performance',
      '/api/v1/strategies/nope/trades',
    ]) {
      const missing = await get(path).expect(404);
      expect(missing.body).toMatchObject({
        code: 'STRATEGY_NOT_FOUND',
        message: 'no strategy instance is named nope',
        details: { strategyId: 'nope' },
      });
    }
    const pauseMissing = await post('/api/v1/strategies/nope/pause', keys.admin, {}).expect(404);
    expect(pauseMissing.body).toMatchObject({ code: 'STRATEGY_NOT_FOUND' });

    for (const query of [
      '{ strategy(id: "nope") { id } }',
      '{ strategyPerformance(id: "nope") { tradeCount } }',
      '{ strategyTrades(id: "nope") { strategyId } }',
    ]) {
      const gql = await graphql(query, keys.read);
      expect(gql.errors?.[0].extensions?.['code']).toBe('NOT_FOUND');
    }
  });

  it('answers strategy.commands.v1 for an instance it does not run with STRATEGY_NOT_FOUND', async () => {
    expect(
      await bus.request(Topics.StrategyCommands, { command: 'pause', strategyId: 'ma_other' }),
    ).toEqual({
      outcome: 'rejected',
      code: 'STRATEGY_NOT_FOUND',
      reason: 'this trading engine runs mr_api, not ma_other',
    });
    expect((await get('/api/v1/strategies/mr_api').expect(200)).body).toMatchObject({
      state: 'running',
    });
  });
});

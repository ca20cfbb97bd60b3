import { createServer, type Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';

import { FixedClock, freePort } from '@nexwave/core/testing';
import { startTestDatabase, type TestDatabase } from '@nexwave/database/testing';
import {
  deadLetterTopic,
  MessageBusPort,
  MESSAGING_ENTITIES,
  Topics,
  type CandleV1,
  type OrderRequestV1,
} from '@nexwave/messaging';
import { InMemoryBroker } from '@nexwave/messaging/testing';
import { startPacificaSim, type PacificaSim } from '@nexwave/pacifica-sim/testing';
import {
  RetryPendingSignalsCommand,
  SignalRepository,
  StrategyClockPort,
  StrategyStartUp,
} from '@nexwave/strategy';
import { STRATEGY_ENTITIES } from '@nexwave/strategy/testing';

import { standInRisk } from './risk-stand-in';
import { collectOrderRequests, settled, startEngineApp } from './support/engine-app';

// The database refuses to store a signal until the trigger is dropped.
const REFUSE_SIGNAL_WRITES = `
  CREATE FUNCTION refuse_signal_writes() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN RAISE EXCEPTION 'database unavailable'; END $$;
  CREATE TRIGGER refuse_signal_writes BEFORE INSERT ON strategy_signals
    FOR EACH ROW EXECUTE FUNCTION refuse_signal_writes();`;
const ACCEPT_SIGNAL_WRITES = `
  DROP TRIGGER refuse_signal_writes ON strategy_signals;
  DROP FUNCTION refuse_signal_writes();`;
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
// mean reversion's default 20 closes of 1h: calm around 100, then a close far below the band.
const CLOSES = [...Array.from({ length: 19 }, (_, i) => (i % 2 === 0 ? 100 : 101)), 80];

function candle(start: number, index: number, close: number): CandleV1 {
  const price = String(close);
  return {
    symbol: 'BTC',
    timeframe: '1h',
    bucketStart: new Date(start + index * HOUR_MS).toISOString(),
    open: price,
    high: price,
    low: price,
    close: price,
    volume: '1',
    tradeCount: 1,
  };
}

interface Engine {
  app: INestApplication;
  requests: OrderRequestV1[];
  signals: SignalRepository;
}

// The engine as the trading-engine app wires it, over the memory transport, when the risk
// service does not answer for a while, and when market-data comes up after it.
describe('strategy engine robustness: risk down, market-data late', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let sim: PacificaSim;
  const engines: INestApplication[] = [];

  beforeAll(async () => {
    database = await startTestDatabase();
    sim = await startPacificaSim({ port: 0, bookIntervalMs: 0 });
    dataSource = await database.freshDataSource({
      entities: [...MESSAGING_ENTITIES, ...STRATEGY_ENTITIES],
    });
  });

  // One engine at a time: they share the outbox table, which each one's relay drains.
  afterEach(async () => {
    await engines.pop()?.close();
  });

  afterAll(async () => {
    await sim?.stop();
    await database?.stop();
  });

  /** Boots an engine; no risk service answers until the test stands one in. */
  async function start(env: Record<string, string>, clock?: FixedClock): Promise<Engine> {
    const requests: OrderRequestV1[] = [];
    const app = await startEngineApp({
      dataSource,
      sim,
      env,
      override: clock
        ? (builder) => builder.overrideProvider(StrategyClockPort).useValue(clock)
        : undefined,
      beforeStart: (engine) => {
        engines.push(engine);
        collectOrderRequests(engine, requests);
      },
    });
    return { app, requests, signals: app.get(SignalRepository) };
  }

  /** The 20 candles ending in the dip, published while no risk service answers. */
  async function dipWithoutRisk(strategyId: string, clock: FixedClock): Promise<Engine> {
    const engine = await start({ STRATEGY_ID: strategyId }, clock);
    const start0 = clock.now().getTime() - CLOSES.length * HOUR_MS;
    for (const [index, close] of CLOSES.entries()) {
      await engine.app
        .get(MessageBusPort)
        .publish(Topics.MarketDataCandles, candle(start0, index, close));
    }
    await settled(engine.app);
    expect(await engine.signals.list(strategyId)).toMatchObject([
      { status: 'pending_risk', risk: null, signal: { intent: 'entry', price: '80' } },
    ]);
    expect(engine.requests).toEqual([]);
    return engine;
  }

  const retry = (engine: Engine) =>
    engine.app.get(CommandBus).execute(new RetryPendingSignalsCommand());

  it('stores every signal and its status as the migrations define them', async () => {
    const { upQueries } = await dataSource.driver.createSchemaBuilder().log();
    expect(upQueries.map((query) => query.query)).toEqual([]);
  });

  it('risk down then up: the signal waits pending_risk and its order is sent once', async () => {
    const clock = new FixedClock(new Date('2026-01-15T20:00:00.000Z'));
    const engine = await dipWithoutRisk('mr_risk_down', clock);

    clock.advance(59 * MINUTE_MS);
    standInRisk(engine.app.get(InMemoryBroker));
    await retry(engine);
    await retry(engine);
    await settled(engine.app);

    expect(engine.requests).toMatchObject([
      { strategyId: 'mr_risk_down', side: 'bid', symbol: 'BTC', amount: '125.00000' },
    ]);
    expect(await engine.signals.list('mr_risk_down')).toMatchObject([
      { status: 'sent', risk: { approved: true }, clientOrderId: engine.requests[0].clientOrderId },
    ]);
  });

  it('risk down past one candle: the signal expires and no order is ever sent', async () => {
    const clock = new FixedClock(new Date('2026-01-16T20:00:00.000Z'));
    const engine = await dipWithoutRisk('mr_risk_gone', clock);

    clock.advance(HOUR_MS);
    standInRisk(engine.app.get(InMemoryBroker));
    await retry(engine);
    await retry(engine);
    await settled(engine.app);

    expect(engine.requests).toEqual([]);
    expect(await engine.signals.list('mr_risk_gone')).toMatchObject([
      { status: 'expired', risk: null },
    ]);
  });

  it('signal write refused, then accepted: the candle passes, the signal is sent once later', async () => {
    const clock = new FixedClock(new Date('2026-01-17T20:00:00.000Z'));
    const engine = await start({ STRATEGY_ID: 'mr_db_down' }, clock);
    standInRisk(engine.app.get(InMemoryBroker));
    const deadLetters: string[] = [];
    engine.app
      .get(InMemoryBroker)
      .subscribe(deadLetterTopic(Topics.MarketDataCandles), (record) => {
        deadLetters.push(record.value);
        return Promise.resolve();
      });
    await dataSource.query(REFUSE_SIGNAL_WRITES);
    const start0 = clock.now().getTime() - CLOSES.length * HOUR_MS;
    try {
      for (const [index, close] of CLOSES.entries()) {
        await engine.app
          .get(MessageBusPort)
          .publish(Topics.MarketDataCandles, candle(start0, index, close));
      }
      await settled(engine.app);
      await retry(engine);
      expect(await engine.signals.list('mr_db_down')).toEqual([]);
    } finally {
      await dataSource.query(ACCEPT_SIGNAL_WRITES);
    }
    expect(deadLetters).toEqual([]);
    expect(engine.requests).toEqual([]);

    clock.advance(59 * MINUTE_MS);
    await retry(engine);
    await retry(engine);
    await settled(engine.app);

    expect(engine.requests).toMatchObject([
      { strategyId: 'mr_db_down', side: 'bid', symbol: 'BTC', amount: '125.00000' },
    ]);
    expect(await engine.signals.list('mr_db_down')).toMatchObject([
      { status: 'sent', risk: { approved: true }, clientOrderId: engine.requests[0].clientOrderId },
    ]);
  });

  it('warms up once market-data comes up after the engine, catching the missed dip up', async () => {
    const port = await freePort();
    const engine = await start({
      STRATEGY_ID: 'mr_late_market_data',
      SYMBOLS: 'BTC',
      MARKET_DATA_API_URL: `http://127.0.0.1:${port}`,
    });
    standInRisk(engine.app.get(InMemoryBroker));
    const startUp = engine.app.get(StrategyStartUp);
    // Booted without market-data: nothing yet, and the warm-up keeps trying.
    expect(await engine.signals.list('mr_late_market_data')).toEqual([]);

    // 20 closed 1h candles ending an hour ago, newest first, as market-data's API answers.
    const hour = Math.floor(Date.now() / HOUR_MS) * HOUR_MS;
    const candles = CLOSES.map((close, index) =>
      candle(hour - CLOSES.length * HOUR_MS, index, close),
    )
      .reverse()
      .map(({ bucketStart, open, high, low, close, volume }) => ({
        time: bucketStart,
        open,
        high,
        low,
        close,
        volume,
      }));
    const marketData: Server = createServer((_request, response) => {
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ symbol: 'BTC', timeframe: '1h', candles }));
    });
    await new Promise<void>((resolve) => marketData.listen(port, '127.0.0.1', resolve));
    try {
      expect(await startUp.warmedUp()).toBe(true);
      await settled(engine.app);
    } finally {
      await new Promise((resolve) => marketData.close(resolve));
    }

    expect(engine.requests).toMatchObject([{ strategyId: 'mr_late_market_data', side: 'bid' }]);
    expect(await engine.signals.list('mr_late_market_data')).toMatchObject([
      { status: 'sent', signal: { price: '80' } },
    ]);
  });
});

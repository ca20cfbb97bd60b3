import type { INestApplication } from '@nestjs/common';

import { startTestDatabase, type TestDatabase } from '@nexwave/database/testing';
import {
  MessageBusPort,
  MESSAGING_ENTITIES,
  Topics,
  type CandleV1,
  type OrderRequestV1,
  type RiskCheckV1,
} from '@nexwave/messaging';
import { InMemoryBroker } from '@nexwave/messaging/testing';
import { startPacificaSim, type PacificaSim } from '@nexwave/pacifica-sim/testing';
import { SignalRepository } from '@nexwave/strategy';
import { STRATEGY_ENTITIES } from '@nexwave/strategy/testing';

import { standInRisk } from './risk-stand-in';
import { collectOrderRequests, paperFill, settled, startEngineApp } from './support/engine-app';

const HOUR_MS = 3_600_000;
const T0 = Date.parse('2026-01-15T00:00:00.000Z');
// mean reversion's default 20 closes of 1h: calm around 100, then a close far below the band.
const CLOSES = [...Array.from({ length: 19 }, (_, i) => (i % 2 === 0 ? 100 : 101)), 80];

function candle(index: number, close: number, low = close): CandleV1 {
  const price = String(close);
  return {
    symbol: 'BTC',
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

// The StrategyModule as the apps wire it (database signals and outbox, the one embedded
// connection, the simulator's /info for lots), over the memory transport; a stand-in answers
// the risk checks.
describe('strategy engine: closed candles in, order requests out', () => {
  let database: TestDatabase;
  let sim: PacificaSim;
  let app: INestApplication;
  let bus: MessageBusPort;
  let signals: SignalRepository;
  const requests: OrderRequestV1[] = [];
  let riskChecks: RiskCheckV1[];

  beforeAll(async () => {
    database = await startTestDatabase();
    sim = await startPacificaSim({ port: 0, bookIntervalMs: 0 });
    const dataSource = await database.freshDataSource({
      entities: [...MESSAGING_ENTITIES, ...STRATEGY_ENTITIES],
    });

    app = await startEngineApp({
      dataSource,
      sim,
      env: { STRATEGY_ID: 'mr_int' },
      beforeStart: (engine) => {
        riskChecks = standInRisk(engine.get(InMemoryBroker));
        collectOrderRequests(engine, requests);
      },
    });
    bus = app.get(MessageBusPort);
    signals = app.get(SignalRepository);
  });

  afterAll(async () => {
    await app?.close();
    await sim?.stop();
    await database?.stop();
  });

  it('stores the signal with its indicators and risk decision and requests the order once', async () => {
    for (const [index, close] of CLOSES.entries()) {
      await bus.publish(Topics.MarketDataCandles, candle(index, close));
    }
    await settled(app);
    expect(requests).toHaveLength(1);

    const [stored] = await signals.list('mr_int');
    expect(stored).toMatchObject({
      status: 'sent',
      amount: '125.00000',
      risk: { approved: true, rule: null },
      signal: { symbol: 'BTC', side: 'bid', intent: 'entry', price: '80' },
    });
    expect(riskChecks).toMatchObject([
      {
        clientOrderId: stored.clientOrderId,
        strategyId: 'mr_int',
        side: 'bid',
        intent: 'entry',
        amount: '125.00000',
        price: '80',
        portfolio: { equityUsd: '100000', positions: [] },
      },
    ]);
    expect(Object.keys(stored.signal.indicators)).toEqual(
      expect.arrayContaining(['mean', 'stdDev']),
    );
    expect(requests[0]).toMatchObject({
      clientOrderId: stored.clientOrderId,
      strategyId: 'mr_int',
      symbol: 'BTC',
      side: 'bid',
      amount: '125.00000',
      orderType: 'market',
      paperTrading: true,
    });

    // The same candle again, and a later one with no signal.
    await bus.publish(Topics.MarketDataCandles, candle(19, 80));
    await bus.publish(Topics.MarketDataCandles, candle(20, 100));
    await settled(app);

    expect(requests).toHaveLength(1);
    expect(await signals.list('mr_int')).toHaveLength(1);
  });

  it('follows its order to a position: a fill then makes the stop loss exit it', async () => {
    const [entry] = requests;
    await bus.publish(Topics.OrdersEvents, paperFill(entry, '80', new Date(T0 + 21 * HOUR_MS)));
    await settled(app);
    // Its low (77) touches the -3 % stop at 77.6, its close is back near the mean (no entry).
    await bus.publish(Topics.MarketDataCandles, candle(21, 99, 77));
    await settled(app);

    expect(requests).toHaveLength(2);
    expect(requests[1]).toMatchObject({
      side: 'ask',
      reduceOnly: true,
      amount: '125.00000',
    });
  });
});

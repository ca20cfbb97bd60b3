import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';

import { startTestDatabase, type TestDatabase } from '@nexwave/database/testing';
import {
  MessageBusPort,
  MESSAGING_ENTITIES,
  Topics,
  type OrderEventV1,
  type OrderRequestV1,
} from '@nexwave/messaging';
import { InMemoryBroker } from '@nexwave/messaging/testing';
import { startPacificaSim, type PacificaSim } from '@nexwave/pacifica-sim/testing';
import { GetStrategyPerformanceQuery, SignalRepository, StrategyStartUp } from '@nexwave/strategy';
import { STRATEGY_ENTITIES } from '@nexwave/strategy/testing';

import { standInRisk } from './risk-stand-in';
import { collectOrderRequests, settled, startEngineApp } from './support/engine-app';

const HOUR_MS = 3_600_000;
// 20 closed 1h candles ending an hour ago, the last far below the band: newest first, as
// market-data's GET /api/v1/candles answers.
const NOW_HOUR = Math.floor(Date.now() / HOUR_MS) * HOUR_MS;
const CANDLES = Array.from({ length: 20 }, (_, i) => {
  const close = i === 0 ? '80' : i % 2 === 0 ? '100' : '101';
  const time = new Date(NOW_HOUR - (i + 1) * HOUR_MS).toISOString();
  return {
    time,
    open: close,
    high: close,
    low: close,
    close,
    volume: '1',
    vwap: close,
    tradeCount: 1,
  };
});

// The engine as the trading-engine app wires it, started twice over one database: the first start
// warms up from market-data's candles and catches up the missed dip; the restart sends nothing
// and rebuilds the position the fill made.
describe('strategy engine start-up: warm-up, catch-up, restart', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let sim: PacificaSim;
  let candlesApi: Server;
  let apiUrl: string;

  beforeAll(async () => {
    database = await startTestDatabase();
    sim = await startPacificaSim({ port: 0, bookIntervalMs: 0 });
    dataSource = await database.freshDataSource({
      entities: [...MESSAGING_ENTITIES, ...STRATEGY_ENTITIES],
    });
    candlesApi = createServer((_request, response) => {
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ symbol: 'BTC', timeframe: '1h', candles: CANDLES }));
    });
    await new Promise<void>((resolve) => candlesApi.listen(0, '127.0.0.1', resolve));
    apiUrl = `http://127.0.0.1:${(candlesApi.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => candlesApi?.close(resolve));
    await sim?.stop();
    await database?.stop();
  });

  /** Boots the engine, lets its outbox drain, and returns the order requests it sent. */
  async function start(): Promise<{ app: INestApplication; requests: OrderRequestV1[] }> {
    const requests: OrderRequestV1[] = [];
    const app = await startEngineApp({
      dataSource,
      sim,
      env: { STRATEGY_ID: 'mr_restart', SYMBOLS: 'BTC', MARKET_DATA_API_URL: apiUrl },
      beforeStart: (engine) => {
        standInRisk(engine.get(InMemoryBroker));
        collectOrderRequests(engine, requests);
      },
    });
    expect(await app.get(StrategyStartUp).warmedUp()).toBe(true);
    await settled(app);
    return { app, requests };
  }

  it('catches the missed candle up once; a restart sends no order again and keeps the position', async () => {
    const first = await start();
    const stored = await first.app.get(SignalRepository).list('mr_restart');
    const [entry] = first.requests;
    await first.app.get(MessageBusPort).publish(Topics.OrdersEvents, filled(entry));
    await settled(first.app);
    await first.app.close();

    expect(first.requests).toMatchObject([
      { strategyId: 'mr_restart', side: 'bid', symbol: 'BTC', reduceOnly: false },
    ]);
    expect(stored).toMatchObject([{ status: 'sent', signal: { price: '80' } }]);

    const second = await start();
    expect(second.requests).toEqual([]);
    // The rebuilt position meets its stop (-3 % of 80 = 77.6) on the next candle: an exit.
    await second.app.get(MessageBusPort).publish(Topics.MarketDataCandles, {
      symbol: 'BTC',
      timeframe: '1h',
      bucketStart: new Date(NOW_HOUR).toISOString(),
      open: '99',
      high: '99',
      low: '77',
      close: '99',
      volume: '1',
      tradeCount: 1,
    });
    await settled(second.app);
    const performance = await second.app
      .get(QueryBus)
      .execute(new GetStrategyPerformanceQuery('mr_restart'));
    await second.app.close();

    expect(second.requests).toMatchObject([
      { side: 'ask', reduceOnly: true, amount: entry.amount },
    ]);
    // The rebuilt long marked at 99: fee 5 paid, (99 - 80) x amount unrealised, the exit unfilled.
    const unrealised = 19 * Number(entry.amount);
    expect(performance).toMatchObject({
      tradeCount: 0,
      unrealisedPnlUsd: String(unrealised),
      equityUsd: String(100_000 - 5 + unrealised),
    });
  });
});

/** Order management's report that `request` filled at 80. */
function filled(request: OrderRequestV1): OrderEventV1 {
  return {
    event: 'filled',
    cause: 'paper',
    status: 'filled',
    sequence: 2,
    clientOrderId: request.clientOrderId,
    exchangeOrderId: null,
    strategyId: request.strategyId,
    symbol: request.symbol,
    side: request.side,
    orderType: 'market',
    amount: request.amount,
    price: null,
    filledAmount: request.amount,
    averageFillPrice: '80',
    lastFillAmount: request.amount,
    lastFillPrice: '80',
    feeUsd: '5',
    reason: null,
    reduceOnly: false,
    paperTrading: true,
    eventAt: new Date().toISOString(),
  };
}

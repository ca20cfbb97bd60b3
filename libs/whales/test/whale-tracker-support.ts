import { Global, Module } from '@nestjs/common';
import { CqrsModule, type ICommand } from '@nestjs/cqrs';
import { Test, type TestingModule } from '@nestjs/testing';
import { EMPTY, type Observable } from 'rxjs';
import { DataSource } from 'typeorm';

import { ConfigModule } from '@nexwave/config';
import { FixedClock, until } from '@nexwave/core/testing';
import { encodeStreamEntry, OutboxWriter, StreamFamilies, StreamPort } from '@nexwave/messaging';
import { MemoryStreamAdapter } from '@nexwave/messaging/testing';

import { AlertDispatcher } from '../src/application/alerts/alert-dispatcher';
import { WhaleDetectionService } from '../src/application/detection/whale-detection.service';
import { ImpactMeasurer } from '../src/application/impact/impact-measurer';
import { WhalesClockPort } from '../src/application/ports/whales-clock.port';
import { WhalesSaga } from '../src/application/sagas/whales.saga';
import type { OrderBookSnapshot } from '../src/domain/order-book';
import { book, level, levels, T0 } from '../src/domain/testing/books';
import { OrderBookStreamReader } from '../src/infrastructure/streams/order-book-stream.reader';
import { TradeStreamReader } from '../src/infrastructure/streams/trade-stream.reader';
import { WhalesModule } from '../src/whales.module';

export const TELEGRAM_TOKEN = '123456:TEST-telegram-token';
export const DISCORD_PATH = '/api/webhooks/1/TEST-discord-secret';

export interface Tracker {
  readonly moduleRef: TestingModule;
  readonly detection: WhaleDetectionService;
  readonly alerts: AlertDispatcher;
  readonly impact: ImpactMeasurer;
  readonly reader: OrderBookStreamReader;
  readonly trades: TradeStreamReader;
  close(): Promise<void>;
}

export interface TrackerEndpoints {
  readonly telegramUrl?: string;
  readonly discordUrl?: string;
  /** Alerts dispatched by the saga as soon as a whale is recorded, not only by the alert loop. */
  readonly withSaga?: boolean;
  /** WHALE_THRESHOLD_USD (default 25,000). */
  readonly thresholdUsd?: number;
}

/** The saga without its alert dispatch on detection; its impact scheduling stays. */
class AlertsHeldSaga extends WhalesSaga {
  override whaleDetectedSendsAlerts = (): Observable<ICommand> => EMPTY;
}

/**
 * The WhalesModule as the apps wire it, on a test DataSource and in-memory streams, compiled but
 * not started: the test drives every loop with runOnce. Its command handlers are registered as
 * app.init() would; the saga schedules impact measurements, but its dispatching of alerts on
 * detection is left out unless `withSaga`, so that the test decides when alerts go.
 */
export async function buildTracker(
  dataSource: DataSource,
  streams: StreamPort,
  endpoints: TrackerEndpoints,
): Promise<Tracker> {
  @Global()
  @Module({
    providers: [
      { provide: DataSource, useValue: dataSource },
      { provide: StreamPort, useValue: streams },
      { provide: OutboxWriter, useValue: new OutboxWriter() },
    ],
    exports: [DataSource, StreamPort, OutboxWriter],
  })
  class TestInfrastructureModule {}

  const config = {
    whales: {
      thresholdUsd: endpoints.thresholdUsd ?? 25_000,
      detectionIntervalSeconds: 5,
      telegram: endpoints.telegramUrl
        ? { botToken: TELEGRAM_TOKEN, chatId: '42', apiUrl: endpoints.telegramUrl }
        : undefined,
      discordWebhook: endpoints.discordUrl ? `${endpoints.discordUrl}${DISCORD_PATH}` : undefined,
    },
  };
  const builder = Test.createTestingModule({
    imports: [ConfigModule.forRoot(config), TestInfrastructureModule, WhalesModule],
  })
    .overrideProvider(WhalesClockPort)
    .useValue(new FixedClock(T0));
  const moduleRef = await (
    endpoints.withSaga ? builder : builder.overrideProvider(WhalesSaga).useClass(AlertsHeldSaga)
  ).compile();
  moduleRef.get(CqrsModule).onApplicationBootstrap();
  return {
    moduleRef,
    detection: moduleRef.get(WhaleDetectionService),
    alerts: moduleRef.get(AlertDispatcher),
    impact: moduleRef.get(ImpactMeasurer),
    reader: moduleRef.get(OrderBookStreamReader),
    trades: moduleRef.get(TradeStreamReader),
    close: () => moduleRef.close(),
  };
}

export function newStreams(): MemoryStreamAdapter {
  return new MemoryStreamAdapter();
}

/**
 * A BTC book around 100,000 with a single bid whale (10 BTC at 99,970, n = 1) and an ask ladder
 * (4 levels of 2 BTC from 100,040), among levels of 0.5 BTC.
 */
export function whaleBook(time: Date, symbol = 'BTC'): OrderBookSnapshot {
  const bids = [...levels(99_990, -10, 10, 0.5)];
  bids[2] = level(99_970, 10, 1);
  const asks = [
    ...levels(100_010, 10, 3, 0.5),
    ...levels(100_040, 10, 4, 2),
    ...levels(100_080, 10, 3, 0.5),
  ];
  return book(bids, asks, symbol, time);
}

/** The book as market-data writes it to `orderbook:{SYMBOL}`. */
export function streamEntry(snapshot: OrderBookSnapshot): object {
  const withNotional = (side: OrderBookSnapshot['bids']) =>
    side.map((l) => ({ ...l, notionalUsd: String(Number(l.price) * Number(l.amount)) }));
  return {
    symbol: snapshot.symbol,
    time: snapshot.time.toISOString(),
    sequence: 1,
    bids: withNotional(snapshot.bids),
    asks: withNotional(snapshot.asks),
  };
}

/** Writes a trade to `trades:{SYMBOL}` as market-data does. */
export async function publishTrade(
  streams: StreamPort,
  symbol: string,
  time: Date,
  price: string,
): Promise<void> {
  const { stream, fields } = encodeStreamEntry(StreamFamilies.Trades, {
    symbol,
    tradeId: `t-${time.getTime()}`,
    price,
    size: '0.1',
    side: 'bid',
    time: time.toISOString(),
  });
  await streams.append(stream, fields);
}

export function at(ms: number): Date {
  return new Date(T0.getTime() + ms);
}

export { T0 };

/** Waits until the saga has scheduled the impact of `count` activities. */
export function untilImpactScheduled(dataSource: DataSource, count: number): Promise<void> {
  return until(async () => {
    const [row] = await dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM whale_activities WHERE impact_due_at IS NOT NULL`,
    );
    return row.n === count;
  }, 'the impact of every activity scheduled');
}

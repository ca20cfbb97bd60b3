import type { INestApplication } from '@nestjs/common';
import { CommandBus, CqrsModule, EventBus, ofType } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import type { DataSource } from 'typeorm';

import { startTestDatabase, type TestDatabase } from '@nexwave/database/testing';
import { MessagingModule, Topics, type CandleV1, type Envelope } from '@nexwave/messaging';
import { InMemoryBroker, MessageRecorder } from '@nexwave/messaging/testing';

import { PublishClosedCandlesCommand } from '../src/application/commands/publish-closed-candles.command';
import { PublishClosedCandlesHandler } from '../src/application/commands/publish-closed-candles.handler';
import { CandleClosedEvent } from '../src/application/events/candle-closed.event';
import { PublishCandleClosedHandler } from '../src/application/events/publish-candle-closed.handler';
import { ClosedCandlesPort } from '../src/application/ports/closed-candles.port';
import { CandleCloseCursor } from '../src/domain/closed-buckets';
import { CandleRefresher } from '../src/infrastructure/persistence/candle-refresher';
import { TypeOrmClosedCandles } from '../src/infrastructure/persistence/closed-candles.read-model';
import { insertTrades, type TestTrade } from './candles-support';

const at = (iso: string) => new Date(iso);
const trade = (symbol: string, time: string, price: string, size: string): TestTrade => ({
  symbol,
  time: at(time),
  price,
  size,
});

let database: TestDatabase;

beforeAll(async () => {
  database = await startTestDatabase();
});

afterAll(async () => {
  await database.stop();
});

describe('closed candles on the embedded TimescaleDB', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let recorder: MessageRecorder<CandleV1>;
  const events: CandleClosedEvent[] = [];

  beforeAll(async () => {
    dataSource = await database.freshDataSource();
    const moduleRef = await Test.createTestingModule({
      imports: [CqrsModule, MessagingModule.forRoot({ transport: 'memory', group: 'market-data' })],
      providers: [
        { provide: ClosedCandlesPort, useValue: new TypeOrmClosedCandles(dataSource) },
        // The process started at 12:04:30: the 12:03 minute, closed before, is never published.
        { provide: CandleCloseCursor, useValue: new CandleCloseCursor(at('2026-01-15T12:04:30Z')) },
        PublishClosedCandlesHandler,
        PublishCandleClosedHandler,
      ],
    }).compile();
    app = await moduleRef.createNestApplication({ logger: false }).init();
    recorder = new MessageRecorder(app.get(InMemoryBroker), Topics.MarketDataCandles);
    app
      .get(EventBus)
      .pipe(ofType(CandleClosedEvent))
      .subscribe((event) => events.push(event));
  });

  afterAll(async () => {
    recorder.close();
    await app?.close();
  });

  const closeUpTo = (now: string) =>
    app.get(CommandBus).execute(new PublishClosedCandlesCommand(at(now)));
  const described = (messages: Envelope<CandleV1>[]) =>
    messages.map(({ key, payload }) => `${key} ${payload.timeframe} ${payload.bucketStart}`);

  it('publishes each closed 1m and 5m candle once, as an event and a marketdata.candles.v1 message', async () => {
    await insertTrades(dataSource, [
      trade('BTC', '2026-01-15T12:01:10Z', '97000.5', '0.5'),
      trade('BTC', '2026-01-15T12:03:59Z', '97100', '0.25'),
      trade('BTC', '2026-01-15T12:04:01Z', '97050', '1'),
      trade('BTC', '2026-01-15T12:04:30Z', '97200.25', '2'),
      trade('BTC', '2026-01-15T12:04:59.999Z', '97150', '0.5'),
      trade('kBONK', '2026-01-15T12:02:00Z', '0.0231', '1000'),
      // Late, but within the grace: still in the closed 12:04 and 12:00 candles.
      trade('BTC', '2026-01-15T12:04:59.500Z', '96990', '1.5'),
      trade('BTC', '2026-01-15T12:05:05Z', '97300', '1'),
    ]);

    expect(await closeUpTo('2026-01-15T12:05:09Z')).toBe(0);
    expect(await closeUpTo('2026-01-15T12:05:10Z')).toBe(3);

    const messages = await recorder.waitFor(3);
    expect(described(messages)).toEqual([
      'BTC 1m 2026-01-15T12:04:00.000Z',
      'BTC 5m 2026-01-15T12:00:00.000Z',
      'kBONK 5m 2026-01-15T12:00:00.000Z',
    ]);
    expect(messages[0].payload).toEqual({
      symbol: 'BTC',
      timeframe: '1m',
      bucketStart: '2026-01-15T12:04:00.000Z',
      open: '97050',
      high: '97200.25',
      low: '96990',
      close: '97150',
      volume: '5.0',
      tradeCount: 4,
    });
    expect(messages[1].payload).toMatchObject({
      open: '97000.5',
      high: '97200.25',
      low: '96990',
      close: '97150',
      volume: '5.75',
      tradeCount: 6,
    });
    expect(events.map((e) => `${e.symbol} ${e.timeframe} ${e.candle.time}`)).toEqual(
      described(messages),
    );
  });

  it('publishes nothing twice, whether the aggregates were refreshed in between or not', async () => {
    expect(await closeUpTo('2026-01-15T12:05:40Z')).toBe(0);
    await new CandleRefresher(dataSource).refresh(at('2026-01-15T12:05:50Z'));
    expect(await closeUpTo('2026-01-15T12:06:09Z')).toBe(0);
    expect(await closeUpTo('2026-01-15T12:06:10Z')).toBe(1);

    const messages = await recorder.waitFor(4);
    expect(described(messages)).toEqual([
      'BTC 1m 2026-01-15T12:04:00.000Z',
      'BTC 5m 2026-01-15T12:00:00.000Z',
      'kBONK 5m 2026-01-15T12:00:00.000Z',
      'BTC 1m 2026-01-15T12:05:00.000Z',
    ]);
    expect(events).toHaveLength(4);
  });
});

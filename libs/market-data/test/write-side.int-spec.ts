import type { INestApplication } from '@nestjs/common';
import { CommandBus, CqrsModule, EventBus } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';

import { RefreshCandlesHandler } from '../src/application/commands/refresh-candles.handler';
import { StoreTradesCommand } from '../src/application/commands/store-trades.command';
import { StoreTradesHandler } from '../src/application/commands/store-trades.handler';
import { TickWriter } from '../src/application/ingestion/tick-writer';
import { CandleAggregatesPort } from '../src/application/ports/candle-aggregates.port';
import { MarketDataSaga } from '../src/application/sagas/market-data.saga';
import { InMemoryCandleAggregates } from '../src/testing/in-memory-candle-aggregates';
import { HARNESS_NOW, tick, tickWriterHarness } from '../src/testing/tick-writer-harness';

describe('market-data write side on Nest buses', () => {
  let app: INestApplication;

  afterEach(async () => {
    await app?.close();
  });

  it('a stored backfill reaches the saga, which refreshes candles from its oldest trade', async () => {
    let harness: ReturnType<typeof tickWriterHarness> | undefined;
    const aggregates = new InMemoryCandleAggregates();
    const moduleRef = await Test.createTestingModule({
      imports: [CqrsModule],
      providers: [
        {
          provide: TickWriter,
          useFactory: (events: EventBus) => {
            harness = tickWriterHarness((event) => {
              events.publish(event);
            });
            return harness.writer;
          },
          inject: [EventBus],
        },
        { provide: CandleAggregatesPort, useValue: aggregates },
        StoreTradesHandler,
        RefreshCandlesHandler,
        MarketDataSaga,
      ],
    }).compile();
    app = await moduleRef.createNestApplication({ logger: false }).init();
    const { writer, store } = harness!;

    await app
      .get(CommandBus)
      .execute(
        new StoreTradesCommand([
          tick('1', '2026-03-01T11:00:00Z'),
          tick('0', '2026-03-01T10:58:00Z', 'backfill'),
        ]),
      );
    await writer.flush();

    expect(store.ticks).toHaveLength(2);
    // The saga runs detached from the publisher: wait for it, with a generous deadline.
    for (const deadline = Date.now() + 10_000; aggregates.refreshes.length === 0;) {
      if (Date.now() > deadline) {
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(aggregates.refreshes).toEqual([
      { from: new Date('2026-03-01T10:58:00Z'), now: HARNESS_NOW },
    ]);
  });
});

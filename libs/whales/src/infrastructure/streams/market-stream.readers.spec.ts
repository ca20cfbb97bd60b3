import { CommandBus, CqrsModule } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';

import { StreamFamilies } from '@nexwave/messaging';
import { goldenStreamEntries, MemoryStreamAdapter } from '@nexwave/messaging/testing';

import { RecordTradePriceHandler } from '../../application/commands/record-trade-price.handler';
import { TradePriceLogPort, type TradePrice } from '../../application/ports/trade-price-log.port';
import type { OrderBookSnapshot } from '../../domain/order-book';
import { OrderBookStreamReader } from './order-book-stream.reader';
import { TradeStreamReader } from './trade-stream.reader';

class RecordedPrices extends TradePriceLogPort {
  readonly trades: TradePrice[] = [];
  private onRecord = () => {};
  readonly recorded = new Promise<void>((resolve) => (this.onRecord = resolve));

  record(trade: TradePrice): Promise<void> {
    this.trades.push(trade);
    this.onRecord();
    return Promise.resolve();
  }

  lastPriceAt(): Promise<string | null> {
    return Promise.resolve(null);
  }

  forgetBefore(): Promise<void> {
    return Promise.resolve();
  }
}

const golden = goldenStreamEntries();
const symbolOf = (stream: string) => stream.slice(stream.indexOf(':') + 1);

/** Contract test: the whales readers take every golden entry market-data's contracts define. */
describe('whales stream readers on the golden entries', () => {
  let streams: MemoryStreamAdapter;

  beforeEach(() => {
    streams = new MemoryStreamAdapter();
  });

  afterEach(() => streams.close());

  it.each(golden.filter((e) => e.family === StreamFamilies.OrderBook).map((e) => [e.stream, e]))(
    'read the book of %s',
    async (_stream, entry) => {
      const reader = new OrderBookStreamReader(streams);
      const books: OrderBookSnapshot[] = [];
      let onBook = () => {};
      const read = new Promise<void>((resolve) => (onBook = resolve));
      await reader.start([symbolOf(entry.stream)], (book) => {
        books.push(book);
        onBook();
      });
      await streams.append(entry.stream, entry.fields);
      await read;
      await reader.stop();
      const data = JSON.parse(entry.fields['data']) as { time: string; bids: object[] };
      expect(books).toEqual([
        expect.objectContaining({ symbol: symbolOf(entry.stream), time: new Date(data.time) }),
      ]);
      expect(books[0].bids).toHaveLength(data.bids.length);
      expect(books[0].bids[0]).toEqual({
        price: expect.any(String) as string,
        amount: expect.any(String) as string,
        orders: expect.any(Number) as number,
      });
    },
  );

  it.each(golden.filter((e) => e.family === StreamFamilies.Trades).map((e) => [e.stream, e]))(
    'record the trade of %s',
    async (_stream, entry) => {
      const prices = new RecordedPrices();
      const moduleRef = await Test.createTestingModule({
        imports: [CqrsModule.forRoot()],
        providers: [RecordTradePriceHandler, { provide: TradePriceLogPort, useValue: prices }],
      }).compile();
      await moduleRef.init();
      const reader = new TradeStreamReader(streams, moduleRef.get(CommandBus));
      await streams.append(entry.stream, entry.fields);
      await reader.start([symbolOf(entry.stream)]);
      await prices.recorded;
      await reader.stop();
      await moduleRef.close();
      expect(prices.trades).toEqual([
        {
          symbol: symbolOf(entry.stream),
          price: entry.fields['price'],
          time: new Date(entry.fields['time']),
        },
      ]);
    },
  );
});

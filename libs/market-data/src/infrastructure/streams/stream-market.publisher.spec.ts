import {
  decodeStreamEntry,
  orderBookStream,
  StreamFamilies,
  tradesStream,
  type StreamEntry,
} from '@nexwave/messaging';
import { MemoryStreamAdapter } from '@nexwave/messaging/testing';

import type { OrderBook } from '../../domain/order-book';
import type { Tick } from '../../domain/tick';
import { StreamMarketPublisher } from './stream-market.publisher';

const TIME = new Date('2026-01-15T12:00:00.000Z');
const BOOK: OrderBook = {
  symbol: 'kBONK',
  time: TIME,
  sequence: 7,
  bids: [{ price: '0.0201', amount: '1000', orders: 2, notionalUsd: '20.1' }],
  asks: [{ price: '0.0202', amount: '500', orders: 1, notionalUsd: '10.1' }],
};
const TICK: Tick = {
  time: TIME,
  symbol: 'BTC',
  price: '97000.5',
  size: '0.01',
  side: 'buy',
  tradeId: '42',
  source: 'pacifica',
};

let streams: MemoryStreamAdapter;
let publisher: StreamMarketPublisher;

beforeEach(() => {
  streams = new MemoryStreamAdapter();
  publisher = new StreamMarketPublisher(streams, 100);
});

afterEach(() => streams.close());

/** Every entry of a stream, read back through a consumer group from the start. */
async function entries(stream: string, expected: number): Promise<StreamEntry[]> {
  const read: StreamEntry[] = [];
  let done!: () => void;
  const all = new Promise<void>((resolve) => (done = resolve));
  const consumer = await streams.consume({
    streams: [stream],
    group: 'test',
    consumer: 'test-1',
    handler: (entry) => {
      read.push(entry);
      if (read.length === expected) {
        done();
      }
      return Promise.resolve();
    },
  });
  await all;
  await consumer.stop();
  return read;
}

describe('StreamMarketPublisher', () => {
  it('writes books and trades that parse with their stream contracts', async () => {
    await publisher.publishBook(BOOK);
    await publisher.publishTrades('BTC', [TICK]);

    const [book] = await entries(orderBookStream('kBONK'), 1);
    expect(decodeStreamEntry(StreamFamilies.OrderBook, book)).toEqual({
      ok: true,
      entry: { ...BOOK, time: '2026-01-15T12:00:00.000Z' },
    });
    const [trade] = await entries(tradesStream('BTC'), 1);
    expect(decodeStreamEntry(StreamFamilies.Trades, trade)).toEqual({
      ok: true,
      entry: {
        symbol: 'BTC',
        tradeId: '42',
        price: '97000.5',
        size: '0.01',
        side: 'bid',
        time: '2026-01-15T12:00:00.000Z',
      },
    });
  });

  it.each([
    ['a level without notional', { ...BOOK, bids: [{ ...BOOK.bids[0], notionalUsd: '' }] }],
    ['a symbol with a space', { ...BOOK, symbol: 'k BONK' }],
  ])('writes no book with %s', async (_name, book) => {
    await expect(publisher.publishBook(book)).rejects.toThrow(/Invalid message for orderbook:/);
    expect(await streams.length(orderBookStream(book.symbol))).toBe(0);
  });

  it('writes no trade with a float-like price', async () => {
    await expect(publisher.publishTrades('BTC', [{ ...TICK, price: '1e5' }])).rejects.toThrow(
      /trades:BTC: price/,
    );
    expect(await streams.length(tradesStream('BTC'))).toBe(0);
  });
});

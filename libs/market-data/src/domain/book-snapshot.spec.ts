import { bookSnapshot, BookSnapshotThrottle } from './book-snapshot';
import type { OrderBook, OrderBookLevel } from './order-book';

const level = (price: string, amount = '1'): OrderBookLevel => ({
  price,
  amount,
  orders: 1,
  notionalUsd: price,
});

const book = (symbol: string, ms: number): OrderBook => ({
  symbol,
  time: new Date(ms),
  bids: [level('99.5', '2'), level('99'), level('98')],
  asks: [level('100.5'), level('101', '0.001'), level('102')],
});

describe('bookSnapshot', () => {
  it('keeps the top levels of each side, best first, as [price, amount]', () => {
    expect(bookSnapshot(book('BTC', 5), 2)).toEqual({
      time: new Date(5),
      symbol: 'BTC',
      bids: [
        ['99.5', '2'],
        ['99', '1'],
      ],
      asks: [
        ['100.5', '1'],
        ['101', '0.001'],
      ],
    });
  });
});

describe('BookSnapshotThrottle', () => {
  it('takes one book per symbol per interval of exchange time', () => {
    const throttle = new BookSnapshotThrottle(1_000);
    const taken = [
      ['BTC', 0],
      ['BTC', 100],
      ['ETH', 150],
      ['BTC', 999],
      ['BTC', 1_000],
      ['ETH', 1_100],
      ['ETH', 1_149],
      ['ETH', 1_150],
    ].map(([symbol, ms]) => throttle.take(book(symbol as string, ms as number)));
    expect(taken).toEqual([true, false, true, false, true, false, false, true]);
  });
});

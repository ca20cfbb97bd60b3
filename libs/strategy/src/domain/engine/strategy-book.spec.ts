import { Decimal } from '@nexwave/core';

import { StrategyBook, type OrderProgress } from './strategy-book';

const order = (overrides: Partial<OrderProgress>): OrderProgress => ({
  clientOrderId: 'a',
  sequence: 1,
  symbol: 'BTC',
  side: 'bid',
  filledAmount: '0',
  averageFillPrice: null,
  feeUsd: '0',
  ...overrides,
});

describe('StrategyBook', () => {
  let book: StrategyBook;

  beforeEach(() => {
    book = new StrategyBook(new Decimal(100_000));
  });

  it('opens a position from partial fills and averages its entry', () => {
    book.applyOrder(
      order({ sequence: 1, filledAmount: '1', averageFillPrice: '100', feeUsd: '1' }),
    );
    book.applyOrder(
      order({ sequence: 2, filledAmount: '3', averageFillPrice: '110', feeUsd: '3' }),
    );

    // second fill: 2 at (3 x 110 - 100) / 2 = 115
    expect(book.positions()).toEqual([{ symbol: 'BTC', size: '3', entryPrice: '110' }]);
    expect(book.cashUsd().toFixed()).toBe('99997');
  });

  it('ignores stale and replayed events', () => {
    const filled = order({ sequence: 2, filledAmount: '2', averageFillPrice: '100' });
    expect(book.applyOrder(filled)).toBe(true);
    expect(book.applyOrder(filled)).toBe(false);
    expect(
      book.applyOrder(order({ sequence: 1, filledAmount: '1', averageFillPrice: '100' })),
    ).toBe(false);
    expect(book.positions()).toEqual([{ symbol: 'BTC', size: '2', entryPrice: '100' }]);
  });

  it('marks equity to the last close and realises PnL on an exit', () => {
    book.applyOrder(order({ filledAmount: '2', averageFillPrice: '100', feeUsd: '2' }));
    book.mark('BTC', '120');
    expect(book.equityUsd().toFixed()).toBe('100038');

    book.applyOrder(
      order({
        clientOrderId: 'b',
        side: 'ask',
        filledAmount: '2',
        averageFillPrice: '130',
        feeUsd: '3',
      }),
    );
    expect(book.positions()).toEqual([]);
    expect(book.realisedPnlUsd().toFixed()).toBe('60');
    expect(book.equityUsd().toFixed()).toBe('100055');
  });

  it('flips a long into a short at the fill price', () => {
    book.applyOrder(order({ filledAmount: '1', averageFillPrice: '100' }));
    book.applyOrder(
      order({ clientOrderId: 'b', side: 'ask', filledAmount: '3', averageFillPrice: '90' }),
    );

    expect(book.realisedPnlUsd().toFixed()).toBe('-10');
    expect(book.positions()).toEqual([{ symbol: 'BTC', size: '-2', entryPrice: '90' }]);
    expect(book.context().portfolio).toEqual({ equityUsd: '99990', cashUsd: '99990' });
  });
});

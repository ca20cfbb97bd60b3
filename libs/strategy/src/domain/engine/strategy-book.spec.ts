import { Decimal } from '@nexwave/core';

import { StrategyBook, type OrderProgress, type RoundTrip } from './strategy-book';

const order = (overrides: Partial<OrderProgress>): OrderProgress => ({
  clientOrderId: 'a',
  sequence: 1,
  symbol: 'BTC',
  side: 'bid',
  filledAmount: '0',
  averageFillPrice: null,
  feeUsd: '0',
  at: new Date('2026-01-01T00:00:00Z'),
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
    expect(book.applyOrder(filled)).toEqual({ filled: true, closedTrip: null });
    expect(book.applyOrder(filled)).toBeNull();
    expect(
      book.applyOrder(order({ sequence: 1, filledAmount: '1', averageFillPrice: '100' })),
    ).toBeNull();
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

  it('clones into a copy that moves on its own, the original untouched', () => {
    book.applyOrder(order({ filledAmount: '1', averageFillPrice: '100', feeUsd: '1' }));
    book.mark('BTC', '110');
    const copy = book.clone();

    const exit = order({
      clientOrderId: 'b',
      side: 'ask',
      filledAmount: '1',
      averageFillPrice: '110',
    });
    expect(copy.applyOrder(exit)?.closedTrip).toMatchObject({ pnlUsd: '9' });
    expect(copy.positions()).toEqual([]);
    expect(copy.equityUsd().toFixed()).toBe('100009');
    expect(book.positions()).toEqual([{ symbol: 'BTC', size: '1', entryPrice: '100' }]);
    expect(book.equityUsd().toFixed()).toBe('100009');
    expect(book.realisedPnlUsd().toFixed()).toBe('0');
    // The original has not seen the exit: it applies it as new.
    expect(book.applyOrder(exit)?.closedTrip).toMatchObject({ pnlUsd: '9' });
    expect(copy.applyOrder(order({ filledAmount: '1', averageFillPrice: '100' }))).toBeNull();
  });

  describe('round trips', () => {
    const at = (hour: number) => new Date(Date.UTC(2026, 0, 1, hour));
    /** One order's cumulative state: its id, sequence, side, filled, average price, fee, hour. */
    type Step = [string, number, 'bid' | 'ask', string, string, string, number];
    const trip = (overrides: Partial<RoundTrip>): RoundTrip => ({
      symbol: 'BTC',
      side: 'long',
      quantity: '0',
      entryPrice: '0',
      exitPrice: '0',
      feesUsd: '0',
      pnlUsd: '0',
      openedAt: at(1),
      closedAt: at(2),
      closingOrderId: 'b',
      closingSequence: 1,
      ...overrides,
    });

    it.each<[string, Step[], RoundTrip[]]>([
      [
        // (130 - 100) x 2 - (2 + 3) = 55
        'a winning long, fees taken off',
        [
          ['a', 1, 'bid', '2', '100', '2', 1],
          ['b', 1, 'ask', '2', '130', '3', 2],
        ],
        [trip({ quantity: '2', entryPrice: '100', exitPrice: '130', feesUsd: '5', pnlUsd: '55' })],
      ],
      [
        // (200 - 210) x 1 - (1 + 1) = -12
        'a losing short',
        [
          ['a', 1, 'ask', '1', '200', '1', 1],
          ['b', 1, 'bid', '1', '210', '1', 2],
        ],
        [
          trip({
            side: 'short',
            quantity: '1',
            entryPrice: '200',
            exitPrice: '210',
            feesUsd: '2',
            pnlUsd: '-12',
          }),
        ],
      ],
      [
        // one trip over a partial exit: (110 - 100) x 1 + (90 - 100) x 3 - (4 + 1 + 3) = -28,
        // exits averaged (110 + 3 x 90) / 4 = 95; the second exit order fills in two events
        'a partial exit, closed by a later order filled in two events',
        [
          ['a', 1, 'bid', '4', '100', '4', 1],
          ['b', 1, 'ask', '1', '110', '1', 2],
          ['c', 1, 'ask', '1', '90', '1', 3],
          ['c', 2, 'ask', '3', '90', '3', 4],
        ],
        [
          trip({
            quantity: '4',
            entryPrice: '100',
            exitPrice: '95',
            feesUsd: '8',
            pnlUsd: '-28',
            closedAt: at(4),
            closingOrderId: 'c',
            closingSequence: 2,
          }),
        ],
      ],
      [
        // the flip's fee 3 splits 1 (closes 1) / 2 (opens 2): long (90 - 100) x 1 - (1 + 1) = -12;
        // short (90 - 80) x 2 - (2 + 2) = 16, opened at the flip
        'a flip closes one trip and opens another',
        [
          ['a', 1, 'bid', '1', '100', '1', 1],
          ['b', 1, 'ask', '3', '90', '3', 2],
          ['c', 1, 'bid', '2', '80', '2', 3],
        ],
        [
          trip({ quantity: '1', entryPrice: '100', exitPrice: '90', feesUsd: '2', pnlUsd: '-12' }),
          trip({
            side: 'short',
            quantity: '2',
            entryPrice: '90',
            exitPrice: '80',
            feesUsd: '4',
            pnlUsd: '16',
            openedAt: at(2),
            closedAt: at(3),
            closingOrderId: 'c',
          }),
        ],
      ],
      [
        'a replayed closing event closes nothing more',
        [
          ['a', 1, 'bid', '1', '100', '0', 1],
          ['b', 1, 'ask', '1', '120', '0', 2],
          ['b', 1, 'ask', '1', '120', '0', 2],
          ['a', 1, 'bid', '1', '100', '0', 1],
        ],
        [trip({ quantity: '1', entryPrice: '100', exitPrice: '120', pnlUsd: '20' })],
      ],
    ])('%s', (_name, steps, expected) => {
      const trips = steps.flatMap(([id, sequence, side, filledAmount, price, feeUsd, hour]) => {
        const applied = book.applyOrder(
          order({
            clientOrderId: id,
            sequence,
            side,
            filledAmount,
            averageFillPrice: price,
            feeUsd,
            at: at(hour),
          }),
        );
        return applied?.closedTrip ?? [];
      });

      expect(trips).toEqual(expected);
    });

    it('carries the open trip over a fee reported without a fill', () => {
      book.applyOrder(
        order({ filledAmount: '1', averageFillPrice: '100', feeUsd: '1', at: at(1) }),
      );
      book.applyOrder(
        order({ sequence: 2, filledAmount: '1', averageFillPrice: '100', feeUsd: '1.5' }),
      );
      const closing = order({
        clientOrderId: 'b',
        side: 'ask',
        filledAmount: '1',
        averageFillPrice: '100',
        at: at(2),
      });

      expect(book.applyOrder(closing)?.closedTrip).toMatchObject({
        feesUsd: '1.5',
        pnlUsd: '-1.5',
      });
    });
  });
});

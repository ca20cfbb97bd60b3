import { Decimal } from '@nexwave/core';

import { Exchange } from './exchange';
import { errorCode, exchange, limit, NOW, order } from './testing/exchange-fixtures';

describe('Exchange simulation', () => {
  it('quotes a deterministic synthetic book for a seed', () => {
    const book = (seed: number) => {
      const ex = new Exchange({ seed });
      for (let i = 0; i < 5; i++) {
        ex.ticker.tick(NOW + i * 100);
      }
      const btc = ex.markets.get('BTC').book;
      return [btc.levels('bid', new Decimal(1), 10), btc.levels('ask', new Decimal(1), 10)].map(
        (side) => side.map((l) => `${l.price.toString()}:${l.amount.toString()}:${l.count}`),
      );
    };
    const first = book(42);
    expect(book(42)).toEqual(first);
    expect(book(43)).not.toEqual(first);
    expect(first[0]).toHaveLength(10);
    expect(first[1]).toHaveLength(10);
  });

  it('fills a resting order over several ticks as the walk crosses it', () => {
    const ex = exchange();
    ex.ticker.tick(NOW);
    const id = limit(ex, 'T', 'bid', '995', '100');
    ex.ticker.moveMid('TEST', '990');
    ex.ticker.tick(NOW + 100);
    expect(order(ex, 'T', id).status).toBe('partially_filled');
    const filledAfterOne = order(ex, 'T', id).filled;
    expect(filledAfterOne.lt(100)).toBe(true);
    ex.ticker.tick(NOW + 200);
    expect(order(ex, 'T', id).filled.gt(filledAfterOne)).toBe(true);
    const fills = ex.accounts.fills('T', { limit: 1000 }).items;
    expect(fills.every((f) => f.liquidity === 'fulfill_maker' && f.price.eq(995))).toBe(true);
    expect(ex.accounts.positions('T')[0]?.amount.toString()).toBe(
      order(ex, 'T', id).filled.toString(),
    );
    expect(ex.drainEvents().some((e) => e.type === 'fill' && e.account === 'T')).toBe(true);
  });

  it('injects a whale as one outsized level with n=1 and removes it after its duration', () => {
    const ex = exchange();
    ex.ticker.tick(NOW);
    const whale = ex.whales.injectWhale(
      { symbol: 'TEST', side: 'bid', kind: 'single', notionalUsd: 500_000, durationMs: 1_000 },
      NOW,
    );
    expect(whale.prices).toEqual(['996']);
    ex.ticker.tick(NOW + 100);
    const level = ex.markets
      .get('TEST')
      .book.levels('bid', new Decimal(1), 10)
      .find((l) => l.price.eq(996))!;
    expect([level.count, level.amount.toFixed(2)]).toEqual([1, whale.amounts[0]]);
    ex.ticker.tick(NOW + 1_000);
    const after = ex.markets
      .get('TEST')
      .book.levels('bid', new Decimal(1), 10)
      .find((l) => l.price.eq(996));
    expect(after?.amount.toFixed(2)).not.toBe(whale.amounts[0]);
  });

  it('injects a ladder on consecutive levels of equal size', () => {
    const ex = exchange();
    ex.ticker.tick(NOW);
    const ladder = ex.whales.injectWhale(
      { symbol: 'TEST', side: 'ask', kind: 'ladder', levels: 3 },
      NOW,
    );
    expect(ladder.prices).toEqual(['1004', '1005', '1006']);
    expect(new Set(ladder.amounts).size).toBe(1);
  });

  it('triggers a stop order when the mark crosses it', () => {
    const ex = exchange();
    ex.ticker.tick(NOW);
    ex.trading.createMarketOrder(
      'T',
      { symbol: 'TEST', side: 'bid', amount: '1', slippagePercent: '1', reduceOnly: false },
      NOW,
    );
    const stop = ex.stops.createStopOrder(
      'T',
      { symbol: 'TEST', side: 'ask', reduceOnly: true, stopPrice: '995', amount: '1' },
      NOW,
    );
    ex.ticker.tick(NOW + 100);
    expect(order(ex, 'T', stop).status).toBe('open');
    ex.ticker.moveMid('TEST', '990');
    ex.ticker.tick(NOW + 200);
    expect(order(ex, 'T', stop).status).toBe('filled');
    expect(ex.accounts.positions('T')).toEqual([]);
    const child = ex.orders.orderHistory('T', 10).items[0];
    expect(child).toMatchObject({ type: 'market', stopParentOrderId: stop, status: 'filled' });
  });

  it('triggers a bid stop when the mark is at or above it, whatever the mark was at creation', () => {
    const ex = exchange();
    ex.ticker.tick(NOW);
    const stop = ex.stops.createStopOrder(
      'T',
      { symbol: 'TEST', side: 'bid', reduceOnly: false, stopPrice: '990', amount: '1' },
      NOW,
    );
    ex.ticker.tick(NOW + 100);
    expect(order(ex, 'T', stop).status).toBe('filled');
    expect(ex.accounts.positions('T')).toEqual([expect.objectContaining({ symbol: 'TEST' })]);
  });

  it('sets position TP/SL as reduce-only stop orders that replace earlier ones', () => {
    const ex = exchange();
    ex.ticker.tick(NOW);
    expect(
      errorCode(() =>
        ex.stops.setPositionTpsl(
          'T',
          { symbol: 'TEST', side: 'ask', stopLoss: { stopPrice: '900' } },
          NOW,
        ),
      ),
    ).toBe('POSITION_NOT_FOUND: Position not found');
    ex.trading.createMarketOrder(
      'T',
      { symbol: 'TEST', side: 'bid', amount: '2', slippagePercent: '1', reduceOnly: false },
      NOW,
    );
    ex.stops.setPositionTpsl(
      'T',
      {
        symbol: 'TEST',
        side: 'ask',
        takeProfit: { stopPrice: '1100' },
        stopLoss: { stopPrice: '900' },
      },
      NOW,
    );
    ex.stops.setPositionTpsl(
      'T',
      { symbol: 'TEST', side: 'ask', stopLoss: { stopPrice: '950' } },
      NOW,
    );
    const stops = ex.orders
      .openOrders('T')
      .map((o) => [o.type, o.stopPrice?.toString(), o.amount.toString(), o.reduceOnly]);
    expect(stops).toEqual([
      ['take_profit_market', '1100', '2', true],
      ['stop_loss_market', '950', '2', true],
    ]);
    expect(ex.accounts.summary('T', NOW).stopOrdersCount).toBe(2);
  });
});

import { errorCode, exchange, levels, limit, NOW, order } from './testing/exchange-fixtures';

describe('Exchange matching', () => {
  it('fills by price, then time, at the maker price; the rest of a GTC order rests', () => {
    const ex = exchange();
    const a = limit(ex, 'A', 'ask', '1001', '1');
    const b = limit(ex, 'B', 'ask', '1001', '1');
    const c = limit(ex, 'C', 'ask', '1000', '1');
    const taker = limit(ex, 'T', 'bid', '1001', '3.5');

    expect(
      ex.accounts
        .fills('T', { limit: 10 })
        .items.map((f) => [f.price.toString(), f.amount.toString()]),
    ).toEqual([
      ['1001', '1'],
      ['1001', '1'],
      ['1000', '1'],
    ]);
    expect(order(ex, 'C', c).status).toBe('filled');
    expect(order(ex, 'A', a).status).toBe('filled');
    expect(order(ex, 'B', b).status).toBe('filled');
    expect(order(ex, 'T', taker)).toMatchObject({ status: 'partially_filled' });
    expect(order(ex, 'T', taker).filled.toString()).toBe('3');
    expect(levels(ex, 'bid')).toEqual([['1001', '0.5', 1]]);
    expect(ex.accounts.fills('A', { limit: 10 }).items[0]?.liquidity).toBe('fulfill_maker');
  });

  it('keeps time priority within a level on partial maker fills', () => {
    const ex = exchange();
    const first = limit(ex, 'A', 'ask', '1001', '1');
    const second = limit(ex, 'B', 'ask', '1001', '1');
    limit(ex, 'T', 'bid', '1001', '0.4', { tif: 'IOC' });
    expect(order(ex, 'A', first)).toMatchObject({ status: 'partially_filled' });
    expect(order(ex, 'B', second)).toMatchObject({ status: 'open' });
  });

  it('cancels the unfilled rest of an IOC order', () => {
    const ex = exchange();
    limit(ex, 'A', 'ask', '1000', '1');
    const id = limit(ex, 'T', 'bid', '1000', '3', { tif: 'IOC' });
    const ioc = order(ex, 'T', id);
    expect(ioc).toMatchObject({ status: 'cancelled', reason: 'cancel' });
    expect([ioc.filled.toString(), ioc.cancelled.toString()]).toEqual(['1', '2']);
    expect(levels(ex, 'bid')).toEqual([]);
    expect(ex.orders.orderEvents(id).map((e) => e.event)).toEqual(['cancel', 'fulfill_limit']);
  });

  it('rejects a crossing ALO order and rests a passive one', () => {
    const ex = exchange();
    limit(ex, 'A', 'ask', '1000', '1');
    expect(errorCode(() => limit(ex, 'T', 'bid', '1000', '1', { tif: 'ALO' }))).toBe(
      'POST_ONLY_REJECTED: Order rejected: post_only_rejected',
    );
    expect(ex.orders.orderHistory('T', 10).items[0]).toMatchObject({
      status: 'rejected',
      reason: 'post_only_rejected',
    });
    limit(ex, 'T', 'bid', '999', '1', { tif: 'ALO' });
    expect(levels(ex, 'bid')).toEqual([['999', '1', 1]]);
  });

  it('places a crossing TOB order one tick behind the opposite best', () => {
    const ex = exchange();
    limit(ex, 'A', 'ask', '1000', '1');
    const id = limit(ex, 'T', 'bid', '1005', '1', { tif: 'TOB' });
    expect(order(ex, 'T', id).price?.toString()).toBe('999');
  });

  it('bounds a market order by slippage from the mark and cancels the rest', () => {
    const ex = exchange();
    limit(ex, 'A', 'ask', '1001', '1');
    limit(ex, 'A', 'ask', '1010', '5');
    const id = ex.trading.createMarketOrder(
      'T',
      { symbol: 'TEST', side: 'bid', amount: '3', slippagePercent: '0.5', reduceOnly: false },
      NOW,
    );
    const market = order(ex, 'T', id);
    expect([market.filled.toString(), market.cancelled.toString(), market.status]).toEqual([
      '1',
      '2',
      'cancelled',
    ]);
    expect(
      errorCode(() =>
        ex.trading.createMarketOrder(
          'T',
          { symbol: 'TEST', side: 'bid', amount: '1', slippagePercent: '0.5', reduceOnly: false },
          NOW,
        ),
      ),
    ).toBe('NO_REASONABLE_PRICE: No reasonable price found');
  });

  it('finds no reasonable price on an empty side', () => {
    const ex = exchange();
    const request = {
      symbol: 'TEST',
      side: 'ask',
      amount: '1',
      slippagePercent: '1',
      reduceOnly: false,
    } as const;
    expect(errorCode(() => ex.trading.createMarketOrder('T', request, NOW))).toMatch(
      /^NO_REASONABLE_PRICE/,
    );
  });

  it('validates tick, lot, notional, symbol, leverage and balance', () => {
    const ex = exchange();
    expect(errorCode(() => limit(ex, 'T', 'bid', '999.5', '1'))).toBe(
      'INVALID_TICK_LEVEL: Price 999.5 is not a multiple of tick size 1',
    );
    expect(errorCode(() => limit(ex, 'T', 'bid', '999', '1.005'))).toMatch(/^INVALID_LOT_SIZE/);
    expect(errorCode(() => limit(ex, 'T', 'bid', '999', '0.01'))).toMatch(
      /below the minimum of 10/,
    );
    expect(errorCode(() => limit(ex, 'T', 'bid', '999', '1', { symbol: 'test' }))).toBe(
      'BOOK_NOT_FOUND: Market test not found',
    );
    expect(errorCode(() => ex.accounts.setLeverage('T', 'TEST', 11, NOW))).toBe(
      'INVALID_LEVERAGE: Invalid leverage',
    );
    // 100,000 USDC at 10x buys at most 1,000,000 of notional.
    expect(errorCode(() => limit(ex, 'T', 'bid', '999', '1002'))).toBe(
      'INSUFFICIENT_BALANCE: Insufficient balance',
    );
    ex.accounts.setLeverage('T', 'TEST', 1, NOW);
    expect(errorCode(() => limit(ex, 'T', 'bid', '999', '101'))).toMatch(/^INSUFFICIENT_BALANCE/);
  });

  it('tracks net positions, entry price, realised PnL, fees and balance', () => {
    const ex = exchange();
    limit(ex, 'M', 'ask', '1000', '2');
    limit(ex, 'T', 'bid', '1000', '2');
    expect(
      ex.accounts.positions('T').map((p) => [p.amount.toString(), p.entryPrice.toString()]),
    ).toEqual([['2', '1000']]);
    expect(ex.accounts.positions('M').map((p) => p.amount.toString())).toEqual(['-2']);

    limit(ex, 'M', 'bid', '1010', '1');
    limit(ex, 'T', 'ask', '1010', '1');
    const [close] = ex.accounts.fills('T', { limit: 1 }).items;
    expect(close).toMatchObject({ side: 'close_long', liquidity: 'fulfill_taker' });
    expect([close.pnl.toString(), close.entryPrice.toString(), close.fee.toString()]).toEqual([
      '10',
      '1000',
      '0.404',
    ]);
    // 100000 - taker fee on 2000 (0.8) + 10 pnl - taker fee on 1010 (0.404)
    expect(ex.accounts.summary('T', NOW).balance.toString()).toBe('100008.796');
    // Maker: 100000 - 0.3 (maker fee on 2000) - 10 pnl - 0.1515 (maker fee on 1010)
    expect(ex.accounts.summary('M', NOW).balance.toString()).toBe('99989.5485');
    expect(ex.accounts.positions('T').map((p) => p.amount.toString())).toEqual(['1']);
  });

  it('clamps reduce-only orders to the position and refuses ones that would increase it', () => {
    const ex = exchange();
    expect(errorCode(() => limit(ex, 'T', 'ask', '1000', '1', { reduceOnly: true }))).toMatch(
      /^REDUCE_ONLY_REJECTED/,
    );
    limit(ex, 'M', 'ask', '1000', '1');
    limit(ex, 'T', 'bid', '1000', '1');
    const id = limit(ex, 'T', 'ask', '1005', '3', { reduceOnly: true });
    expect(order(ex, 'T', id).amount.toString()).toBe('1');
  });

  it('cancels by id or client order id, and cancel-all by symbol', () => {
    const ex = exchange();
    const cloid = '4b2a8f1e-6f52-4b0e-9a35-2f1f1f7e7d11';
    const byId = limit(ex, 'T', 'bid', '990', '1');
    limit(ex, 'T', 'bid', '989', '1', { clientOrderId: cloid });
    limit(ex, 'T', 'bid', '988', '1');
    ex.trading.cancel('T', { symbol: 'TEST', orderId: byId }, NOW);
    ex.trading.cancel('T', { symbol: 'TEST', clientOrderId: cloid }, NOW);
    expect(errorCode(() => ex.trading.cancel('T', { symbol: 'TEST', orderId: byId }, NOW))).toBe(
      'ORDER_NOT_FOUND: Order not found',
    );
    expect(errorCode(() => limit(ex, 'T', 'bid', '987', '1', { clientOrderId: cloid }))).toMatch(
      /^DUPLICATE/,
    );
    expect(
      ex.trading.cancelAll(
        'T',
        { allSymbols: false, symbol: 'TEST', excludeReduceOnly: false },
        NOW,
      ),
    ).toBe(1);
    expect(ex.orders.openOrders('T')).toEqual([]);
    expect(levels(ex, 'bid')).toEqual([]);
  });

  it('hands out increasing order ids', () => {
    const ex = exchange();
    const ids = [limit(ex, 'A', 'bid', '990', '1'), limit(ex, 'B', 'bid', '991', '1')];
    expect(ids[1]).toBeGreaterThan(ids[0]);
    expect(ex.lastOrderId).toBe(ids[1]);
  });
});

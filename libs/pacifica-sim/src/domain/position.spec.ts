import { Decimal } from '@nexwave/core';

import { applyFill, unrealisedPnl, type Position } from './position';

const d = (v: string) => new Decimal(v);

describe('applyFill', () => {
  it.each([
    // [start amount, start entry, side, price, amount, end amount, end entry, pnl, trade side]
    ['0', '0', 'bid', '100', '2', '2', '100', '0', 'open_long'],
    ['2', '100', 'bid', '110', '2', '4', '105', '0', 'open_long'],
    ['4', '105', 'ask', '115', '1', '3', '105', '10', 'close_long'],
    ['3', '105', 'ask', '95', '5', '-2', '95', '-30', 'close_long'],
    ['-2', '95', 'bid', '90', '2', null, null, '10', 'close_short'],
    ['-1', '50', 'ask', '40', '1', '-2', '45', '0', 'open_short'],
  ] as const)(
    '%s @ %s, %s %s x %s -> %s @ %s, pnl %s (%s)',
    (amount, entry, side, price, size, endAmount, endEntry, pnl, tradeSide) => {
      const start: Position | undefined =
        amount === '0'
          ? undefined
          : { symbol: 'X', amount: d(amount), entryPrice: d(entry), createdAt: 0, updatedAt: 0 };
      const change = applyFill(start, 'X', side, d(price), d(size), 1);
      expect(change.position?.amount.toString() ?? null).toBe(endAmount);
      expect(change.position?.entryPrice.toString() ?? null).toBe(endEntry);
      expect(change.realisedPnl.toString()).toBe(pnl);
      expect(change.tradeSide).toBe(tradeSide);
    },
  );

  it('marks a short to market', () => {
    const short = {
      symbol: 'X',
      amount: d('-2'),
      entryPrice: d('100'),
      createdAt: 0,
      updatedAt: 0,
    };
    expect(unrealisedPnl(short, d('90')).toString()).toBe('20');
  });
});

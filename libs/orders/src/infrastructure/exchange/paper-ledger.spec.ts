import { Decimal } from '@nexwave/core';

import type { PositionSnapshot } from '../../domain/position';
import { PaperLedger, type LedgerMarkets } from './paper-ledger';

const AT = new Date('2026-01-15T12:00:00.000Z');

function markets(marks: Record<string, string>, leverage = 10): LedgerMarkets {
  return {
    mark: (symbol) => (marks[symbol] === undefined ? null : new Decimal(marks[symbol])),
    maxLeverage: () => leverage,
  };
}

describe('PaperLedger', () => {
  it('starts at the starting balance, flat, with everything available', () => {
    const ledger = new PaperLedger('100000');
    expect(ledger.account(markets({}), [])).toEqual({
      balanceUsd: '100000',
      equityUsd: '100000',
      availableToSpendUsd: '100000',
    });
    expect(ledger.openPositions()).toEqual([]);
    expect(ledger.position('BTC').isFlat).toBe(true);
  });

  it('moves equity by unrealised PnL at the mark and holds initial margin', () => {
    const ledger = new PaperLedger('100000');
    ledger.apply('BTC', { side: 'bid', amount: '2', price: '100', feeUsd: '0.08', at: AT });
    // balance pays the fee; equity adds (110 - 100) × 2; margin 2 × 110 / 10
    expect(ledger.account(markets({ BTC: '110' }), [])).toEqual({
      balanceUsd: '99999.92',
      equityUsd: '100019.92',
      availableToSpendUsd: '99997.92',
    });
  });

  it('values a position without a mark at its entry', () => {
    const ledger = new PaperLedger('1000');
    ledger.apply('ETH', { side: 'ask', amount: '1', price: '50', feeUsd: '0', at: AT });
    expect(ledger.account(markets({}), [])).toEqual({
      balanceUsd: '1000',
      equityUsd: '1000',
      availableToSpendUsd: '995',
    });
  });

  it('realises PnL into the balance on a round trip, minus both fees', () => {
    const ledger = new PaperLedger('100000');
    ledger.apply('BTC', { side: 'bid', amount: '1', price: '100', feeUsd: '0.04', at: AT });
    ledger.apply('BTC', { side: 'ask', amount: '1', price: '105', feeUsd: '0.042', at: AT });
    expect(ledger.openPositions()).toEqual([]);
    expect(ledger.account(markets({ BTC: '1' }), [])).toEqual({
      balanceUsd: '100004.918',
      equityUsd: '100004.918',
      availableToSpendUsd: '100004.918',
    });
  });

  it('holds margin for resting orders and never reports less than zero available', () => {
    const ledger = new PaperLedger('100');
    const resting = [{ symbol: 'BTC', amount: '3', price: '200' }];
    expect(ledger.account(markets({}, 10), resting).availableToSpendUsd).toBe('40');
    expect(ledger.account(markets({}, 1), resting).availableToSpendUsd).toBe('0');
  });

  it('restores positions and derives the balance from their realised PnL and fees', () => {
    const ledger = new PaperLedger('100000');
    ledger.apply('SOL', { side: 'bid', amount: '9', price: '1', feeUsd: '1', at: AT });
    const stored: PositionSnapshot[] = [
      {
        symbol: 'BTC',
        size: '0.5',
        entryPrice: '100',
        realisedPnlUsd: '12.5',
        feesUsd: '0.5',
        updatedAt: AT,
      },
      {
        symbol: 'ETH',
        size: '0',
        entryPrice: null,
        realisedPnlUsd: '-2',
        feesUsd: '1',
        updatedAt: AT,
      },
    ];
    ledger.restore(stored);
    expect(ledger.position('SOL').isFlat).toBe(true);
    expect(ledger.openPositions().map((p) => p.snapshot())).toEqual([stored[0]]);
    expect(ledger.account(markets({ BTC: '120' }), [])).toEqual({
      balanceUsd: '100009',
      equityUsd: '100019',
      availableToSpendUsd: '100013',
    });
  });
});

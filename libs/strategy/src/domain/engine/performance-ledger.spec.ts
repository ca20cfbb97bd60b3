import type { EquityPoint } from '../performance';
import { PerformanceLedger } from './performance-ledger';
import type { RoundTrip } from './strategy-book';

const at = (hour: number) => new Date(Date.UTC(2026, 0, 1, hour));
const point = (hour: number, equityUsd: string, inPosition = false): EquityPoint => ({
  at: at(hour),
  equityUsd,
  inPosition,
});
const trip = (closingOrderId: string, pnlUsd: string): RoundTrip => ({
  symbol: 'BTC',
  side: 'long',
  quantity: '1',
  entryPrice: '100',
  exitPrice: '100',
  feesUsd: '0',
  pnlUsd,
  openedAt: at(1),
  closedAt: at(2),
  closingOrderId,
  closingSequence: 1,
});

describe('PerformanceLedger', () => {
  it('adds each trip and each instant once, returning only what was new', () => {
    const ledger = new PerformanceLedger();
    expect(ledger.add({ trips: [trip('a', '10')], points: [point(1, '1000', true)] })).toEqual({
      trips: [trip('a', '10')],
      points: [point(1, '1000', true)],
    });

    const replay = ledger.add({
      trips: [trip('a', '10'), trip('b', '-4')],
      points: [point(1, '990'), point(3, '1006')],
    });

    expect(replay).toEqual({ trips: [trip('b', '-4')], points: [point(3, '1006')] });
    expect(ledger.asOf()).toEqual(at(3));
    // Trips 10 and -4; the curve 1000 (in position for 2h) -> 1006.
    expect(ledger.measure([])).toMatchObject({
      tradeCount: 2,
      wins: 1,
      realisedPnlUsd: '6',
      exposure: 1,
      maxDrawdownUsd: '0',
    });
  });

  it('forgets what could not be stored, so that a retry adds it again', () => {
    const ledger = new PerformanceLedger();
    ledger.add({ trips: [], points: [point(1, '1000')] });
    const added = ledger.add({ trips: [trip('a', '10')], points: [point(2, '1010')] });

    ledger.forget(added);

    expect(ledger.asOf()).toEqual(at(1));
    expect(ledger.add(added)).toEqual(added);
  });
});

import type { EquityPoint } from '../performance';
import { PerformanceLedger } from './performance-ledger';
import type { RoundTrip } from './strategy-book';

const at = (hour: number) => new Date(Date.UTC(2026, 0, 1) + hour * 3_600_000);
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
  it('adds each trip once and never rewrites an older instant, returning only what was new', () => {
    const ledger = new PerformanceLedger();
    expect(ledger.add({ trips: [trip('a', '10')], points: [point(1, '1000', true)] })).toEqual({
      trips: [trip('a', '10')],
      points: [point(1, '1000', true)],
    });

    const replay = ledger.add({
      trips: [trip('a', '10'), trip('b', '-4')],
      points: [point(3, '1006'), point(1, '990')],
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

  it('replaces the point just recorded when its equity changed, and no other', () => {
    const ledger = new PerformanceLedger();
    ledger.add({ trips: [], points: [point(1, '1000'), point(2, '1010')] });

    expect(ledger.add({ trips: [], points: [point(2, '1010')] }).points).toEqual([]);
    expect(ledger.add({ trips: [], points: [point(2, '1012')] }).points).toEqual([
      point(2, '1012'),
    ]);
    expect(ledger.add({ trips: [], points: [point(1, '1012')] }).points).toEqual([]);
    expect(ledger.measure([]).maxDrawdownUsd).toBe('0');

    // A late fill's point (earlier instant, recorded after): the newest one is then closed.
    ledger.add({ trips: [], points: [point(1.5, '1011')] });
    expect(ledger.add({ trips: [], points: [point(2, '990')] }).points).toEqual([]);
  });

  it('restores a history of which nothing is open to updates', () => {
    const ledger = new PerformanceLedger();
    ledger.restore({ trips: [trip('a', '10')], points: [point(1, '1000'), point(2, '1010')] });

    expect(ledger.add({ trips: [trip('a', '10')], points: [point(2, '990')] })).toEqual({
      trips: [],
      points: [],
    });
    expect(ledger.asOf()).toEqual(at(2));
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

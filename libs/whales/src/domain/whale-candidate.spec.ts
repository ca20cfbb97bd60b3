import { Decimal } from '@nexwave/core';

import { parseSide } from './order-book';
import { level } from './testing/books';
import { toCandidate, WhaleFinding } from './whale-candidate';

const finding = (positions: number[], overrides: Partial<WhaleFinding> = {}): WhaleFinding => ({
  kind: 'ladder',
  positions,
  notionalUsd: new Decimal('1234.5'),
  standout: 4.5,
  confidence: 0.81,
  ...overrides,
});

describe('toCandidate', () => {
  it('takes its levels, exact size, price range and order count from the side', () => {
    const bids = parseSide([
      level('101', '1'),
      level('100', '0.1', 2),
      level('99', '0.2', 3),
      level('98', '0.3', 4),
    ]);
    expect(toCandidate('ETH', 'bid', bids, finding([1, 2, 3]))).toEqual({
      symbol: 'ETH',
      side: 'bid',
      kind: 'ladder',
      levels: [level('100', '0.1', 2), level('99', '0.2', 3), level('98', '0.3', 4)],
      priceLow: '98',
      priceHigh: '100',
      size: '0.6',
      notionalUsd: '1234.5',
      orderCount: 9,
      standout: 4.5,
      confidence: 0.81,
    });
  });

  it('on the ask side the best (first) level is the low price', () => {
    const asks = parseSide([level('101', '1'), level('102', '1'), level('103', '1')]);
    expect(toCandidate('BTC', 'ask', asks, finding([0, 1, 2]))).toMatchObject({
      priceLow: '101',
      priceHigh: '103',
    });
  });

  it('the price range of positions out of price order is still low to high', () => {
    const side = parseSide([level('100', '1'), level('98', '1'), level('99', '1')]);
    expect(toCandidate('BTC', 'bid', side, finding([0, 1, 2]))).toMatchObject({
      priceLow: '98',
      priceHigh: '100',
    });
  });

  it('of equal prices reports the first level in book order', () => {
    const side = parseSide([level('100', '1'), level('100.0', '1')]);
    expect(toCandidate('BTC', 'bid', side, finding([0, 1]))).toMatchObject({
      priceLow: '100',
      priceHigh: '100',
    });
  });

  it('counts a level with no order count as one order', () => {
    const side = parseSide([level('100', '5', 0), level('99', '5', 3)]);
    expect(toCandidate('BTC', 'bid', side, finding([0, 1])).orderCount).toBe(4);
  });

  it('a single is its one level', () => {
    const side = parseSide([level('100', '5'), level('99', '25.001', 1)]);
    const single = toCandidate('BTC', 'bid', side, finding([1], { kind: 'single' }));
    expect(single).toMatchObject({
      kind: 'single',
      levels: [level('99', '25.001', 1)],
      priceLow: '99',
      priceHigh: '99',
      size: '25.001',
      orderCount: 1,
    });
  });
});

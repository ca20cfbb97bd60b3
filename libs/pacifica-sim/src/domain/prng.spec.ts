import { Decimal } from '@nexwave/core';

import { PriceWalk } from './price-walk';
import { deriveSeed, mulberry32 } from './prng';

describe('seeded randomness', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const take = (seed: number) => Array.from({ length: 5 }, mulberry32(seed));
    expect(take(42)).toEqual(take(42));
    expect(take(42)).not.toEqual(take(43));
    expect(take(42).every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('derives distinct seeds per market name', () => {
    expect(deriveSeed(1, 'BTC')).toBe(deriveSeed(1, 'BTC'));
    expect(deriveSeed(1, 'BTC')).not.toBe(deriveSeed(1, 'ETH'));
  });

  it('walks deterministically on the tick grid', () => {
    const path = (seed: number) => {
      const walk = new PriceWalk('100000', '1', 0.001, mulberry32(seed));
      return Array.from({ length: 50 }, () => walk.step().toString());
    };
    expect(path(7)).toEqual(path(7));
    expect(path(7)).not.toEqual(path(8));
    expect(path(7).every((p) => new Decimal(p).isInteger())).toBe(true);
    expect(new Set(path(7)).size).toBeGreaterThan(10);
  });
});

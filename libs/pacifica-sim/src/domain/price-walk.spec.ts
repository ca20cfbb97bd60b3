import { Decimal, seededRandom } from '@nexwave/core';

import { PriceWalk } from './price-walk';

describe('PriceWalk', () => {
  it('walks deterministically on the tick grid', () => {
    const path = (seed: number) => {
      const walk = new PriceWalk('100000', '1', 0.001, seededRandom(seed));
      return Array.from({ length: 50 }, () => walk.step().toString());
    };
    expect(path(7)).toEqual(path(7));
    expect(path(7)).not.toEqual(path(8));
    expect(path(7).every((p) => new Decimal(p).isInteger())).toBe(true);
    expect(new Set(path(7)).size).toBeGreaterThan(10);
  });
});

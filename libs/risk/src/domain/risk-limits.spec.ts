import { assertValidLimits, DEFAULT_RISK_LIMITS } from './risk-limits';

describe('assertValidLimits', () => {
  it('accepts the defaults and an order range one cent wide', () => {
    expect(() => assertValidLimits(DEFAULT_RISK_LIMITS)).not.toThrow();
    expect(() =>
      assertValidLimits({ ...DEFAULT_RISK_LIMITS, minOrderUsd: 10, maxOrderUsd: 10.01 }),
    ).not.toThrow();
  });

  it.each([
    ['maxPositionUsd', 0, 'maxPositionUsd must be a positive number, got 0'],
    ['maxLeverage', -1, 'maxLeverage must be a positive number, got -1'],
    ['dailyLossLimitPct', Number.NaN, 'dailyLossLimitPct must be a positive number, got NaN'],
    ['maxOrderUsd', Infinity, 'maxOrderUsd must be a positive number, got Infinity'],
  ])('refuses %s = %p, naming it', (name, value, message) => {
    expect(() => assertValidLimits({ ...DEFAULT_RISK_LIMITS, [name]: value })).toThrow(
      new RangeError(message),
    );
  });

  it('refuses a minimum order at or above the maximum', () => {
    expect(() =>
      assertValidLimits({ ...DEFAULT_RISK_LIMITS, minOrderUsd: 200, maxOrderUsd: 100 }),
    ).toThrow('minOrderUsd (200) must be below maxOrderUsd (100)');
  });
});

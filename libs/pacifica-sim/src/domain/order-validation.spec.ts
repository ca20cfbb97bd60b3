import { Decimal } from '@nexwave/core';

import { DEFAULT_MARKETS } from './market';
import { parseDecimal, validateAmount, validateNotional, validatePrice } from './order-validation';

const btc = DEFAULT_MARKETS.find((m) => m.symbol === 'BTC')!;
const bonk = DEFAULT_MARKETS.find((m) => m.symbol === 'kBONK')!;

describe('order validation', () => {
  it('accepts exact multiples of tick and lot, in any written form', () => {
    expect(() => validatePrice(btc, new Decimal('100000.0'))).not.toThrow();
    expect(() => validatePrice(bonk, new Decimal('0.021345'))).not.toThrow();
    expect(() => validateAmount(btc, new Decimal('0.00123'))).not.toThrow();
  });

  it.each([
    [() => validatePrice(btc, new Decimal('100000.5')), /not a multiple of tick size 1$/],
    [() => validatePrice(bonk, new Decimal('0.0213455')), /not a multiple of tick size 0.000001/],
    [() => validatePrice(btc, new Decimal('2000000')), /outside/],
    [() => validateAmount(btc, new Decimal('0.000001')), /not a multiple of lot size 0.00001/],
    [() => validateAmount(bonk, new Decimal('15')), /not a multiple of lot size 10/],
    [() => validateAmount(btc, new Decimal('0')), /must be positive/],
    [() => validateNotional(btc, new Decimal('9.99')), /below the minimum of 10/],
    [() => validateNotional(btc, new Decimal('5000001')), /above the maximum/],
    [() => parseDecimal('price', '1e5'), /Invalid decimal/],
    [() => parseDecimal('price', '-1'), /Invalid decimal/],
  ])('rejects case %#', (run, message) => {
    expect(run).toThrow(message);
  });
});

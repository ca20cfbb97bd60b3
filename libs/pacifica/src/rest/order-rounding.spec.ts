import { Decimal } from '@nexwave/core';

import type { MarketInfo } from '../api/market.schema';
import { PacificaOrderError } from '../pacifica.errors';
import { assertNotional, roundAmount, roundLimitPrice, roundTriggerPrice } from './order-rounding';

const BTC: MarketInfo = {
  symbol: 'BTC',
  tickSize: '1',
  lotSize: '0.00001',
  minTick: '0',
  maxTick: '1000000',
  maxLeverage: 50,
  isolatedOnly: false,
  minOrderSizeUsd: '10',
  maxOrderSizeUsd: '5000000',
  fundingRate: null,
  nextFundingRate: null,
  createdAt: null,
};
const KBONK: MarketInfo = { ...BTC, symbol: 'kBONK', tickSize: '0.000001', lotSize: '1' };

function orderError(fn: () => unknown): PacificaOrderError {
  try {
    fn();
  } catch (error) {
    if (error instanceof PacificaOrderError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a PacificaOrderError');
}

describe('roundAmount', () => {
  it.each([
    [BTC, '0.123456789', '0.12345'],
    [BTC, '2', '2.00000'],
    [KBONK, '12345.9', '12345'],
    [BTC, new Decimal('0.000019'), '0.00001'],
  ] as const)('floors to the lot (%#)', (market, amount, expected) => {
    expect(roundAmount(market, amount)).toBe(expected);
  });

  it('refuses an amount that floors to zero, naming the market as given', () => {
    const error = orderError(() => roundAmount(KBONK, '0.9'));
    expect(error.code).toBe('AMOUNT_BELOW_LOT');
    expect(error.message).toContain('kBONK');
  });

  it.each(['abc', '-1', '0', 'NaN', 'Infinity'])('refuses %s', (amount) => {
    expect(orderError(() => roundAmount(BTC, amount)).code).toBe('INVALID_DECIMAL');
  });
});

describe('roundLimitPrice', () => {
  it('rounds a buy down and a sell up, so neither crosses its limit', () => {
    expect(roundLimitPrice(BTC, '67123.6', 'bid')).toBe('67123');
    expect(roundLimitPrice(BTC, '67123.2', 'ask')).toBe('67124');
    expect(roundLimitPrice(KBONK, '0.0234567', 'bid')).toBe('0.023456');
    expect(roundLimitPrice(KBONK, '0.0234561', 'ask')).toBe('0.023457');
  });

  it('keeps an exact multiple and prints the tick decimals', () => {
    expect(roundLimitPrice({ ...BTC, tickSize: '0.1' }, '100000', 'bid')).toBe('100000.0');
  });

  it('refuses a price outside [min_tick, max_tick]', () => {
    expect(orderError(() => roundLimitPrice(BTC, '2000000', 'ask')).code).toBe(
      'PRICE_OUT_OF_RANGE',
    );
  });
});

describe('roundTriggerPrice', () => {
  it('rounds to the nearest tick', () => {
    expect(roundTriggerPrice(BTC, '60000.5')).toBe('60001');
    expect(roundTriggerPrice(BTC, '60000.4')).toBe('60000');
  });
});

describe('assertNotional', () => {
  it('accepts the minimum exactly', () => {
    expect(() => assertNotional(BTC, '0.00020', '50000')).not.toThrow();
  });

  it('refuses below min_order_size and above max_order_size', () => {
    expect(orderError(() => assertNotional(BTC, '0.00019', '50000')).code).toBe(
      'NOTIONAL_TOO_SMALL',
    );
    expect(orderError(() => assertNotional(BTC, '101', '50000')).code).toBe('NOTIONAL_TOO_LARGE');
  });
});

import { Decimal } from '@nexwave/core';

import type { MarketSpec } from './market';
import { SimError } from './sim.errors';

/** Pacifica's tick, lot and notional rules for a new order. */
export function validatePrice(market: MarketSpec, price: Decimal): void {
  if (!price.mod(market.tickSize).isZero()) {
    throw new SimError(
      'INVALID_TICK_LEVEL',
      `Price ${price.toString()} is not a multiple of tick size ${market.tickSize}`,
    );
  }
  if (price.lte(0) || price.lt(market.minTick) || price.gt(market.maxTick)) {
    throw new SimError(
      'INVALID_TICK_LEVEL',
      `Price ${price.toString()} is outside [${market.minTick}, ${market.maxTick}]`,
    );
  }
}

export function validateAmount(market: MarketSpec, amount: Decimal): void {
  if (amount.lte(0)) {
    throw new SimError('INVALID_ORDER_SIZE', `Amount ${amount.toString()} must be positive`);
  }
  if (!amount.mod(market.lotSize).isZero()) {
    throw new SimError(
      'INVALID_LOT_SIZE',
      `Amount ${amount.toString()} is not a multiple of lot size ${market.lotSize}`,
    );
  }
}

export function validateNotional(market: MarketSpec, notional: Decimal): void {
  if (notional.lt(market.minOrderSize)) {
    throw new SimError(
      'INVALID_ORDER_SIZE',
      `Order notional ${notional.toFixed(2)} is below the minimum of ${market.minOrderSize}`,
    );
  }
  if (notional.gt(market.maxOrderSize)) {
    throw new SimError(
      'INVALID_ORDER_SIZE',
      `Order notional ${notional.toFixed(2)} is above the maximum of ${market.maxOrderSize}`,
    );
  }
}

/** Parses a decimal string from a request; anything else is a 400. */
export function parseDecimal(field: string, value: string): Decimal {
  if (!/^\d+(\.\d+)?$/.test(value)) {
    throw new SimError('INVALID_REQUEST', `Invalid decimal for ${field}: "${value}"`);
  }
  return new Decimal(value);
}

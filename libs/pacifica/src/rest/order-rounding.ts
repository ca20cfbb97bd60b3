import { Decimal, roundToStep } from '@nexwave/core';

import type { OrderSide } from '../api/common.schema';
import type { MarketInfo } from '../api/market.schema';
import { PacificaOrderError } from '../pacifica.errors';

/** Order inputs: decimal strings or Decimal values, never floats. */
export type DecimalInput = string | Decimal;

type MarketRules = Pick<
  MarketInfo,
  'symbol' | 'tickSize' | 'lotSize' | 'minTick' | 'maxTick' | 'minOrderSizeUsd' | 'maxOrderSizeUsd'
>;

/** Floors the amount to the market's lot size; an amount that floors to zero is refused. */
export function roundAmount(market: MarketRules, amount: DecimalInput): string {
  const value = positiveDecimal('amount', amount);
  const rounded = roundToStep(value, market.lotSize, 'down');
  if (new Decimal(rounded).isZero()) {
    throw new PacificaOrderError(
      'AMOUNT_BELOW_LOT',
      `${market.symbol}: amount ${value.toString()} is below the lot size ${market.lotSize}`,
      { symbol: market.symbol, amount: value.toString(), lotSize: market.lotSize },
    );
  }
  return rounded;
}

/**
 * Rounds a limit price to the tick on the safe side of the limit: a buy (bid) never pays more,
 * a sell (ask) never receives less.
 */
export function roundLimitPrice(market: MarketRules, price: DecimalInput, side: OrderSide): string {
  const value = positiveDecimal('price', price);
  return inTickRange(market, roundToStep(value, market.tickSize, side === 'bid' ? 'down' : 'up'));
}

/** Rounds a trigger (stop) price to the nearest tick. */
export function roundTriggerPrice(market: MarketRules, price: DecimalInput): string {
  const value = positiveDecimal('stop price', price);
  return inTickRange(market, roundToStep(value, market.tickSize, 'nearest'));
}

/** Refuses an order whose notional (amount x price) is outside [min_order_size, max_order_size]. */
export function assertNotional(market: MarketRules, amount: string, price: DecimalInput): void {
  const notional = new Decimal(amount).mul(price);
  const details = { symbol: market.symbol, notional: notional.toString() };
  if (notional.lt(market.minOrderSizeUsd)) {
    throw new PacificaOrderError(
      'NOTIONAL_TOO_SMALL',
      `${market.symbol}: order notional ${notional.toString()} USD is below the minimum ${market.minOrderSizeUsd}`,
      { ...details, minOrderSizeUsd: market.minOrderSizeUsd },
    );
  }
  if (notional.gt(market.maxOrderSizeUsd)) {
    throw new PacificaOrderError(
      'NOTIONAL_TOO_LARGE',
      `${market.symbol}: order notional ${notional.toString()} USD is above the maximum ${market.maxOrderSizeUsd}`,
      { ...details, maxOrderSizeUsd: market.maxOrderSizeUsd },
    );
  }
}

function inTickRange(market: MarketRules, price: string): string {
  if (new Decimal(price).lt(market.minTick) || new Decimal(price).gt(market.maxTick)) {
    throw new PacificaOrderError(
      'PRICE_OUT_OF_RANGE',
      `${market.symbol}: price ${price} is outside [${market.minTick}, ${market.maxTick}]`,
      { symbol: market.symbol, price, minTick: market.minTick, maxTick: market.maxTick },
    );
  }
  return price;
}

function positiveDecimal(name: string, input: DecimalInput): Decimal {
  let value: Decimal;
  try {
    value = new Decimal(input);
  } catch {
    value = new Decimal(NaN);
  }
  if (!value.isFinite() || value.lte(0)) {
    throw new PacificaOrderError('INVALID_DECIMAL', `${name} must be a positive decimal`, {
      [name]: String(input),
    });
  }
  return value;
}

import { createHash } from 'node:crypto';

import { Decimal, isUuid } from '@nexwave/core';

import type { OrderRequest } from '../../domain/order';
import type { ExchangeFill, ExchangeOrder } from '../ports/exchange.port';

/** The strategyId of an order placed on the account by something other than Nexwave. */
export const EXTERNAL_STRATEGY_ID = 'external';

/**
 * The slippage bound of a priceless order we did not send is unknown; 100 % says "no bound" and is
 * never used (an adopted order is never sent).
 */
const UNKNOWN_SLIPPAGE_PERCENT = '100';

/**
 * Our clientOrderId for an exchange order: its own client order id when it is a uuid (ours always
 * are), else a uuid derived from the exchange order id, so every pass and every update finds the
 * same order.
 */
export function localClientOrderId(ids: {
  readonly clientOrderId: string | null;
  readonly exchangeOrderId: string;
}): string {
  if (ids.clientOrderId !== null && isUuid(ids.clientOrderId)) {
    return ids.clientOrderId;
  }
  const hex = createHash('sha256').update(`pacifica-order:${ids.exchangeOrderId}`).digest('hex');
  // RFC 9562 version 8 (custom), variant 10.
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The request an order we did not place would have been: limit GTC, or market without a price;
 * decimals as the exchange wrote them, trailing zeros dropped.
 */
export function adoptedRequest(order: ExchangeOrder, paperTrading: boolean): OrderRequest {
  const base = {
    clientOrderId: localClientOrderId(order),
    strategyId: EXTERNAL_STRATEGY_ID,
    symbol: order.symbol,
    side: order.side,
    amount: new Decimal(order.amount).toFixed(),
    reduceOnly: order.reduceOnly,
    paperTrading,
  };
  return order.price === null
    ? {
        ...base,
        orderType: 'market',
        price: null,
        tif: null,
        slippagePercent: UNKNOWN_SLIPPAGE_PERCENT,
      }
    : {
        ...base,
        orderType: 'limit',
        price: new Decimal(order.price).toFixed(),
        tif: 'GTC',
        slippagePercent: null,
      };
}

/**
 * What the exchange counts as filled for the order beyond the fills it reported: those fills are
 * not invented, the gap is said. Null when the reported fills cover it.
 */
export function unreportedFillGap(
  order: ExchangeOrder,
  fills: readonly ExchangeFill[],
): string | null {
  const reported = fills
    .filter((f) => f.exchangeOrderId === order.exchangeOrderId)
    .reduce((sum, f) => sum.plus(f.amount), new Decimal(0));
  const gap = new Decimal(order.filledAmount).minus(reported);
  return gap.gt(0)
    ? `adopted from the exchange with ${gap.toFixed()} filled there without reported fills`
    : null;
}

import { uuidv7 } from '@nexwave/core';
import { describeIssues, orderRequestV1Schema, type OrderRequestV1 } from '@nexwave/messaging';

import { OrdersError } from '../../domain/orders.errors';

/** Strategy id of orders placed by hand through the API. */
export const MANUAL_STRATEGY_ID = 'manual';
/** Worst price a market order accepts, in percent away from the book, when the caller names none. */
export const DEFAULT_SLIPPAGE_PERCENT = '0.5';

type MetadataValue = string | number | boolean | null;

/** An order as REST and GraphQL take it: orders.requests.v1 with defaults for what may be left out. */
export interface PlaceOrderInput {
  readonly clientOrderId?: string;
  readonly strategyId?: string;
  readonly symbol: string;
  readonly side: string;
  readonly orderType: string;
  readonly amount: string;
  readonly price?: string;
  readonly tif?: string;
  readonly slippagePercent?: string;
  readonly reduceOnly?: boolean;
  readonly paperTrading?: boolean;
  readonly metadata?: Readonly<Record<string, MetadataValue>>;
}

/**
 * The orders.requests.v1 request for an API call: a new clientOrderId unless the caller gave one
 * (then a replay returns the stored order), strategy `manual`, GTC for a limit order, 0.5 %
 * slippage for a market order, not reduce-only, paper; `requestedBy` recorded in the metadata.
 * Throws OrdersError INVALID_ORDER naming every broken rule.
 */
export function placeOrderRequest(input: PlaceOrderInput, requestedBy: string): OrderRequestV1 {
  const market = input.orderType === 'market';
  const problems = [
    market && input.price !== undefined ? 'price: a market order has no price' : null,
    !market && input.price === undefined ? 'price: a limit order needs a price' : null,
    market && input.tif !== undefined ? 'tif: a market order has no time in force' : null,
    !market && input.slippagePercent !== undefined
      ? 'slippagePercent: only a market order has a slippage bound'
      : null,
  ].filter((problem): problem is string => problem !== null);
  const parsed = orderRequestV1Schema.safeParse({
    clientOrderId: input.clientOrderId ?? uuidv7(),
    strategyId: input.strategyId ?? MANUAL_STRATEGY_ID,
    symbol: input.symbol,
    side: input.side,
    orderType: input.orderType,
    amount: input.amount,
    price: market ? null : (input.price ?? null),
    tif: market ? null : (input.tif ?? 'GTC'),
    slippagePercent: market ? (input.slippagePercent ?? DEFAULT_SLIPPAGE_PERCENT) : null,
    reduceOnly: input.reduceOnly ?? false,
    paperTrading: input.paperTrading ?? true,
    metadata: { ...input.metadata, requestedBy },
  });
  if (problems.length > 0 || !parsed.success) {
    if (!parsed.success && problems.length === 0) {
      problems.push(describeIssues(parsed.error));
    }
    throw new OrdersError('INVALID_ORDER', `invalid order: ${problems.join('; ')}`, {
      clientOrderId: input.clientOrderId ?? null,
    });
  }
  return parsed.data;
}

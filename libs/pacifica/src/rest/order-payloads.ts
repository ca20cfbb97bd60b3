import { Decimal, isUuid } from '@nexwave/core';

import type { OrderSide, TimeInForce } from '../api/common.schema';
import type { MarketInfo } from '../api/market.schema';
import { PacificaOrderError } from '../pacifica.errors';
import type { JsonObject } from '../signing/signing-message';
import {
  assertNotional,
  roundAmount,
  roundLimitPrice,
  roundTriggerPrice,
  type DecimalInput,
} from './order-rounding';

export type TriggerPriceType = 'mark_price' | 'last_trade_price' | 'mid_price';

/** A take-profit or stop-loss leg. Without `limitPrice` it is a market stop; without `amount` it covers the whole position. */
export interface StopInfoInput {
  stopPrice: DecimalInput;
  limitPrice?: DecimalInput;
  amount?: DecimalInput;
  clientOrderId?: string;
  /** Defaults to `mark_price`: when omitted the engine uses the book mid (spec section 3.1). */
  triggerPriceType?: TriggerPriceType;
}

interface OrderBase {
  symbol: string;
  side: OrderSide;
  amount: DecimalInput;
  reduceOnly: boolean;
  /** A UUID. Orders with one are retried safely after a timeout; orders without one are never retried. */
  clientOrderId?: string;
  takeProfit?: StopInfoInput;
  stopLoss?: StopInfoInput;
  builderCode?: string;
}

export interface MarketOrderParams extends OrderBase {
  slippagePercent: DecimalInput;
  /** Price used for the minimum-notional check; the client fetches the mark price when absent. */
  referencePrice?: DecimalInput;
}

export interface LimitOrderParams extends OrderBase {
  price: DecimalInput;
  tif: TimeInForce;
}

export interface StopOrderParams {
  symbol: string;
  side: OrderSide;
  reduceOnly: boolean;
  stopPrice: DecimalInput;
  limitPrice?: DecimalInput;
  amount: DecimalInput;
  clientOrderId?: string;
  triggerPriceType?: TriggerPriceType;
  builderCode?: string;
}

export interface PositionTpslParams {
  symbol: string;
  /** The closing side: `ask` protects a long, `bid` protects a short. */
  side: OrderSide;
  takeProfit?: StopInfoInput;
  stopLoss?: StopInfoInput;
  builderCode?: string;
}

export type CancelOrderParams =
  { symbol: string; orderId: number } | { symbol: string; clientOrderId: string };

export function cancelOrderPayload(params: CancelOrderParams): JsonObject {
  return 'orderId' in params
    ? { symbol: params.symbol, order_id: params.orderId }
    : { symbol: params.symbol, client_order_id: params.clientOrderId };
}

export function marketOrderPayload(
  market: MarketInfo,
  params: MarketOrderParams,
  referencePrice: DecimalInput,
): JsonObject {
  const amount = roundAmount(market, params.amount);
  assertNotional(market, amount, referencePrice);
  return {
    symbol: market.symbol,
    reduce_only: params.reduceOnly,
    amount,
    side: params.side,
    slippage_percent: decimalText('slippage percent', params.slippagePercent),
    ...attachedStops(market, params),
  };
}

export function limitOrderPayload(market: MarketInfo, params: LimitOrderParams): JsonObject {
  const amount = roundAmount(market, params.amount);
  const price = roundLimitPrice(market, params.price, params.side);
  assertNotional(market, amount, price);
  return {
    symbol: market.symbol,
    price,
    reduce_only: params.reduceOnly,
    amount,
    side: params.side,
    tif: params.tif,
    ...attachedStops(market, params),
  };
}

/** Size and notional of a standalone stop are checked by the exchange only when it triggers. */
export function stopOrderPayload(market: MarketInfo, params: StopOrderParams): JsonObject {
  return {
    symbol: market.symbol,
    side: params.side,
    reduce_only: params.reduceOnly,
    stop_order: stopInfo(market, { ...params }, params.side, true),
    ...optional('builder_code', params.builderCode),
  };
}

export function positionTpslPayload(market: MarketInfo, params: PositionTpslParams): JsonObject {
  if (!params.takeProfit && !params.stopLoss) {
    throw new PacificaOrderError(
      'INVALID_ORDER',
      'set_position_tpsl needs a take-profit or a stop-loss',
    );
  }
  return {
    symbol: market.symbol,
    side: params.side,
    ...(params.takeProfit ? { take_profit: stopInfo(market, params.takeProfit, params.side) } : {}),
    ...(params.stopLoss ? { stop_loss: stopInfo(market, params.stopLoss, params.side) } : {}),
    ...optional('builder_code', params.builderCode),
  };
}

export function oppositeSide(side: OrderSide): OrderSide {
  return side === 'bid' ? 'ask' : 'bid';
}

/** A UUID, as Pacifica requires; the same id identifies the order across retries. */
export function checkedClientOrderId(clientOrderId: string | undefined): string | undefined {
  if (clientOrderId !== undefined && !isUuid(clientOrderId)) {
    throw new PacificaOrderError('INVALID_ORDER', 'client_order_id must be a hyphenated UUID', {
      clientOrderId,
    });
  }
  return clientOrderId;
}

function attachedStops(market: MarketInfo, params: OrderBase): JsonObject {
  const closing = oppositeSide(params.side);
  return {
    ...optional('client_order_id', checkedClientOrderId(params.clientOrderId)),
    ...(params.takeProfit ? { take_profit: stopInfo(market, params.takeProfit, closing) } : {}),
    ...(params.stopLoss ? { stop_loss: stopInfo(market, params.stopLoss, closing) } : {}),
    ...optional('builder_code', params.builderCode),
  };
}

function stopInfo(
  market: MarketInfo,
  info: StopInfoInput,
  side: OrderSide,
  amountRequired = false,
): JsonObject {
  if (amountRequired && info.amount === undefined) {
    throw new PacificaOrderError('INVALID_ORDER', 'a stop order needs an amount');
  }
  return {
    stop_price: roundTriggerPrice(market, info.stopPrice),
    ...(info.limitPrice !== undefined
      ? { limit_price: roundLimitPrice(market, info.limitPrice, side) }
      : {}),
    ...(info.amount !== undefined ? { amount: roundAmount(market, info.amount) } : {}),
    ...optional('client_order_id', checkedClientOrderId(info.clientOrderId)),
    trigger_price_type: info.triggerPriceType ?? 'mark_price',
  };
}

function optional(key: string, value: string | undefined): JsonObject {
  return value === undefined ? {} : { [key]: value };
}

/** A positive decimal kept with the caller's own text (what is sent is what is signed). */
function decimalText(name: string, input: DecimalInput): string {
  let value: Decimal | null = null;
  try {
    value = new Decimal(input);
  } catch {
    value = null;
  }
  const text = typeof input === 'string' ? input.trim() : input.toFixed();
  if (!value?.isFinite() || value.lte(0) || !/^\d+(\.\d+)?$/.test(text)) {
    throw new PacificaOrderError('INVALID_DECIMAL', `${name} must be a positive decimal`, {
      [name]: String(input),
    });
  }
  return text;
}

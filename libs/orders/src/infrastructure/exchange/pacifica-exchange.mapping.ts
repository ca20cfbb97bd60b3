import { Decimal } from '@nexwave/core';
import type {
  AccountInfo,
  AccountTrade,
  OpenOrder,
  Fill as PacificaFill,
  OrderUpdate as PacificaOrderUpdate,
  Position as PacificaPosition,
  TradeSide,
} from '@nexwave/pacifica';

import type {
  AccountBalance,
  ExchangeFill,
  ExchangeOrder,
  ExchangePosition,
  OrderUpdate,
} from '../../application/ports/exchange.port';
import type { OrderLiquidity, OrderSide } from '../../domain/order';

/** Pacifica reports a fill by its effect on the position; the order's book side follows from it. */
export function sideOfTrade(side: TradeSide): OrderSide {
  return side === 'open_long' || side === 'close_short' ? 'bid' : 'ask';
}

function liquidityOf(eventType: string): OrderLiquidity {
  return eventType === 'fulfill_maker' ? 'maker' : 'taker';
}

export function toExchangeOrder(order: OpenOrder): ExchangeOrder {
  return {
    exchangeOrderId: String(order.orderId),
    clientOrderId: order.clientOrderId,
    symbol: order.symbol,
    side: order.side,
    price: order.price,
    amount: order.initialAmount,
    filledAmount: order.filledAmount,
    reduceOnly: order.reduceOnly,
    createdAt: new Date(order.createdAt),
  };
}

/** A fill from `/trades/history`; `historyId` is Pacifica's unique id of the execution. */
export function toExchangeFill(fill: PacificaFill): ExchangeFill {
  return {
    fillId: String(fill.historyId),
    exchangeOrderId: String(fill.orderId),
    clientOrderId: fill.clientOrderId,
    symbol: fill.symbol,
    side: sideOfTrade(fill.side),
    amount: fill.amount,
    price: fill.price,
    feeUsd: fill.fee,
    liquidity: liquidityOf(fill.eventType),
    at: new Date(fill.createdAt),
  };
}

/** The same execution pushed on `account_trades`: same ids as the REST history. */
export function tradeToFillUpdate(trade: AccountTrade): OrderUpdate {
  return {
    kind: 'fill',
    fill: {
      fillId: String(trade.historyId),
      exchangeOrderId: String(trade.orderId),
      clientOrderId: trade.clientOrderId,
      symbol: trade.symbol,
      side: sideOfTrade(trade.side),
      amount: trade.amount,
      price: trade.price,
      feeUsd: trade.fee,
      liquidity: liquidityOf(trade.eventType),
      at: new Date(trade.time),
    },
  };
}

/**
 * The status part of an `account_order_updates` event, or null when it carries nothing a fill
 * does not already say: fills come from `account_trades`, so `partially_filled` / `filled` are
 * skipped here (applying them twice would need the fill's id, which this stream lacks).
 */
export function toStatusUpdate(update: PacificaOrderUpdate): OrderUpdate | null {
  const status = statusOf(update);
  return status === null
    ? null
    : {
        kind: 'status',
        exchangeOrderId: String(update.orderId),
        clientOrderId: update.clientOrderId,
        status,
        reason: status === 'open' ? null : update.event,
        at: new Date(update.updatedAt),
      };
}

function statusOf(update: PacificaOrderUpdate): 'open' | 'canceled' | 'rejected' | null {
  switch (update.status) {
    case 'open':
      return 'open';
    case 'cancelled':
      return 'canceled';
    case 'rejected':
      return 'rejected';
    case 'partially_filled':
    case 'filled':
      return null;
  }
}

/** Pacifica lists a side and an unsigned amount; the port wants a signed size. */
export function toExchangePosition(position: PacificaPosition): ExchangePosition {
  const amount = new Decimal(position.amount);
  return {
    symbol: position.symbol,
    size: (position.side === 'bid' ? amount : amount.neg()).toFixed(),
    entryPrice: position.entryPrice,
  };
}

export function toAccountBalance(account: AccountInfo): AccountBalance {
  return {
    balanceUsd: account.balance,
    equityUsd: account.accountEquity,
    availableToSpendUsd: account.availableToSpend,
  };
}

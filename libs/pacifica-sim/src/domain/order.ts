import type { Decimal } from '@nexwave/core';

export type Side = 'bid' | 'ask';
export type Tif = 'GTC' | 'IOC' | 'ALO' | 'TOB';
export type OrderType =
  | 'limit'
  | 'market'
  | 'stop_limit'
  | 'stop_market'
  | 'take_profit_limit'
  | 'stop_loss_limit'
  | 'take_profit_market'
  | 'stop_loss_market';
export type OrderStatus = 'open' | 'partially_filled' | 'filled' | 'cancelled' | 'rejected';
export type OrderEvent =
  | 'make'
  | 'stop_created'
  | 'fulfill_market'
  | 'fulfill_limit'
  | 'stop_triggered'
  | 'cancel'
  | 'post_only_rejected'
  | 'self_trade_prevented';
export type CancelReason = 'cancel' | 'post_only_rejected' | 'self_trade_prevented';

/** Who owns a resting order: a real account address, or the simulator's own liquidity. */
export type Owner = string;
export const SYNTHETIC_OWNER = '~synthetic';
export const WHALE_OWNER = '~whale';

export function isSimOwner(owner: Owner): boolean {
  return owner.startsWith('~');
}

export function opposite(side: Side): Side {
  return side === 'bid' ? 'ask' : 'bid';
}

/** One order resting in a book; the book mutates `remaining` as it fills. */
export interface RestingOrder {
  id: number;
  owner: Owner;
  side: Side;
  price: Decimal;
  remaining: Decimal;
}

/** The full life of an account's order, as the order endpoints report it. */
export interface SimOrder {
  id: number;
  clientOrderId: string | null;
  account: string;
  symbol: string;
  side: Side;
  type: OrderType;
  tif: Tif | null;
  price: Decimal | null;
  amount: Decimal;
  filled: Decimal;
  filledNotional: Decimal;
  cancelled: Decimal;
  status: OrderStatus;
  reason: CancelReason | null;
  reduceOnly: boolean;
  stopPrice: Decimal | null;
  stopParentOrderId: number | null;
  createdAt: number;
  updatedAt: number;
}

export function isOpen(order: SimOrder): boolean {
  return order.status === 'open' || order.status === 'partially_filled';
}

export function remainingOf(order: SimOrder): Decimal {
  return order.amount.minus(order.filled).minus(order.cancelled);
}

export function updateStatus(order: SimOrder): void {
  if (remainingOf(order).isZero()) {
    order.status = order.cancelled.isZero() ? 'filled' : 'cancelled';
  } else if (order.filled.gt(0)) {
    order.status = 'partially_filled';
  }
}

export function restingOf(order: SimOrder): RestingOrder {
  return {
    id: order.id,
    owner: order.account,
    side: order.side,
    price: order.price!,
    remaining: remainingOf(order),
  };
}

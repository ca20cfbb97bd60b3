import type { Decimal } from '@nexwave/core';

import type { OrderEvent, SimOrder } from './order';
import type { TradeSide } from './position';

/** One fill of an account's order (`/trades/history`, `account_trades`). */
export interface FillRecord {
  historyId: number;
  orderId: number;
  clientOrderId: string | null;
  account: string;
  symbol: string;
  amount: Decimal;
  price: Decimal;
  entryPrice: Decimal;
  fee: Decimal;
  pnl: Decimal;
  liquidity: 'fulfill_taker' | 'fulfill_maker';
  side: TradeSide;
  createdAt: number;
}

/** A print on the public tape (`/trades`, WS `trades`), seen from the taker's side. */
export interface PublicTrade {
  historyId: number;
  symbol: string;
  price: Decimal;
  amount: Decimal;
  side: TradeSide;
  taker: string;
  createdAt: number;
}

/** One entry of an order's event log (`/orders/history_by_id`, `account_order_updates`). */
export interface OrderHistoryEntry {
  historyId: number;
  event: OrderEvent;
  order: SimOrder;
  createdAt: number;
}

/** What changed, drained by the transport layer after every request and tick. */
export type SimEvent =
  | { type: 'order'; account: string; entry: OrderHistoryEntry }
  | { type: 'fill'; account: string; fill: FillRecord }
  | { type: 'positions'; account: string }
  | { type: 'trade'; symbol: string; trade: PublicTrade };

import type { OrderLiquidity, OrderRequest, OrderSide } from '../../domain/order';

/** The exchange's id for an order it acknowledged. */
export interface ExchangeAck {
  readonly exchangeOrderId: string;
}

/** Which order to cancel: the exchange's id when known, else our clientOrderId. */
export interface CancelTarget {
  readonly symbol: string;
  readonly clientOrderId: string;
  readonly exchangeOrderId: string | null;
}

/** An order working on the exchange. `clientOrderId` is null for an order not placed by us. */
export interface ExchangeOrder {
  readonly exchangeOrderId: string;
  readonly clientOrderId: string | null;
  readonly symbol: string;
  readonly side: OrderSide;
  readonly price: string | null;
  readonly amount: string;
  readonly filledAmount: string;
  readonly reduceOnly: boolean;
  readonly createdAt: Date;
}

/** One execution as the exchange reports it; `fillId` is unique per exchange. */
export interface ExchangeFill {
  readonly fillId: string;
  readonly exchangeOrderId: string;
  readonly clientOrderId: string | null;
  readonly symbol: string;
  readonly side: OrderSide;
  readonly amount: string;
  readonly price: string;
  readonly feeUsd: string;
  readonly liquidity: OrderLiquidity;
  readonly at: Date;
}

/** A net position on the exchange; `size` is signed (negative = short). */
export interface ExchangePosition {
  readonly symbol: string;
  readonly size: string;
  readonly entryPrice: string;
}

/** Account money in USD, from the exchange (live) or the paper ledger. */
export interface AccountBalance {
  readonly balanceUsd: string;
  readonly equityUsd: string;
  readonly availableToSpendUsd: string;
}

/** What the exchange pushes about our orders; REST (`openOrders`, `fillsSince`) is the backstop. */
export type OrderUpdate =
  | { readonly kind: 'fill'; readonly fill: ExchangeFill }
  | {
      readonly kind: 'status';
      readonly exchangeOrderId: string;
      readonly clientOrderId: string | null;
      readonly status: 'open' | 'canceled' | 'rejected' | 'expired';
      readonly reason: string | null;
      readonly at: Date;
    };

export interface OrderUpdateSubscription {
  close(): Promise<void>;
}

/**
 * The exchange orders are sent to: live Pacifica or the paper exchange. Every method throws
 * ExchangeUnavailableError when the exchange is unwell and ExchangeRejectedError when it refuses.
 */
export abstract class ExchangePort {
  /** Sends one order; resolves when the exchange acknowledged it. */
  abstract place(request: OrderRequest): Promise<ExchangeAck>;

  /** Cancels one order; resolves once the exchange accepted the cancel. */
  abstract cancel(target: CancelTarget): Promise<void>;

  /** Cancels every working order, or those of `symbol`; resolves to how many were canceled. */
  abstract cancelAll(symbol: string | null): Promise<number>;

  /** The orders working on the exchange now. */
  abstract openOrders(): Promise<ExchangeOrder[]>;

  /** Our fills at or after `since`, oldest first. */
  abstract fillsSince(since: Date): Promise<ExchangeFill[]>;

  abstract positions(): Promise<ExchangePosition[]>;

  abstract account(): Promise<AccountBalance>;

  /** Pushes order updates to `listener` until the subscription is closed. */
  abstract subscribe(listener: (update: OrderUpdate) => void): Promise<OrderUpdateSubscription>;
}

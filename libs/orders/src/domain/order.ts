import { Decimal } from '@nexwave/core';

import { assertTransition, type OrderStatus } from './order-status';
import { OrdersError } from './orders.errors';

/** Book side: `bid` buys (long), `ask` sells (short). */
export type OrderSide = 'bid' | 'ask';
export type OrderType = 'market' | 'limit';
/** Pacifica time in force: GTC rests, IOC fills or cancels, ALO/TOB are post-only. */
export type TimeInForce = 'GTC' | 'IOC' | 'ALO' | 'TOB';

/**
 * Who or what made a change: the request itself, the live exchange, the paper exchange,
 * reconciliation (a correction found by comparing with the exchange), an admin, or the breaker.
 */
export type OrderChangeCause =
  'request' | 'exchange' | 'paper' | 'reconciliation' | 'admin' | 'breaker';

/** Every transition says why and when; time comes in, it is never read here. */
export interface OrderChange {
  readonly cause: OrderChangeCause;
  readonly at: Date;
}

interface OrderRequestBase {
  /** Idempotency key chosen by the requester: the same id twice is one order. */
  readonly clientOrderId: string;
  readonly strategyId: string;
  readonly symbol: string;
  readonly side: OrderSide;
  /** Base units, decimal string. */
  readonly amount: string;
  readonly reduceOnly: boolean;
  readonly paperTrading: boolean;
}

/** Market orders carry a slippage bound in percent ("0.5" = 0.5 %); limit orders a price and TIF. */
export type OrderRequest =
  | (OrderRequestBase & {
      readonly orderType: 'market';
      readonly price: null;
      readonly tif: null;
      readonly slippagePercent: string;
    })
  | (OrderRequestBase & {
      readonly orderType: 'limit';
      readonly price: string;
      readonly tif: TimeInForce;
      readonly slippagePercent: null;
    });

export type OrderLiquidity = 'maker' | 'taker';

/** One execution reported for an order; `fillId` is unique per exchange and makes fills idempotent. */
export interface Fill {
  readonly fillId: string;
  readonly amount: string;
  readonly price: string;
  /** Fee in USD for this fill (never negative). */
  readonly feeUsd: string;
  readonly liquidity: OrderLiquidity;
  readonly at: Date;
}

/** What happened to an order; each event leaves the order in the status named by STATUS_AFTER. */
export type OrderEventType =
  | 'accepted'
  | 'opened'
  | 'partially_filled'
  | 'filled'
  | 'canceled'
  | 'rejected'
  | 'expired'
  | 'unknown';

export const STATUS_AFTER: Readonly<Record<OrderEventType, OrderStatus>> = {
  accepted: 'pending',
  opened: 'open',
  partially_filled: 'partially_filled',
  filled: 'filled',
  canceled: 'canceled',
  rejected: 'rejected',
  expired: 'expired',
  unknown: 'unknown',
};

/** The full, serialisable state of an order: what is stored and what each event carries. */
export interface OrderSnapshot {
  readonly request: OrderRequest;
  readonly status: OrderStatus;
  readonly exchangeOrderId: string | null;
  readonly filledAmount: string;
  /** Σ price × amount over the fills, exact; the average fill price derives from it. */
  readonly filledNotionalUsd: string;
  readonly feeUsd: string;
  /** Why it was canceled, rejected or became unknown. */
  readonly reason: string | null;
  /** Grows by one per event; the `accepted` event is 0. */
  readonly sequence: number;
  readonly fillIds: readonly string[];
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** One change of one order, with the state it left; the handler stores and publishes it. */
export interface OrderEvent {
  readonly type: OrderEventType;
  readonly clientOrderId: string;
  readonly sequence: number;
  readonly cause: OrderChangeCause;
  readonly at: Date;
  /** The fill this event reports (partially_filled, filled); null otherwise. */
  readonly fill: Fill | null;
  readonly order: OrderSnapshot;
}

const ZERO = new Decimal(0);

/**
 * The order aggregate: a state machine (see order-status.ts) plus its fills. Every method either
 * refuses with an OrdersError and changes nothing, or changes the order and returns the events it
 * produced (none when the call was a replay, e.g. a fill already applied).
 */
export class Order {
  private constructor(private state: OrderSnapshot) {}

  /** A new order, `pending` until the exchange answers. Refuses a malformed request. */
  static create(request: OrderRequest, now: Date): { order: Order; events: OrderEvent[] } {
    assertValidRequest(request);
    const order = new Order({
      request,
      status: 'pending',
      exchangeOrderId: null,
      filledAmount: '0',
      filledNotionalUsd: '0',
      feeUsd: '0',
      reason: null,
      sequence: -1,
      fillIds: [],
      createdAt: now,
      updatedAt: now,
    });
    return { order, events: [order.record('accepted', { cause: 'request', at: now }, {})] };
  }

  /**
   * An order working on the exchange that we did not place, recorded so that its fills and its end
   * are tracked like ours: `accepted` then `opened`, both with cause `reconciliation`. It was
   * created on the exchange at `placedAt`; `reason` says what is known to be missing (e.g. fills
   * the exchange counts but never reported). No fill is recorded here: fills come from the exchange.
   */
  static adopt(
    request: OrderRequest,
    exchangeOrderId: string,
    placedAt: Date,
    reason: string | null,
    at: Date,
  ): { order: Order; events: OrderEvent[] } {
    assertValidRequest(request);
    const order = new Order({
      request,
      status: 'pending',
      exchangeOrderId: null,
      filledAmount: '0',
      filledNotionalUsd: '0',
      feeUsd: '0',
      reason,
      sequence: -1,
      fillIds: [],
      createdAt: placedAt,
      updatedAt: at,
    });
    const change: OrderChange = { cause: 'reconciliation', at };
    const accepted = order.record('accepted', change, {});
    return { order, events: [accepted, ...order.open(exchangeOrderId, change)] };
  }

  /** Rebuilds a stored order; no event, no check beyond what was checked when it was stored. */
  static restore(snapshot: OrderSnapshot): Order {
    return new Order(snapshot);
  }

  get clientOrderId(): string {
    return this.state.request.clientOrderId;
  }

  get status(): OrderStatus {
    return this.state.status;
  }

  get request(): OrderRequest {
    return this.state.request;
  }

  get exchangeOrderId(): string | null {
    return this.state.exchangeOrderId;
  }

  get filledAmount(): Decimal {
    return new Decimal(this.state.filledAmount);
  }

  get remainingAmount(): Decimal {
    return new Decimal(this.state.request.amount).minus(this.state.filledAmount);
  }

  /** Volume-weighted over the fills; null before the first fill. */
  get averageFillPrice(): Decimal | null {
    return averageFillPrice(this.state);
  }

  get feeUsd(): Decimal {
    return new Decimal(this.state.feeUsd);
  }

  get sequence(): number {
    return this.state.sequence;
  }

  snapshot(): OrderSnapshot {
    return this.state;
  }

  /** The exchange acknowledged the order and it rests on the book. */
  open(exchangeOrderId: string, change: OrderChange): OrderEvent[] {
    if (exchangeOrderId.length === 0) {
      throw invalid(this.clientOrderId, 'an exchange order id is required');
    }
    return [this.transition('opened', change, { exchangeOrderId })];
  }

  /**
   * Applies one fill: cumulative amount, notional and fee grow; the order becomes partially_filled
   * or filled. A fill already applied (same fillId) is ignored and returns no event; a fill beyond
   * the ordered amount is refused (OVERFILL). `exchangeOrderId` is learned from the fill when the
   * order never saw its ack (a fill found by reconciliation).
   */
  applyFill(fill: Fill, cause: OrderChangeCause, exchangeOrderId?: string): OrderEvent[] {
    if (this.state.fillIds.includes(fill.fillId)) {
      return [];
    }
    const { amount, price, fee } = parseFill(this.clientOrderId, fill);
    const filled = this.filledAmount.plus(amount);
    const ordered = new Decimal(this.state.request.amount);
    const type = filled.gte(ordered) ? 'filled' : 'partially_filled';
    assertTransition(this.clientOrderId, this.state.status, STATUS_AFTER[type]);
    if (filled.gt(ordered)) {
      throw new OrdersError(
        'OVERFILL',
        `order ${this.clientOrderId}: fill ${fill.fillId} of ${amount.toFixed()} exceeds the remaining ${this.remainingAmount.toFixed()}`,
        {
          clientOrderId: this.clientOrderId,
          fillId: fill.fillId,
          remaining: this.remainingAmount.toFixed(),
        },
      );
    }
    return [
      this.transition(
        type,
        { cause, at: fill.at },
        {
          exchangeOrderId: this.state.exchangeOrderId ?? exchangeOrderId ?? null,
          filledAmount: filled.toFixed(),
          filledNotionalUsd: new Decimal(this.state.filledNotionalUsd)
            .plus(price.mul(amount))
            .toFixed(),
          feeUsd: this.feeUsd.plus(fee).toFixed(),
          fillIds: [...this.state.fillIds, fill.fillId],
        },
        fill,
      ),
    ];
  }

  /** Canceled on request or by the exchange; whatever was filled stays filled. */
  cancel(reason: string, change: OrderChange): OrderEvent[] {
    return [this.transition('canceled', change, { reason: required(this.clientOrderId, reason) })];
  }

  /** Refused by the exchange (or before sending, by the breaker); nothing was filled. */
  reject(reason: string, change: OrderChange): OrderEvent[] {
    return [this.transition('rejected', change, { reason: required(this.clientOrderId, reason) })];
  }

  /** Its time in force ran out on the exchange. */
  expire(change: OrderChange): OrderEvent[] {
    return [this.transition('expired', change, {})];
  }

  /** Its fate cannot be learned yet (no ack, timeout): reconciliation will settle it. */
  markUnknown(reason: string, change: OrderChange): OrderEvent[] {
    return [this.transition('unknown', change, { reason: required(this.clientOrderId, reason) })];
  }

  private transition(
    type: OrderEventType,
    change: OrderChange,
    update: Partial<OrderSnapshot>,
    fill: Fill | null = null,
  ): OrderEvent {
    assertTransition(this.clientOrderId, this.state.status, STATUS_AFTER[type]);
    return this.record(type, change, update, fill);
  }

  private record(
    type: OrderEventType,
    change: OrderChange,
    update: Partial<OrderSnapshot>,
    fill: Fill | null = null,
  ): OrderEvent {
    this.state = {
      ...this.state,
      ...update,
      status: STATUS_AFTER[type],
      sequence: this.state.sequence + 1,
      updatedAt: change.at,
    };
    return {
      type,
      clientOrderId: this.clientOrderId,
      sequence: this.state.sequence,
      cause: change.cause,
      at: change.at,
      fill,
      order: this.state,
    };
  }
}

function assertValidRequest(request: OrderRequest): void {
  const id = request.clientOrderId;
  if (id.length === 0 || request.strategyId.length === 0 || request.symbol.length === 0) {
    throw invalid(id, 'clientOrderId, strategyId and symbol are required');
  }
  if (!isPositive(request.amount)) {
    throw invalid(id, `amount must be a positive decimal, got ${request.amount}`);
  }
  if (request.orderType === 'limit' && !isPositive(request.price)) {
    throw invalid(id, `a limit order needs a positive price, got ${request.price}`);
  }
  if (request.orderType === 'market' && !isPositive(request.slippagePercent)) {
    throw invalid(id, `a market order needs a positive slippage, got ${request.slippagePercent}`);
  }
}

function parseFill(
  clientOrderId: string,
  fill: Fill,
): { amount: Decimal; price: Decimal; fee: Decimal } {
  const amount = parse(fill.amount);
  const price = parse(fill.price);
  const fee = parse(fill.feeUsd);
  if (!amount?.gt(ZERO) || !price?.gt(ZERO) || !fee || fee.lt(ZERO)) {
    throw new OrdersError(
      'INVALID_FILL',
      `order ${clientOrderId}: fill ${fill.fillId} needs a positive amount and price and a fee >= 0`,
      { clientOrderId, fillId: fill.fillId },
    );
  }
  return { amount, price, fee };
}

/** Σ price × amount / filled, exact; null before the first fill. */
export function averageFillPrice(order: OrderSnapshot): Decimal | null {
  const filled = new Decimal(order.filledAmount);
  return filled.isZero() ? null : new Decimal(order.filledNotionalUsd).div(filled);
}

function parse(value: string): Decimal | null {
  try {
    const decimal = new Decimal(value);
    return decimal.isFinite() ? decimal : null;
  } catch {
    return null;
  }
}

function isPositive(value: string): boolean {
  return parse(value)?.gt(ZERO) ?? false;
}

function required(clientOrderId: string, reason: string): string {
  if (reason.trim().length === 0) {
    throw invalid(clientOrderId, 'a reason is required');
  }
  return reason;
}

function invalid(clientOrderId: string, message: string): OrdersError {
  return new OrdersError('INVALID_ORDER', `order ${clientOrderId}: ${message}`, { clientOrderId });
}

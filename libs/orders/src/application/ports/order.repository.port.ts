import type { Order, OrderEvent, OrderSnapshot } from '../../domain/order';
import type { OrderStatus } from '../../domain/order-status';
import type { Position } from '../../domain/position';

export interface OrderFilter {
  readonly status?: OrderStatus;
  readonly symbol?: string;
  readonly strategyId?: string;
}

export interface PageRequest {
  readonly limit: number;
  readonly offset: number;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
}

/**
 * What one domain call changed, written in one transaction: the order, its new events (each also
 * an outbox row for orders.events.v1), the fills they carry, and the position those fills moved.
 */
export interface OrderChangeSet {
  readonly order: Order;
  readonly events: readonly OrderEvent[];
  readonly position: Position | null;
}

/**
 * A save built on an order older than the stored one: the stored order already has an event with
 * the first sequence this save would write. Reload the order and apply the change again.
 */
export class StaleOrderWriteError extends Error {
  constructor(
    readonly clientOrderId: string,
    readonly storedSequence: number,
    readonly attemptedSequence: number,
  ) {
    super(
      `stale write of order ${clientOrderId}: sequence ${attemptedSequence} is already stored (stored up to ${storedSequence})`,
    );
    this.name = 'StaleOrderWriteError';
  }
}

/**
 * The change's position is not the stored one moved by the change's fills: another change moved
 * the position since it was read (a lost update otherwise). Reload the position and apply again.
 */
export class StalePositionWriteError extends Error {
  constructor(
    readonly symbol: string,
    readonly paperTrading: boolean,
  ) {
    super(
      `stale write of the ${paperTrading ? 'paper' : 'live'} ${symbol} position: it moved since it was read`,
    );
    this.name = 'StalePositionWriteError';
  }
}

/** Orders with their events, fills and positions; the only writer of the orders tables. */
export abstract class OrderRepository {
  /**
   * Stores a new order; false (and nothing written) when its clientOrderId is already stored.
   * Like save, throws StalePositionWriteError when the position is not the stored one moved by the
   * change's fills.
   */
  abstract add(change: OrderChangeSet): Promise<boolean>;

  /**
   * Stores the changes of an existing order. Throws StaleOrderWriteError when a sequence it carries
   * is already stored, and OrdersError ORDER_NOT_FOUND when the order was never added.
   */
  abstract save(change: OrderChangeSet): Promise<void>;

  abstract findByClientOrderId(clientOrderId: string): Promise<Order | null>;

  /** Orders the exchange may still be working on (open, partially_filled, unknown). */
  abstract findWorking(): Promise<Order[]>;

  /** Newest first. */
  abstract list(filter: OrderFilter, page: PageRequest): Promise<Page<OrderSnapshot>>;
}

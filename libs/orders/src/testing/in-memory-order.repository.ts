import { sealMessage, Topics } from '@nexwave/messaging';

import {
  OrderRepository,
  StaleOrderWriteError,
  type OrderChangeSet,
  type OrderFilter,
  type Page,
  type PageRequest,
} from '../application/ports/order.repository.port';
import { PositionRepository } from '../application/ports/position.repository.port';
import { Order, type OrderEvent, type OrderSnapshot } from '../domain/order';
import { isWorking } from '../domain/order-status';
import { OrdersError } from '../domain/orders.errors';
import { Position, type PositionSnapshot } from '../domain/position';
import { toOrderEventV1 } from '../infrastructure/persistence/order-event.message';
import { assertPositionFollows } from '../infrastructure/persistence/position-follows';

/**
 * Orders, their events and positions in maps; `events` is what the outbox would publish. Behaves
 * like TypeOrmOrderRepository (the shared contract suite runs on both): each event is validated
 * against orders.events.v1 before anything is written, a stale save throws StaleOrderWriteError.
 */
export class InMemoryOrderRepository extends OrderRepository {
  readonly events: OrderEvent[] = [];
  readonly positions = new Map<string, PositionSnapshot>();
  private readonly orders = new Map<string, OrderSnapshot>();

  /** Settles like a transaction: either everything is written or it rejects with nothing written. */
  add(change: OrderChangeSet): Promise<boolean> {
    return new Promise((resolve) => {
      if (this.orders.has(change.order.clientOrderId)) {
        resolve(false);
        return;
      }
      this.write(change);
      resolve(true);
    });
  }

  save(change: OrderChangeSet): Promise<void> {
    return new Promise((resolve) => {
      const { clientOrderId } = change.order;
      const stored = this.orders.get(clientOrderId);
      const first = change.events[0]?.sequence ?? change.order.sequence;
      if (!stored) {
        throw new OrdersError('ORDER_NOT_FOUND', `order ${clientOrderId} was never stored`, {
          clientOrderId,
        });
      }
      if (stored.sequence >= first) {
        throw new StaleOrderWriteError(clientOrderId, stored.sequence, first);
      }
      this.write(change);
      resolve();
    });
  }

  findByClientOrderId(clientOrderId: string): Promise<Order | null> {
    const stored = this.orders.get(clientOrderId);
    return Promise.resolve(stored ? Order.restore(stored) : null);
  }

  findWorking(): Promise<Order[]> {
    return Promise.resolve(
      [...this.orders.values()].filter((o) => isWorking(o.status)).map((o) => Order.restore(o)),
    );
  }

  list(filter: OrderFilter, page: PageRequest): Promise<Page<OrderSnapshot>> {
    const matching = [...this.orders.values()]
      .reverse()
      .filter(
        (o) =>
          (filter.status === undefined || o.status === filter.status) &&
          (filter.symbol === undefined || o.request.symbol === filter.symbol) &&
          (filter.strategyId === undefined || o.request.strategyId === filter.strategyId),
      )
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    return Promise.resolve({
      items: matching.slice(page.offset, page.offset + page.limit),
      total: matching.length,
    });
  }

  private write(change: OrderChangeSet): void {
    const { order, events, position } = change;
    if (position) {
      const stored = this.positions.get(positionKey(position.symbol, order.request.paperTrading));
      assertPositionFollows(
        stored ? Position.restore(stored) : Position.flat(position.symbol),
        change,
      );
    }
    for (const event of events) {
      sealMessage(Topics.OrdersEvents, toOrderEventV1(event), {}); // throws as the outbox writer would
    }
    this.orders.set(order.clientOrderId, order.snapshot());
    this.events.push(...events);
    if (position) {
      this.positions.set(
        positionKey(position.symbol, order.request.paperTrading),
        position.snapshot(),
      );
    }
  }
}

/** Reads the positions an InMemoryOrderRepository stored. */
export class InMemoryPositionRepository extends PositionRepository {
  constructor(private readonly orders: InMemoryOrderRepository) {
    super();
  }

  find(symbol: string, paperTrading: boolean): Promise<Position> {
    const stored = this.orders.positions.get(positionKey(symbol, paperTrading));
    return Promise.resolve(stored ? Position.restore(stored) : Position.flat(symbol));
  }

  list(paperTrading: boolean): Promise<PositionSnapshot[]> {
    return Promise.resolve(
      [...this.orders.positions.entries()]
        .filter(([key, p]) => key === positionKey(p.symbol, paperTrading) && p.size !== '0')
        .map(([, p]) => p)
        .sort((a, b) => (a.symbol < b.symbol ? -1 : 1)),
    );
  }
}

function positionKey(symbol: string, paperTrading: boolean): string {
  return `${paperTrading ? 'paper' : 'live'}:${symbol}`;
}

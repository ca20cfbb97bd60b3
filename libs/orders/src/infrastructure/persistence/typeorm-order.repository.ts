import { In, QueryFailedError, type EntityManager, type Repository } from 'typeorm';

import { uuidv7 } from '@nexwave/core';
import { OutboxWriter, Topics } from '@nexwave/messaging';

import {
  OrderRepository,
  StaleOrderWriteError,
  type OrderChangeSet,
  type OrderFilter,
  type Page,
  type PageRequest,
} from '../../application/ports/order.repository.port';
import { Order, type OrderSnapshot } from '../../domain/order';
import { isWorking, ORDER_STATUSES } from '../../domain/order-status';
import { OrdersError } from '../../domain/orders.errors';
import { Position } from '../../domain/position';
import { FillEntity } from './fill.entity';
import { OrderEventEntity } from './order-event.entity';
import { toOrderEventV1 } from './order-event.message';
import {
  orderStateColumns,
  toFillRow,
  toOrderRow,
  toOrderSnapshot,
  toPositionRow,
  toPositionSnapshot,
} from './order-row.mapper';
import { OrderEntity } from './order.entity';
import { assertPositionFollows } from './position-follows';
import { PositionEntity } from './position.entity';

const WORKING = ORDER_STATUSES.filter(isWorking);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Each add or save is one transaction: the order row, its new events, the fills they carry, the
 * moved position and one orders.events.v1 outbox row per event. The unique client_order_id makes
 * add idempotent (also across restarts and concurrent adds); the order row, locked for the save,
 * carries the last stored sequence, so a save built on an older order is refused; the position row,
 * locked too, must be what the change's fills moved (no lost update between two orders' fills).
 */
export class TypeOrmOrderRepository extends OrderRepository {
  constructor(
    private readonly orders: Repository<OrderEntity>,
    private readonly outbox: OutboxWriter,
  ) {
    super();
  }

  async add(change: OrderChangeSet): Promise<boolean> {
    const order = change.order.snapshot();
    try {
      await this.orders.manager.transaction(async (manager) => {
        const id = uuidv7(order.createdAt.getTime());
        await manager.insert(OrderEntity, toOrderRow(id, order));
        await this.writeChanges(manager, id, change);
      });
      return true;
    } catch (error) {
      if (isUniqueViolation(error, 'orders_client_order_id_key')) {
        return false;
      }
      throw error;
    }
  }

  async save(change: OrderChangeSet): Promise<void> {
    const order = change.order.snapshot();
    const first = change.events[0]?.sequence ?? order.sequence;
    await this.orders.manager.transaction(async (manager) => {
      const stored = await manager.findOne(OrderEntity, {
        select: { id: true, sequence: true },
        where: { clientOrderId: order.request.clientOrderId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!stored) {
        throw notFound(order.request.clientOrderId);
      }
      if (stored.sequence >= first) {
        throw new StaleOrderWriteError(order.request.clientOrderId, stored.sequence, first);
      }
      await manager.update(OrderEntity, { id: stored.id }, orderStateColumns(order));
      await this.writeChanges(manager, stored.id, change);
    });
  }

  async findByClientOrderId(clientOrderId: string): Promise<Order | null> {
    if (!UUID.test(clientOrderId)) {
      return null; // client_order_id is a uuid column: anything else was never stored
    }
    const row = await this.orders.findOneBy({ clientOrderId });
    if (!row) {
      return null;
    }
    const [snapshot] = await this.withFills([row]);
    return Order.restore(snapshot);
  }

  async findWorking(): Promise<Order[]> {
    const rows = await this.orders.find({
      where: { status: In(WORKING) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return (await this.withFills(rows)).map((snapshot) => Order.restore(snapshot));
  }

  async list(filter: OrderFilter, page: PageRequest): Promise<Page<OrderSnapshot>> {
    const [rows, total] = await this.orders.findAndCount({
      where: {
        ...(filter.status === undefined ? {} : { status: filter.status }),
        ...(filter.symbol === undefined ? {} : { symbol: filter.symbol }),
        ...(filter.strategyId === undefined ? {} : { strategyId: filter.strategyId }),
      },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: page.offset,
      take: page.limit,
    });
    return { items: await this.withFills(rows), total };
  }

  private async writeChanges(
    manager: EntityManager,
    orderId: string,
    change: OrderChangeSet,
  ): Promise<void> {
    const { order, events, position } = change;
    const fills = events.flatMap((event) => (event.fill ? [toFillRow(orderId, event.fill)] : []));
    if (fills.length > 0) {
      await manager.insert(FillEntity, fills);
    }
    if (position) {
      const key = { paper: order.request.paperTrading, symbol: position.symbol };
      // A flat row to lock when the position is new, so concurrent first fills also serialise.
      await manager
        .createQueryBuilder()
        .insert()
        .into(PositionEntity)
        .values({ ...key, size: '0', entryPrice: null })
        .orIgnore()
        .execute();
      const stored = await manager.findOneOrFail(PositionEntity, {
        where: key,
        lock: { mode: 'pessimistic_write' },
      });
      assertPositionFollows(Position.restore(toPositionSnapshot(stored)), change);
      await manager.upsert(PositionEntity, toPositionRow(position, key.paper), ['paper', 'symbol']);
    }
    for (const event of events) {
      const message = toOrderEventV1(event);
      await manager.insert(OrderEventEntity, {
        orderId,
        sequence: event.sequence,
        type: event.type,
        status: event.order.status,
        cause: event.cause,
        payload: message,
        occurredAt: event.at,
      });
      await this.outbox.write(manager, Topics.OrdersEvents, message);
    }
  }

  private async withFills(rows: OrderEntity[]): Promise<OrderSnapshot[]> {
    const fills =
      rows.length === 0
        ? []
        : await this.orders.manager.find(FillEntity, {
            select: { orderId: true, fillId: true },
            where: { orderId: In(rows.map((row) => row.id)) },
            order: { id: 'ASC' },
          });
    return rows.map((row) =>
      toOrderSnapshot(
        row,
        fills.filter((fill) => fill.orderId === row.id).map((fill) => fill.fillId),
      ),
    );
  }
}

function notFound(clientOrderId: string): OrdersError {
  return new OrdersError('ORDER_NOT_FOUND', `order ${clientOrderId} was never stored`, {
    clientOrderId,
  });
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const driverError =
    error instanceof QueryFailedError
      ? (error.driverError as { code?: string; constraint?: string })
      : undefined;
  return driverError?.code === '23505' && driverError.constraint === constraint;
}

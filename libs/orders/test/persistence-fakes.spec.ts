import {
  InMemoryBreakerRepository,
  InMemoryOrderRepository,
  InMemoryPositionRepository,
} from '@nexwave/orders/testing';

import { toOrderEventV1 } from '../src/infrastructure/persistence/order-event.message';
import { orderStorageContract, type OrderStorage } from './persistence.suite';

/** The fakes keep their state in memory: a "restart" is new access to the same instances. */
function inMemoryStorage(): OrderStorage {
  const orders = new InMemoryOrderRepository();
  return {
    orders,
    positions: new InMemoryPositionRepository(orders),
    breaker: new InMemoryBreakerRepository(),
    published: () => Promise.resolve(orders.events.map(toOrderEventV1)),
    stored: async () => {
      const page = await orders.list({}, { limit: Number.MAX_SAFE_INTEGER, offset: 0 });
      return Promise.resolve({
        orders: page.total,
        events: orders.events.length,
        fills: page.items.reduce((n, o) => n + o.fillIds.length, 0),
        positions: orders.positions.size,
      });
    },
  };
}

describe('in-memory orders storage (the fakes)', () => {
  let current: OrderStorage;
  orderStorageContract(() => ({
    open: () => Promise.resolve((current = inMemoryStorage())),
    reopen: () => Promise.resolve(current),
  }));
});

// Fakes of the orders context's ports for handler specs, and internals benches drive directly.
export { FakeExchange } from './fake-exchange';
export { InMemoryBreakerRepository } from './in-memory-breaker.repository';
export { InMemoryOrderRepository, InMemoryPositionRepository } from './in-memory-order.repository';
export { limitOrderRequest } from './order-request';
export { ManualClock, OrdersHarness, type OrdersHarnessOptions } from './orders-harness';
export { ORDERS_ENTITIES } from '../infrastructure/persistence/orders.entities';

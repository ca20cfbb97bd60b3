import type { Provider } from '@nestjs/common';
import { getRepositoryToken } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';

import { OutboxWriter } from '@nexwave/messaging';

import { BreakerRepository } from '../../application/ports/breaker.repository.port';
import { OrderRepository } from '../../application/ports/order.repository.port';
import { PositionRepository } from '../../application/ports/position.repository.port';
import { CircuitBreakerStateEntity } from './circuit-breaker-state.entity';
import { OrderEntity } from './order.entity';
import { PositionEntity } from './position.entity';
import { TypeOrmBreakerRepository } from './typeorm-breaker.repository';
import { TypeOrmOrderRepository } from './typeorm-order.repository';
import { TypeOrmPositionRepository } from './typeorm-position.repository';

/**
 * The orders repositories bound to their ports. Needs from the app: a DataSource with
 * ORDERS_ENTITIES (TypeOrmModule.forFeature(ORDERS_ENTITIES) in OrdersReadModule) and OutboxWriter
 * (MessagingModule with an outbox).
 */
export const ordersPersistenceProviders: Provider[] = [
  {
    provide: OrderRepository,
    useFactory: (orders: Repository<OrderEntity>, outbox: OutboxWriter) =>
      new TypeOrmOrderRepository(orders, outbox),
    inject: [getRepositoryToken(OrderEntity), OutboxWriter],
  },
  {
    provide: PositionRepository,
    useFactory: (positions: Repository<PositionEntity>) => new TypeOrmPositionRepository(positions),
    inject: [getRepositoryToken(PositionEntity)],
  },
  {
    provide: BreakerRepository,
    useFactory: (states: Repository<CircuitBreakerStateEntity>, outbox: OutboxWriter) =>
      new TypeOrmBreakerRepository(states, outbox),
    inject: [getRepositoryToken(CircuitBreakerStateEntity), OutboxWriter],
  },
];

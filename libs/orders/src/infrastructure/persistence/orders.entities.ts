import { BreakerTransitionEntity } from './breaker-transition.entity';
import { CircuitBreakerStateEntity } from './circuit-breaker-state.entity';
import { FillEntity } from './fill.entity';
import { OrderEventEntity } from './order-event.entity';
import { OrderEntity } from './order.entity';
import { PositionEntity } from './position.entity';

/** The orders context's TypeORM entities (TypeOrmModule.forFeature; tests give them to their DataSource). */
export const ORDERS_ENTITIES = [
  OrderEntity,
  OrderEventEntity,
  FillEntity,
  PositionEntity,
  CircuitBreakerStateEntity,
  BreakerTransitionEntity,
];

import type { Provider } from '@nestjs/common';
import { Registry } from 'prom-client';

import { BreakerGate } from './commands/breaker-gate';
import { CancelAllOrdersHandler } from './commands/cancel-all-orders.handler';
import { CancelOrderHandler } from './commands/cancel-order.handler';
import { HaltTradingHandler } from './commands/halt-trading.handler';
import { PlaceOrderHandler } from './commands/place-order.handler';
import { ResumeTradingHandler } from './commands/resume-trading.handler';
import { CountOrderEventsHandler } from './events/count-order-events.handler';
import { LogBreakerChangesHandler } from './events/log-breaker-changes.handler';
import { OrdersMetrics } from './orders.metrics';
import { BreakerRepository } from './ports/breaker.repository.port';
import { GetBreakerStatusHandler } from './queries/get-breaker-status.handler';
import { GetOrderHandler } from './queries/get-order.handler';
import { GetOrdersHandler } from './queries/get-orders.handler';
import { GetPositionsHandler } from './queries/get-positions.handler';

/**
 * The orders write side on the CQRS buses. Needs the ports bound (OrderRepository,
 * PositionRepository, BreakerRepository, ExchangePort, OrdersClockPort) and ORDERS_SETTINGS; its
 * metrics go on the app's prom-client Registry when there is one.
 */
export const ORDERS_COMMAND_PROVIDERS: Provider[] = [
  BreakerGate,
  PlaceOrderHandler,
  CancelOrderHandler,
  CancelAllOrdersHandler,
  HaltTradingHandler,
  ResumeTradingHandler,
  LogBreakerChangesHandler,
  CountOrderEventsHandler,
  {
    provide: OrdersMetrics,
    useFactory: (breakers: BreakerRepository, registry?: Registry) =>
      new OrdersMetrics(registry, async () => (await breakers.load()).state),
    inject: [BreakerRepository, { token: Registry, optional: true }],
  },
];

/** The read side: registered once per app, by OrdersReadModule. Needs the repositories. */
export const ORDERS_QUERY_HANDLERS: Provider[] = [
  GetOrdersHandler,
  GetOrderHandler,
  GetPositionsHandler,
  GetBreakerStatusHandler,
];

/** Both sides, for a harness that has no module around them. */
export const ORDERS_APPLICATION_PROVIDERS: Provider[] = [
  ...ORDERS_COMMAND_PROVIDERS,
  ...ORDERS_QUERY_HANDLERS,
];

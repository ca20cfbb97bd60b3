import type { Provider } from '@nestjs/common';

import { BreakerGate } from './commands/breaker-gate';
import { CancelAllOrdersHandler } from './commands/cancel-all-orders.handler';
import { CancelOrderHandler } from './commands/cancel-order.handler';
import { HaltTradingHandler } from './commands/halt-trading.handler';
import { PlaceOrderHandler } from './commands/place-order.handler';
import { ResumeTradingHandler } from './commands/resume-trading.handler';
import { LogBreakerChangesHandler } from './events/log-breaker-changes.handler';
import { GetBreakerStatusHandler } from './queries/get-breaker-status.handler';
import { GetOrderHandler } from './queries/get-order.handler';
import { GetOrdersHandler } from './queries/get-orders.handler';
import { GetPositionsHandler } from './queries/get-positions.handler';

/**
 * The orders write side on the CQRS buses. Needs the ports bound (OrderRepository,
 * PositionRepository, BreakerRepository, ExchangePort, OrdersClockPort) and ORDERS_SETTINGS.
 */
export const ORDERS_COMMAND_PROVIDERS: Provider[] = [
  BreakerGate,
  PlaceOrderHandler,
  CancelOrderHandler,
  CancelAllOrdersHandler,
  HaltTradingHandler,
  ResumeTradingHandler,
  LogBreakerChangesHandler,
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

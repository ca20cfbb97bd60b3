import type { Provider } from '@nestjs/common';
import { Registry } from 'prom-client';

import { APP_CONFIG, type AppConfig } from '@nexwave/config';

import { ReconcileOrdersHandler } from '../application/commands/reconcile-orders.handler';
import { ApplyOrderUpdateHandler } from '../application/exchange-updates/apply-order-update.handler';
import {
  ORDER_UPDATES_CAUSE,
  OrderUpdatesListener,
} from '../application/exchange-updates/order-updates.listener';
import { ReconciliationMetrics } from '../application/exchange-updates/reconciliation.metrics';
import {
  RECONCILIATION_OPTIONS,
  type ReconciliationOptions,
} from '../application/exchange-updates/reconciliation.options';
import { ReconciliationScheduler } from './reconciliation.scheduler';

type TradingConfig = Pick<AppConfig, 'trading'>;

/** A pending order younger than this is not concluded lost: the exchange may not list it yet. */
const GRACE_PERIOD_MS = 30_000;

/**
 * Exchange facts applied to orders (the listener on ExchangePort.subscribe and its handler) and
 * reconciliation (handler + scheduler + metrics). Needs ExchangePort, OrderRepository,
 * PositionRepository and OrdersClockPort from the orders module, and APP_CONFIG.
 */
export const EXCHANGE_UPDATES_PROVIDERS: Provider[] = [
  ApplyOrderUpdateHandler,
  OrderUpdatesListener,
  ReconcileOrdersHandler,
  ReconciliationScheduler,
  {
    provide: ReconciliationMetrics,
    useFactory: (registry?: Registry) => new ReconciliationMetrics(registry),
    inject: [{ token: Registry, optional: true }],
  },
  {
    provide: RECONCILIATION_OPTIONS,
    useFactory: ({ trading }: TradingConfig): ReconciliationOptions => ({
      intervalMs: trading.reconcileIntervalMs,
      gracePeriodMs: GRACE_PERIOD_MS,
      paperTrading: trading.paperTrading,
    }),
    inject: [APP_CONFIG],
  },
  {
    provide: ORDER_UPDATES_CAUSE,
    useFactory: ({ trading }: TradingConfig) => (trading.paperTrading ? 'paper' : 'exchange'),
    inject: [APP_CONFIG],
  },
];

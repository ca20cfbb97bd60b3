import type { Provider } from '@nestjs/common';

import { APP_CONFIG, type AppConfig } from '@nexwave/config';
import { systemClock } from '@nexwave/core';

import { ORDERS_SETTINGS, type OrdersSettings } from '../application/commands/orders-settings';
import { ORDERS_COMMAND_PROVIDERS } from '../application/orders-application.providers';
import { OrdersClockPort } from '../application/ports/orders-clock.port';
import { EXCHANGE_PROVIDERS } from './exchange/exchange.providers';
import { EXCHANGE_UPDATES_PROVIDERS } from './reconciliation.providers';

/** What the orders context reads of the config. */
type OrdersConfig = Pick<AppConfig, 'trading' | 'orders'>;

export function ordersSettings(config: OrdersConfig): OrdersSettings {
  return { paperTrading: config.trading.paperTrading, breaker: config.orders.breaker };
}

/**
 * The orders context's wiring: its command handlers, the clock, its settings from the config,
 * the exchange chosen by config, its updates and reconciliation. Needs from the app: a DataSource with
 * ORDERS_ENTITIES, OutboxWriter, StreamPort and PACIFICA_ENDPOINTS.
 */
export const ORDERS_PROVIDERS: Provider[] = [
  { provide: OrdersClockPort, useValue: systemClock },
  { provide: ORDERS_SETTINGS, useFactory: ordersSettings, inject: [APP_CONFIG] },
  ...ORDERS_COMMAND_PROVIDERS,
  ...EXCHANGE_PROVIDERS,
  ...EXCHANGE_UPDATES_PROVIDERS,
];

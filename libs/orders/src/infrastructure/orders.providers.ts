import type { Provider } from '@nestjs/common';

import { APP_CONFIG, type AppConfig } from '@nexwave/config';
import { systemClock } from '@nexwave/core';

import { ORDERS_SETTINGS, type OrdersSettings } from '../application/commands/orders-settings';
import { ORDERS_APPLICATION_PROVIDERS } from '../application/orders-application.providers';
import { OrdersClockPort } from '../application/ports/orders-clock.port';

/** What the orders context reads of the config. */
type OrdersConfig = Pick<AppConfig, 'trading' | 'orders'>;

export function ordersSettings(config: OrdersConfig): OrdersSettings {
  return { paperTrading: config.trading.paperTrading, breaker: config.orders.breaker };
}

/**
 * The orders context's wiring: its handlers, the clock and its settings from the config. The
 * ports come from the persistence and exchange providers.
 */
export const ORDERS_PROVIDERS: Provider[] = [
  { provide: OrdersClockPort, useValue: systemClock },
  { provide: ORDERS_SETTINGS, useFactory: ordersSettings, inject: [APP_CONFIG] },
  ...ORDERS_APPLICATION_PROVIDERS,
];

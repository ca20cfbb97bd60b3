import type { BreakerSettings } from '../../domain/circuit-breaker';

/** What the orders handlers read of the configuration (PAPER_TRADING, the breaker's settings). */
export interface OrdersSettings {
  /** Orders go to the paper exchange; a request must say the same. */
  readonly paperTrading: boolean;
  readonly breaker: BreakerSettings;
}

export const ORDERS_SETTINGS = Symbol('ORDERS_SETTINGS');

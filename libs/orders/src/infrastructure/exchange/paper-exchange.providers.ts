import type { Clock } from '@nexwave/core';
import type { StreamPort } from '@nexwave/messaging';
import { PacificaRestClient } from '@nexwave/pacifica';

import type { OrderRepository } from '../../application/ports/order.repository.port';
import type { PositionRepository } from '../../application/ports/position.repository.port';
import { PaperExchangeAdapter } from './paper-exchange.adapter';
import { PaperMarkets } from './paper-markets';

export interface PaperExchangeSettings {
  /** REST root of the exchange whose `/info` gives the market rules (the simulator, or Pacifica). */
  readonly restUrl: string;
  readonly startingBalanceUsd: number;
  readonly bookMaxAgeMs: number;
  readonly clock?: Clock;
}

export function createPaperExchange(
  streams: StreamPort,
  settings: PaperExchangeSettings,
): PaperExchangeAdapter {
  const markets = new PaperMarkets(new PacificaRestClient({ baseUrl: settings.restUrl }));
  return new PaperExchangeAdapter(streams, markets, {
    startingBalanceUsd: String(settings.startingBalanceUsd),
    bookMaxAgeMs: settings.bookMaxAgeMs,
    clock: settings.clock,
  });
}

/**
 * Start-up of the paper exchange: restore the working paper orders and the paper positions the
 * database holds (the in-memory exchange lost them), then read the books of `symbols` (every
 * listed market when null). `positions` must include flat positions: their realised PnL and
 * fees are part of the balance.
 */
export async function startPaperExchange(
  exchange: PaperExchangeAdapter,
  orders: OrderRepository,
  positions: PositionRepository,
  symbols: readonly string[] | null,
): Promise<void> {
  await exchange.restore(await orders.findWorking(), await positions.list(true));
  await exchange.start(symbols);
}

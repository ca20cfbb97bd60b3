import type { Clock } from '@nexwave/core';
import type { StreamPort } from '@nexwave/messaging';
import { PacificaRestClient } from '@nexwave/pacifica';

import type { OrderRepository } from '../../application/ports/order.repository.port';
import type { PositionRepository } from '../../application/ports/position.repository.port';
import type { PositionSnapshot } from '../../domain/position';
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
 * listed market when null). Flat positions count too: their realised PnL and fees are part of
 * the balance, so each listed market's position is read, plus any other open one.
 */
export async function startPaperExchange(
  exchange: PaperExchangeAdapter,
  orders: OrderRepository,
  positions: PositionRepository,
  symbols: readonly string[] | null,
): Promise<void> {
  const stored = new Map<string, PositionSnapshot>();
  for (const symbol of await exchange.listedSymbols()) {
    stored.set(symbol, (await positions.find(symbol, true)).snapshot());
  }
  for (const open of await positions.list(true)) {
    stored.set(open.symbol, open);
  }
  await exchange.restore(await orders.findWorking(), [...stored.values()]);
  await exchange.start(symbols);
}

import type { Provider } from '@nestjs/common';

import { APP_CONFIG, type AppConfig } from '@nexwave/config';
import { StreamPort } from '@nexwave/messaging';
import { PACIFICA_ENDPOINTS, type PacificaEndpoints } from '@nexwave/pacifica';

import { ExchangePort } from '../../application/ports/exchange.port';
import { ExchangeLifecycle, PAPER_SYMBOLS } from './exchange.lifecycle';
import { createPacificaExchange } from './pacifica-exchange.factory';
import { createPaperExchange } from './paper-exchange.providers';
import { StartingPaperExchange } from './starting-paper.exchange';

type ExchangeConfig = Pick<AppConfig, 'trading' | 'pacifica'>;

/**
 * The one place the exchange is chosen: the paper exchange while PAPER_TRADING=true (the
 * default), fed by the order-book streams and the market rules of PACIFICA_ENDPOINTS; live
 * Pacifica at PACIFICA_ENDPOINTS, signed with the agent wallet key, when PAPER_TRADING=false.
 */
export function createExchange(
  config: ExchangeConfig,
  streams: StreamPort,
  endpoints: PacificaEndpoints,
): ExchangePort {
  const { trading, pacifica } = config;
  if (!trading.paperTrading) {
    return createPacificaExchange(endpoints, pacifica);
  }
  const paper = createPaperExchange(streams, {
    restUrl: endpoints.restUrl,
    startingBalanceUsd: trading.paperStartingBalanceUsd,
    bookMaxAgeMs: trading.paperBookMaxAgeMs,
  });
  return new StartingPaperExchange(paper);
}

/** ExchangePort and its start-up. Needs StreamPort and PACIFICA_ENDPOINTS from the app. */
export const EXCHANGE_PROVIDERS: Provider[] = [
  {
    provide: ExchangePort,
    useFactory: createExchange,
    inject: [APP_CONFIG, StreamPort, PACIFICA_ENDPOINTS],
  },
  {
    provide: PAPER_SYMBOLS,
    useFactory: (config: ExchangeConfig) => config.trading.symbols ?? null,
    inject: [APP_CONFIG],
  },
  ExchangeLifecycle,
];

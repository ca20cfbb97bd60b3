import type { Provider } from '@nestjs/common';

import { APP_CONFIG, type AppConfig } from '@nexwave/config';
import { StreamPort } from '@nexwave/messaging';
import { PACIFICA_ENDPOINTS, type PacificaEndpoints } from '@nexwave/pacifica';

import { ExchangePort } from '../../application/ports/exchange.port';
import { ExchangeLifecycle, PAPER_SYMBOLS } from './exchange.lifecycle';
import { createPaperExchange } from './paper-exchange.providers';

type ExchangeConfig = Pick<AppConfig, 'trading'>;

/**
 * The one place the exchange is chosen: the paper exchange while PAPER_TRADING=true (the
 * default), fed by the order-book streams and the market rules of PACIFICA_ENDPOINTS.
 */
export function createExchange(
  config: ExchangeConfig,
  streams: StreamPort,
  endpoints: PacificaEndpoints,
): ExchangePort {
  const { trading } = config;
  if (!trading.paperTrading) {
    throw new Error('live trading (PAPER_TRADING=false) needs the Pacifica exchange adapter');
  }
  return createPaperExchange(streams, {
    restUrl: endpoints.restUrl,
    startingBalanceUsd: trading.paperStartingBalanceUsd,
    bookMaxAgeMs: trading.paperBookMaxAgeMs,
  });
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

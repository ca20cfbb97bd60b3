import {
  ExchangeError,
  PacificaOrderError,
  type MarketInfo,
  type PacificaRestClient,
} from '@nexwave/pacifica';

import {
  ExchangeRejectedError,
  ExchangeUnavailableError,
} from '../../application/ports/exchange.errors';

/**
 * The market rules the paper exchange enforces (tick, lot, min and max order notional, max
 * leverage), from the exchange's public `/info` (the simulator in the all-in-one app, Pacifica's
 * REST otherwise). The REST client caches `/info` and reloads it once for a symbol it does not know.
 */
export class PaperMarkets {
  constructor(private readonly client: Pick<PacificaRestClient, 'getMarkets' | 'getMarket'>) {}

  async symbols(): Promise<string[]> {
    return (await this.read(() => this.client.getMarkets())).map((market) => market.symbol);
  }

  /** Throws ExchangeRejectedError UNKNOWN_MARKET for a symbol the exchange does not list. */
  rules(symbol: string): Promise<MarketInfo> {
    return this.read(() => this.client.getMarket(symbol));
  }

  private async read<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof PacificaOrderError && error.code === 'UNKNOWN_MARKET') {
        throw new ExchangeRejectedError('UNKNOWN_MARKET', error.message);
      }
      if (error instanceof ExchangeError) {
        throw new ExchangeUnavailableError(`market rules unavailable: ${error.message}`, {
          cause: error,
        });
      }
      throw error;
    }
  }
}

import type { PacificaRestClient } from '@nexwave/pacifica';

import { MarketLotsPort } from '../../application/ports/market-lots.port';

/**
 * Symbols and lot sizes from the exchange's public `/info` (the simulator in the all-in-one app), which the
 * REST client caches and reloads once for a symbol it does not know.
 */
export class PacificaMarketLotsAdapter extends MarketLotsPort {
  constructor(private readonly client: Pick<PacificaRestClient, 'getMarket' | 'getMarkets'>) {
    super();
  }

  async symbols(): Promise<string[]> {
    return (await this.client.getMarkets()).map((market) => market.symbol);
  }

  async lotSize(symbol: string): Promise<string> {
    return (await this.client.getMarket(symbol)).lotSize;
  }
}

import { orderBookStream, StreamPort, symbolSchema } from '@nexwave/messaging';
import { PacificaRestClient } from '@nexwave/pacifica';

import { MarketSymbolsPort } from '../../application/ports/market-symbols.port';

/** SYMBOLS from the config. */
export class ConfiguredMarketSymbols extends MarketSymbolsPort {
  constructor(private readonly symbols: readonly string[]) {
    super();
  }

  list(): Promise<string[]> {
    return Promise.resolve([...this.symbols]);
  }
}

/** Every market the exchange (Pacifica or the simulator) lists. */
export class ExchangeMarketSymbols extends MarketSymbolsPort {
  private readonly client: PacificaRestClient;

  constructor(restUrl: string) {
    super();
    this.client = new PacificaRestClient({ baseUrl: restUrl });
  }

  async list(): Promise<string[]> {
    return (await this.client.getMarkets()).map((market) => market.symbol);
  }
}

/**
 * For an app without the exchange's address (the split whale-tracker): the symbols whose order
 * books market-data publishes (the `orderbook:{SYMBOL}` streams that exist; not their dead letters).
 */
export class PublishedMarketSymbols extends MarketSymbolsPort {
  private readonly prefix = orderBookStream('');

  constructor(private readonly streams: StreamPort) {
    super();
  }

  async list(): Promise<string[]> {
    return (await this.streams.list(this.prefix))
      .map((name) => name.slice(this.prefix.length))
      .filter((symbol) => symbolSchema.safeParse(symbol).success);
  }
}

import { DataSource } from 'typeorm';

import { PacificaRestClient } from '@nexwave/pacifica';

import { MarketSymbolsPort } from '../../application/ports/market-symbols.port';
import { SELECT_RECENT_TRADE_SYMBOLS } from '../persistence/whales.sql';

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
 * For an app without the exchange's address (the split whale-tracker): the symbols traded in the
 * last day, as market-data recorded them.
 */
export class TradedMarketSymbols extends MarketSymbolsPort {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async list(): Promise<string[]> {
    const rows = await this.dataSource.query<{ symbol: string }[]>(SELECT_RECENT_TRADE_SYMBOLS);
    return rows.map((row) => row.symbol);
  }
}

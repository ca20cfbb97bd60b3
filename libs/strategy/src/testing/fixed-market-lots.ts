import { MarketLotsPort } from '../application/ports/market-lots.port';

/** The same lot size for every market, or one per symbol. */
export class FixedMarketLots extends MarketLotsPort {
  constructor(
    private readonly lot = '0.01',
    private readonly bySymbol: Readonly<Record<string, string>> = {},
  ) {
    super();
  }

  lotSize(symbol: string): Promise<string> {
    return Promise.resolve(this.bySymbol[symbol] ?? this.lot);
  }
}

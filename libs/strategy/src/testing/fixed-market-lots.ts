import { MarketLotsPort } from '../application/ports/market-lots.port';

/** BTC and the symbols given; the same lot size for every market, or one per symbol. */
export class FixedMarketLots extends MarketLotsPort {
  constructor(
    private readonly lot = '0.01',
    private readonly bySymbol: Readonly<Record<string, string>> = {},
  ) {
    super();
  }

  symbols(): Promise<string[]> {
    return Promise.resolve(['BTC', ...Object.keys(this.bySymbol).filter((s) => s !== 'BTC')]);
  }

  lotSize(symbol: string): Promise<string> {
    return Promise.resolve(this.bySymbol[symbol] ?? this.lot);
  }
}

import { DEFAULT_MARKETS, type MarketSpec } from './market';
import { MarketState } from './market-state';
import { SimError } from './sim.errors';

/** The listed markets, each with its own seeded random stream. */
export class Markets {
  private readonly bySymbol = new Map<string, MarketState>();

  constructor(specs: readonly MarketSpec[] = DEFAULT_MARKETS, seed = 1) {
    for (const spec of specs) {
      this.bySymbol.set(spec.symbol, new MarketState(spec, seed));
    }
  }

  list(): MarketState[] {
    return [...this.bySymbol.values()];
  }

  get(symbol: string): MarketState {
    const market = this.bySymbol.get(symbol);
    if (!market) {
      throw new SimError('BOOK_NOT_FOUND', `Market ${symbol} not found`, { symbol });
    }
    return market;
  }
}

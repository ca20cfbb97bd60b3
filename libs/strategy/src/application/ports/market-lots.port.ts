/** The exchange's markets: their symbols and lot sizes (base units an amount is a multiple of). */
export abstract class MarketLotsPort {
  abstract symbols(): Promise<string[]>;
  abstract lotSize(symbol: string): Promise<string>;
}

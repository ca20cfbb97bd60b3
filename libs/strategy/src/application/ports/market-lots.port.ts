/** The exchange's lot size of a market (base units an order amount is a multiple of). */
export abstract class MarketLotsPort {
  abstract lotSize(symbol: string): Promise<string>;
}

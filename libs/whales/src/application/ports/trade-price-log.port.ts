export interface TradePrice {
  readonly symbol: string;
  readonly price: string;
  /** Exchange time of the trade. */
  readonly time: Date;
}

/**
 * The tracker's own record of trade prices, fed from market-data's `trades:{SYMBOL}` streams:
 * the last trade of each second per symbol.
 */
export abstract class TradePriceLogPort {
  abstract record(trade: TradePrice): Promise<void>;

  /** The price of the last recorded trade of `symbol` at or before `at`; null when there is none. */
  abstract lastPriceAt(symbol: string, at: Date): Promise<string | null>;

  /** Deletes the prices of trades before `time`. */
  abstract forgetBefore(time: Date): Promise<void>;
}

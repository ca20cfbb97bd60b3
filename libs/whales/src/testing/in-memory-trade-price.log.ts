import { TradePriceLogPort, type TradePrice } from '../application/ports/trade-price-log.port';

/** Trade prices in an array, answering like whale_trade_prices (last trade at or before a time). */
export class InMemoryTradePriceLog extends TradePriceLogPort {
  private trades: TradePrice[] = [];

  record(trade: TradePrice): Promise<void> {
    this.trades.push(trade);
    return Promise.resolve();
  }

  lastPriceAt(symbol: string, at: Date): Promise<string | null> {
    const before = this.trades
      .filter((t) => t.symbol === symbol && t.time.getTime() <= at.getTime())
      .sort((a, b) => a.time.getTime() - b.time.getTime());
    return Promise.resolve(before.at(-1)?.price ?? null);
  }

  forgetBefore(time: Date): Promise<void> {
    this.trades = this.trades.filter((t) => t.time.getTime() >= time.getTime());
    return Promise.resolve();
  }
}

import { LessThan, LessThanOrEqual, type Repository } from 'typeorm';

import { TradePriceLogPort, type TradePrice } from '../../application/ports/trade-price-log.port';
import type { WhaleTradePriceEntity } from './whale-trade-price.entity';
import { UPSERT_TRADE_PRICE } from './whales.sql';

/** whale_trade_prices: one row per symbol and second, holding that second's last trade. */
export class TypeOrmTradePriceLog extends TradePriceLogPort {
  constructor(private readonly prices: Repository<WhaleTradePriceEntity>) {
    super();
  }

  async record(trade: TradePrice): Promise<void> {
    // Conditional upsert (only a later trade replaces the second's price): SQL.
    await this.prices.query(UPSERT_TRADE_PRICE, [trade.symbol, trade.time, trade.price]);
  }

  async lastPriceAt(symbol: string, at: Date): Promise<string | null> {
    const row = await this.prices.findOne({
      select: { price: true },
      where: { symbol, time: LessThanOrEqual(at) },
      order: { time: 'DESC' },
    });
    return row?.price ?? null;
  }

  async forgetBefore(time: Date): Promise<void> {
    await this.prices.delete({ time: LessThan(time) });
  }
}

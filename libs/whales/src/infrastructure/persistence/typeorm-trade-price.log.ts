import { DataSource } from 'typeorm';

import { TradePriceLogPort, type TradePrice } from '../../application/ports/trade-price-log.port';
import {
  DELETE_TRADE_PRICES_BEFORE,
  SELECT_LAST_TRADE_PRICE,
  UPSERT_TRADE_PRICE,
} from './whales.sql';

/** whale_trade_prices: one row per symbol and second, holding that second's last trade. */
export class TypeOrmTradePriceLog extends TradePriceLogPort {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async record(trade: TradePrice): Promise<void> {
    await this.dataSource.query(UPSERT_TRADE_PRICE, [trade.symbol, trade.time, trade.price]);
  }

  async lastPriceAt(symbol: string, at: Date): Promise<string | null> {
    const [row] = await this.dataSource.query<{ price: string }[]>(SELECT_LAST_TRADE_PRICE, [
      symbol,
      at,
    ]);
    return row?.price ?? null;
  }

  async forgetBefore(time: Date): Promise<void> {
    await this.dataSource.query(DELETE_TRADE_PRICES_BEFORE, [time]);
  }
}
